//===- AtomicFile.cpp -----------------------------------------------------===//
#include "rtcheck/AtomicFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <unistd.h>

using namespace llvm;

namespace rtcheck {
namespace {

Error fail(StringRef Path, std::error_code EC, StringRef What) {
  return createStringError(EC, "%s: %s: %s", Path.str().c_str(), What.str().c_str(),
                           EC.message().c_str());
}

Error finish(raw_fd_ostream &OS, StringRef Path) {
  OS.close();
  if (!OS.has_error())
    return Error::success();
  std::error_code EC = OS.error();
  OS.clear_error();
  return fail(Path, EC, "write failed");
}

/// Devices, FIFOs and sockets are written where they are: renaming a file over them would
/// destroy them (as root, `-o /dev/null` would replace the system's null device).
Error writeInPlace(StringRef Path, function_ref<void(raw_ostream &)> Write) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::CD_OpenExisting, sys::fs::FA_Write, sys::fs::OF_None);
  if (EC)
    return fail(Path, EC, "cannot write");
  Write(OS);
  return finish(OS, Path);
}

Error replaceRegularFile(StringRef Target, StringRef Shown, bool Exists,
                         function_ref<void(raw_ostream &)> Write) {
  SmallString<256> Model(Target);
  Model += ".tmp-%%%%%%%%";
  int FD = -1;
  SmallString<256> TempPath;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, TempPath))
    return fail(Shown, EC, "cannot write");
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    Write(OS);
    if (Error E = finish(OS, Shown)) {
      sys::fs::remove(TempPath);
      return E;
    }
  }
  // The temporary file gets the mode an ordinary open would give a new file; a replaced file
  // keeps its own.
  if (Exists)
    if (ErrorOr<sys::fs::perms> Mode = sys::fs::getPermissions(Target))
      sys::fs::setPermissions(TempPath, *Mode);
  if (std::error_code EC = sys::fs::rename(TempPath, Target)) {
    sys::fs::remove(TempPath);
    return fail(Shown, EC, "cannot write");
  }
  return Error::success();
}

} // namespace

Error writeFileAtomically(StringRef Path, function_ref<void(raw_ostream &)> Write) {
  if (Path == "-") {
    Write(outs());
    outs().flush();
    return Error::success();
  }
  // Follow symbolic links to the file they name, so the link itself survives.
  SmallString<256> Target(Path);
  sys::fs::file_status Link;
  if (!sys::fs::status(Path, Link, /*follow=*/false) && Link.type() == sys::fs::file_type::symlink_file)
    if (sys::fs::real_path(Path, Target, /*expand_tilde=*/false)) {
      // A dangling link: create the file it names.
      char Dest[4096];
      ssize_t N = ::readlink(Path.str().c_str(), Dest, sizeof Dest - 1);
      if (N < 0)
        return fail(Path, std::error_code(errno, std::generic_category()), "cannot follow the link");
      Target.assign(Dest, Dest + N);
      if (sys::path::is_relative(Target)) {
        SmallString<256> Joined = sys::path::parent_path(Path);
        sys::path::append(Joined, Target);
        Target = Joined;
      }
    }
  sys::fs::file_status St;
  if (std::error_code EC = sys::fs::status(Target, St)) {
    if (EC != std::errc::no_such_file_or_directory)
      return fail(Path, EC, "cannot write");
    return replaceRegularFile(Target, Path, /*Exists=*/false, Write);
  }
  switch (St.type()) {
  case sys::fs::file_type::regular_file:
    return replaceRegularFile(Target, Path, /*Exists=*/true, Write);
  case sys::fs::file_type::directory_file:
    return createStringError(std::errc::is_a_directory, "%s: cannot write: is a directory",
                             Path.str().c_str());
  default:
    return writeInPlace(Target, Write);
  }
}

Error writeFileAtomically(StringRef Path, StringRef Contents) {
  return writeFileAtomically(Path, [&](raw_ostream &OS) { OS << Contents; });
}

} // namespace rtcheck
