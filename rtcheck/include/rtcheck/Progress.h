//===- Progress.h - "[37/180] src/engine.cpp" on stderr ---------*- C++ -*-===//
//
// Shows how far a run has got while translation units are parsed. On a terminal it is one line
// rewritten in place, shown once the run has lasted a second (short runs stay silent) and erased
// at the end; elsewhere (`--progress` in a CI log) it is one line per translation unit.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_PROGRESS_H
#define RTCHECK_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <string>

namespace rtcheck {

class ProgressLine {
public:
  /// Terminal: rewrite one line in place after a second. Files are shown relative to Root when
  /// they lie under it.
  ProgressLine(llvm::raw_ostream &OS, bool Terminal, std::string Root);
  ~ProgressLine() { finish(); }

  /// Done of Total translation units are parsed, File the last one. Not thread-safe: the
  /// extraction calls it one call at a time (ExtractOptions::OnDone).
  void update(unsigned Done, unsigned Total, llvm::StringRef File);
  /// Erases the line on a terminal; idempotent.
  void finish();

private:
  llvm::raw_ostream &OS;
  bool Terminal;
  std::string Root;
  std::chrono::steady_clock::time_point Start = std::chrono::steady_clock::now();
  bool Shown = false;
};

} // namespace rtcheck

#endif
