//===- Baseline.h - findings recorded so that only new ones fail -*- C++ -*-===//
//
// `check --write-baseline FILE` records a run's findings; `--baseline FILE` reports only the
// findings it does not record. A finding is matched by its fingerprint (Finding.h), which
// survives moving code, edits above it and renaming its folder. Several findings can share a
// fingerprint (one function calling one callee twice): each baseline entry accepts one finding,
// preferring the one at the recorded file and line, so a third call next to two recorded ones is
// new. The file format is docs/formats.md "Baselines" (rules/schema/baseline.schema.json).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_BASELINE_H
#define RTCHECK_BASELINE_H

#include "rtcheck/Emit.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace rtcheck {

struct BaselineEntry {
  std::string Fingerprint;
  std::string Rule;
  /// Relative to the source root of the run that wrote it, when the site lay under it.
  std::string File;
  unsigned Line = 0;
  std::string Function;
  std::string Callee;
  std::string Message;
};

struct Baseline {
  std::vector<BaselineEntry> Entries;
};

/// The entries recording Findings, sorted by file, line and rule so that the file diffs well.
Baseline makeBaseline(llvm::ArrayRef<Finding> Findings, llvm::StringRef SourceRoot);

llvm::Error writeBaselineFile(const Baseline &B, llvm::StringRef Path);
/// Errors start with Path: unreadable, not JSON, not a baseline, or of a later format version.
llvm::Expected<Baseline> readBaselineFile(llvm::StringRef Path);

/// Moves the findings of R that B records into R.Baseline (named File) and counts B's entries
/// that no finding matched.
void applyBaseline(const Baseline &B, llvm::StringRef File, Report &R);

} // namespace rtcheck

#endif
