//===- Extract.h - reduce translation units to summaries --------*- C++ -*-===//
//
// Parses each translation unit with Clang and reduces it to a Summary (Summary.h). Heavy Clang
// headers stay in Extract.cpp: this header is included by the tools and must stay light.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_EXTRACT_H
#define RTCHECK_EXTRACT_H

#include "rtcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace rtcheck {

struct ExtractOptions {
  /// Clang's resource directory (builtin headers such as stddef.h).
  std::string ResourceDir;
  /// Extra arguments appended to every compile command.
  std::vector<std::string> ExtraArgs;
  /// Number of translation units parsed in parallel (0: one per core).
  unsigned Jobs = 0;
};

/// The outcome for one translation unit.
struct TUResult {
  std::string File;
  std::optional<Summary> Result; ///< empty when the TU failed
  std::string Error;             ///< one line, set when Result is empty
  double Seconds = 0;
};

/// Extracts one summary per file, in parallel; results are in the order of Files. A file with no
/// compile command, or one that does not parse, yields a TUResult with Error set.
std::vector<TUResult> extractSummaries(const clang::tooling::CompilationDatabase &DB,
                                       llvm::ArrayRef<std::string> Files,
                                       const ExtractOptions &Options);

} // namespace rtcheck

#endif
