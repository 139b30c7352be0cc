// Shared by the process tests (*Test.cpp here, except CoreTest.cpp): real programs run under
// librtcheck_rt.so (LD_PRELOAD, or `rtcheck run`); the assertions are on their exit status, their
// stderr and the exact counts of their JSON reports.
#ifndef RTCHECK_TESTS_RUNTIME_SHIMTEST_H
#define RTCHECK_TESTS_RUNTIME_SHIMTEST_H

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

namespace shimtest {

using nlohmann::json;
using Env = std::vector<std::pair<std::string, std::string>>;

struct Result {
  int Status = -1; // raw waitpid status
  std::string Out, Err;
  bool exited(int Code) const { return WIFEXITED(Status) && WEXITSTATUS(Status) == Code; }
  bool signaled(int Sig) const { return WIFSIGNALED(Status) && WTERMSIG(Status) == Sig; }
};

inline std::string readFile(const std::string &Path) {
  std::ifstream In(Path);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

inline bool exists(const std::string &Path) { return access(Path.c_str(), F_OK) == 0; }

inline std::vector<std::string> lines(const std::string &Text) {
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

inline const json *scope(const json &Report, const std::string &Name) {
  for (const json &S : Report.at("scopes"))
    if (S.at("name") == Name)
      return &S;
  return nullptr;
}

inline uint64_t fn(const json &Scope, const std::string &Name) {
  const json &B = Scope.at("by_function");
  return B.contains(Name) ? B.at(Name).get<uint64_t>() : 0;
}

// The exact counts of rt_counts (programs/counts.c), shared by the count and log-mode tests.
inline void expectCounts(const json &R) {
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

} // namespace shimtest

#endif
