//===- AtomicFile.cpp -----------------------------------------------------===//
#include "rtcheck/AtomicFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace rtcheck {

Error writeFileAtomically(StringRef Path, StringRef Contents) {
  if (Path == "-") {
    outs() << Contents;
    outs().flush();
    return Error::success();
  }
  SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%%%";
  int FD = -1;
  SmallString<256> TempPath;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, TempPath))
    return createStringError(EC, "%s: cannot write: %s", Path.str().c_str(),
                             EC.message().c_str());
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      sys::fs::remove(TempPath);
      return createStringError(EC, "%s: write failed: %s", Path.str().c_str(),
                               EC.message().c_str());
    }
  }
  if (std::error_code EC = sys::fs::rename(TempPath, Path)) {
    sys::fs::remove(TempPath);
    return createStringError(EC, "%s: cannot write: %s", Path.str().c_str(),
                             EC.message().c_str());
  }
  return Error::success();
}

} // namespace rtcheck
