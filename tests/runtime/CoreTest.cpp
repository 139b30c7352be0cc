// Unit tests of the shim's non-interposing logic (histogram, options parser, per-thread records and
// the report), built twice: plain, and with -fsanitize=thread (rtcheck_runtime_core_tsan).
#include "rtcheck_internal.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

// --- Histogram -----------------------------------------------------------------------------------

TEST(Histogram, BucketsCoverEveryValueWithBoundedError) {
  uint64_t Prev = 0;
  for (uint64_t V = 0; V < (1ull << 40); V = V < 4096 ? V + 1 : V + V / 7 + 1) {
    unsigned I = rtcheck_hist_index(V);
    ASSERT_LT(I, RTCHECK_HIST_BUCKETS);
    ASSERT_GE(I, Prev) << "index must be monotonic at " << V;
    Prev = I;
    ASSERT_LE(rtcheck_hist_lower(I), V);
    ASSERT_GT(rtcheck_hist_upper(I), V);
    uint64_t Width = rtcheck_hist_upper(I) - rtcheck_hist_lower(I);
    ASSERT_LE(Width * 32, std::max<uint64_t>(rtcheck_hist_lower(I), 32)) << V;
  }
  EXPECT_EQ(rtcheck_hist_index(UINT64_MAX), RTCHECK_HIST_BUCKETS - 1);
  EXPECT_EQ(rtcheck_hist_index(31), 31u);
  EXPECT_EQ(rtcheck_hist_index(32), 32u);
}

TEST(Histogram, QuantilesOfAUniformDistribution) {
  std::vector<uint64_t> Counts(RTCHECK_HIST_BUCKETS, 0);
  for (uint64_t V = 1; V <= 100000; ++V)
    Counts[rtcheck_hist_index(V)]++;
  auto Q = [&](double P) {
    return (double)rtcheck_hist_quantile(Counts.data(), 100000, P, 1, 100000);
  };
  EXPECT_NEAR(Q(0.5), 50000, 50000 * 0.032);
  EXPECT_NEAR(Q(0.9), 90000, 90000 * 0.032);
  EXPECT_NEAR(Q(0.99), 99000, 99000 * 0.032);
  EXPECT_NEAR(Q(0.999), 99900, 99900 * 0.032);
  EXPECT_LE(Q(1.0), 100000);
  EXPECT_EQ(rtcheck_hist_quantile(Counts.data(), 0, 0.5, 0, 0), 0u);
}

TEST(Histogram, QuantileIsClampedToMinAndMax) {
  std::vector<uint64_t> Counts(RTCHECK_HIST_BUCKETS, 0);
  Counts[rtcheck_hist_index(1000)] = 10;
  EXPECT_EQ(rtcheck_hist_quantile(Counts.data(), 10, 0.5, 1000, 1000), 1000u);
}

// --- Options -------------------------------------------------------------------------------------

TEST(Options, DefaultsWhenUnset) {
  rtcheck_options O;
  char Err[128], Unknown[128];
  EXPECT_EQ(rtcheck_options_parse(nullptr, &O, Err, sizeof Err, Unknown, sizeof Unknown), 0);
  EXPECT_EQ(O.mode, RTCHECK_MODE_COUNT);
  EXPECT_EQ(O.max_sites, 64u);
  EXPECT_EQ(O.report[0], 0);
  EXPECT_EQ(O.ignore, 0u);
  EXPECT_EQ(O.exitcode, 0);
  EXPECT_EQ(O.page_faults, 0);
  EXPECT_EQ(O.clock, RTCHECK_CLOCK_TSC);
  EXPECT_EQ(O.suppressions[0], 0);
}

