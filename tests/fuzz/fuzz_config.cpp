// libFuzzer target: the configuration parser (`--config`, docs/analyzer.md) rejects any malformed
// document with an error and never crashes; an accepted layer merges and answers its questions.
#include "rtcheck/Config.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<rtcheck::Config> C = rtcheck::parseConfig(Text, "/fuzz/dir/rtcheck.json");
  if (!C) {
    llvm::consumeError(C.takeError());
    return 0;
  }
  rtcheck::Config Base;
  Base.merge(*C);
  (void)Base.failOn();
  (void)Base.reportUnknown();
  return 0;
}
