// libFuzzer target: the summary reader (what `rtcheck link` reads from disk) rejects any malformed
// document with an error and never crashes; an accepted one survives a write/read round trip.
#include "rtcheck/Summary.h"

#include "llvm/Support/JSON.h"
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::Expected<llvm::json::Value> V =
      llvm::json::parse(llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  if (!V) {
    llvm::consumeError(V.takeError());
    return 0;
  }
  llvm::Expected<rtcheck::Summary> S = rtcheck::summaryFromJSON(*V);
  if (!S) {
    llvm::consumeError(S.takeError());
    return 0;
  }
  llvm::Expected<rtcheck::Summary> Again = rtcheck::summaryFromJSON(rtcheck::toJSON(*S));
  if (!Again) // what the writer produces, the reader must take back
    std::abort();
  return 0;
}
