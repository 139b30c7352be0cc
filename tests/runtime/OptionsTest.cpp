// RTCHECK_OPTIONS under a real process: bad entries are warned about once and skipped (the
// other options still apply), unknown keys are ignored, an unwritable report changes nothing.
#include "ShimTest.h"

namespace shimtest {
namespace {

// --- bad input
// ------------------------------------------------------------------------------------

// Issue #14: a malformed entry is skipped and named; every other entry still applies.
TEST_F(ShimTest, MalformedOptionEntryIsSkippedTheOthersApply) {
  for (const char *Bad : {"mode=bogus", "report", "max_sites=lots", "ignore=alloc,memory", "=3",
                          "exitcode=300", "clock=hpet"}) {
    std::string Opts = std::string(Bad) + ":report=" + Dir + "/r.json";
    Result Res = run({RTCHECK_PROG_COUNTS, "exit3"}, {{"RTCHECK_OPTIONS", Opts}});
    EXPECT_TRUE(Res.exited(3)) << Bad;
    EXPECT_EQ(Res.Out, "done\n");
    std::vector<std::string> L = lines(Res.Err);
    ASSERT_EQ(L.size(), 1u) << Bad << ": " << Res.Err;
    EXPECT_NE(L[0].find(std::string("==WARNING: rtcheck: malformed RTCHECK_OPTIONS entry '") + Bad +
                        "': expected "),
              std::string::npos)
        << L[0];
    EXPECT_NE(L[0].find("ignored, the other options apply"), std::string::npos) << L[0];
    EXPECT_TRUE(exists(Dir + "/r.json")) << "report= must still apply after " << Bad;
    std::remove((Dir + "/r.json").c_str());
  }
}

TEST_F(ShimTest, DriverTrapSurvivesABadOptionsEntry) {
  Result Res = run({RTCHECK_DRIVER, "run", "-q", "--trap", "--options", "max_sites=lots", "--",
                    RTCHECK_PROG_COUNTS},
                   {}, /*Preload=*/false);
  EXPECT_TRUE(Res.signaled(SIGABRT)) << Res.Err;
  EXPECT_NE(Res.Err.find("malformed RTCHECK_OPTIONS entry 'max_sites=lots'"), std::string::npos);
  EXPECT_NE(Res.Err.find("==ERROR: rtcheck: call to"), std::string::npos) << Res.Err;
}

TEST_F(ShimTest, ReportEchoesEveryOption) {
  Result Res = run({RTCHECK_PROG_COUNTS},
                   {{"RTCHECK_OPTIONS", "exitcode=86:clock=monotonic:report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  const json &O = R.at("options");
  for (const char *Key : {"mode", "report", "max_sites", "default_budget_ns", "ignore",
                          "suppressions", "exitcode", "page_faults", "clock", "print_interceptors"})
    EXPECT_TRUE(O.contains(Key)) << Key;
  EXPECT_EQ(O.at("exitcode"), 86);
  EXPECT_EQ(O.at("clock"), "monotonic");
  EXPECT_EQ(R.at("clock"), "CLOCK_MONOTONIC");
  EXPECT_EQ(O.at("ignore"), json::array());
}

TEST_F(ShimTest, UnknownOptionKeyWarnsOnce) {
  Result Res = run({RTCHECK_PROG_COUNTS},
                   {{"RTCHECK_OPTIONS", "frobnicate=1:frobnicate=2:report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0));
  std::vector<std::string> L = lines(Res.Err);
  ASSERT_EQ(L.size(), 1u) << Res.Err;
  EXPECT_NE(L[0].find("unknown RTCHECK_OPTIONS key 'frobnicate' ignored"), std::string::npos);
  EXPECT_TRUE(exists(Dir + "/r.json"));
}

TEST_F(ShimTest, UnwritableReportWarnsOnceProgramUnaffected) {
  Result Res = run({RTCHECK_PROG_COUNTS, "exit3"},
                   {{"RTCHECK_OPTIONS", "report=" + Dir + "/no/such/dir/r.json"}});
  EXPECT_TRUE(Res.exited(3));
  EXPECT_EQ(Res.Out, "done\n");
  std::vector<std::string> L = lines(Res.Err);
  ASSERT_EQ(L.size(), 1u) << Res.Err;
  EXPECT_NE(L[0].find("==WARNING: rtcheck: cannot write report"), std::string::npos) << L[0];
}

} // namespace
} // namespace shimtest
