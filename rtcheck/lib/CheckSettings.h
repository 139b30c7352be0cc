//===- CheckSettings.h - configuration and baselines in a run ---*- C++ -*-===//
//
// The parts of `check`, `link` and `extract` that depend on each file's configuration
// (ConfigDiscovery.h) and on baselines, kept out of Check.cpp's orchestration.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_CHECKSETTINGS_H
#define RTCHECK_LIB_CHECKSETTINGS_H

#include "rtcheck/Check.h"
#include "rtcheck/ConfigDiscovery.h"

namespace rtcheck {

/// The main file of a compile command, absolute.
std::string commandFile(const clang::tooling::CompileCommand &C);

/// Adds each command's extra arguments from its file's configuration: `extra_args_before` after
/// the compiler, `extra_args` at the end (before a `--`), as clang-tidy does.
llvm::Error addExtraArgs(std::vector<clang::tooling::CompileCommand> &Commands,
                         ConfigResolver &Resolver);

/// One warning per distinct compiler flag dropped from any command (TUResult::DroppedFlags).
void warnDroppedFlags(llvm::ArrayRef<TUResult> Results, std::vector<std::string> &Warnings);

/// After linking: drops the unknown-call findings whose site's configuration turns them off,
/// writes and applies the baselines of Options and counts the findings that fail the run.
llvm::Error judgeFindings(CheckResult &Out, ConfigResolver &Resolver,
                          const AnalysisOptions &Options);

} // namespace rtcheck

#endif
