// Reading the inputs: the analyzer's JSON, runtime reports, a baseline and a claims file. Every
// problem is one InputError line that names the file.
#include "Internal.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>

namespace rtcheck::report::detail {

using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string &Path, const std::string &Msg) {
  throw InputError(Path + ": " + Msg);
}

json readJson(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    fail(Path, "cannot be read");
  std::stringstream Buf;
  Buf << In.rdbuf();
  try {
    return json::parse(Buf.str());
  } catch (const json::exception &E) {
    // parse_error, and out_of_range for a number too large for a double (found by fuzzing).
    fail(Path, std::string("not valid JSON (") + E.what() + ")");
  }
}

std::string str(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_string() ? It->get<std::string>() : std::string();
}

int integer(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_number_integer() ? It->get<int>() : 0;
}

uint64_t u64(const json &J, const char *Key) {
  auto It = J.find(Key);
  if (It == J.end() || !It->is_number())
    return 0;
  if (It->is_number_unsigned())
    return It->get<uint64_t>();
  // A negative, NaN or out-of-range double has no uint64_t value (converting it is undefined):
  // clamp to the nearest one.
  double D = It->get<double>();
  if (!(D > 0))
    return 0;
  if (D >= 18446744073709551616.0) // 2^64
    return std::numeric_limits<uint64_t>::max();
  return static_cast<uint64_t>(D);
}

std::vector<std::string> strings(const json &J, const char *Key) {
  std::vector<std::string> Out;
  auto It = J.find(Key);
  if (It != J.end() && It->is_array())
    for (const json &S : *It)
      if (S.is_string())
        Out.push_back(S.get<std::string>());
  return Out;
}

Location location(const json &J) {
  return {str(J, "file"), integer(J, "line"), integer(J, "column")};
}

// The version check every input shares: a document of another kind or version is refused.
void expectVersion(const json &Doc, const std::string &Path, const char *Key, int Version,
                   const char *What) {
  if (!Doc.is_object() || !Doc.contains(Key))
    fail(Path, std::string("not ") + What);
  const json &V = Doc[Key];
  if (!V.is_number_integer())
    fail(Path, std::string("'") + Key + "' is not a number; not " + What);
  if (V.get<int>() != Version)
    fail(Path, "unsupported " + std::string(What) + " version " + std::to_string(V.get<int>()) +
                   " (this rtcheck reads version " + std::to_string(Version) + ")");
}

void expectCheckDocument(const json &Doc, const std::string &Path) {
  const char *What = "an `rtcheck check --format=json` document";
  expectVersion(Doc, Path, "version", 1, What);
  if (!Doc.contains("findings") || !Doc["findings"].is_array() || !Doc.contains("roots") ||
      !Doc["roots"].is_array())
    fail(Path, std::string("not ") + What + " (no 'findings' and 'roots' arrays)");
}

} // namespace

void loadStatic(Report &R, const std::string &Path) {
  json Doc = readJson(Path);
  expectCheckDocument(Doc, Path);
  R.StaticSourceRoot = str(Doc, "source_root");
  for (const json &J : Doc["roots"])
    R.Roots.push_back({str(J, "function"), str(J, "context"), str(J, "origin"), location(J)});
  for (const json &J : Doc["findings"]) {
    Finding F;
    F.Rule = str(J, "rule");
    F.Category = str(J, "category");
    F.Severity = str(J, "severity");
    F.Message = str(J, "message");
    F.Function = str(J, "function");
    F.Callee = str(J, "callee");
    F.Leaf = str(J, "leaf");
    F.Reason = str(J, "reason");
    F.Fingerprint = str(J, "fingerprint");
    F.Loc = location(J);
    F.Roots = strings(J, "roots");
    F.Contexts = strings(J, "contexts");
    if (J.contains("chain") && J["chain"].is_array())
      for (const json &S : J["chain"])
        F.Chain.push_back(
            {str(S, "function"), str(S, "note"), location(S), S.value("system", false)});
    R.Findings.push_back(std::move(F));
  }
  if (Doc.contains("errors") && Doc["errors"].is_array())
    for (const json &E : Doc["errors"])
      R.StaticErrors.push_back(str(E, "file") + ": " + str(E, "message"));
}

