//===- Extract.h - reduce translation units to summaries --------*- C++ -*-===//
//
// Parses each translation unit with Clang and reduces it to a Summary (Summary.h). Heavy Clang
// headers stay in lib/extract/: this header is included by the tools and must stay light.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_EXTRACT_H
#define RTCHECK_EXTRACT_H

#include "rtcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace clang::tooling {
struct CompileCommand;
}

namespace rtcheck {

class SummaryCache;

/// Clang's resource directory (builtin headers such as stddef.h): $RTCHECK_CLANG_RESOURCE_DIR,
/// or the one of the Clang the analyzer was built with.
std::string defaultResourceDir();

struct ExtractOptions {
  /// Clang's resource directory; empty: the compiler's own guess, next to the executable (wrong
  /// for rtcheck-analyzer, which is not installed beside Clang).
  std::string ResourceDir = defaultResourceDir();
  /// Extra arguments appended to every compile command.
  std::vector<std::string> ExtraArgs;
  /// Number of translation units parsed in parallel (0: one per core).
  unsigned Jobs = 0;

  // --- progress (#13) ---
  /// Called after each translation unit, one call at a time, with the number done so far.
  std::function<void(unsigned Done, unsigned Total, llvm::StringRef File)> OnDone;

  // --- summary cache (#13 section 4) ---
  /// Where summaries are looked up before parsing and stored after (SummaryCache.h); null: none.
  SummaryCache *Cache = nullptr;
};

/// The outcome for one translation unit.
struct TUResult {
  std::string File;
  std::optional<Summary> Result; ///< empty when the TU failed
  std::string Error;             ///< one line, set when Result is empty
  double Seconds = 0;

  // --- compiler flags Clang does not know (#13) ---
  /// Dropped from the command before parsing (CompilerFlags.h); the run warns once per flag.
  std::vector<std::string> DroppedFlags;

  // --- files read, for build systems' depfiles (#13 §3) ---
  /// Every file the preprocessor entered (the main file, its headers, system and builtin headers
  /// too), absolute, in the order first entered. Set when Result is.
  std::vector<std::string> Dependencies;
  // --- summary cache (#13 section 4) ---
  /// The summary came from the cache: the TU was not parsed.
  bool FromCache = false;
  /// One line each: a corrupt entry ignored, an entry that could not be written.
  std::vector<std::string> CacheNotes;
};

/// Extracts one summary per compile command, in parallel; results are in the order of Commands.
/// A command that does not parse yields a TUResult with Error set.
std::vector<TUResult> extractSummaries(llvm::ArrayRef<clang::tooling::CompileCommand> Commands,
                                       const ExtractOptions &Options);

} // namespace rtcheck

#endif
