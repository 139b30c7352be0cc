// `rtcheck run`: finds the shim, appends it to LD_PRELOAD, runs the program, prints the summary
// from the report, and forwards the program's exit status or signal.
#include "driver.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <iterator>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rtcheck::driver {

std::string selfDir() {
  char Buf[4096];
  ssize_t N = readlink("/proc/self/exe", Buf, sizeof Buf - 1);
  if (N <= 0)
    return ".";
  std::string Path(Buf, static_cast<size_t>(N));
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

namespace {

bool isFile(const std::string &Path) {
  struct stat St;
  return stat(Path.c_str(), &St) == 0 && S_ISREG(St.st_mode);
}

// The shim: $RTCHECK_RUNTIME, else ../lib or ../<libdir> next to this executable (build and
// install trees, wherever the install was moved). Never an absolute configured path: a copied
// prefix must not load another installation's shim.
std::string findShim(std::string &Looked) {
  if (const char *Env = std::getenv("RTCHECK_RUNTIME"); Env && *Env) {
    Looked = std::string(Env) + " (RTCHECK_RUNTIME)";
    return isFile(Env) ? Env : "";
  }
  const std::string Candidates[] = {selfDir() + "/../lib/librtcheck_rt.so",
                                    selfDir() + "/../" + RTCHECK_RELATIVE_LIBDIR +
                                        "/librtcheck_rt.so"};
  for (const std::string &C : Candidates) {
    Looked += (Looked.empty() ? "" : ", ") + C;
    if (isFile(C)) {
      char Real[4096];
      return realpath(C.c_str(), Real) ? std::string(Real) : C;
    }
  }
  return "";
}

// Resolves the program the way a shell does. Returns the path, or "" with Status 127 (not found)
// or 126 (found but not executable).
std::string findProgram(const std::string &Name, int &Status, int &Err) {
  auto Check = [&](const std::string &P) {
    if (access(P.c_str(), F_OK) != 0) {
      Err = errno;
      return false;
    }
    if (access(P.c_str(), X_OK) != 0 || !isFile(P)) {
      Status = 126;
      Err = errno ? errno : EACCES;
      return false;
    }
    return true;
  };
  Status = 127;
  Err = ENOENT;
  if (Name.find('/') != std::string::npos)
    return Check(Name) ? Name : "";
  const char *Path = std::getenv("PATH");
  std::string Dirs = Path ? Path : "/usr/local/bin:/usr/bin:/bin";
  size_t Start = 0;
  while (Start <= Dirs.size()) {
    size_t End = Dirs.find(':', Start);
    std::string Dir =
        Dirs.substr(Start, End == std::string::npos ? std::string::npos : End - Start);
    std::string Candidate = (Dir.empty() ? "." : Dir) + "/" + Name;
    if (Check(Candidate))
      return Candidate;
    if (End == std::string::npos)
      break;
    Start = End + 1;
  }
  return "";
}

std::string expandPid(const std::string &Path, pid_t Pid) {
  std::string Out;
  for (size_t I = 0; I < Path.size(); ++I) {
    if (Path[I] == '%' && I + 1 < Path.size() && Path[I + 1] == 'p') {
      Out += std::to_string(Pid);
      ++I;
    } else if (Path[I] == '%' && I + 1 < Path.size() && Path[I + 1] == '%') {
      Out += '%';
      ++I;
    } else {
      Out += Path[I];
    }
  }
  return Out;
}

// The reports of the other processes of this run: REPORT.<digits>[.<digits>], written since Start.
std::vector<std::string> otherReports(const std::string &ReportPath, time_t Start) {
  std::vector<std::string> Out;
  size_t Slash = ReportPath.rfind('/');
  std::string Dir = Slash == std::string::npos ? "." : ReportPath.substr(0, Slash);
  std::string Prefix =
      (Slash == std::string::npos ? ReportPath : ReportPath.substr(Slash + 1)) + ".";
  DIR *D = opendir(Dir.c_str());
  if (!D)
    return Out;
  while (const dirent *E = readdir(D)) {
    std::string Name = E->d_name;
    if (Name.size() <= Prefix.size() || Name.compare(0, Prefix.size(), Prefix) != 0)
      continue;
    std::string Rest = Name.substr(Prefix.size());
    if (Rest.find_first_not_of("0123456789.") == std::string::npos && std::isdigit(Rest.front()) &&
        std::isdigit(Rest.back())) {
      struct stat St;
      if (stat((Dir + "/" + Name).c_str(), &St) == 0 && St.st_mtime >= Start)
        Out.push_back(Dir + "/" + Name);
    }
  }
  closedir(D);
  std::sort(Out.begin(), Out.end());
  return Out;
}

// Why a run left no report at all, in words (docs/runtime.md, `rtcheck run`).
std::string whyNoReport(const std::string &Program, int Status) {
  if (WIFSIGNALED(Status))
    return "the program was killed by signal " + std::to_string(WTERMSIG(Status)) + " (" +
           strsignal(WTERMSIG(Status)) + ") before it could be written";
  if (isStaticallyLinked(Program))
    return "the program is statically linked, so LD_PRELOAD cannot load the shim into it";
  struct stat St;
  if (stat(Program.c_str(), &St) == 0 && (St.st_mode & (S_ISUID | S_ISGID)) &&
      (St.st_uid != geteuid() || St.st_gid != getegid()))
    return "the program is set-user-ID or set-group-ID, so the loader ignores LD_PRELOAD";
  return "the program left without running exit handlers (_exit, or an exec the shim did not "
         "see)";
}

// The value of the last `Key=` entry of colon-separated RTCHECK_OPTIONS text, or "".
std::string lastOption(const std::string &Options, const std::string &Key) {
  std::string Found;
  size_t Start = 0;
  while (Start <= Options.size()) {
    size_t End = Options.find(':', Start);
    std::string Entry =
        Options.substr(Start, End == std::string::npos ? std::string::npos : End - Start);
    if (Entry.compare(0, Key.size() + 1, Key + "=") == 0)
      Found = Entry.substr(Key.size() + 1);
    if (End == std::string::npos)
      break;
    Start = End + 1;
  }
  return Found;
}

// The report path made absolute (the program may chdir) and its directory checked before launch;
// "" with Error set when the report could not be written there.
std::string resolveReport(const std::string &Report, std::string &Error) {
  std::string Path = Report;
  if (Path.front() != '/') {
    char Cwd[4096];
    if (!getcwd(Cwd, sizeof Cwd)) {
      Error = std::string("the current directory: ") + std::strerror(errno);
      return "";
    }
    Path = std::string(Cwd) + "/" + Path;
  }
  size_t Slash = Path.rfind('/');
  std::string Dir = Slash == 0 ? "/" : Path.substr(0, Slash);
  if (Dir.find('%') != std::string::npos)
    return Path; // %p in the directory: known only to the program
  struct stat St;
  if (stat(Dir.c_str(), &St) != 0)
    Error = "directory '" + Dir + "': " + std::strerror(errno);
  else if (!S_ISDIR(St.st_mode))
    Error = "'" + Dir + "' is not a directory";
  else if (access(Dir.c_str(), W_OK | X_OK) != 0)
    Error = "directory '" + Dir + "': " + std::strerror(errno);
  return Error.empty() ? Path : "";
}

// The signals a supervisor or a user sends to stop a run: passed on to the program, which decides.
constexpr int ForwardedSignals[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP};
volatile sig_atomic_t RunningChild = 0;

void forwardToChild(int Sig, siginfo_t *Info, void *) {
  // A signal from the terminal (SI_KERNEL: ^C, ^\, hang-up) reaches the whole foreground process
  // group, the program included; only a signal sent to the driver alone is passed on.
  if (Info && Info->si_code == SI_KERNEL)
    return;
  if (RunningChild > 0)
    kill(RunningChild, Sig);
}

} // namespace

int runUnderShim(const RunOptions &Opts) {
  std::string Looked;
  std::string Shim = findShim(Looked);
  if (Shim.empty()) {
    std::fprintf(stderr,
                 "rtcheck: error: the runtime shim librtcheck_rt.so was not found (looked in %s)\n",
                 Looked.c_str());
    return 2;
  }
  if (std::string Why = whyNotTheShim(Shim); !Why.empty()) {
    const char *Env = std::getenv("RTCHECK_RUNTIME");
    std::fprintf(stderr, "rtcheck: error: '%s'%s is not the runtime shim librtcheck_rt.so: %s\n",
                 Shim.c_str(), Env && *Env ? " (RTCHECK_RUNTIME)" : "", Why.c_str());
    return 2;
  }
  // The loader splits LD_PRELOAD at spaces and colons: such a path would load nothing, silently.
  if (Shim.find_first_of(" :") != std::string::npos) {
    std::fprintf(stderr,
                 "rtcheck: error: the shim's path '%s' contains a space or a colon, which "
                 "LD_PRELOAD cannot carry (install rtcheck under a path without them, or point "
                 "RTCHECK_RUNTIME at a link to the shim that has none)\n",
                 Shim.c_str());
    return 2;
  }
  int NotFound = 0, Err = 0;
  std::string Program = findProgram(Opts.Command.front(), NotFound, Err);
  if (Program.empty()) {
    std::fprintf(stderr, "rtcheck: error: cannot run '%s': %s\n", Opts.Command.front().c_str(),
                 NotFound == 127 && Opts.Command.front().find('/') == std::string::npos
                     ? "command not found"
                     : std::strerror(Err));
    return NotFound;
  }

  // The report the program is asked for: --report, else the last report= of --options, else of
  // the environment's RTCHECK_OPTIONS (the driver appends its own report= last, so it must be the
  // one the user chose).
  std::string EnvOptions;
  if (const char *Env = std::getenv("RTCHECK_OPTIONS"); Env && *Env)
    EnvOptions = Env;
  std::string Report = Opts.Report;
  if (Report.empty())
    Report = lastOption(Opts.Options, "report");
  if (Report.empty())
    Report = lastOption(EnvOptions, "report");
  bool TempReport = Report.empty();
  if (!TempReport) {
    std::string Error;
    std::string Resolved = resolveReport(Report, Error);
    if (Resolved.empty()) {
      std::fprintf(stderr, "rtcheck: error: cannot write the report '%s': %s\n", Report.c_str(),
                   Error.c_str());
      return 2;
    }
    Report = Resolved;
  }
  if (TempReport) {
    const char *Tmp = std::getenv("TMPDIR");
    Report = std::string(Tmp && *Tmp ? Tmp : "/tmp") + "/rtcheck-run-" + std::to_string(getpid()) +
             ".json";
  }

  // RTCHECK_OPTIONS: the environment's, then --options, then what the driver itself needs (later
  // keys win in the shim's parser).
  std::string Options = EnvOptions;
  auto Append = [&](const std::string &S) {
    if (!S.empty())
      Options += (Options.empty() ? "" : ":") + S;
  };
  Append(Opts.Options);
  if (Opts.Trap)
    Append("mode=trap");
  Append("report=" + Report);
  std::string Preload = Shim;
  if (const char *Env = std::getenv("LD_PRELOAD"); Env && *Env)
    Preload = std::string(Env) + ":" + Shim;

  // Like a shell running a foreground job, the driver outlives the program's signals to print
  // the summary; a signal sent to the driver itself is passed on (forwardToChild). Blocked until
  // the child's pid is known.
  sigset_t Forwarded, OldMask;
  sigemptyset(&Forwarded);
  for (int Sig : ForwardedSignals)
    sigaddset(&Forwarded, Sig);
  sigprocmask(SIG_BLOCK, &Forwarded, &OldMask);
  struct sigaction Forward = {}, Old[std::size(ForwardedSignals)] = {};
  Forward.sa_sigaction = forwardToChild;
  Forward.sa_flags = SA_SIGINFO | SA_RESTART;
  sigfillset(&Forward.sa_mask);
  for (size_t I = 0; I < std::size(ForwardedSignals); ++I)
    sigaction(ForwardedSignals[I], &Forward, &Old[I]);
  auto RestoreSignals = [&] {
    for (size_t I = 0; I < std::size(ForwardedSignals); ++I)
      sigaction(ForwardedSignals[I], &Old[I], nullptr);
    sigprocmask(SIG_SETMASK, &OldMask, nullptr);
  };

  std::fflush(nullptr);
  time_t Start = time(nullptr);
  pid_t Child = fork();
  if (Child < 0) {
    std::fprintf(stderr, "rtcheck: error: fork: %s\n", std::strerror(errno));
    RestoreSignals();
    return 2;
  }
  if (Child == 0) {
    RestoreSignals();
    setenv("LD_PRELOAD", Preload.c_str(), 1);
    setenv("RTCHECK_OPTIONS", Options.c_str(), 1);
    unsetenv("RTCHECK_IMAGE_SEQ"); // the program is the first image of its own run
    std::vector<char *> Argv;
    for (const std::string &A : Opts.Command)
      Argv.push_back(const_cast<char *>(A.c_str()));
    Argv.push_back(nullptr);
    execv(Program.c_str(), Argv.data());
    int E = errno;
    std::fprintf(stderr, "rtcheck: error: cannot run '%s': %s\n", Program.c_str(),
                 std::strerror(E));
    _exit(E == ENOENT ? 127 : 126);
  }
  RunningChild = Child;
  sigprocmask(SIG_SETMASK, &OldMask, nullptr);

  int Status = 0;
  while (waitpid(Child, &Status, 0) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "rtcheck: error: waitpid: %s\n", std::strerror(errno));
      return 2;
    }
  }
  RunningChild = 0;
  RestoreSignals();

  std::string ReportPath = expandPid(Report, Child);
  if (!Opts.Quiet) {
    if (!printSummary(ReportPath))
      std::fprintf(stderr, "rtcheck: note: no runtime report at %s: %s\n", ReportPath.c_str(),
                   whyNoReport(Program, Status).c_str());
  }
  // Forked children and exec'd images write REPORT.PID[.N] (docs/runtime.md): name them, or
  // remove them with the temporary report.
  std::vector<std::string> Others = otherReports(ReportPath, Start);
  if (!Opts.Quiet && !Others.empty()) {
    if (TempReport) {
      std::fprintf(stderr,
                   "rtcheck: note: %zu other process%s reported; use --report to keep them\n",
                   Others.size(), Others.size() == 1 ? "" : "es");
    } else {
      for (const std::string &O : Others)
        std::fprintf(stderr, "rtcheck: another process's report: %s\n", O.c_str());
    }
  }
  Verdict V;
  addToVerdict(ReportPath, V);
  for (const std::string &O : Others)
    addToVerdict(O, V);
  if (TempReport) {
    unlink(ReportPath.c_str());
    for (const std::string &O : Others)
      unlink(O.c_str());
  }

  if (WIFEXITED(Status)) {
    // The CI verdict (exitcode=N) replaces a clean exit only: the program's own failure statuses
    // pass through, so a failing program and a failing verdict stay distinguishable.
    if (WEXITSTATUS(Status) == 0 && V.ExitCode && (V.Violations || V.DeadlineMisses)) {
      std::fprintf(stderr,
                   "rtcheck: %llu violation%s and %llu deadline miss%s in real-time scopes: exit "
                   "status %d (exitcode option)\n",
                   static_cast<unsigned long long>(V.Violations), V.Violations == 1 ? "" : "s",
                   static_cast<unsigned long long>(V.DeadlineMisses),
                   V.DeadlineMisses == 1 ? "" : "es", V.ExitCode);
      return V.ExitCode;
    }
    return WEXITSTATUS(Status);
  }
  if (WIFSIGNALED(Status)) {
    // Forward the signal: die of it too (without a second core dump), so a shell sees the same.
    int Sig = WTERMSIG(Status);
    struct rlimit NoCore = {0, 0};
    setrlimit(RLIMIT_CORE, &NoCore);
    std::fflush(nullptr);
    signal(Sig, SIG_DFL);
    sigset_t Set;
    sigemptyset(&Set);
    sigaddset(&Set, Sig);
    sigprocmask(SIG_UNBLOCK, &Set, nullptr);
    raise(Sig);
    return 128 + Sig;
  }
  return 2;
}

} // namespace rtcheck::driver
