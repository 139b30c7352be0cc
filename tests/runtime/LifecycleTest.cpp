// Process lifecycle: fork and exec write their own reports, trap and log modes, and the report is
// written atomically (absent or whole, never partial).
#include "ShimTest.h"

namespace shimtest {
namespace {

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

} // namespace
} // namespace shimtest
