// Suppressions: by interposed function, by a frame or module anywhere in the stack, by scope
// name; each covered call is counted as suppressed (per scope and per suppression), never dropped.
#include "ShimTest.h"

namespace shimtest {
namespace {

TEST_F(ShimTest, SuppressionsByInterceptorFrameAndScopeAreCounted) {
  std::ofstream(Dir + "/supp.txt")
      << "# rtcheck suppressions\n"
      << "interceptor:pthread_mutex_*  # the meter's lock is never contended\n"
      << "frame:rt_logger_*            # logging goes to a preallocated ring\n"
      << "scope:ui.*                   # the UI thread has no deadline\n"
      << "\n"
      << "module:libfoo.so             # never matches here\n";
  Result Res =
      run({RTCHECK_PROG_BLOCKING, "suppress"},
          {{"RTCHECK_OPTIONS", "suppressions=" + Dir + "/supp.txt:report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Err, "");
  json R = report(Dir + "/r.json");
  const json *Audio = scope(R, "audio.callback");
  ASSERT_NE(Audio, nullptr);
  EXPECT_EQ(fn(*Audio, "malloc"), 3u);
  EXPECT_EQ(fn(*Audio, "free"), 3u);
  EXPECT_EQ(fn(*Audio, "strdup"), 0u);
  EXPECT_EQ(fn(*Audio, "pthread_mutex_lock"), 0u);
  EXPECT_EQ(Audio->at("violations").at("alloc"), 6);
  EXPECT_EQ(Audio->at("violations").at("lock"), 0);
  EXPECT_EQ(Audio->at("suppressed"), 3 * 4); // strdup, its free, lock, unlock
  const json *Ui = scope(R, "ui.refresh");
  ASSERT_NE(Ui, nullptr);
  EXPECT_EQ(Ui->at("violations").at("alloc"), 0);
  EXPECT_EQ(Ui->at("suppressed"), 6);

  const json &Supp = R.at("suppressions");
  ASSERT_EQ(Supp.size(), 4u);
  EXPECT_EQ(Supp[0].at("rule"), "interceptor:pthread_mutex_*");
  EXPECT_EQ(Supp[0].at("reason"), "the meter's lock is never contended");
  EXPECT_EQ(Supp[0].at("count"), 6);
  EXPECT_EQ(Supp[1].at("rule"), "frame:rt_logger_*");
  EXPECT_EQ(Supp[1].at("count"), 6);
  EXPECT_EQ(Supp[2].at("count"), 6);
  EXPECT_EQ(Supp[3].at("count"), 0);
  bool SiteMarked = false;
  for (const json &Site : R.at("sites"))
    SiteMarked |=
        Site.at("function") == "strdup" && Site.value("suppressed_by", "") == "frame:rt_logger_*";
  EXPECT_TRUE(SiteMarked) << R.at("sites").dump();
}

TEST_F(ShimTest, SuppressedCallsDoNotTrap) {
  std::ofstream(Dir + "/supp.txt") << "scope:*  # everything, for this test\n";
  Result Res = run({RTCHECK_PROG_BLOCKING, "suppress"},
                   {{"RTCHECK_OPTIONS", "mode=trap:suppressions=" + Dir + "/supp.txt"}});
  EXPECT_TRUE(Res.exited(0)) << Res.Err;
}

TEST_F(ShimTest, MalformedSuppressionLinesAndMissingFilesWarnOnce) {
  std::ofstream(Dir + "/supp.txt") << "interceptor:malloc\n" // no reason
                                   << "function:malloc  # unknown kind\n"
                                   << "scope:ui.*  # fine\n";
  Result Res =
      run({RTCHECK_PROG_BLOCKING, "suppress"},
          {{"RTCHECK_OPTIONS", "suppressions=" + Dir + "/supp.txt:report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  std::vector<std::string> L = lines(Res.Err);
  ASSERT_EQ(L.size(), 2u) << Res.Err;
  EXPECT_NE(L[0].find("line 1: expected 'kind:pattern # reason'"), std::string::npos) << L[0];
  EXPECT_NE(L[1].find("line 2:"), std::string::npos) << L[1];
  EXPECT_EQ(report(Dir + "/r.json").at("suppressions").size(), 1u);

  Res = run({RTCHECK_PROG_BLOCKING, "clean"},
            {{"RTCHECK_OPTIONS", "suppressions=" + Dir + "/none.txt"}});
  ASSERT_TRUE(Res.exited(0));
  L = lines(Res.Err);
  ASSERT_EQ(L.size(), 1u) << Res.Err;
  EXPECT_NE(L[0].find("cannot read suppressions file"), std::string::npos);
}

} // namespace
} // namespace shimtest
