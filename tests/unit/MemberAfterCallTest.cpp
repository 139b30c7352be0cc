// Members a call leaves non-null (#10, rtapi) on hand-built call graphs: a test of the member right
// after the call is decided by the callee's LeavesNonNull cases under the arguments it gets.
#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"

#include "ProgramBuilder.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

const char *Rules = R"({"family":"t","functions":[
  {"name":"lock","category":"lock","reason":"mutex"},
  {"name":"write","category":"syscall","reason":"io"}]})";

/// cb() { make(Api) [line 2] }
/// make(api) { open(api) [line 5]; if (api != 0) { if (impl) return; }  lock() [line 9] }
/// open(api) { write() [line 20]; api == 2 leaves impl non-null }
Program program(int64_t Api, CallKind OpenKind = CallKind::Direct, bool OpenHasBody = true) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "make", 2).ConstArgs = {{0, Api}};
  Function &Make = P.def("make");
  CallSite &Open = Program::call(Make, "open", 5, OpenKind);
  Open.ParamArgs = {{0, 0}};
  std::string ImplAfterOpen = memberAfterCallName("A::impl", Open.Callee, Open.Loc);
  Program::call(Make, "lock", 9).Guards = {
      {guardAtom(0, "", GuardAtom::Eq, 0), guardAtom(-1, ImplAfterOpen, GuardAtom::Eq, 0)}};
  if (!OpenHasBody) {
    P.decl("open");
  } else {
    Function &OpenDef = P.def("open");
    Program::call(OpenDef, "write", 20);
    OpenDef.LeavesNonNull = {{"A::impl", {{guardAtom(0, "", GuardAtom::Eq, 2)}}}};
  }
  P.decl("lock");
  P.decl("write");
  return P;
}

} // namespace

TEST(MemberAfterCall, CalleeLeavingTheMemberSetRulesOutTheSequel) {
  EXPECT_EQ(findingLines(link(program(2).TUs, rules(Rules), {})), (std::set<unsigned>{20}));
}

TEST(MemberAfterCall, ArgumentsOutsideTheCasesKeepTheSequel) {
  EXPECT_EQ(findingLines(link(program(1).TUs, rules(Rules), {})), (std::set<unsigned>{9, 20}));
  // api == 0: the other atom of the clause holds, whatever the member.
  EXPECT_EQ(findingLines(link(program(0).TUs, rules(Rules), {})), (std::set<unsigned>{9, 20}));
}

TEST(MemberAfterCall, OnlyDirectCallsOfBodiesDecide) {
  EXPECT_EQ(findingLines(link(program(2, CallKind::Virtual).TUs, rules(Rules), {})),
            (std::set<unsigned>{9, 20}));
  // Without a body, `open` is an unknown call (line 5) that decides nothing.
  EXPECT_EQ(findingLines(link(program(2, CallKind::Direct, false).TUs, rules(Rules), {})),
            (std::set<unsigned>{5, 9}));
}

TEST(MemberAfterCall, SummaryKeepsTheCases) {
  Program P = program(2);
  llvm::Expected<Summary> Back = summaryFromJSON(toJSON(P.TUs[0]));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  const Function &Open = Back->Functions[2];
  ASSERT_EQ(Open.LeavesNonNull.size(), 1u);
  EXPECT_EQ(Open.LeavesNonNull[0].Field, "A::impl");
  ASSERT_EQ(Open.LeavesNonNull[0].When.size(), 1u);
  EXPECT_EQ(Open.LeavesNonNull[0].When[0][0].Param, 0);
  EXPECT_EQ(Open.LeavesNonNull[0].When[0][0].Value, 2);
}
