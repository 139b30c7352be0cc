// Hand-built call graphs for the link tests: a Program of summaries and a RuleSet from JSON text.
#ifndef RTCHECK_TESTS_UNIT_PROGRAMBUILDER_H
#define RTCHECK_TESTS_UNIT_PROGRAMBUILDER_H

#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"
#include "rtcheck/Summary.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <set>

namespace rtcheck {

/// A small program: functions by name (USR "u:<name>"), one summary per TU.
class Program {
public:
  Summary &tu(size_t I) {
    if (TUs.size() <= I)
      TUs.resize(I + 1);
    return TUs[I];
  }
  Function &def(llvm::StringRef Name, size_t TU = 0, bool System = false) {
    Function F;
    F.USR = ("u:" + Name).str();
    F.Name = Name.str();
    F.Loc = {System ? "/usr/include/lib.h" : "/src/tu" + std::to_string(TU) + ".cpp", 1, 1};
    F.InSystemHeader = System;
    F.HasBody = true;
    tu(TU).Functions.push_back(F);
    return tu(TU).Functions.back();
  }
  Function &decl(llvm::StringRef Name, size_t TU = 0) {
    Function F;
    F.USR = ("u:" + Name).str();
    F.Name = Name.str();
    F.InSystemHeader = true;
    tu(TU).Functions.push_back(F);
    return tu(TU).Functions.back();
  }
  static CallSite &call(Function &From, llvm::StringRef To, unsigned Line,
                        CallKind Kind = CallKind::Direct) {
    CallSite C;
    C.Kind = Kind;
    C.Callee = Kind == CallKind::Indirect ? To.str() : ("u:" + To).str();
    C.Loc = {From.Loc.File, Line, 3};
    C.InSystemHeader = From.InSystemHeader;
    From.Calls.push_back(C);
    return From.Calls.back();
  }
  std::vector<Summary> TUs;
};

inline RuleSet rules(llvm::StringRef Family, llvm::StringRef Profile = "") {
  llvm::SmallString<128> Dir;
  llvm::sys::fs::createUniqueDirectory("rtcheck-link-test", Dir);
  RuleSet R;
  auto Write = [&](llvm::StringRef Name, llvm::StringRef Text) {
    std::string Path = (Dir + "/" + Name).str();
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Path, EC);
      OS << Text;
    }
    llvm::Error E = R.loadFile(Path);
    EXPECT_FALSE(bool(E)) << llvm::toString(std::move(E));
  };
  Write("family.json", Family);
  if (!Profile.empty())
    Write("profile.json", Profile);
  llvm::sys::fs::remove_directories(Dir);
  return R;
}

/// The lines of a link's findings.
inline std::set<unsigned> findingLines(const LinkResult &R) {
  std::set<unsigned> Out;
  for (const Finding &F : R.Findings)
    Out.insert(F.Site.Line);
  return Out;
}

/// A guard atom on a parameter (Param >= 0) or a global or member (Var).
inline GuardAtom guardAtom(int Param, std::string Var, GuardAtom::OpKind Op, int64_t Value) {
  GuardAtom A;
  A.Param = Param;
  A.Var = std::move(Var);
  A.Op = Op;
  A.Value = Value;
  return A;
}

} // namespace rtcheck

#endif
