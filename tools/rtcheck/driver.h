// Shared declarations of the rtcheck driver (tools/rtcheck).
#ifndef RTCHECK_TOOLS_DRIVER_H
#define RTCHECK_TOOLS_DRIVER_H

#include <cstdint>
#include <string>
#include <vector>

namespace rtcheck::driver {

struct RunOptions {
  bool Trap = false;
  bool Quiet = false;
  std::string Report;  // empty: a temporary report, removed after the summary
  std::string Options; // extra RTCHECK_OPTIONS
  std::vector<std::string> Command;
};

// `rtcheck run`: runs Command under the shim, prints the summary, returns the exit status to use
// (a program killed by a signal makes the driver kill itself with the same signal).
int runUnderShim(const RunOptions &Opts);

// Prints the per-scope table of a runtime report to stderr. Returns false if it cannot be read.
bool printSummary(const std::string &ReportPath);

// `rtcheck report ARGS` (argv[0] is "report"): validation reports. Returns the exit status.
int reportMain(int argc, char **argv);

// What a run's reports say for a CI verdict (the `exitcode` option, docs/runtime.md).
struct Verdict {
  uint64_t Violations = 0; // counted calls in scopes (suppressed ones excluded)
  uint64_t DeadlineMisses = 0;
  int ExitCode = 0; // the report's `exitcode` option; 0: no verdict asked for
};
// Adds the report at ReportPath to V; a missing or malformed report adds nothing.
void addToVerdict(const std::string &ReportPath, Verdict &V);

// Directory of the running executable (/proc/self/exe).
std::string selfDir();

// Why the file at Path cannot be the runtime shim ("not a shared library", ...), or "" when it is
// a 64-bit ELF shared library defining rtcheck_scope_begin (elf.cpp).
std::string whyNotTheShim(const std::string &Path);
// Whether Path is an ELF executable without a program interpreter (LD_PRELOAD cannot apply).
bool isStaticallyLinked(const std::string &Path);

} // namespace rtcheck::driver

#endif
