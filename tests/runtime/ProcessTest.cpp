// Process tests: real programs run under librtcheck_rt.so (LD_PRELOAD, or `rtcheck run`); the
// assertions are on their exit status, their stderr and the exact counts of their JSON reports.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

extern char **environ;

namespace {

using nlohmann::json;
using Env = std::vector<std::pair<std::string, std::string>>;

struct Result {
  int Status = -1; // raw waitpid status
  std::string Out, Err;
  bool exited(int Code) const { return WIFEXITED(Status) && WEXITSTATUS(Status) == Code; }
  bool signaled(int Sig) const { return WIFSIGNALED(Status) && WTERMSIG(Status) == Sig; }
};

std::string readFile(const std::string &Path) {
  std::ifstream In(Path);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

bool exists(const std::string &Path) { return access(Path.c_str(), F_OK) == 0; }

std::vector<std::string> lines(const std::string &Text) {
  std::vector<std::string> Out;
  std::istringstream In(Text);
  for (std::string L; std::getline(In, L);)
    Out.push_back(L);
  return Out;
}

class ShimTest : public ::testing::Test {
protected:
  std::string Dir;

  void SetUp() override {
    char Tmpl[] = "/tmp/rtcheck-rt-test-XXXXXX";
    ASSERT_NE(mkdtemp(Tmpl), nullptr);
    Dir = Tmpl;
  }
  void TearDown() override {
    if (!HasFailure())
      std::system(("rm -rf '" + Dir + "'").c_str());
  }

  // Runs Argv with a clean environment (no LD_PRELOAD/RTCHECK_*) plus Extra; with the shim
  // preloaded when Preload.
  Result run(const std::vector<std::string> &Argv, const Env &Extra, bool Preload = true) {
    std::vector<std::string> EnvStrings;
    for (char **E = environ; *E; ++E) {
      std::string V = *E;
      if (V.rfind("LD_PRELOAD=", 0) == 0 || V.rfind("RTCHECK_", 0) == 0)
        continue;
      EnvStrings.push_back(V);
    }
    if (Preload)
      EnvStrings.push_back(std::string("LD_PRELOAD=") + RTCHECK_SHIM);
    for (const auto &[K, V] : Extra)
      EnvStrings.push_back(K + "=" + V);
    std::string OutPath = Dir + "/stdout", ErrPath = Dir + "/stderr";
    pid_t Pid = fork();
    if (Pid == 0) {
      int Out = open(OutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int Err = open(ErrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(Out, 1);
      dup2(Err, 2);
      std::vector<char *> A, E;
      for (const auto &S : Argv)
        A.push_back(const_cast<char *>(S.c_str()));
      A.push_back(nullptr);
      for (auto &S : EnvStrings)
        E.push_back(S.data());
      E.push_back(nullptr);
      execve(A[0], A.data(), E.data());
      _exit(120);
    }
    Result R;
    while (waitpid(Pid, &R.Status, 0) < 0 && errno == EINTR) {
    }
    R.Out = readFile(OutPath);
    R.Err = readFile(ErrPath);
    return R;
  }

  json report(const std::string &Path) {
    std::string Text = readFile(Path);
    EXPECT_FALSE(Text.empty()) << "no report at " << Path;
    return json::parse(Text, nullptr, /*allow_exceptions=*/false);
  }
};

const json *scope(const json &Report, const std::string &Name) {
  for (const json &S : Report.at("scopes"))
    if (S.at("name") == Name)
      return &S;
  return nullptr;
}

uint64_t fn(const json &Scope, const std::string &Name) {
  const json &B = Scope.at("by_function");
  return B.contains(Name) ? B.at(Name).get<uint64_t>() : 0;
}

// --- Exact counts -------------------------------------------------------------------------------

void expectCounts(const json &R) {
  ASSERT_FALSE(R.is_discarded());
  EXPECT_EQ(R.at("version"), 1);
  EXPECT_EQ(R.at("tool"), "rtcheck-runtime");
  const json *Cb = scope(R, "counts.callback");
  ASSERT_NE(Cb, nullptr);
  EXPECT_EQ(Cb->at("calls"), 10);
  EXPECT_EQ(Cb->at("thread_count"), 1);
  EXPECT_EQ(Cb->at("budget_ns"), 1000000000);
  EXPECT_EQ(fn(*Cb, "malloc"), 10u);
  EXPECT_EQ(fn(*Cb, "realloc"), 10u);
  EXPECT_EQ(fn(*Cb, "calloc"), 10u);
  EXPECT_EQ(fn(*Cb, "strdup"), 10u);
  EXPECT_EQ(fn(*Cb, "free"), 30u) << "free(NULL) must not count";
  EXPECT_EQ(fn(*Cb, "pthread_mutex_lock"), 10u);
  EXPECT_EQ(fn(*Cb, "pthread_mutex_unlock"), 10u);
  EXPECT_EQ(fn(*Cb, "write"), 10u);
  EXPECT_EQ(fn(*Cb, "ioctl"), 10u);
  EXPECT_EQ(fn(*Cb, "sched_yield"), 10u);
  EXPECT_EQ(Cb->at("by_function").size(), 10u) << Cb->at("by_function").dump();
  const json &V = Cb->at("violations");
  EXPECT_EQ(V.at("alloc"), 70);
  EXPECT_EQ(V.at("lock"), 20);
  EXPECT_EQ(V.at("syscall"), 20);
  EXPECT_EQ(V.at("driver"), 10);
  EXPECT_EQ(Cb->at("deadline_misses"), 0);
  EXPECT_EQ(Cb->at("period_ns").at("count"), 9);
  const json &L = Cb->at("latency_ns");
  EXPECT_LE(L.at("min").get<uint64_t>(), L.at("p50").get<uint64_t>());
  EXPECT_LE(L.at("p50").get<uint64_t>(), L.at("p99").get<uint64_t>());
  EXPECT_LE(L.at("p99").get<uint64_t>(), L.at("max").get<uint64_t>());
  EXPECT_GT(L.at("min").get<uint64_t>(), 0u);

  // Nested scopes: counts are inclusive (the outer callback performed its inner scope's calls).
  const json *Outer = scope(R, "counts.outer"), *Inner = scope(R, "counts.inner");
  ASSERT_NE(Outer, nullptr);
  ASSERT_NE(Inner, nullptr);
  EXPECT_EQ(Outer->at("calls"), 5);
  EXPECT_EQ(Inner->at("calls"), 5);
  EXPECT_EQ(fn(*Inner, "malloc"), 10u);
  EXPECT_EQ(fn(*Inner, "free"), 10u);
  EXPECT_EQ(fn(*Outer, "malloc"), 15u);
  EXPECT_EQ(fn(*Outer, "free"), 15u);
  EXPECT_GE(Outer->at("latency_ns").at("max").get<uint64_t>(),
            Inner->at("latency_ns").at("min").get<uint64_t>());

  // A call counts only on the thread that opened the scope.
  const json *Other = scope(R, "counts.other_thread");
  ASSERT_NE(Other, nullptr);
  EXPECT_EQ(fn(*Other, "pthread_create"), 1u);
  EXPECT_EQ(fn(*Other, "pthread_join"), 1u);
  EXPECT_EQ(Other->at("violations").at("alloc"), 0) << Other->dump();
  const json *C11 = scope(R, "counts.c11");
  ASSERT_NE(C11, nullptr);
  EXPECT_EQ(fn(*C11, "mtx_lock"), 1u);
  EXPECT_EQ(fn(*C11, "mtx_unlock"), 1u);
  EXPECT_EQ(fn(*C11, "thrd_yield"), 1u);
  EXPECT_EQ(C11->at("violations").at("lock"), 2);
  EXPECT_EQ(C11->at("violations").at("syscall"), 1);
  EXPECT_EQ(R.at("scopes").size(), 5u);
}

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

// --- fork and exec
// --------------------------------------------------------------------------------

TEST_F(ShimTest, ForkAndExecEachWriteTheirOwnReport) {
  std::string Path = Dir + "/r.json";
  Result Res = run({RTCHECK_PROG_FORK_EXEC}, {{"RTCHECK_OPTIONS", "report=" + Path}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  int Child = 0;
  ASSERT_EQ(std::sscanf(Res.Out.c_str(), "child %d", &Child), 1) << Res.Out;

  json Parent = report(Path);
  EXPECT_EQ(Parent.at("forked"), false);
  const json *P = scope(Parent, "fork_exec.parent");
  ASSERT_NE(P, nullptr);
  EXPECT_EQ(fn(*P, "malloc"), 1u);
  EXPECT_EQ(fn(*P, "fork"), 1u);
  EXPECT_EQ(P->at("calls"), 1);

  // The child starts afresh: only what it did after fork, in the scope it inherited open.
  json Forked = report(Path + "." + std::to_string(Child));
  EXPECT_EQ(Forked.at("pid"), Child);
  EXPECT_EQ(Forked.at("forked"), true);
  const json *F = scope(Forked, "fork_exec.parent");
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(fn(*F, "malloc"), 2u);
  EXPECT_EQ(fn(*F, "free"), 2u);
  EXPECT_EQ(fn(*F, "fork"), 0u);
  EXPECT_EQ(F->at("calls"), 1);

  // The image the child exec'd: same pid, next image number.
  json Exec = report(Path + "." + std::to_string(Child) + ".1");
  EXPECT_EQ(Exec.at("pid"), Child);
  EXPECT_EQ(Exec.at("image_seq"), 1);
  const json *E = scope(Exec, "fork_exec.exec");
  ASSERT_NE(E, nullptr);
  EXPECT_EQ(fn(*E, "malloc"), 4u);
  EXPECT_EQ(Exec.at("scopes").size(), 1u);
}

// --- trap and log modes
// ---------------------------------------------------------------------------

TEST_F(ShimTest, TrapAbortsWithMessageAndStack) {
  Result Res =
      run({RTCHECK_PROG_COUNTS}, {{"RTCHECK_OPTIONS", "mode=trap:report=" + Dir + "/r.json"}});
  EXPECT_TRUE(Res.signaled(SIGABRT)) << Res.Status;
  EXPECT_EQ(Res.Out, ""); // stopped before "done"
  std::vector<std::string> L = lines(Res.Err);
  ASSERT_GE(L.size(), 3u) << Res.Err;
  EXPECT_NE(L[0].find("==ERROR: rtcheck: call to 'malloc' (category alloc) inside real-time scope "
                      "'counts.callback'"),
            std::string::npos)
      << L[0];
  EXPECT_EQ(L[0].rfind("==", 0), 0u);
  EXPECT_NE(L[1].find("#0 "), std::string::npos) << L[1];
  EXPECT_NE(Res.Err.find(" in main+"), std::string::npos) << Res.Err;
  EXPECT_EQ(
      L.back(),
      "SUMMARY: rtcheck: alloc 'malloc' in real-time scope 'counts.callback' [rtcheck-alloc]");
  // The report is written before aborting, with the one violation.
  json R = report(Dir + "/r.json");
  EXPECT_EQ(fn(*scope(R, "counts.callback"), "malloc"), 1u);
  EXPECT_EQ(R.at("options").at("mode"), "trap");
}

TEST_F(ShimTest, LogModePrintsEachSiteOnceAndKeepsRunning) {
  Result Res =
      run({RTCHECK_PROG_COUNTS}, {{"RTCHECK_OPTIONS", "mode=log:report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Out, "done\n");
  json R = report(Dir + "/r.json");
  size_t Warnings = 0, Summaries = 0;
  for (const std::string &L : lines(Res.Err)) {
    Warnings += L.find("==WARNING: rtcheck: call to '") != std::string::npos;
    Summaries += L.rfind("SUMMARY: rtcheck: ", 0) == 0;
  }
  EXPECT_EQ(Warnings, R.at("sites").size());
  EXPECT_EQ(Summaries, R.at("sites").size());
  expectCounts(R);
}

// --- the report
// -------------------------------------------------------------------------------------

TEST_F(ShimTest, ReportIsAbsentOrWholeUnderConcurrentReads) {
  std::string Path = Dir + "/r.json";
  std::atomic<bool> Done{false};
  std::atomic<int> Whole{0}, Broken{0};
  std::thread Reader([&] {
    while (!Done.load()) {
      std::string Text = readFile(Path);
      if (Text.empty())
        continue; // absent
      json J = json::parse(Text, nullptr, false);
      (J.is_discarded() || J.value("version", 0) != 1 || J.at("scopes").size() != 300 ? Broken
                                                                                      : Whole)++;
    }
  });
  for (int I = 0; I < 15; ++I) {
    Result Res =
        run({RTCHECK_PROG_MANY_SITES}, {{"RTCHECK_OPTIONS", "max_sites=1024:report=" + Path}});
    ASSERT_TRUE(Res.exited(0)) << Res.Err;
  }
  Done = true;
  Reader.join();
  EXPECT_EQ(Broken.load(), 0);
  EXPECT_GT(Whole.load(), 0);
  json R = report(Path);
  EXPECT_EQ(R.at("sites").size(), 600u);    // a malloc and a free site in each of 300 scopes
  EXPECT_GT(readFile(Path).size(), 50000u); // larger than one write buffer
  // No temporary file left behind.
  DIR *D = opendir(Dir.c_str());
  for (dirent *E; (E = readdir(D));)
    EXPECT_EQ(std::string(E->d_name).find(".tmp."), std::string::npos) << E->d_name;
  closedir(D);
}

TEST_F(ShimTest, ReportAbsentWhenKilled) {
  std::string Path = Dir + "/r.json";
  std::string OutPath = Dir + "/hang.out";
  pid_t Pid = fork();
  if (Pid == 0) {
    int Out = open(OutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(Out, 1);
    setenv("LD_PRELOAD", RTCHECK_SHIM, 1);
    setenv("RTCHECK_OPTIONS", ("report=" + Path).c_str(), 1);
    execl(RTCHECK_PROG_MANY_SITES, RTCHECK_PROG_MANY_SITES, "hang", (char *)nullptr);
    _exit(120);
  }
  for (int I = 0; I < 500 && readFile(OutPath) != "ready\n"; ++I)
    usleep(10000);
  ASSERT_EQ(readFile(OutPath), "ready\n");
  kill(Pid, SIGKILL);
  int Status;
  waitpid(Pid, &Status, 0);
  EXPECT_TRUE(WIFSIGNALED(Status));
  EXPECT_FALSE(exists(Path));
}

// --- bad input
// ------------------------------------------------------------------------------------

TEST_F(ShimTest, MalformedOptionsWarnOnceAndUseDefaults) {
  for (const char *Bad : {"mode=bogus", "report", "max_sites=lots", "ignore=alloc,memory", "=3"}) {
    std::string Opts = std::string(Bad) + ":report=" + Dir + "/r.json";
    Result Res = run({RTCHECK_PROG_COUNTS, "exit3"}, {{"RTCHECK_OPTIONS", Opts}});
    EXPECT_TRUE(Res.exited(3)) << Bad;
    EXPECT_EQ(Res.Out, "done\n");
    std::vector<std::string> L = lines(Res.Err);
    ASSERT_EQ(L.size(), 1u) << Bad << ": " << Res.Err;
    EXPECT_NE(L[0].find("==WARNING: rtcheck: malformed RTCHECK_OPTIONS"), std::string::npos)
        << L[0];
    EXPECT_FALSE(exists(Dir + "/r.json")) << "defaults (no report) must be used for " << Bad;
  }
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

} // namespace