std::set<std::string> loadBaseline(const std::string &Path) {
  json Doc = readJson(Path);
  expectCheckDocument(Doc, Path);
  std::set<std::string> Known;
  for (const json &J : Doc["findings"])
    if (std::string F = str(J, "fingerprint"); !F.empty())
      Known.insert(F);
  return Known;
}

namespace {

// An automatic scope is named "symbol (module)"; its symbol is the function it times.
std::string functionOfScopeName(const std::string &Name) {
  static const std::regex Auto(R"(^(\S+) \((.+)\)$)");
  std::smatch M;
  return std::regex_match(Name, M, Auto) ? M[1].str() : std::string();
}

void mergeScope(Scope &Into, const Scope &S) {
  uint64_t Calls = Into.Calls + S.Calls;
  if (Calls)
    Into.Lat.Mean = (Into.Lat.Mean * Into.Calls + S.Lat.Mean * S.Calls) / Calls;
  Into.Lat.Min = Into.Calls == 0 ? S.Lat.Min
                 : S.Calls == 0  ? Into.Lat.Min
                                 : std::min(Into.Lat.Min, S.Lat.Min);
  // Percentiles of separate runs cannot be combined exactly: keep the worst (documented).
  Into.Lat.Max = std::max(Into.Lat.Max, S.Lat.Max);
  Into.Lat.P50 = std::max(Into.Lat.P50, S.Lat.P50);
  Into.Lat.P90 = std::max(Into.Lat.P90, S.Lat.P90);
  Into.Lat.P99 = std::max(Into.Lat.P99, S.Lat.P99);
  Into.Lat.P999 = std::max(Into.Lat.P999, S.Lat.P999);
  Into.Calls = Calls;
  Into.Threads += S.Threads;
  Into.Misses += S.Misses;
  Into.BudgetNs = Into.BudgetNs ? Into.BudgetNs : S.BudgetNs;
  uint64_t Periods = Into.Per.Count + S.Per.Count;
  if (Periods)
    Into.Per.Mean = (Into.Per.Mean * Into.Per.Count + S.Per.Mean * S.Per.Count) / Periods;
  Into.Per.Min = Into.Per.Count == 0 ? S.Per.Min
                 : S.Per.Count == 0  ? Into.Per.Min
                                     : std::min(Into.Per.Min, S.Per.Min);
  Into.Per.Max = std::max(Into.Per.Max, S.Per.Max);
  Into.Per.JitterMax = std::max(Into.Per.JitterMax, S.Per.JitterMax);
  Into.Per.Count = Periods;
  for (const auto &[K, V] : S.Violations)
    Into.Violations[K] += V;
  for (const auto &[K, V] : S.ByFunction)
    Into.ByFunction[K] += V;
  if (Into.Function.empty()) {
    Into.Function = S.Function;
    Into.Loc = S.Loc;
  }
  Into.Reports.insert(Into.Reports.end(), S.Reports.begin(), S.Reports.end());
}

std::map<std::string, uint64_t> counts(const json &J, const char *Key) {
  std::map<std::string, uint64_t> Out;
  auto It = J.find(Key);
  if (It != J.end() && It->is_object())
    for (const auto &[K, V] : It->items())
      if (V.is_number_unsigned())
        Out[K] = V.get<uint64_t>();
  return Out;
}

std::string siteKey(const Site &S) {
  std::string K = S.Function + '\n' + S.Scope;
  for (const Frame &F : S.Stack)
    K += '\n' + (F.Module.empty() ? F.Raw : F.Module + '+' + std::to_string(F.Offset));
  return K;
}

} // namespace

