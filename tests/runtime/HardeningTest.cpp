// Issue #14, the shim and `rtcheck run` as a user or an attacker would drive them: the report the
// options name, a report path that cannot work, a file that is not the shim, signals sent to the
// driver, bytes that are not UTF-8, counts lost to the fixed tables, report targets that are not
// regular files, and what a program's libraries do at start-up before the shim is ready.
#include "ShimTest.h"

#include <chrono>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace shimtest {
namespace {

// --- the report the user asked for
// -----------------------------------------------------------------

TEST_F(ShimTest, DriverWritesTheReportNamedInTheOptions) {
  Result Res = run({RTCHECK_DRIVER, "run", "--", RTCHECK_PROG_COUNTS},
                   {{"RTCHECK_OPTIONS", "report=" + Dir + "/env.json"}}, /*Preload=*/false);
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  expectCounts(report(Dir + "/env.json"));
  EXPECT_NE(Res.Err.find("counts.callback"), std::string::npos) << Res.Err;

  Res = run({RTCHECK_DRIVER, "run", "--options", "max_sites=8:report=" + Dir + "/opt.json", "--",
             RTCHECK_PROG_COUNTS},
            {{"RTCHECK_OPTIONS", "report=" + Dir + "/env2.json"}}, false);
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_TRUE(exists(Dir + "/opt.json")) << "--options wins over the environment";
  EXPECT_FALSE(exists(Dir + "/env2.json"));
  EXPECT_EQ(report(Dir + "/opt.json").at("options").at("max_sites"), 8);
}

TEST_F(ShimTest, DriverResolvesARelativeReportBeforeTheProgramChangesDirectory) {
  std::filesystem::create_directories(Dir + "/elsewhere");
  std::string Cmd = "cd '" + Dir + "' && exec " + RTCHECK_DRIVER + " run -q --report r.json -- " +
                    RTCHECK_PROG_MANY_SITES + " 'chdir=" + Dir + "/elsewhere'";
  Result Res = run({"/bin/sh", "-c", Cmd}, {}, /*Preload=*/false);
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(report(Dir + "/r.json").at("scopes").size(), 300u);
  EXPECT_FALSE(exists(Dir + "/elsewhere/r.json"));
}

TEST_F(ShimTest, DriverReportIntoAMissingDirectoryFailsBeforeLaunch) {
  for (const std::string &Path : {Dir + "/no/such/r.json", Dir + "/file/r.json"}) {
    std::ofstream(Dir + "/file") << "x";
    Result Res =
        run({RTCHECK_DRIVER, "run", "--report", Path, "--", RTCHECK_PROG_COUNTS}, {}, false);
    EXPECT_TRUE(Res.exited(2)) << Res.Status;
    EXPECT_EQ(Res.Out, "") << "the program must not run";
    ASSERT_EQ(lines(Res.Err).size(), 1u) << Res.Err;
    EXPECT_EQ(Res.Err.rfind("rtcheck: error: cannot write the report '" + Path + "': ", 0), 0u)
        << Res.Err;
  }
}

// --- a file that is not the shim
// -------------------------------------------------------------------

TEST_F(ShimTest, DriverRejectsAFileThatIsNotTheShim) {
  const std::pair<std::string, std::string> Cases[] = {
      {"/etc/passwd", "not a 64-bit ELF file"},
      {RTCHECK_PROG_COUNTS, "an executable, not a shared library"},
      {"/lib/x86_64-linux-gnu/libm.so.6", "a shared library that does not define "
                                          "rtcheck_scope_begin"}};
  for (const auto &[File, Why] : Cases) {
    Result Res =
        run({RTCHECK_DRIVER, "run", "--", RTCHECK_PROG_COUNTS}, {{"RTCHECK_RUNTIME", File}}, false);
    EXPECT_TRUE(Res.exited(2)) << File;
    EXPECT_EQ(Res.Out, "") << File;
    EXPECT_EQ(Res.Err, "rtcheck: error: '" + File +
                           "' (RTCHECK_RUNTIME) is not the runtime shim librtcheck_rt.so: " + Why +
                           "\n");
  }
}

// --- signals sent to the driver
// --------------------------------------------------------------------

// The driver's child (the program), read from /proc.
pid_t childOf(pid_t Parent) {
  std::string Text =
      readFile("/proc/" + std::to_string(Parent) + "/task/" + std::to_string(Parent) + "/children");
  return static_cast<pid_t>(std::atoi(Text.c_str()));
}

// Starts `rtcheck run -- Argv` with stdout to Out; returns the driver's pid once the program has
// printed its first line.
pid_t startDriver(const std::vector<std::string> &Argv, const std::string &Out,
                  const std::string &Err) {
  std::remove(Out.c_str()); // the previous run's line must not count
  pid_t Pid = fork();
  if (Pid == 0) {
    dup2(open(Out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 1);
    dup2(open(Err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
    unsetenv("LD_PRELOAD");
    unsetenv("RTCHECK_OPTIONS");
    std::vector<char *> A = {const_cast<char *>(RTCHECK_DRIVER), const_cast<char *>("run"),
                             const_cast<char *>("--")};
    for (const std::string &S : Argv)
      A.push_back(const_cast<char *>(S.c_str()));
    A.push_back(nullptr);
    execv(A[0], A.data());
    _exit(120);
  }
  for (int I = 0; I < 1000 && readFile(Out).empty(); ++I)
    usleep(10000);
  return Pid;
}

// Waits up to 20 s; -1 when the driver is still running.
int waitBounded(pid_t Pid) {
  int Status = 0;
  for (int I = 0; I < 2000; ++I) {
    if (waitpid(Pid, &Status, WNOHANG) == Pid)
      return Status;
    usleep(10000);
  }
  return -1;
}

TEST_F(ShimTest, DriverForwardsTerminationSignalsAndExitsLikeTheProgram) {
  for (int Sig : {SIGTERM, SIGHUP, SIGINT}) {
    pid_t Driver = startDriver({RTCHECK_PROG_MANY_SITES, "hang"}, Dir + "/out", Dir + "/err");
    pid_t Program = childOf(Driver);
    if (readFile(Dir + "/out") != "ready\n" || Program <= 0) {
      if (Program > 0)
        kill(Program, SIGKILL);
      kill(Driver, SIGKILL);
      waitpid(Driver, nullptr, 0);
      FAIL() << "the program did not start under the driver";
    }
    kill(Driver, Sig);
    int Status = waitBounded(Driver);
    bool Orphaned = kill(Program, 0) == 0;
    if (Status == -1 || Orphaned) {
      kill(Program, SIGKILL);
      kill(Driver, SIGKILL);
      waitpid(Driver, nullptr, 0);
    }
    EXPECT_FALSE(Orphaned) << "signal " << Sig << " was not passed on to the program";
    ASSERT_NE(Status, -1) << "the driver did not end after signal " << Sig;
    EXPECT_TRUE(WIFSIGNALED(Status) && WTERMSIG(Status) == Sig) << Sig << ": " << Status;
    EXPECT_NE(
        readFile(Dir + "/err").find("the program was killed by signal " + std::to_string(Sig)),
        std::string::npos)
        << readFile(Dir + "/err");
  }
  // A program that handles the signal decides: the driver exits with its status.
  pid_t Driver = startDriver({"/bin/sh", "-c",
                              "trap 'exit 7' TERM; echo ready; while :; do "
                              "sleep 0.05; done"},
                             Dir + "/out", Dir + "/err");
  ASSERT_EQ(readFile(Dir + "/out"), "ready\n");
  kill(Driver, SIGTERM);
  int Status = waitBounded(Driver);
  if (Status == -1)
    kill(Driver, SIGKILL);
  EXPECT_TRUE(Status != -1 && WIFEXITED(Status) && WEXITSTATUS(Status) == 7) << Status;
}

// --- bytes that are not UTF-8
// ----------------------------------------------------------------------

TEST_F(ShimTest, ReportEscapesBytesThatAreNotUtf8) {
  std::string Bin = Dir + "/bin\xff";
  std::filesystem::create_directories(Bin);
  std::filesystem::copy_file(RTCHECK_PROG_MANY_SITES, Bin + "/prog");
  Result Res = run({Bin + "/prog", "bytes"}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  ASSERT_FALSE(R.is_discarded()) << readFile(Dir + "/r.json");
  EXPECT_EQ(R.at("program"), Dir + "/bin\u00ff/prog");
  for (const char *Name :
       {"caf\u00e9", "cut\u00e2\u0082", "over\u00c0\u00af", "ok\u00e9" /* well-formed: kept */})
    EXPECT_NE(scope(R, Name), nullptr) << Name;
  EXPECT_NE(readFile(Dir + "/r.json").find("\"caf\\u00e9\""), std::string::npos);

  // rtcheck run reads it back for its summary.
  Res = run({RTCHECK_DRIVER, "run", "--", Bin + "/prog", "bytes"}, {}, false);
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_NE(Res.Err.find("4 real-time scopes"), std::string::npos) << Res.Err;
}

// --- counts lost to the fixed tables
// ---------------------------------------------------------------

TEST_F(ShimTest, DriverSummaryWarnsAboutLostCounts) {
  Result Res = run({RTCHECK_DRIVER, "run", "--report", Dir + "/r.json", "--",
                    RTCHECK_PROG_MANY_SITES, "scopes=600"},
                   {}, false);
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  json R = report(Dir + "/r.json");
  const json &Dropped = R.at("dropped");
  EXPECT_EQ(Dropped.at("records"), 88); // 600 names, 512 records
  EXPECT_GT(Dropped.at("sites").get<int>(), 0);
  EXPECT_NE(Res.Err.find("rtcheck: warning: 88 scope runs were not recorded: the table of "
                         "(thread, scope name) records was full (512)"),
            std::string::npos)
      << Res.Err;
  EXPECT_NE(Res.Err.find("violations were counted without a site or stack: more distinct sites "
                         "than max_sites=64"),
            std::string::npos)
      << Res.Err;

  Res = run({RTCHECK_DRIVER, "run", "--", RTCHECK_PROG_COUNTS}, {}, false);
  EXPECT_EQ(Res.Err.find("warning"), std::string::npos) << "nothing lost: " << Res.Err;
}

// --- report targets that are not regular files
// -----------------------------------------------------

TEST_F(ShimTest, ReportFollowsASymbolicLink) {
  std::filesystem::create_directories(Dir + "/real");
  std::filesystem::create_symlink(Dir + "/real/r.json", Dir + "/link.json");
  Result Res = run({RTCHECK_PROG_COUNTS}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/link.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_TRUE(std::filesystem::is_symlink(Dir + "/link.json")) << "the link was replaced";
  expectCounts(report(Dir + "/real/r.json"));
  // A dangling link: the file it names is created.
  std::filesystem::create_symlink(Dir + "/real/new.json", Dir + "/dangling.json");
  Res = run({RTCHECK_PROG_COUNTS}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/dangling.json"}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_TRUE(std::filesystem::is_symlink(Dir + "/dangling.json"));
  expectCounts(report(Dir + "/real/new.json"));
}

TEST_F(ShimTest, ReportIsWrittenIntoAFifoInPlace) {
  std::string Fifo = Dir + "/fifo";
  ASSERT_EQ(mkfifo(Fifo.c_str(), 0600), 0);
  int Fd = open(Fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(Fd, 0);
  std::atomic<bool> Done{false};
  std::string Text;
  std::thread Reader([&] {
    char Buf[4096];
    for (;;) {
      ssize_t N = read(Fd, Buf, sizeof Buf);
      if (N > 0)
        Text.append(Buf, static_cast<size_t>(N));
      else if (N == 0 && Done.load())
        break;
      else
        usleep(1000);
    }
  });
  Result Res = run({RTCHECK_PROG_COUNTS}, {{"RTCHECK_OPTIONS", "report=" + Fifo}});
  Done = true;
  Reader.join();
  close(Fd);
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Err, "");
  struct stat St;
  ASSERT_EQ(lstat(Fifo.c_str(), &St), 0);
  EXPECT_TRUE(S_ISFIFO(St.st_mode)) << "the FIFO was replaced";
  expectCounts(json::parse(Text, nullptr, false));

  // Without a reader the program's exit does not hang: one warning.
  Res = run({RTCHECK_PROG_COUNTS, "exit3"}, {{"RTCHECK_OPTIONS", "report=" + Fifo}});
  EXPECT_TRUE(Res.exited(3));
  ASSERT_EQ(lines(Res.Err).size(), 1u) << Res.Err;
  EXPECT_NE(Res.Err.find("cannot write report '" + Fifo + "'"), std::string::npos) << Res.Err;
}

TEST_F(ShimTest, ReportIntoACharacterDeviceKeepsTheDevice) {
  // A null device of our own (as root the old rename would have replaced /dev/null itself).
  std::string Dev = Dir + "/null";
  if (mknod(Dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "mknod needs CAP_MKNOD: " << std::strerror(errno);
  Result Res = run({RTCHECK_PROG_COUNTS}, {{"RTCHECK_OPTIONS", "report=" + Dev}});
  ASSERT_TRUE(Res.exited(0)) << Res.Err;
  EXPECT_EQ(Res.Err, "");
  struct stat St;
  ASSERT_EQ(lstat(Dev.c_str(), &St), 0);
  EXPECT_TRUE(S_ISCHR(St.st_mode)) << "the device node was replaced";
}

// --- the program's own start-up
// ---------------------------------------------------------------------

// Found by the UBSan run of the process tests (docs/hardening.md): a library constructor that
// probes missing symbols leaves a dlerror string that the next dlsym frees while the shim does not
// know the real free yet; resolving it recursed until the stack overflowed (SIGSEGV, every run).
TEST_F(ShimTest, LibraryConstructorProbingMissingSymbolsRunsUnchanged) {
  Result Plain = run({RTCHECK_PROG_DLERROR_CTOR}, {}, /*Preload=*/false);
  ASSERT_TRUE(Plain.exited(0)) << Plain.Err;
  ASSERT_EQ(Plain.Out, "missing 3\n");
  Result Res = run({RTCHECK_PROG_DLERROR_CTOR}, {{"RTCHECK_OPTIONS", "report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Res.exited(0)) << "status " << Res.Status << ": " << Res.Err;
  EXPECT_EQ(Res.Out, Plain.Out);
  EXPECT_TRUE(exists(Dir + "/r.json"));
}

} // namespace
} // namespace shimtest
