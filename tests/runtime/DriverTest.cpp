// `rtcheck run`: finds the shim, forwards the program's status or signal, prints the summary,
// names or removes the other processes' reports, and dispatches the analyzer commands.
#include "ShimTest.h"

namespace shimtest {
namespace {

// --- the driver: rtcheck run
// ------------------------------------------------------------------------

TEST_F(ShimTest, DriverRunsForwardsStatusAndPrintsSummary) {
  Result Res = run(
      {RTCHECK_DRIVER, "run", "--report", Dir + "/r.json", "--", RTCHECK_PROG_COUNTS, "exit3"}, {},
      /*Preload=*/false);
  EXPECT_TRUE(Res.exited(3)) << Res.Err;
  EXPECT_EQ(Res.Out, "done\n");
  EXPECT_NE(Res.Err.find("counts.callback"), std::string::npos) << Res.Err;
  EXPECT_NE(Res.Err.find("p99"), std::string::npos) << Res.Err;
  expectCounts(report(Dir + "/r.json"));
}

TEST_F(ShimTest, DriverNamesOrRemovesOtherProcessesReports) {
  Result Res =
      run({RTCHECK_DRIVER, "run", "--report", Dir + "/r.json", "--", RTCHECK_PROG_FORK_EXEC}, {},
          false);
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  int Child = 0;
  ASSERT_EQ(std::sscanf(Res.Out.c_str(), "child %d", &Child), 1) << Res.Out;
  std::string Base = Dir + "/r.json." + std::to_string(Child);
  EXPECT_NE(Res.Err.find("rtcheck: another process's report: " + Base + "\n"), std::string::npos)
      << Res.Err;
  EXPECT_NE(Res.Err.find("rtcheck: another process's report: " + Base + ".1\n"), std::string::npos)
      << Res.Err;

  // With the temporary report, the other reports are removed with it.
  std::string Tmp = Dir + "/tmp";
  std::filesystem::create_directories(Tmp);
  Res = run({RTCHECK_DRIVER, "run", "--", RTCHECK_PROG_FORK_EXEC}, {{"TMPDIR", Tmp}}, false);
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_NE(Res.Err.find("2 other processes reported"), std::string::npos) << Res.Err;
  EXPECT_TRUE(std::filesystem::is_empty(Tmp));
}

TEST_F(ShimTest, DriverTrapForwardsTheSignal) {
  Result Res =
      run({RTCHECK_DRIVER, "run", "--trap", "--", RTCHECK_PROG_COUNTS}, {}, /*Preload=*/false);
  EXPECT_TRUE(Res.signaled(SIGABRT)) << Res.Status << Res.Err;
  EXPECT_NE(Res.Err.find("SUMMARY: rtcheck: alloc 'malloc'"), std::string::npos) << Res.Err;
}

TEST_F(ShimTest, DriverMissingProgramExits127) {
  Result Res = run({RTCHECK_DRIVER, "run", "--", Dir + "/no-such-program"}, {}, false);
  EXPECT_TRUE(Res.exited(127));
  EXPECT_EQ(lines(Res.Err).size(), 1u) << Res.Err;
  EXPECT_NE(Res.Err.find("rtcheck: error: cannot run"), std::string::npos);
  Res = run({RTCHECK_DRIVER, "run", "--", "rtcheck-no-such-command"}, {}, false);
  EXPECT_TRUE(Res.exited(127));
  EXPECT_NE(Res.Err.find("command not found"), std::string::npos);
}

TEST_F(ShimTest, DriverUsageErrors) {
  Result Res = run({RTCHECK_DRIVER, "frobnicate"}, {}, false);
  EXPECT_TRUE(Res.exited(2));
  EXPECT_EQ(lines(Res.Err).size(), 1u) << Res.Err;
  Res = run({RTCHECK_DRIVER, "run", "--frobnicate", "--", "true"}, {}, false);
  EXPECT_TRUE(Res.exited(2));
  EXPECT_EQ(lines(Res.Err).size(), 1u) << Res.Err;
  Res = run({RTCHECK_DRIVER, "--version"}, {}, false);
  EXPECT_TRUE(Res.exited(0));
  EXPECT_EQ(Res.Out, std::string("rtcheck ") + RTCHECK_VERSION + "\n");
  Res = run({RTCHECK_DRIVER, "--help"}, {}, false);
  EXPECT_TRUE(Res.exited(0));
  for (const char *Sub : {"check", "extract", "link", "rules", "run"})
    EXPECT_NE(Res.Out.find(std::string("  ") + Sub + " "), std::string::npos) << Sub;
}

TEST_F(ShimTest, DriverDispatchesAnalyzerCommands) {
  // A copy of the driver with a stand-in analyzer next to it: argv must arrive unchanged (argv[1]
  // is the subcommand) and its exit status must be the driver's.
  std::filesystem::create_directories(Dir + "/with/bin");
  std::filesystem::create_directories(Dir + "/without/bin");
  std::filesystem::copy_file(RTCHECK_DRIVER, Dir + "/with/bin/rtcheck");
  std::filesystem::copy_file(RTCHECK_DRIVER, Dir + "/without/bin/rtcheck");
  {
    std::ofstream StandIn(Dir + "/with/bin/rtcheck-analyzer");
    StandIn << "#!/bin/sh\necho \"$@\"\nexit 5\n";
  }
  std::filesystem::permissions(Dir + "/with/bin/rtcheck-analyzer",
                               std::filesystem::perms::owner_all);
  for (const char *Sub : {"check", "extract", "link", "rules"}) {
    Result Res = run({Dir + "/with/bin/rtcheck", Sub, "-p", "build dir", "--", "-DX"}, {}, false);
    EXPECT_TRUE(Res.exited(5)) << Sub << Res.Err;
    EXPECT_EQ(Res.Out, std::string(Sub) + " -p build dir -- -DX\n");
  }
  Result Res = run({Dir + "/without/bin/rtcheck", "check", "x.cpp"}, {}, false);
  EXPECT_TRUE(Res.exited(2));
  EXPECT_EQ(Res.Err, "rtcheck: error: the static analyzer is not built (expected " + Dir +
                         "/without/bin/rtcheck-analyzer)\n");
}

// CI verdict: exitcode=N turns a clean exit into N when a scope saw a violation; a clean run and
// the program's own failure statuses pass through.
TEST_F(ShimTest, DriverExitcodeGivesAVerdict) {
  Result Res =
      run({RTCHECK_DRIVER, "run", "-q", "--options", "exitcode=86", "--", RTCHECK_PROG_COUNTS}, {},
          /*Preload=*/false);
  EXPECT_TRUE(Res.exited(86)) << Res.Err;
  EXPECT_NE(Res.Err.find("deadline misses in real-time scopes: exit status 86 (exitcode option)"),
            std::string::npos)
      << Res.Err;

  Res = run({RTCHECK_DRIVER, "run", "-q", "--options", "exitcode=86", "--", RTCHECK_PROG_BLOCKING,
             "clean"},
            {}, /*Preload=*/false);
  EXPECT_TRUE(Res.exited(0)) << Res.Err;

  Res = run(
      {RTCHECK_DRIVER, "run", "-q", "--options", "exitcode=86", "--", RTCHECK_PROG_COUNTS, "exit3"},
      {}, /*Preload=*/false);
  EXPECT_TRUE(Res.exited(3)) << "the program's own status wins: " << Res.Err;

  Res = run({RTCHECK_DRIVER, "run", "-q", "--", RTCHECK_PROG_COUNTS}, {}, /*Preload=*/false);
  EXPECT_TRUE(Res.exited(0)) << "no verdict without exitcode: " << Res.Err;
}

TEST_F(ShimTest, DriverSummaryShowsSuppressedCalls) {
  std::ofstream(Dir + "/supp.txt") << "scope:ui.*  # no deadline\n";
  Result Res =
      run({RTCHECK_DRIVER, "run", "--options", "exitcode=86:suppressions=" + Dir + "/supp.txt",
           "--", RTCHECK_PROG_BLOCKING, "suppress"},
          {}, /*Preload=*/false);
  EXPECT_TRUE(Res.exited(86)) << Res.Err;
  EXPECT_NE(Res.Err.find("suppressed"), std::string::npos) << Res.Err;
}

} // namespace
} // namespace shimtest
