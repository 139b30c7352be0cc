// Blocking calls beyond RealtimeSanitizer's list (stat, directory reads, waitpid, posix_spawn,
// sigwait, mlock, dlopen) are counted inside scopes, with the real functions' results and errno.
#include "ShimTest.h"

namespace shimtest {
namespace {

TEST_F(ShimTest, FileSystemCallsAreCountedAndKeepErrno) {
  Result Res =
      run({RTCHECK_PROG_BLOCKING, "files"}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  const json *S = scope(R, "blocking.files");
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(fn(*S, "stat"), 2u);
  EXPECT_EQ(fn(*S, "lstat"), 1u);
  EXPECT_EQ(fn(*S, "fstatat"), 1u);
  EXPECT_EQ(fn(*S, "access"), 1u);
  EXPECT_EQ(fn(*S, "opendir"), 1u);
  EXPECT_EQ(fn(*S, "readdir"), 1u);
  EXPECT_EQ(fn(*S, "closedir"), 1u);
  EXPECT_EQ(S->at("violations").at("syscall"), 8);
  // opendir's own malloc is not counted again (the guard is held while the real function runs).
  EXPECT_EQ(fn(*S, "malloc"), 0u);
}

TEST_F(ShimTest, ProcessAndSignalCallsAreCounted) {
  Result Res =
      run({RTCHECK_PROG_BLOCKING, "process"}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  const json *S = scope(R, "blocking.process");
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(fn(*S, "waitpid"), 2u);
  EXPECT_EQ(fn(*S, "posix_spawn"), 1u);
  EXPECT_EQ(fn(*S, "sigwait"), 1u);
  EXPECT_EQ(fn(*S, "mlock"), 1u);
  EXPECT_EQ(fn(*S, "munlock"), 1u);
}

TEST_F(ShimTest, DlopenKeepsTheCallersRunpathAndCountsTheConstructors) {
  Result Res =
      run({RTCHECK_PROG_BLOCKING, "dlopen"}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Out, "done\n");
  json R = report(Dir + "/r.json");
  const json *S = scope(R, "blocking.dlopen");
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(fn(*S, "dlopen"), 2u);
  EXPECT_EQ(fn(*S, "dlclose"), 1u);
  EXPECT_GE(fn(*S, "malloc"), 1u) << "the plugin's constructor runs inside the scope";
}

TEST_F(ShimTest, PageFaultsPerScope) {
  Result Res = run({RTCHECK_PROG_BLOCKING, "faults"},
                   {{"RTCHECK_OPTIONS", "page_faults=1:report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  const json *S = scope(R, "blocking.faults");
  ASSERT_NE(S, nullptr);
  EXPECT_GE(S->at("page_faults").at("minor").get<uint64_t>(), 64u);
  EXPECT_EQ(S->at("violations").at("syscall"), 0) << "the shim's getrusage is not a violation";
  EXPECT_EQ(R.at("options").at("page_faults"), true);

  Res = run({RTCHECK_PROG_BLOCKING, "faults"}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  R = report(Dir + "/r.json");
  ASSERT_NE(scope(R, "blocking.faults"), nullptr);
  EXPECT_FALSE(scope(R, "blocking.faults")->contains("page_faults"));
}

} // namespace
} // namespace shimtest
