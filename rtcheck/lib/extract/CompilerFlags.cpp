//===- CompilerFlags.cpp - compile commands Clang can run -----------------===//
#include "CompilerFlags.h"

#include "clang/Options/Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Option/ArgList.h"

using namespace llvm;

namespace rtcheck {

std::vector<std::string> dropUnknownFlags(std::vector<std::string> &Args) {
  if (Args.size() < 2)
    return {};
  // clang-cl spells its flags differently; the mode is in the command (inferTargetAndDriverMode
  // adds it for compilers named *cl).
  bool CLMode = any_of(Args, [](StringRef A) { return A == "--driver-mode=cl"; });
  opt::Visibility Mode(CLMode ? clang::options::CLOption : clang::options::ClangOption);
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  opt::InputArgList Parsed =
      clang::getDriverOptTable().ParseArgs(Argv, MissingIndex, MissingCount, Mode);
  std::vector<bool> Unknown(Args.size());
  for (const opt::Arg *A : Parsed.filtered(clang::options::OPT_UNKNOWN))
    Unknown[A->getIndex() + 1] = true;
  std::vector<std::string> Kept, Dropped;
  for (size_t I = 0; I < Args.size(); ++I)
    (Unknown[I] ? Dropped : Kept).push_back(std::move(Args[I]));
  Args = std::move(Kept);
  return Dropped;
}

} // namespace rtcheck