TEST(Options, EveryKey) {
  rtcheck_options O;
  char Err[128], Unknown[128];
  ASSERT_EQ(rtcheck_options_parse(
                "mode=trap:report=/tmp/r.%p.json::max_sites=7:default_budget_ns=2666666:"
                "ignore=lock,driver:print_interceptors=1:mode=log:exitcode=86:page_faults=1:"
                "clock=monotonic:suppressions=/tmp/s.txt",
                &O, Err, sizeof Err, Unknown, sizeof Unknown),
            0)
      << Err;
  EXPECT_EQ(O.mode, RTCHECK_MODE_LOG); // the later key wins
  EXPECT_STREQ(O.report, "/tmp/r.%p.json");
  EXPECT_EQ(O.max_sites, 7u);
  EXPECT_EQ(O.default_budget_ns, 2666666u);
  EXPECT_EQ(O.ignore, (1u << RTCHECK_CAT_LOCK) | (1u << RTCHECK_CAT_DRIVER));
  EXPECT_EQ(O.print_interceptors, 1);
  EXPECT_EQ(O.exitcode, 86);
  EXPECT_EQ(O.page_faults, 1);
  EXPECT_EQ(O.clock, RTCHECK_CLOCK_MONOTONIC);
  EXPECT_STREQ(O.suppressions, "/tmp/s.txt");
  EXPECT_STREQ(Unknown, "");
}

// Issue #14: one bad entry must not reset the others (`--trap` used to be dropped silently).
TEST(Options, MalformedEntryIsSkippedAndTheOthersApply) {
  for (const char *Bad : {"mode=fast", "report", "=1", "max_sites=-1", "max_sites=2000",
                          "default_budget_ns=1e6", "ignore=alloc,heap", "print_interceptors=yes",
                          "max_sites=", "exitcode=256", "clock=hpet", "page_faults=on"}) {
    rtcheck_options O;
    char Err[160], Unknown[128];
    std::string Text = std::string("max_sites=9:") + Bad + ":mode=trap";
    EXPECT_EQ(rtcheck_options_parse(Text.c_str(), &O, Err, sizeof Err, Unknown, sizeof Unknown), -1)
        << Bad;
    EXPECT_EQ(O.mode, RTCHECK_MODE_TRAP) << Bad;
    EXPECT_EQ(O.max_sites, 9u) << Bad;
    EXPECT_NE(std::string(Err).find(std::string("'") + Bad + "': expected"), std::string::npos)
        << Err;
  }
}

TEST(Options, EveryMalformedEntryIsNamed) {
  rtcheck_options O;
  char Err[160], Unknown[128];
  EXPECT_EQ(rtcheck_options_parse("mode=fast:report=r.json:max_sites=x", &O, Err, sizeof Err,
                                  Unknown, sizeof Unknown),
            -1);
  EXPECT_STREQ(Err, "'mode=fast': expected count, trap or log; 'max_sites=x': expected an integer "
                    "from 0 to 1024");
  EXPECT_STREQ(O.report, "r.json");
  EXPECT_EQ(O.mode, RTCHECK_MODE_COUNT);
}

TEST(Options, UnknownKeysAreListedOnce) {
  rtcheck_options O;
  char Err[128], Unknown[128];
  EXPECT_EQ(rtcheck_options_parse("foo=1:mode=trap:bar=2:foo=3", &O, Err, sizeof Err, Unknown,
                                  sizeof Unknown),
            0);
  EXPECT_STREQ(Unknown, "foo,bar");
  EXPECT_EQ(O.mode, RTCHECK_MODE_TRAP);
}

// --- Suppressions
// ---------------------------------------------------------------------------------

int fnIndex(const char *Name) {
  for (int F = 0; F < RTCHECK_FN_COUNT; ++F)
    if (std::string(rtcheck_fn_names[F]) == Name)
      return F;
  return -1;
}

TEST(Suppressions, LinesGlobsAndFirstMatch) {
  std::string Path = "/tmp/rtcheck-core-supp-" + std::to_string(getpid());
  std::ofstream(Path) << "# comment\n"
                      << "interceptor:operator new*   # sized and aligned forms too\n"
                      << "scope:ui.?efresh            # one character\n"
                      << "interceptor:pthread_mutex_lock\n" // no reason: skipped
                      << "frame:  # no pattern: skipped\n";
  rtcheck_suppressions_load(Path.c_str());
  std::remove(Path.c_str());
  ASSERT_EQ(rtcheck_suppression_count(), 2);
  EXPECT_STREQ(rtcheck_suppression_rule(0), "interceptor:operator new*");
  EXPECT_STREQ(rtcheck_suppression_reason(0), "sized and aligned forms too");
  EXPECT_FALSE(rtcheck_suppressions_need_stack());
  const char *Scopes[] = {"audio.process", "ui.refresh"};
  EXPECT_EQ(rtcheck_suppression_match(fnIndex("operator new[]"), Scopes, 1, nullptr, 0), 0);
  EXPECT_EQ(rtcheck_suppression_match(fnIndex("malloc"), Scopes, 1, nullptr, 0), -1);
  EXPECT_EQ(rtcheck_suppression_match(fnIndex("malloc"), Scopes, 2, nullptr, 0), 1);
  rtcheck_suppression_hit(1);
  EXPECT_EQ(rtcheck_suppression_hits(1), 1u);
  rtcheck_suppressions_reset_counts();
  EXPECT_EQ(rtcheck_suppression_hits(1), 0u);
}

