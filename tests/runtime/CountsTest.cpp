// Exact counts: C and C++ programs (GCC and Clang, shared and static libstdc++, fortified,
// threaded, before main and during exit) report exactly the calls they make in their scopes.
#include "ShimTest.h"

namespace shimtest {
namespace {

// --- Exact counts -------------------------------------------------------------------------------

TEST_F(ShimTest, ExactCountsGcc) {
  Result Res = run({RTCHECK_PROG_COUNTS}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Out, "done\n");
  EXPECT_EQ(Res.Err, "");
  json R = report(Dir + "/r.json");
  expectCounts(R);
  // Sites: every distinct (function, scope, caller) keeps a stack that names main (-rdynamic).
  bool SawMain = false;
  for (const json &S : R.at("sites"))
    for (const json &F : S.at("stack"))
      SawMain |= F.get<std::string>().find(" in main+") != std::string::npos;
  EXPECT_TRUE(SawMain) << R.at("sites").dump();
}

TEST_F(ShimTest, ExactCountsClang) {
  Result Res = run({RTCHECK_PROG_COUNTS_CLANG}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  expectCounts(report(Dir + "/r.json"));
}

TEST_F(ShimTest, WithoutShimTheProgramRunsUnchanged) {
  Result Res = run({RTCHECK_PROG_COUNTS}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}},
                   /*Preload=*/false);
  ASSERT_TRUE(Res.exited(0));
  EXPECT_EQ(Res.Out, "done\n");
  EXPECT_FALSE(exists(Dir + "/r.json"));
}

TEST_F(ShimTest, IgnoreAndDefaultBudgetOptions) {
  Result Res = run(
      {RTCHECK_PROG_COUNTS},
      {{"RTCHECK_OPTIONS", "ignore=alloc,driver:default_budget_ns=1:report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  const json *Cb = scope(R, "counts.callback");
  ASSERT_NE(Cb, nullptr);
  EXPECT_EQ(Cb->at("violations").at("alloc"), 0);
  EXPECT_EQ(Cb->at("violations").at("driver"), 0);
  EXPECT_EQ(Cb->at("violations").at("lock"), 20);
  EXPECT_EQ(Cb->at("violations").at("syscall"), 20);
  // Scopes opened with budget 0 take default_budget_ns; only the outermost is judged.
  EXPECT_EQ(scope(R, "counts.outer")->at("deadline_misses"), 5);
  EXPECT_EQ(scope(R, "counts.inner")->at("deadline_misses"), 0);
  EXPECT_EQ(R.at("options").at("ignore"), json::array({"alloc", "driver"}));
}

TEST_F(ShimTest, EightThreadsMillionAllocationsExact) {
  Result Res = run({RTCHECK_PROG_THREADS}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  const json *W = scope(R, "threads.worker");
  ASSERT_NE(W, nullptr);
  EXPECT_EQ(W->at("thread_count"), 8);
  EXPECT_EQ(W->at("calls"), 8000);
  EXPECT_EQ(fn(*W, "malloc"), 8000000u);
  EXPECT_EQ(fn(*W, "free"), 8000000u);
  EXPECT_EQ(W->at("violations").at("alloc"), 16000000);
  uint64_t SiteTotal = 0;
  for (const json &S : R.at("sites"))
    SiteTotal += S.at("count").get<uint64_t>();
  EXPECT_EQ(SiteTotal, 16000000u);
}

TEST_F(ShimTest, ScopesBeforeMainAndDuringExit) {
  Result Res = run({RTCHECK_PROG_LIFECYCLE}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  for (const char *Name : {"lifecycle.constructor", "lifecycle.atexit"}) {
    const json *S = scope(R, Name);
    ASSERT_NE(S, nullptr) << Name;
    EXPECT_EQ(S->at("calls"), 1) << Name;
    EXPECT_EQ(fn(*S, "malloc"), 1u) << Name;
    EXPECT_EQ(fn(*S, "free"), 1u) << Name;
  }
  // Static functions of a program linked without -rdynamic are named from its .symtab.
  bool Named = false;
  for (const json &Site : R.at("sites"))
    if (Site.at("scope") == "lifecycle.constructor")
      Named |=
          Site.at("stack").at(0).get<std::string>().find(" in before_main+") != std::string::npos;
  EXPECT_TRUE(Named) << R.at("sites").dump();
}

TEST_F(ShimTest, FortifiedCallsAreCounted) {
  Result Res = run({RTCHECK_PROG_FORTIFY}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Out, "argc 1\n");
  json R = report(Dir + "/r.json");
  const json *S = scope(R, "fortify.callback");
  ASSERT_NE(S, nullptr);
  // GCC calls __printf_chk, __open_2 and __read_chk here; Clang's fortification keeps plain open
  // and read when it cannot prove an overflow. Either way each call counts once, by its real name.
  EXPECT_EQ(fn(*S, "__printf_chk") + fn(*S, "printf"), 1u) << S->dump();
  EXPECT_EQ(fn(*S, "__open_2") + fn(*S, "open"), 1u) << S->dump();
  EXPECT_EQ(fn(*S, "__read_chk") + fn(*S, "read"), 1u) << S->dump();
  EXPECT_EQ(fn(*S, "__printf_chk"), 1u) << "a fortified call must be seen: " << S->dump();
#if !defined(__clang__) // the program is built by the same compiler as this test
  EXPECT_EQ(fn(*S, "__open_2"), 1u) << S->dump();
  EXPECT_EQ(fn(*S, "__read_chk"), 1u) << S->dump();
#endif
  EXPECT_EQ(S->at("violations").at("syscall"), 3);
}

// --- C++ programs -------------------------------------------------------------------------------

TEST_F(ShimTest, CxxSharedLibstdcxx) {
  Result Res = run({RTCHECK_PROG_CXX}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Out, "caught 3\n");
  json R = report(Dir + "/r.json");
  EXPECT_EQ(fn(*scope(R, "cxx.new"), "operator new"), 3u);
  EXPECT_EQ(fn(*scope(R, "cxx.new"), "operator delete"), 3u);
  EXPECT_EQ(scope(R, "cxx.new")->at("violations").at("alloc"), 6);
  EXPECT_EQ(fn(*scope(R, "cxx.array"), "operator new[]"), 3u);
  EXPECT_EQ(fn(*scope(R, "cxx.array"), "operator delete[]"), 3u);
  EXPECT_EQ(scope(R, "cxx.mutex")->at("violations").at("lock"), 6);
  // Throwing allocates the exception object (__cxa_allocate_exception calls malloc).
  EXPECT_GE(fn(*scope(R, "cxx.throw"), "malloc"), 3u);
  EXPECT_EQ(scope(R, "cxx.throw")->at("calls"), 3);
}

TEST_F(ShimTest, CxxStaticLibstdcxx) {
  // operator new is inside the executable and cannot be interposed; the malloc it calls is.
  Result Res = run({RTCHECK_PROG_CXX_STATIC}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Out, "caught 3\n");
  json R = report(Dir + "/r.json");
  EXPECT_EQ(fn(*scope(R, "cxx.new"), "operator new"), 0u);
  EXPECT_EQ(fn(*scope(R, "cxx.new"), "malloc"), 3u);
  EXPECT_EQ(fn(*scope(R, "cxx.new"), "free"), 3u);
  EXPECT_EQ(fn(*scope(R, "cxx.array"), "malloc"), 3u);
  EXPECT_EQ(scope(R, "cxx.mutex")->at("violations").at("lock"), 6);
  EXPECT_EQ(scope(R, "cxx.throw")->at("calls"), 3);
}

} // namespace
} // namespace shimtest
