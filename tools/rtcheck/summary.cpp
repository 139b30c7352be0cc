// The per-scope table `rtcheck run` prints from a runtime report (schema: docs/runtime.md).
#include "driver.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace rtcheck::driver {
namespace {

std::string duration(uint64_t Ns) {
  char Buf[32];
  if (Ns < 10'000)
    std::snprintf(Buf, sizeof Buf, "%llu ns", static_cast<unsigned long long>(Ns));
  else if (Ns < 10'000'000)
    std::snprintf(Buf, sizeof Buf, "%.1f us", Ns / 1e3);
  else if (Ns < 10'000'000'000ull)
    std::snprintf(Buf, sizeof Buf, "%.1f ms", Ns / 1e6);
  else
    std::snprintf(Buf, sizeof Buf, "%.1f s", Ns / 1e9);
  return Buf;
}

// What did not fit the shim's fixed tables (the report's `dropped`), in words: the counts above
// are then incomplete.
void printDropped(const nlohmann::ordered_json &R) {
  if (!R.contains("dropped"))
    return;
  const auto &D = R.at("dropped");
  auto Count = [&](const char *Key) { return D.value(Key, uint64_t{0}); };
  auto Plural = [](uint64_t N, const char *One, const char *Many) { return N == 1 ? One : Many; };
  if (uint64_t N = Count("records"))
    std::fprintf(
        stderr,
        "rtcheck: warning: %llu scope %s not recorded: the table of (thread, scope name) "
        "records was full (512); their calls, latencies and violations are missing above\n",
        static_cast<unsigned long long>(N), Plural(N, "run was", "runs were"));
  if (uint64_t N = Count("sites"))
    std::fprintf(stderr,
                 "rtcheck: warning: %llu %s counted without a site or stack: more distinct sites "
                 "than max_sites=%llu (raise it, up to 1024)\n",
                 static_cast<unsigned long long>(N), Plural(N, "violation was", "violations were"),
                 static_cast<unsigned long long>(
                     R.contains("options") ? R.at("options").value("max_sites", uint64_t{0}) : 0));
  if (uint64_t N = Count("depth_overflow"))
    std::fprintf(stderr, "rtcheck: warning: %llu %s nested more than 16 deep and not recorded\n",
                 static_cast<unsigned long long>(N), Plural(N, "scope was", "scopes were"));
}

} // namespace

bool printSummary(const std::string &ReportPath) {
  std::ifstream In(ReportPath);
  if (!In)
    return false;
  nlohmann::ordered_json R;
  try {
    In >> R;
    const auto &Scopes = R.at("scopes");
    std::fprintf(stderr, "rtcheck: %s (pid %d): %zu real-time scope%s\n",
                 R.value("program", std::string("?")).c_str(), R.value("pid", 0), Scopes.size(),
                 Scopes.size() == 1 ? "" : "s");
    if (Scopes.empty()) {
      std::fprintf(
          stderr, "rtcheck: no scope was opened: no callback registration the shim wraps was made; "
                  "mark callbacks with RTCHECK_SCOPE (docs/runtime.md)\n");
      printDropped(R);
      return true;
    }
    // The category columns are the report's own `violations` keys, in the shim's order (generated
    // from rules/vocabulary/categories.json), so a new category needs no edit here.
    std::vector<std::string> Categories;
    for (const auto &[Name, Count] : Scopes.front().at("violations").items())
      Categories.push_back(Name);
    // Automatic scopes are named after their callback or plug-in (an LV2 URI): the column fits
    // the longest name.
    int Width = 24;
    for (const auto &S : Scopes)
      Width = std::max(Width, static_cast<int>(S.at("name").get<std::string>().size()));
    std::fprintf(stderr, "%-*s %7s %10s", Width, "scope", "threads", "calls");
    for (const std::string &C : Categories)
      std::fprintf(stderr, " %8s", C.c_str());
    std::fprintf(stderr, " %10s %10s %10s %10s %10s %8s\n", "suppressed", "p50", "p99", "max",
                 "budget", "misses");
    for (const auto &S : Scopes) {
      const auto &V = S.at("violations");
      const auto &L = S.at("latency_ns");
      uint64_t Budget = S.at("budget_ns").get<uint64_t>();
      std::fprintf(stderr, "%-*s %7u %10llu", Width, S.at("name").get<std::string>().c_str(),
                   S.at("thread_count").get<unsigned>(),
                   static_cast<unsigned long long>(S.at("calls").get<uint64_t>()));
      for (const std::string &C : Categories)
        std::fprintf(stderr, " %8llu", static_cast<unsigned long long>(V.value(C, uint64_t{0})));
      std::fprintf(stderr, " %10llu %10s %10s %10s %10s %8llu\n",
                   static_cast<unsigned long long>(S.value("suppressed", uint64_t{0})),
                   duration(L.at("p50").get<uint64_t>()).c_str(),
                   duration(L.at("p99").get<uint64_t>()).c_str(),
                   duration(L.at("max").get<uint64_t>()).c_str(),
                   Budget ? duration(Budget).c_str() : "-",
                   static_cast<unsigned long long>(S.at("deadline_misses").get<uint64_t>()));
    }
    const auto &Sites = R.at("sites");
    size_t Shown = 0;
    for (const auto &Site : Sites) {
      if (Shown++ == 10) {
        std::fprintf(stderr, "  ... %zu more sites in the report\n", Sites.size() - 10);
        break;
      }
      const auto &Stack = Site.at("stack");
      std::string Suppressed =
          Site.contains("suppressed_by")
              ? " (suppressed by " + Site.at("suppressed_by").get<std::string>() + ")"
              : "";
      std::fprintf(stderr, "  %s '%s' in '%s' x%llu at %s%s\n",
                   Site.at("category").get<std::string>().c_str(),
                   Site.at("function").get<std::string>().c_str(),
                   Site.at("scope").get<std::string>().c_str(),
                   static_cast<unsigned long long>(Site.at("count").get<uint64_t>()),
                   Stack.empty() ? "?" : Stack.front().get<std::string>().c_str(),
                   Suppressed.c_str());
    }
    printDropped(R);
  } catch (const nlohmann::json::exception &E) {
    std::fprintf(stderr, "rtcheck: error: malformed report %s: %s\n", ReportPath.c_str(), E.what());
    return true;
  }
  return true;
}

void addToVerdict(const std::string &ReportPath, Verdict &V) {
  std::ifstream In(ReportPath);
  if (!In)
    return;
  try {
    nlohmann::json R;
    In >> R;
    if (int Code = R.at("options").value("exitcode", 0))
      V.ExitCode = Code;
    for (const auto &S : R.at("scopes")) {
      for (const auto &[Category, Count] : S.at("violations").items())
        V.Violations += Count.get<uint64_t>();
      V.DeadlineMisses += S.at("deadline_misses").get<uint64_t>();
    }
  } catch (const nlohmann::json::exception &) {
    // printSummary has already said the report is malformed.
  }
}

} // namespace rtcheck::driver