// --- Records, scopes and the report, from several threads
// -----------------------------------------

std::string readFile(const std::string &Path) {
  std::ifstream In(Path);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

TEST(Records, ConcurrentScopesAndReportsAreExact) {
  char Dir[] = "/tmp/rtcheck-core-XXXXXX";
  ASSERT_NE(mkdtemp(Dir), nullptr);
  std::string Path = std::string(Dir) + "/r.json";
  rtcheck_options_default(&rtcheck_g.options);
  snprintf(rtcheck_g.options.report, sizeof rtcheck_g.options.report, "%s", Path.c_str());
  rtcheck_proc.pid = getpid();

  constexpr int Threads = 4, Iterations = 5000;
  std::atomic<bool> Done{false};
  std::thread Reporter([&] {
    while (!Done.load())
      rtcheck_report_write(); // reads every record while the workers write them
  });
  std::vector<std::thread> Workers;
  for (int T = 0; T < Threads; ++T)
    Workers.emplace_back([] {
      for (int I = 0; I < Iterations; ++I) {
        rtcheck_scope_begin_impl("core.outer", 1000000000);
        rtcheck_on_call(RTCHECK_FN_malloc, __builtin_return_address(0));
        rtcheck_scope_begin_impl("core.inner", 0);
        rtcheck_on_call(RTCHECK_FN_pthread_mutex_lock, __builtin_return_address(0));
        rtcheck_scope_end_impl();
        rtcheck_scope_end_impl();
      }
    });
  for (std::thread &W : Workers)
    W.join();
  Done = true;
  Reporter.join();
  rtcheck_report_write();

  nlohmann::json R = nlohmann::json::parse(readFile(Path));
  ASSERT_EQ(R.at("scopes").size(), 2u);
  for (const auto &S : R.at("scopes")) {
    EXPECT_EQ(S.at("thread_count"), Threads);
    EXPECT_EQ(S.at("calls"), Threads * Iterations);
    EXPECT_EQ(S.at("period_ns").at("count"), Threads * (Iterations - 1));
    if (S.at("name") == "core.outer") {
      EXPECT_EQ(S.at("by_function").at("malloc"), Threads * Iterations);
      EXPECT_EQ(S.at("by_function").at("pthread_mutex_lock"), Threads * Iterations); // inclusive
      EXPECT_EQ(S.at("deadline_misses"), 0);
    } else {
      EXPECT_EQ(S.at("by_function").size(), 1u);
      EXPECT_EQ(S.at("violations").at("lock"), Threads * Iterations);
    }
  }
  uint64_t Sites = 0;
  for (const auto &S : R.at("sites"))
    Sites += S.at("count").get<uint64_t>();
  EXPECT_EQ(Sites, 2u * Threads * Iterations);
  unlink(Path.c_str());
  rmdir(Dir);
}

TEST(Records, DeepNestingIsBalanced) {
  uint64_t Before = rtcheck_g.depth_overflow;
  for (int I = 0; I < RTCHECK_MAX_DEPTH + 3; ++I)
    rtcheck_scope_begin_impl("core.deep", 0);
  EXPECT_EQ(rtcheck_thread.depth, RTCHECK_MAX_DEPTH + 3u);
  for (int I = 0; I < RTCHECK_MAX_DEPTH + 3; ++I)
    rtcheck_scope_end_impl();
  EXPECT_EQ(rtcheck_thread.depth, 0u);
  EXPECT_EQ(rtcheck_g.depth_overflow - Before, 3u);
  rtcheck_scope_end_impl(); // unbalanced end: ignored
  EXPECT_EQ(rtcheck_thread.depth, 0u);
}

} // namespace
