// Constants and modes (#10 item 4) on hand-built call graphs: constant arguments and assume facts
// rule out guarded sites, entry contexts keep what any caller reaches, statics initialised at
// setup; the format condition of rules and the `assume` configuration.
#include "rtcheck/Config.h"
#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"

#include "ProgramBuilder.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

const char *Rules = R"({"family":"t","functions":[
  {"name":"lock","category":"lock","reason":"mutex"},
  {"name":"write","category":"syscall","reason":"io"},
  {"name":"__cxa_guard_acquire","category":"lock","reason":"first call"}],
  "registrations":[{"function":"register_cb","argument":0,"context":"audio","reason":"cb"}]})";

GuardAtom param(int Index, GuardAtom::OpKind Op, int64_t Value) {
  GuardAtom A;
  A.Param = Index;
  A.Op = Op;
  A.Value = Value;
  return A;
}

/// wait(s, block) { if (block) lock(); [line 10]  write(); [line 11] }
void addWait(Program &P) {
  Function &Wait = P.def("wait");
  Program::call(Wait, "lock", 10).Guards = {{param(1, GuardAtom::Ne, 0)}};
  Program::call(Wait, "write", 11).Guards = {{param(1, GuardAtom::Eq, 0)}};
  P.decl("lock");
  P.decl("write");
}

} // namespace

TEST(Pruning, ConstantArgumentRulesOutGuardedSites) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "wait", 2).ConstArgs = {{1, 0}};
  addWait(P);
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{11}));
}

TEST(Pruning, EachEntryContextKeepsWhatItReaches) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "wait", 2).ConstArgs = {{1, 0}};
  Program::call(Root, "wait", 3).ConstArgs = {{1, 1}};
  addWait(P);
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{10, 11}));
}

TEST(Pruning, UnknownArgumentsAndUnknownAtomsPruneNothing) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "wait", 2);
  // A clause with an atom nothing decides may hold.
  Program::call(Root, "lock", 4).Guards = {{param(0, GuardAtom::Eq, 1), param(1, GuardAtom::Eq, 1)}};
  addWait(P);
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{4, 10, 11}));
}

TEST(Pruning, ParametersHandedOnCarryTheirConstants) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "outer", 2).ConstArgs = {{0, 7}};
  Function &Outer = P.def("outer");
  Program::call(Outer, "wait", 5).ParamArgs = {{1, 0}};
  addWait(P);
  // outer(7) passes its parameter 0 as wait's parameter 1: block == 7, so the lock runs.
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{10}));
}

TEST(Pruning, AssumeFactsDecideGlobalsAndMembers) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  GuardAtom Verbose;
  Verbose.Var = "verbose";
  Verbose.Op = GuardAtom::Ne;
  Program::call(Root, "write", 3).Guards = {{Verbose}};
  GuardAtom Mode;
  Mode.Var = "Server::realtime_mode";
  Mode.Op = GuardAtom::Lt;
  Mode.Value = 1;
  Program::call(Root, "lock", 4).Guards = {{Mode}};
  P.decl("lock");
  P.decl("write");
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{3, 4}));
  LinkOptions O;
  O.Assume = {{"verbose", 0}, {"Server::realtime_mode", 1}};
  EXPECT_TRUE(link(P.TUs, rules(Rules), O).Findings.empty());
  O.Assume = {{"verbose", 2}};
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), O)), (std::set<unsigned>{3, 4}));
}

namespace {

/// bridge() { static Bridge b; [guard at 20, constructor at 21 -> write at 30] }
void addBridge(Program &P) {
  Function &Bridge = P.def("bridge");
  Program::call(Bridge, "__cxa_guard_acquire", 20).StaticInit = "bridge::b";
  Bridge.Calls.back().Unconditional = true;
  Program::call(Bridge, "Bridge::Bridge", 21).StaticInit = "bridge::b";
  Function &Ctor = P.def("Bridge::Bridge");
  Program::call(Ctor, "write", 30);
  P.decl("__cxa_guard_acquire");
  P.decl("write");
  P.decl("register_cb");
}

} // namespace

TEST(Pruning, StaticInitialisedBeforeRegistrationIsReady) {
  Program P;
  Function &Process = P.def("process");
  Program::call(Process, "bridge", 2);
  Function &Start = P.def("start");
  Program::call(Start, "bridge", 5).Unconditional = true;
  Program::call(Start, "register_cb", 6).FunctionArgs = {{0, "u:process"}};
  addBridge(P);
  EXPECT_TRUE(link(P.TUs, rules(Rules), {}).Findings.empty());
}

