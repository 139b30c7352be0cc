// The bits integer members can hold (link/ValueBits) and the setup order of roots handed out
// through struct fields and by methods of objects made after setup (link/SetupOrder), on
// hand-built programs (#10, bridge).
#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"

#include "ProgramBuilder.h"
#include <gtest/gtest.h>

#include <algorithm>

using namespace rtcheck;

namespace {

const char *Rules = R"({"family":"t","functions":[
  {"name":"write","category":"syscall","reason":"io"},
  {"name":"__cxa_guard_acquire","category":"lock","reason":"first call"}],
  "registrations":[{"function":"register_cb","argument":0,"context":"audio","reason":"cb"},
                   {"function":"open_device","field":"spec::callback","context":"audio","reason":"cb"}],
  "realtime_threads":[{"create":"thread_create","entry":1,"handle":0,"reason":"r"}]})";

GuardAtom var(const char *Name, GuardAtom::OpKind Op, int64_t Value) {
  GuardAtom A;
  A.Var = Name;
  A.Op = Op;
  A.Value = Value;
  return A;
}

ValueWrite written(const char *Var, uint64_t Bits, std::vector<GuardClause> Guards = {}) {
  ValueWrite W;
  W.Var = Var;
  W.Bits = Bits;
  W.Guards = std::move(Guards);
  return W;
}

/// cb() { if (Info::realtime) write(); [line 3]  if (Opts::flags & 2) write(); [line 4] }
/// with Opts::flags given 1, then 4 under `Opts::flags & 1`, and Info::realtime given 1 under
/// `Opts::flags & 8`.
Program bitsProgram() {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "write", 3).Guards = {{var("Info::realtime", GuardAtom::Ne, 0)}};
  Program::call(Root, "write", 4).Guards = {{var("Opts::flags", GuardAtom::AnyBit, 2)}};
  P.decl("write");
  Summary &S = P.tu(0);
  S.ValueWrites = {written("Opts::flags", 0), written("Info::realtime", 0),
                   written("Opts::flags", 1),
                   written("Opts::flags", 4, {{var("Opts::flags", GuardAtom::AnyBit, 1)}}),
                   written("Info::realtime", 1, {{var("Opts::flags", GuardAtom::AnyBit, 8)}})};
  return P;
}

} // namespace

TEST(ValueBits, WritesUnderBitsNobodySetsNeverRun) {
  Program P = bitsProgram();
  EXPECT_TRUE(link(P.TUs, rules(Rules), {}).Findings.empty());
}

TEST(ValueBits, GuardedWritesCountOnceTheirConditionCanHold) {
  // `flags |= 8` under `flags & 4`, itself set under `flags & 1`: a chain of two rounds.
  Program P = bitsProgram();
  P.tu(0).ValueWrites.push_back(
      written("Opts::flags", 8, {{var("Opts::flags", GuardAtom::AnyBit, 4)}}));
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{3}));
  P.tu(0).ValueWrites.push_back(written("Opts::flags", 2));
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{3, 4}));
}

TEST(ValueBits, AnyWriteOrRawWriteDecidesNothing) {
  for (int Variant = 0; Variant < 4; ++Variant) {
    Program P = bitsProgram();
    Summary &S = P.tu(0);
    if (Variant == 0) {
      ValueWrite Any = written("Opts::flags", 0);
      Any.AnyBits = true;
      S.ValueWrites.push_back(Any);
    } else if (Variant == 1) {
      S.RawWrites.push_back({"Opts", "", -1, false}); // `(char *)&opts`
    } else if (Variant == 2) { // `&opts` to a function without a body
      P.decl("fill");
      S.RawWrites.push_back({"Opts", "u:fill", 0, false});
    } else { // `(void *)&opts` to a function with a body, which may write it as bytes
      P.def("fill");
      S.RawWrites.push_back({"Opts", "u:fill", 0, true});
    }
    EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{3, 4}))
        << "variant " << Variant;
  }
}

TEST(ValueBits, CallsThatKeepTheObjectDoNotWriteIt) {
  Program P = bitsProgram();
  P.def("fill");
  P.decl("thread_create");
  // `&opts` typed to a body of the program; `(void *)&opts` as a thread's data argument.
  P.tu(0).RawWrites = {{"Opts", "u:fill", 0, false}, {"Opts", "u:thread_create", 2, true}};
  EXPECT_TRUE(link(P.TUs, rules(Rules), {}).Findings.empty());
  // The handle argument of the same call is written.
  P.tu(0).RawWrites.push_back({"Opts", "u:thread_create", 0, true});
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{3, 4}));
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
  P.decl("open_device");
}

/// start() { [bridge() at SetupLine]  spec.callback = process; [StoreLine]  open_device(&spec); }
Program fieldProgram(unsigned SetupLine, unsigned StoreLine, bool InBody = true) {
  Program P;
  Function &Process = P.def("process");
  Program::call(Process, "bridge", 2);
  Function &Start = P.def("start");
  Program::call(Start, "bridge", SetupLine).Unconditional = true;
  Program::call(Start, "open_device", 9).Unconditional = true;
  std::sort(Start.Calls.begin(), Start.Calls.end(), [](const CallSite &A, const CallSite &B) { return A.Loc.Line < B.Loc.Line; });
  Summary &S = P.tu(0);
  S.FieldStores.push_back({"spec::callback", "u:process"});
  S.AddressesTakenAt.push_back({"u:process", InBody ? "u:start" : "", {"/src/tu0.cpp", StoreLine, 5}});
  addBridge(P);
  return P;
}

} // namespace