void loadRuntime(Report &R, const std::string &Path) {
  json Doc = readJson(Path);
  const char *What = "an rtcheck runtime report";
  if (Doc.is_object() && Doc.contains("tool") && Doc["tool"] != "rtcheck-runtime")
    fail(Path, std::string("not ") + What + " (tool is not 'rtcheck-runtime')");
  expectVersion(Doc, Path, "version", 1, What);
  if (!Doc.contains("scopes") || !Doc["scopes"].is_array())
    fail(Path, std::string("not ") + What + " (no 'scopes' array)");
  if (std::string P = str(Doc, "program");
      !P.empty() && std::find(R.Programs.begin(), R.Programs.end(), P) == R.Programs.end())
    R.Programs.push_back(P);
  for (const json &J : Doc["scopes"]) {
    Scope S;
    S.Name = str(J, "name");
    if (J.contains("source") && J["source"].is_object()) {
      S.Function = str(J["source"], "function");
      S.Loc = location(J["source"]);
    } else if (std::string Sym = str(J, "symbol"); !Sym.empty()) {
      S.Function = Sym;
    } else {
      S.Function = functionOfScopeName(S.Name);
    }
    S.Threads = u64(J, "thread_count");
    S.Calls = u64(J, "calls");
    S.BudgetNs = u64(J, "budget_ns");
    S.Misses = u64(J, "deadline_misses");
    if (J.contains("latency_ns") && J["latency_ns"].is_object()) {
      const json &L = J["latency_ns"];
      S.Lat = {u64(L, "min"), u64(L, "mean"), u64(L, "max"), u64(L, "p50"),
               u64(L, "p90"), u64(L, "p99"),  u64(L, "p999")};
    }
    if (J.contains("period_ns") && J["period_ns"].is_object()) {
      const json &P = J["period_ns"];
      S.Per = {u64(P, "count"), u64(P, "mean"), u64(P, "min"), u64(P, "max"), u64(P, "jitter_max")};
    }
    S.Violations = counts(J, "violations");
    S.ByFunction = counts(J, "by_function");
    S.Reports.push_back(Path);
    auto It = std::find_if(R.Scopes.begin(), R.Scopes.end(),
                           [&](const Scope &O) { return O.Name == S.Name; });
    if (It == R.Scopes.end())
      R.Scopes.push_back(std::move(S));
    else
      mergeScope(*It, S);
  }
  if (Doc.contains("sites") && Doc["sites"].is_array())
    for (const json &J : Doc["sites"]) {
      Site S;
      S.Function = str(J, "function");
      S.Category = str(J, "category");
      S.Scope = str(J, "scope");
      S.Count = u64(J, "count");
      S.Report = Path;
      // The shim names the program's own frames by its short name (jack_rec+0x2d29): resolve it
      // to the program's path so the symbolizer can read it.
      std::string Program = str(Doc, "program");
      for (const std::string &F : strings(J, "stack")) {
        Frame Fr = parseFrame(F);
        if (!Fr.Module.empty() && Fr.Module.find('/') == std::string::npos &&
            baseName(Program) == Fr.Module)
          Fr.Module = Program;
        S.Stack.push_back(std::move(Fr));
      }
      std::string Key = siteKey(S);
      auto It = std::find_if(R.Sites.begin(), R.Sites.end(),
                             [&](const Site &O) { return siteKey(O) == Key; });
      if (It == R.Sites.end())
        R.Sites.push_back(std::move(S));
      else
        It->Count += S.Count;
    }
  if (Doc.contains("dropped") && Doc["dropped"].is_object())
    for (const char *K : {"records", "sites", "depth_overflow"})
      if (uint64_t N = u64(Doc["dropped"], K))
        R.Notes.push_back(Path + ": " + std::to_string(N) + " " + K +
                          " dropped by the shim's fixed tables; counts are lower bounds");
}

std::optional<std::vector<std::string>> profileErrors(const std::string &RulesDir,
                                                      const std::string &Context) {
  if (RulesDir.empty() || Context.empty())
    return std::nullopt;
  std::string Path = RulesDir + "/profiles/" + Context + ".json";
  std::ifstream In(Path);
  if (!In)
    return std::nullopt;
  json Doc = readJson(Path);
  if (!Doc.is_object() || !Doc.contains("severity") || !Doc["severity"].is_object())
    fail(Path, "not a profile (no 'severity' object)");
  std::vector<std::string> Errors;
  for (const char *C : Categories)
    if (Doc["severity"].value(C, "") == "error")
      Errors.push_back(C);
  return Errors;
}

} // namespace rtcheck::report::detail