TEST(Pruning, StaticInitialisedThroughTheCallerOfTheRegistration) {
  Program P;
  Function &Process = P.def("process");
  Program::call(Process, "bridge", 2);
  Function &Main = P.def("main");
  Program::call(Main, "open_client", 3).Unconditional = true;
  Program::call(Main, "start", 4).Unconditional = true;
  Function &Open = P.def("open_client");
  Program::call(Open, "bridge", 8).Unconditional = true;
  Function &Start = P.def("start");
  Program::call(Start, "register_cb", 6).FunctionArgs = {{0, "u:process"}};
  addBridge(P);
  EXPECT_TRUE(link(P.TUs, rules(Rules), {}).Findings.empty());
}

TEST(Pruning, StaticNotInitialisedFirstIsStillReported) {
  for (int Variant = 0; Variant < 3; ++Variant) {
    Program P;
    Function &Process = P.def("process");
    Program::call(Process, "bridge", 2);
    Function &Start = P.def("start");
    if (Variant == 0) // after the registration
      Program::call(Start, "register_cb", 6).FunctionArgs = {{0, "u:process"}};
    CallSite &Setup = Program::call(Start, "bridge", 5);
    Setup.Unconditional = Variant != 1; // 1: in a branch
    if (Variant != 0)
      Program::call(Start, "register_cb", 6).FunctionArgs = {{0, "u:process"}};
    if (Variant == 2) // a second root nobody registers
      P.def("other").RootContext = "audio";
    if (Variant == 2)
      Program::call(P.tu(0).Functions.back(), "bridge", 40);
    addBridge(P);
    EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{20, 30}))
        << "variant " << Variant;
  }
}

TEST(Pruning, FormatConditionReadsPrintfSpecifications) {
  FormatCondition F;
  F.MaxWidth = 500;
  F.Forbid = {"$", "*", "ls", "f", "m"};
  for (const char *Safe : {"%u", "x=%d, y=%5.2s%%", "%08lx", "%-20s|%c", "plain", "%499d"})
    EXPECT_TRUE(F.safeFor(Safe)) << Safe;
  for (const char *Unsafe :
       {"%9000u", "%*d", "%.*s", "%1$d", "%ls", "%f", "%Lf", "%.600d", "%m", "50%"})
    EXPECT_FALSE(F.safeFor(Unsafe)) << Unsafe;
}

TEST(Pruning, UnlessFormatExemptsLiteralFormatsOnly) {
  const char *Family = R"({"family":"t","functions":[
    {"name":"snprintf","category":"alloc","reason":"r",
     "unless_format":{"index":2,"max_width":500,"forbid":["*","f"]}}]})";
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "snprintf", 2).StringArgs = {{2, "%u"}};
  Program::call(Root, "snprintf", 3).StringArgs = {{2, "%*u"}};
  Program::call(Root, "snprintf", 4); // a format that is not a literal
  Program::call(Root, "snprintf", 5).StringArgs = {{1, "%u"}}; // another argument
  P.decl("snprintf");
  EXPECT_EQ(findingLines(link(P.TUs, rules(Family), {})), (std::set<unsigned>{3, 4, 5}));
}

TEST(Pruning, AssumeInConfigurationAndOnTheCommandLine) {
  llvm::Expected<Config> C =
      parseConfig(R"({"assume": {"verbose": 0, "::Server::rt": true}})", "c.json");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->Assume, (std::map<std::string, int64_t>{{"verbose", 0}, {"Server::rt", 1}}));
  Config Over;
  Over.Assume = {{"verbose", 1}};
  C->merge(Over);
  EXPECT_EQ(C->Assume.at("verbose"), 1) << "the upper layer's value wins";
  llvm::Expected<Config> Bad = parseConfig(R"({"assume": {"verbose": "no"}})", "c.json");
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()),
            "c.json: 'assume' value of 'verbose' must be an integer or a boolean");
  auto Spec = parseAssumeSpec("mode=-1");
  ASSERT_TRUE(bool(Spec));
  EXPECT_EQ(*Spec, (std::pair<std::string, int64_t>{"mode", -1}));
  auto BadSpec = parseAssumeSpec("mode");
  EXPECT_FALSE(bool(BadSpec));
  llvm::consumeError(BadSpec.takeError());
}
