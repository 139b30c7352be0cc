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
struct CompileCommand;
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

/// Extracts one summary per compile command, in parallel; results are in the order of Commands.
/// A command that does not parse yields a TUResult with Error set.
std::vector<TUResult> extractSummaries(llvm::ArrayRef<clang::tooling::CompileCommand> Commands,
                                       const ExtractOptions &Options);

} // namespace rtcheck

#endif
