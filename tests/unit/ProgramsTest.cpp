// Programs of a database without a build description: partition by entry points, object
// directory names, and linking per program with findings merged across programs.
#include "rtcheck/Programs.h"
#include "rtcheck/Rules.h"

#include "clang/Tooling/CompilationDatabase.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

Function &def(Summary &S, llvm::StringRef Name, unsigned Line = 1) {
  Function F;
  F.USR = ("c:@F@" + Name).str();
  F.Name = Name.str();
  F.Loc = {S.MainFile, Line, 1};
  F.HasBody = true;
  S.Functions.push_back(F);
  return S.Functions.back();
}

/// From must be the last function of S: the declaration is appended after the call is added.
void call(Summary &S, Function &From, llvm::StringRef To, unsigned Line) {
  CallSite C;
  C.Callee = ("c:@F@" + To).str();
  C.Loc = {S.MainFile, Line, 3};
  From.Calls.push_back(C);
  Function Decl;
  Decl.USR = C.Callee;
  Decl.Name = To.str();
  Decl.InSystemHeader = true;
  S.Functions.push_back(Decl);
}

Summary tu(llvm::StringRef File) {
  Summary S;
  S.MainFile = File.str();
  return S;
}

RuleSet bundledRules() {
  RuleSet R;
  llvm::Error E = R.loadDirectory(RTCHECK_SOURCE_RULES_DIR);
  EXPECT_FALSE(bool(E)) << llvm::toString(std::move(E));
  return R;
}

std::vector<std::string> names(const std::vector<ProgramUnit> &Ps) {
  std::vector<std::string> Out;
  for (const ProgramUnit &P : Ps)
    Out.push_back(P.Name + ":" + std::to_string(P.Members.size()));
  return Out;
}

TEST(ProgramsTest, ObjectDirectoryNamesTheTarget) {
  clang::tooling::CompileCommand C("/b", "/s/x.c", {"cc", "-c", "/s/x.c"}, "");
  C.Output = "sub/CMakeFiles/noisy.dir/x.c.o";
  EXPECT_EQ(objectDirName(C), "noisy");
  C.Output = "";
  C.CommandLine = {"cc", "-o", "jalv.so.p/src_jack.c.o", "-c", "/s/x.c"};
  EXPECT_EQ(objectDirName(C), "jalv.so");
  C.CommandLine = {"cc", "-c", "/s/x.c"};
  EXPECT_EQ(objectDirName(C), "x");
}

TEST(ProgramsTest, EntriesStartProgramsAndLibrariesJoinThem) {
  // a.c and b.c each define main and call helper(); lib.c defines helper, calls deep() of
  // deep.c; plugin.c defines lv2_descriptor; spare.c is needed by nobody.
  std::vector<Summary> S = {tu("/s/a.c"),    tu("/s/b.c"),      tu("/s/lib.c"),
                            tu("/s/deep.c"), tu("/s/plugin.c"), tu("/s/spare.c")};
  call(S[0], def(S[0], "main"), "helper", 2);
  call(S[1], def(S[1], "main"), "helper", 2);
  call(S[2], def(S[2], "helper"), "deep", 2);
  def(S[3], "deep");
  def(S[4], "lv2_descriptor");
  def(S[5], "spare");
  std::vector<const Summary *> TUs;
  for (const Summary &T : S)
    TUs.push_back(&T);
  std::vector<ProgramUnit> Ps =
      programsFromEntries(TUs, {"a", "b", "core", "core", "plugin", "extra"});
  EXPECT_EQ(names(Ps), (std::vector<std::string>{"a:3", "b:3", "plugin:1", "extra:1"}));
  EXPECT_EQ(Ps[1].Members, (std::vector<unsigned>{1, 2, 3}));

  // lib.c built twice, for two targets: each program takes its own target's build.
  Summary LibAgain = S[2];
  TUs.push_back(&LibAgain);
  std::vector<ProgramUnit> Twice =
      programsFromEntries(TUs, {"app", "tool", "app", "core", "plugin", "extra", "tool"});
  EXPECT_EQ(Twice[0].Members, (std::vector<unsigned>{0, 2, 3}));
  EXPECT_EQ(Twice[1].Members, (std::vector<unsigned>{1, 3, 6}));
  TUs.pop_back();

  // Two entry units of one target (main and jack_initialize) are one program.
  std::vector<ProgramUnit> Joint =
      programsFromEntries({TUs[0], TUs[4], TUs[2]}, {"app", "app", "core"});
  EXPECT_EQ(names(Joint), (std::vector<std::string>{"app:3"}));

  // No entry point anywhere: the database is one program.
  std::vector<ProgramUnit> One = programsFromEntries({TUs[2], TUs[3]}, {"core", "core"});
  EXPECT_EQ(names(One), (std::vector<std::string>{"program:2"}));
}

