//===- Emit.h - text, JSON and SARIF output ---------------------*- C++ -*-===//
//
// Layout only: every phrase of a finding and its fingerprint come from Finding.h.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_EMIT_H
#define RTCHECK_EMIT_H

#include "rtcheck/Link.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace rtcheck {

/// A translation unit that could not be analysed.
struct InputError {
  std::string File;
  std::string Message;
};

/// What was analysed: the database's compile commands and the programs they make.
struct InputStats {
  unsigned Programs = 0;
  std::string ProgramsFrom; ///< cmake | meson | entries | files | summaries
  unsigned CommandsAnalysed = 0;
  unsigned CommandsMerged = 0; ///< exact duplicates of an analysed command
  unsigned CommandsFailed = 0;

  // --- summary cache (#13 section 4) ---
  /// Set when `check` used the summary cache: its directory.
  std::string CacheDir;
  unsigned CacheHits = 0;
  unsigned CacheMisses = 0;
  /// The TUs parsed because the cache had no summary for them, in database order.
  std::vector<std::string> Extracted;
};

/// What a baseline (Baseline.h) did to a run's findings.
struct BaselineOutcome {
  std::string File;
  /// Findings the baseline already records: counted, not reported as new.
  std::vector<Finding> Matched;
  /// Baseline entries no finding of this run matched (fixed, or their code removed).
  unsigned Absent = 0;
};

/// Everything one run reports.
struct Report {
  LinkResult Link;
  InputStats Inputs;
  std::vector<InputError> Errors;
  double Seconds = 0;
  /// Paths under this directory are written relative to it in SARIF (uriBaseId %SRCROOT%), and
  /// findings without a fingerprint get one over their path relative to it.
  std::string SourceRoot;

  // --- baselines (#13) ---
  /// Set when a baseline was applied: Link.Findings are then the new findings only.
  std::optional<BaselineOutcome> Baseline;
};

enum class Format { Text, JSON, SARIF };

/// A report lists at most this many findings by default (`--max-findings`): real code bases
/// have hundreds; beyond this a run is pathological (generated code) and its report would only
/// cost memory, disk and the reader's time.
inline constexpr unsigned DefaultMaxFindings = 10000;

/// Keeps the first Max findings of R (0: all) and says in R's warnings how many were left out.
void capFindings(Report &R, unsigned Max);

/// Compiler-style diagnostics: `file:line:col: error: message [rtcheck-alloc]` and `note:` lines
/// walking the chain from the root; a summary line at the end.
/// Quiet leaves out the warnings and the summary line.
void emitText(llvm::raw_ostream &OS, const Report &R, bool Color, bool Quiet = false);
/// `--stats`: programs, compile commands analysed/merged/failed, roots by origin, functions
/// reachable; one `rtcheck: stats:` line each.
void emitStats(llvm::raw_ostream &OS, const Report &R);
/// The stable JSON document described in docs/formats.md.
void emitJSON(llvm::raw_ostream &OS, const Report &R);
/// SARIF 2.1.0: rules in the tool driver, chains as code flows, partial fingerprints.
void emitSARIF(llvm::raw_ostream &OS, const Report &R);

} // namespace rtcheck

#endif
