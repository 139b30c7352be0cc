//===- Progress.cpp - "[37/180] src/engine.cpp" on stderr -----------------===//
#include "rtcheck/Progress.h"

#include "rtcheck/Finding.h"

using namespace llvm;

namespace rtcheck {
namespace {

/// Below this a run has no progress line on a terminal: it would only flicker.
constexpr std::chrono::milliseconds QuietStart(1000);

/// Moves to the start of the line and erases it (ANSI; every terminal rtcheck runs on).
constexpr StringLiteral ClearLine = "\r\x1b[K";

} // namespace

ProgressLine::ProgressLine(raw_ostream &OS, bool Terminal, std::string Root)
    : OS(OS), Terminal(Terminal), Root(std::move(Root)) {}

void ProgressLine::update(unsigned Done, unsigned Total, StringRef File) {
  if (Terminal && std::chrono::steady_clock::now() - Start < QuietStart)
    return;
  StringRef Relative = relativeToRoot(File, Root);
  StringRef Name = Relative.empty() ? File : Relative;
  if (Terminal)
    OS << ClearLine;
  OS << "[" << Done << "/" << Total << "] " << Name;
  if (!Terminal)
    OS << "\n";
  OS.flush();
  Shown = true;
}

void ProgressLine::finish() {
  if (Terminal && Shown) {
    OS << ClearLine;
    OS.flush();
  }
  Shown = false;
}

} // namespace rtcheck
