// `rtcheck report`: the tool edge of rtcheck/report. Maps the flags onto report::Options, builds
// the report, writes the requested outputs, and turns every error into one line and status 2.
#include "driver.h"

#include "rtcheck/report/Report.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

namespace rtcheck::driver {

namespace {

// The rules the analyzer uses, found the way the analyzer finds them: $RTCHECK_RULES_DIR, else
// share/rtcheck/rules beside this executable's bin/ (the build tree mirrors the install tree).
// Relative only, so that a moved or copied prefix keeps working and never reads another tree.
std::string defaultRulesDir() {
  if (const char *Env = std::getenv("RTCHECK_RULES_DIR"); Env && *Env)
    return Env;
  return selfDir() + "/../share/rtcheck/rules";
}

} // namespace

int reportMain(int argc, char **argv) {
  report::Options Opts;
  std::string Html, Markdown, Junit, Sarif;
  bool Quiet = false;
  CLI::App App{"rtcheck report: check every real-time claim against the static and runtime "
               "evidence"};
  App.name("rtcheck report");
  App.add_option("--static", Opts.StaticPath, "`rtcheck check --format=json` output");
  App.add_option("--runtime", Opts.RuntimePaths,
                 "A runtime report of `rtcheck run --report` (repeatable; merged)");
  App.add_option("--claims", Opts.ClaimsPath, "Claims file (docs/report.md)");
  App.add_option("--baseline", Opts.BaselinePath,
                 "A previous `rtcheck check --format=json`: its findings are known");
  App.add_option("--html", Html, "Write the HTML report to FILE (- for stdout)");
  App.add_option("--markdown", Markdown, "Write the Markdown summary to FILE (- for stdout)");
  App.add_option("--junit", Junit, "Write JUnit XML to FILE (- for stdout)");
  App.add_option("--sarif", Sarif, "Write SARIF 2.1.0 to FILE (- for stdout)");
  App.add_option("--rules", Opts.RulesDir, "Rules directory with the context profiles");
  App.add_option("--symbolizer", Opts.Symbolizer, "llvm-symbolizer to use");
  App.add_option("--source-root", Opts.SourceRoot, "SARIF paths below DIR are relative");
  App.add_option("--title", Opts.Title, "Title of the report (e.g. the program)");
  App.add_flag("-q,--quiet", Quiet, "Do not print the verdict line on stderr");
  try {
    App.parse(argc, argv);
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E);
  } catch (const CLI::ParseError &E) {
    std::fprintf(stderr, "rtcheck: error: report: %s\n", E.what());
    return 2;
  }
  if (Opts.RulesDir.empty())
    Opts.RulesDir = defaultRulesDir();
  if (Html.empty() && Markdown.empty() && Junit.empty() && Sarif.empty())
    Markdown = "-";
  try {
    report::Report R = report::buildReport(Opts);
    const std::pair<const std::string &, std::string (*)(const report::Report &)> Outputs[] = {
        {Html, report::renderHtml},
        {Markdown, report::renderMarkdown},
        {Junit, report::renderJunit},
        {Sarif, report::renderSarif}};
    for (const auto &[Path, Render] : Outputs)
      if (!Path.empty())
        report::writeOutput(Path, Render(R));
    if (!Quiet)
      std::fprintf(stderr, "rtcheck: report: %s\n",
                   [&] {
                     std::string V = R.Failed ? "FAIL" : "PASS";
                     return V + ": " + std::to_string(R.Failed) + " claim(s) fail, " +
                            std::to_string(R.Passed) + " pass, " + std::to_string(R.NotMeasured) +
                            " not measured";
                   }()
                       .c_str());
    return report::exitStatus(R);
  } catch (const report::InputError &E) {
    std::fprintf(stderr, "rtcheck: error: %s\n", E.what());
  } catch (const std::exception &E) {
    std::fprintf(stderr, "rtcheck: error: report: %s\n", E.what());
  }
  return 2;
}

} // namespace rtcheck::driver
