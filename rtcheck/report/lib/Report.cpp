// Building a report from its inputs, its exit status, and writing outputs atomically.
#include "Internal.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace rtcheck::report {

using namespace detail;

Report buildReport(const Options &Opts) {
  if (Opts.StaticPath.empty() && Opts.RuntimePaths.empty())
    throw InputError("rtcheck report: nothing to report on (give --static FILE and/or --runtime "
                     "FILE)");
  Report R;
  R.Opts = Opts;
  if (!Opts.StaticPath.empty())
    loadStatic(R, Opts.StaticPath);
  if (!Opts.BaselinePath.empty()) {
    std::set<std::string> Known = loadBaseline(Opts.BaselinePath);
    for (Finding &F : R.Findings)
      F.Known = Known.count(F.Fingerprint) > 0;
  }
  for (const std::string &P : Opts.RuntimePaths)
    loadRuntime(R, P);
  std::map<std::string, ClaimSpec> Specs;
  if (!Opts.ClaimsPath.empty())
    Specs = loadClaims(Opts.ClaimsPath);
  for (const std::string &E : R.StaticErrors)
    R.Notes.push_back("not analysed: " + E + "; static evidence is incomplete");
  symbolize(R);
  joinCallbacks(R);
  evaluateClaims(R, Specs);
  return R;
}

const char *statusName(Status S) {
  switch (S) {
  case Status::Pass:
    return "PASS";
  case Status::Fail:
    return "FAIL";
  case Status::NotMeasured:
    return "NOT MEASURED";
  }
  return "NOT MEASURED";
}

int exitStatus(const Report &R) { return R.Failed ? 1 : 0; }

void writeOutput(const std::string &Path, const std::string &Text) {
  auto Error = [&](const char *What) {
    return std::runtime_error("cannot write '" + Path + "': " + What + ": " + std::strerror(errno));
  };
  if (Path == "-") {
    if (std::fwrite(Text.data(), 1, Text.size(), stdout) != Text.size() || std::fflush(stdout))
      throw Error("stdout");
    return;
  }
  std::string Tmp = Path + ".tmp." + std::to_string(getpid());
  int Fd = open(Tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (Fd < 0)
    throw Error("open");
  size_t Off = 0;
  while (Off < Text.size()) {
    ssize_t N = write(Fd, Text.data() + Off, Text.size() - Off);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0) {
      int Saved = errno;
      close(Fd);
      unlink(Tmp.c_str());
      errno = Saved;
      throw Error("write");
    }
    Off += static_cast<size_t>(N);
  }
  if (close(Fd) != 0 || std::rename(Tmp.c_str(), Path.c_str()) != 0) {
    int Saved = errno;
    unlink(Tmp.c_str());
    errno = Saved;
    throw Error("rename");
  }
}

} // namespace rtcheck::report
