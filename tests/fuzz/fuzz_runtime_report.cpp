// libFuzzer target: the runtime-report reader of `rtcheck report` (docs/runtime.md) turns any
// malformed report into one InputError and never crashes; an accepted one joins, is judged and
// renders in every format. The reader takes a path, so the input goes through a memfd.
#include "../../rtcheck/report/lib/Internal.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace {

const std::string &inputPath() {
  static const std::string Path = [] {
    int Fd = memfd_create("fuzz_runtime_report", 0);
    if (Fd < 0)
      std::abort();
    return "/proc/self/fd/" + std::to_string(Fd);
  }();
  return Path;
}

bool writeInput(const uint8_t *Data, size_t Size) {
  int Fd = std::stoi(inputPath().substr(std::string("/proc/self/fd/").size()));
  if (ftruncate(Fd, 0) != 0)
    return false;
  size_t Done = 0;
  while (Done < Size) {
    ssize_t N = pwrite(Fd, Data + Done, Size - Done, static_cast<off_t>(Done));
    if (N <= 0)
      return false;
    Done += static_cast<size_t>(N);
  }
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  using namespace rtcheck::report;
  if (!writeInput(Data, Size))
    std::abort();
  Report R;
  try {
    detail::loadRuntime(R, inputPath());
  } catch (const InputError &) {
    return 0;
  }
  // No symbolizer (it would start a process per input): frames keep what the report said.
  detail::joinCallbacks(R);
  detail::evaluateClaims(R, {});
  (void)renderHtml(R);
  (void)renderMarkdown(R);
  (void)renderJunit(R);
  (void)renderSarif(R);
  (void)exitStatus(R);
  return 0;
}
