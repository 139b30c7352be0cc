// rtcheck: the command-line driver. `run` and `report` are implemented here (no LLVM, cheap
// start-up); `check`, `extract`, `link`, `rules`, `config` and `list-checks` are handed to
// rtcheck-analyzer in the same directory, unchanged.
#include "driver.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unistd.h>

using namespace rtcheck::driver;

namespace {

constexpr const char *AnalyzerCommands[] = {"check", "extract",     "link",
                                            "rules", "list-checks", "config"};

[[noreturn]] void execAnalyzer(int argc, char **argv) {
  std::string Analyzer = selfDir() + "/rtcheck-analyzer";
  if (access(Analyzer.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "rtcheck: error: the static analyzer is not built (expected %s)\n",
                 Analyzer.c_str());
    std::exit(2);
  }
  std::vector<char *> Args(argv, argv + argc);
  Args[0] = Analyzer.data();
  Args.push_back(nullptr);
  execv(Analyzer.c_str(), Args.data());
  std::fprintf(stderr, "rtcheck: error: cannot run %s: %s\n", Analyzer.c_str(),
               std::strerror(errno));
  std::exit(2);
}

} // namespace

int main(int argc, char **argv) {
  if (argc >= 2)
    for (const char *Cmd : AnalyzerCommands)
      if (std::string_view(argv[1]) == Cmd)
        execAnalyzer(argc, argv);

  if (argc >= 2 && std::string_view(argv[1]) == "report")
    return reportMain(argc - 1, argv + 1);

  // Options come after the subcommand; CLI11 would answer "A subcommand is required".
  if (argc >= 2 && argv[1][0] == '-') {
    std::string_view First = argv[1];
    if (First != "-h" && First != "--help" && First != "--help-all" && First != "--version") {
      std::fprintf(stderr,
                   "rtcheck: error: unknown option '%s' (a subcommand comes first: check, "
                   "extract, link, rules, report or run; see rtcheck --help)\n",
                   argv[1]);
      return 2;
    }
  }

  if (argc >= 2 && argv[1][0] != '-' && std::string_view(argv[1]) != "run") {
    std::fprintf(stderr,
                 "rtcheck: error: unknown subcommand '%s' (expected check, extract, link, rules, "
                 "list-checks, config, report or run)\n",
                 argv[1]);
    return 2;
  }

  // `run ... -- PROGRAM ARGS`: everything after the first "--" is the program, untouched; before
  // it, only options. Without "--", the first positional argument starts the program.
  int CLIArgc = argc;
  bool DashDash = false;
  RunOptions Run;
  for (int I = 1; I < argc; ++I)
    if (std::string_view(argv[I]) == "--") {
      CLIArgc = I;
      DashDash = true;
      Run.Command.assign(argv + I + 1, argv + argc);
      break;
    }

  CLI::App App{"rtcheck: real-time safety for C and C++ (static analyzer and runtime shim)"};
  App.name("rtcheck");
  App.set_version_flag("--version", std::string("rtcheck ") + RTCHECK_VERSION);
  App.require_subcommand(1);
  App.add_subcommand("check", "Analyse translation units and report findings (rtcheck-analyzer)");
  App.add_subcommand("extract", "Reduce translation units to summary files (rtcheck-analyzer)");
  App.add_subcommand("link", "Link summaries and report findings (rtcheck-analyzer)");
  App.add_subcommand("rules", "List, show or validate rules (rtcheck-analyzer)");
  App.add_subcommand("list-checks",
                     "List check ids, descriptions and severity per context (rtcheck-analyzer)");
  App.add_subcommand("config", "Show the effective configuration: config --dump [FILE] "
                               "(rtcheck-analyzer)");
  App.add_subcommand("report", "Check real-time claims against static and runtime evidence");
  CLI::App *RunCmd = App.add_subcommand(
      "run", "Run a program under the runtime shim: rtcheck run [options] -- PROGRAM ARGS...");
  RunCmd->add_flag("--trap", Run.Trap, "Stop the program at the first violation (mode=trap)");
  RunCmd->add_option("--report", Run.Report, "Write the JSON report to FILE (%p: pid)");
  RunCmd->add_option("--options", Run.Options, "Extra RTCHECK_OPTIONS (key=value:key=value)");
  RunCmd->add_flag("-q,--quiet", Run.Quiet, "Do not print the summary table");
  std::vector<std::string> Positional;
  if (!DashDash) {
    RunCmd->add_option("program", Positional, "The program and its arguments (after --)");
    RunCmd->prefix_command();
  }

  try {
    App.parse(CLIArgc, argv);
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForAllHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForVersion &E) {
    return App.exit(E);
  } catch (const CLI::ParseError &E) {
    std::string Msg = E.what();
    std::fprintf(stderr, "rtcheck: error: %s\n",
                 Msg.empty() ? "invalid command line" : Msg.c_str());
    return 2;
  }
  if (!DashDash) {
    std::vector<std::string> Rest = RunCmd->remaining();
    Positional.insert(Positional.end(), Rest.begin(), Rest.end());
    Run.Command = Positional;
  }
  if (Run.Command.empty()) {
    std::fprintf(
        stderr,
        "rtcheck: error: run: no program given (rtcheck run [options] -- PROGRAM ARGS...)\n");
    return 2;
  }
  return runUnderShim(Run);
}