TEST(ProgramsTest, ALibraryNoProgramNeedsLinksWhatItCalls) {
  // app.c defines main and calls util() of util.c; jack.c, a back-end of the same library that
  // no program reaches, also calls util(): the library's program links util.c too (PortAudio's
  // host APIs calling PaUtil_GetTime of pa_unix_util.c).
  std::vector<Summary> S = {tu("/s/app.c"), tu("/s/util.c"), tu("/s/jack.c")};
  call(S[0], def(S[0], "main"), "util", 2);
  def(S[1], "util");
  call(S[2], def(S[2], "jack_backend"), "util", 4);
  std::vector<const Summary *> TUs = {&S[0], &S[1], &S[2]};
  std::vector<ProgramUnit> Ps = programsFromEntries(TUs, {"app", "lib", "lib"});
  EXPECT_EQ(names(Ps), (std::vector<std::string>{"app:2", "lib:2"}));
  EXPECT_EQ(Ps[1].Members, (std::vector<unsigned>{1, 2}));
  EXPECT_EQ(Ps[1].Kind, "library");
}

TEST(ProgramsTest, SharedFindingsAreReportedOnceNamingEveryProgram) {
  // Two programs share lib.c, whose root calls an unknown function; each also has its own.
  std::vector<Summary> S = {tu("/s/lib.c"), tu("/s/a.c"), tu("/s/b.c")};
  Function &Cb = def(S[0], "cb");
  Cb.RootContext = "audio";
  Cb.RootOrigin = "annotation";
  call(S[0], Cb, "mystery", 4);
  Function &A = def(S[1], "render", 3);
  A.RootContext = "audio";
  A.RootOrigin = "annotation";
  call(S[1], A, "only_a", 5);
  def(S[2], "render", 7);
  std::vector<ProgramUnit> Ps = {{"a", "executable", {0, 1}}, {"b", "executable", {0, 2}}};
  RuleSet Rules = bundledRules();
  LinkResult R = linkPrograms(S, Ps, Rules, LinkOptions());
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(R.Findings[0].Site.File, "/s/a.c");
  EXPECT_EQ(R.Findings[0].Programs, (std::vector<std::string>{"a"}));
  EXPECT_EQ(R.Findings[1].Callee, "mystery");
  EXPECT_EQ(R.Findings[1].Programs, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(R.Roots.size(), 2u);
  EXPECT_EQ(R.Roots[0].Programs, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(R.Warnings.empty());

  // One program holding both definitions of render: a configuration warning naming both.
  LinkResult Both = linkPrograms(S, {{"ab", "executable", {0, 1, 2}}}, Rules, LinkOptions());
  ASSERT_EQ(Both.Warnings.size(), 1u);
  EXPECT_EQ(Both.Warnings[0], "program 'ab' defines 'render' twice, at /s/a.c:3:1 and at "
                              "/s/b.c:7:1 (a configuration problem: only the first is analysed)");

  // Both definitions inline (`inline float clamp(float)` written in two sources): the same
  // definition by the one-definition rule, no warning.
  for (size_t T : {1, 2})
    for (Function &F : S[T].Functions)
      if (F.Name == "render")
        F.Inline = true;
  EXPECT_TRUE(linkPrograms(S, {{"ab", "executable", {0, 1, 2}}}, Rules, LinkOptions())
                  .Warnings.empty());
}

} // namespace
