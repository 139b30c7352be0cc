// libFuzzer target: the rules loader (family and profile documents) never crashes, whatever the
// bytes; a document it accepts can be resolved against.
#include "rtcheck/Rules.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  rtcheck::RuleSet Rules;
  if (llvm::Error E = Rules.loadText("fuzz.json", Text)) {
    llvm::consumeError(std::move(E));
    return 0;
  }
  for (const rtcheck::FunctionRule &R : Rules.functions())
    (void)Rules.match(R.Name, /*HasBody=*/false);
  for (const auto &P : Rules.profiles())
    (void)P.second.severity(rtcheck::Category::Alloc);
  return 0;
}
