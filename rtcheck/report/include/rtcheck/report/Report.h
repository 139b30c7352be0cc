// Validation reports: every real-time claim checked against the static and the runtime evidence.
// LLVM-free (nlohmann/json only), so the `rtcheck` driver can link it. The format of the claims
// file and of every output is described in docs/report.md.
#ifndef RTCHECK_REPORT_REPORT_H
#define RTCHECK_REPORT_REPORT_H

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rtcheck::report {

// A bad input: wrong version, not JSON, a claim that does not validate. The message names the file
// and fits on one line; the tool prints it and exits with status 2.
class InputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct Location {
  std::string File; // as the input gave it (absolute for the analyzer and __FILE__ under CMake)
  int Line = 0;
  int Column = 0;
};

// --- Static evidence (`rtcheck check --format=json`, docs/formats.md) ---------------------------

struct Root {
  std::string Function, Context, Origin;
  Location Loc;
};

struct ChainStep {
  std::string Function, Note;
  Location Loc;
  bool System = false;
};

struct Finding {
  std::string Rule, Category, Severity, Message, Function, Callee, Leaf, Reason, Fingerprint;
  Location Loc;
  std::vector<std::string> Roots, Contexts;
  std::vector<ChainStep> Chain;
  bool Known = false;              // its fingerprint is in the baseline
  std::vector<size_t> ConfirmedBy; // runtime sites observed at this line
};

// --- Runtime evidence (`rtcheck run --report`, docs/runtime.md) ---------------------------------

struct Frame {
  std::string Raw;      // the report's text
  std::string Module;   // the object file, when the report named it
  uint64_t Offset = 0;  // return address relative to the module
  std::string Function; // demangled; from the symbolizer, else the report's symbol
  Location Loc;         // from the symbolizer; empty if unknown
  bool Inlined = false; // an inlined frame expanded by the symbolizer
};

struct Site {
  std::string Function, Category, Scope, Report;
  uint64_t Count = 0;
  std::vector<Frame> Stack;
  std::optional<size_t> Confirms; // the static finding at one of its frames
};

struct Latency {
  uint64_t Min = 0, Mean = 0, Max = 0, P50 = 0, P90 = 0, P99 = 0, P999 = 0;
};

struct Period {
  uint64_t Count = 0, Mean = 0, Min = 0, Max = 0, JitterMax = 0;
};

struct Scope {
  std::string Name;
  std::string Function; // RTCHECK_SCOPE's enclosing function, or an automatic scope's symbol
  Location Loc;
  uint64_t Threads = 0, Calls = 0, BudgetNs = 0, Misses = 0;
  Latency Lat;
  Period Per;
  std::map<std::string, uint64_t> Violations, ByFunction;
  std::vector<std::string> Reports; // the runtime reports it was merged from
};

// --- Claims and their verdicts ------------------------------------------------------------------

enum class Status { Pass, Fail, NotMeasured };
const char *statusName(Status S); // "PASS", "FAIL", "NOT MEASURED"

struct ClaimSpec {
  std::vector<std::string> Allowed; // categories; empty with HasAllowed=false: the profile's
  bool HasAllowed = false;
  std::optional<double> BudgetMs, MaxJitterMs;
  std::optional<uint64_t> MissLimit;
  std::map<std::string, double> LatencyMs; // "p50" "p90" "p99" "p999" "max" -> limit
};

struct Claim {
  std::string Id;       // stable: "no-alloc", "deadline", "latency-p99", "jitter"
  std::string Text;     // "no heap allocation", "p99 latency <= 1.000 ms"
  std::string Origin;   // "claims file", "profile 'audio'", "declared budget"
  std::string Evidence; // what was looked at
  std::string Reason;   // one line: why this status
  Status St = Status::NotMeasured;
};

struct Callback {
  std::string Name; // the root's function, else the scope's name
  std::string Context;
  std::optional<size_t> RootIndex, ScopeIndex;
  std::vector<size_t> Findings, Sites;
  std::vector<Claim> Claims;
  std::string Coverage;  // "static and run time", "not exercised at run time", "no static root"
  uint64_t BudgetNs = 0; // the budget judged against: claimed, else declared
  std::map<std::string, double> LatencyLimitsMs; // claimed percentile limits
};

// --- The whole report ---------------------------------------------------------------------------

struct Options {
  std::string StaticPath;                // `rtcheck check --format=json`; empty: none
  std::vector<std::string> RuntimePaths; // runtime reports, merged
  std::string ClaimsPath, BaselinePath;
  std::string RulesDir;   // holds profiles/<context>.json; empty: no profiles
  std::string Symbolizer; // llvm-symbolizer to use; empty: look for one
  std::string SourceRoot; // SARIF paths below it are relative; empty: absolute
  std::string Title;      // e.g. the program's name
};

struct Report {
  Options Opts;
  std::vector<Root> Roots;
  std::vector<Finding> Findings;
  std::vector<std::string> StaticErrors; // translation units the analyzer could not parse
  std::string StaticSourceRoot; // the analyzer's source root (its JSON `source_root`); may be empty
  std::vector<Scope> Scopes;
  std::vector<Site> Sites;
  std::vector<std::string> Programs; // of the runtime reports
  std::vector<Callback> Callbacks;
  std::vector<std::string> Notes; // caveats the reader must see (symbolizer missing, ...)
  size_t Passed = 0, Failed = 0, NotMeasured = 0;
};

// Reads the inputs, symbolises the stacks, joins static and runtime evidence into callbacks and
// evaluates every claim. Throws InputError for an input that cannot be used.
Report buildReport(const Options &Opts);

// 0: every claim holds (or was not measured); 1: a claim fails.
int exitStatus(const Report &R);

std::string renderHtml(const Report &R);
std::string renderMarkdown(const Report &R);
std::string renderJunit(const Report &R);
std::string renderSarif(const Report &R);

// Writes Text to Path ("-": stdout); a regular file is written to a temporary name beside it and
// renamed over Path. Throws std::runtime_error with a one-line message on failure.
void writeOutput(const std::string &Path, const std::string &Text);

} // namespace rtcheck::report

#endif