TEST(SetupOrderFields, StoreIntoRegisteredFieldAfterSetupIsOrdered) {
  EXPECT_TRUE(link(fieldProgram(5, 7).TUs, rules(Rules), {}).Findings.empty());
}

TEST(SetupOrderFields, StoreBeforeSetupOrOutsideBodiesIsNot) {
  EXPECT_EQ(findingLines(link(fieldProgram(8, 7).TUs, rules(Rules), {})), (std::set<unsigned>{20, 30}));
  EXPECT_EQ(findingLines(link(fieldProgram(5, 7, false).TUs, rules(Rules), {})),
            (std::set<unsigned>{20, 30}));
}

namespace {

/// Dev::start() registers process; it is called from a UI handler whose callers are unknown
/// and by itself. main() { [bridge() at 3 when SetupFirst]  new Dev [line 4]  [bridge() at 5] }
Program methodProgram(bool SetupFirst) {
  Program P;
  Function &Process = P.def("process");
  Program::call(Process, "bridge", 2);
  Function &Start = P.def("Dev::start");
  Start.ThisClass = "c:Dev";
  Program::call(Start, "register_cb", 6).FunctionArgs = {{0, "u:process"}};
  Program::call(Start, "Dev::start", 7);
  Function &Button = P.def("on_button");
  Button.TypeKey = "void (*)(int)";
  Program::call(Button, "Dev::start", 11);
  Function &Ctor = P.def("Dev::Dev");
  Ctor.Constructs = "c:Dev";
  Program::call(Ctor, "Dev::start", 13);
  Function &Main = P.def("main");
  Program::call(Main, "bridge", SetupFirst ? 3 : 5).Unconditional = true;
  Program::call(Main, "Dev::Dev", 4).Unconditional = true;
  std::sort(Main.Calls.begin(), Main.Calls.end(), [](const CallSite &A, const CallSite &B) { return A.Loc.Line < B.Loc.Line; });
  P.tu(0).Classes.push_back({"c:Dev", {}, false, {}});
  addBridge(P);
  return P;
}

} // namespace

TEST(SetupOrderObjects, MethodRunsOnlyAfterItsObjectIsMade) {
  EXPECT_TRUE(link(methodProgram(true).TUs, rules(Rules), {}).Findings.empty());
  EXPECT_EQ(findingLines(link(methodProgram(false).TUs, rules(Rules), {})), (std::set<unsigned>{20, 30}));
}

TEST(ValueBits, SummaryFieldsRoundTripThroughJSON) {
  Summary S;
  S.MainFile = "/src/a.cpp";
  Function F;
  F.USR = "c:@S@Dev@F@start#";
  F.Name = "Dev::start";
  F.ThisClass = "c:@S@Dev";
  S.Functions.push_back(F);
  S.AddressesTakenAt.push_back({"c:@F@cb", "c:@S@Dev@F@start#", {"/src/a.cpp", 7, 9}});
  S.AddressesTakenAt.push_back({"c:@F@cb", "", {"/src/a.cpp", 2, 1}});
  ValueWrite Any;
  Any.Var = "Opts::flags";
  Any.AnyBits = true;
  S.ValueWrites = {written("Opts::flags", 0x13, {{var("Opts::flags", GuardAtom::AnyBit, 8)}}),
                   Any};
  S.RawWrites.push_back({"Opts", "c:@F@pthread_create", 3, true});

  llvm::Expected<Summary> Back = summaryFromJSON(toJSON(S));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Functions[0].ThisClass, "c:@S@Dev");
  ASSERT_EQ(Back->AddressesTakenAt.size(), 2u);
  EXPECT_EQ(Back->AddressesTakenAt[0].InBody, "c:@S@Dev@F@start#");
  EXPECT_EQ(Back->AddressesTakenAt[0].Loc.Line, 7u);
  EXPECT_EQ(Back->AddressesTakenAt[1].InBody, "");
  ASSERT_EQ(Back->ValueWrites.size(), 2u);
  EXPECT_EQ(Back->ValueWrites[0].Bits, 0x13u);
  EXPECT_FALSE(Back->ValueWrites[0].AnyBits);
  ASSERT_EQ(Back->ValueWrites[0].Guards.size(), 1u);
  EXPECT_EQ(Back->ValueWrites[0].Guards[0][0].Op, GuardAtom::AnyBit);
  EXPECT_TRUE(Back->ValueWrites[1].AnyBits);
  ASSERT_EQ(Back->RawWrites.size(), 1u);
  EXPECT_EQ(Back->RawWrites[0].Argument, 3);
  EXPECT_TRUE(Back->RawWrites[0].Untyped);
}
