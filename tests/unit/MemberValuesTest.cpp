// Member values fixed by stores (#10, modes) on hand-built call graphs: a member's tests are
// decided by the values the program's reached stores give it, in the contexts their bodies are
// entered with; an unknown store, a body-less method of the class or a program without a named
// entry point decide nothing.
#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"
#include "rtcheck/Summary.h"
#include "rtcheck/link/MemberValues.h"
#include "rtcheck/link/SitePruner.h"

#include "ProgramBuilder.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

const char *Rules = R"({"family":"t","functions":[
  {"name":"lock","category":"lock","reason":"mutex"},
  {"name":"write","category":"syscall","reason":"io"}]})";

MemberStore store(std::string Field, std::optional<int64_t> Constant, int Param = -1) {
  MemberStore S;
  S.Field = std::move(Field);
  S.Constant = Constant;
  S.Param = Param;
  return S;
}

/// The Rubber Band shape:
///   main() { E(options) [line 2]; run() [line 3] }
///   E::E(options) : opts(options), rt(false) { if (opts & 1) rt = true; }
///   run() [root] { if (!rt) lock(); [line 9]  if (opts & 4) write(); [line 10] }
Program program(std::optional<int64_t> Options, llvm::StringRef Entry = "main") {
  Program P;
  Function &Main = P.def(Entry);
  CallSite &Construct = Program::call(Main, "E", 2);
  if (Options)
    Construct.ConstArgs = {{0, *Options}};
  Program::call(Main, "run", 3);
  Function &Ctor = P.def("E");
  Ctor.MemberStores.push_back(store("E::opts", std::nullopt, 0));
  MemberStore Initial = store("E::rt", 0);
  Initial.OverwrittenWhen = std::vector<GuardClause>{{guardAtom(-1, "E::opts", GuardAtom::AnyBit, 1)}};
  Ctor.MemberStores.push_back(Initial);
  MemberStore Set = store("E::rt", 1);
  Set.Guards = {{guardAtom(-1, "E::opts", GuardAtom::AnyBit, 1)}};
  Ctor.MemberStores.push_back(Set);
  Function &Run = P.def("run");
  Run.RootContext = "audio";
  Program::call(Run, "lock", 9).Guards = {{guardAtom(-1, "E::rt", GuardAtom::Eq, 0)}};
  Program::call(Run, "write", 10).Guards = {{guardAtom(-1, "E::opts", GuardAtom::AnyBit, 4)}};
  P.decl("lock");
  P.decl("write");
  P.tu(0).ModeClasses.push_back({"E", {"E::opts", "E::rt"}, {"u:E", "u:run", "u:reset"}, {}});
  return P;
}

} // namespace

TEST(MemberValues, ConstructorConstantsDecideTheMembersTests) {
  // Real-time bit set, bit 4 clear: neither guarded site can run.
  EXPECT_EQ(findingLines(link(program(1).TUs, rules(Rules), {})), (std::set<unsigned>{}));
  // Both bits set: the write runs; the initial `rt = false` is still replaced.
  EXPECT_EQ(findingLines(link(program(5).TUs, rules(Rules), {})), (std::set<unsigned>{10}));
}

TEST(MemberValues, InitialValueKeptWhenTheReplacingStoreMayNotRun) {
  EXPECT_EQ(findingLines(link(program(0).TUs, rules(Rules), {})), (std::set<unsigned>{9}));
}

TEST(MemberValues, UnknownArgumentDecidesNothing) {
  EXPECT_EQ(findingLines(link(program(std::nullopt).TUs, rules(Rules), {})),
            (std::set<unsigned>{9, 10}));
}

TEST(MemberValues, EveryConstructionCounts) {
  Program P = program(1);
  // A second construction in offline mode: rt can be false.
  Program::call(P.TUs[0].Functions[0], "E", 4).ConstArgs = {{0, 0}};
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9}));
}

TEST(MemberValues, ReachedStoresCountUnreachedDoNot) {
  Program P = program(1);
  P.def("reset").MemberStores.push_back(store("E::rt", 0));
  // reset() is never called: its store does not count.
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{}));
  Program::call(P.TUs[0].Functions[0], "reset", 5);
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9}));
}

TEST(MemberValues, UnknownStoreKeepsEveryTest) {
  Program P = program(1);
  P.def("reset").MemberStores.push_back(store("E::rt", std::nullopt));
  Program::call(P.TUs[0].Functions[0], "reset", 5);
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9}));
}

TEST(MemberValues, BodylessMethodOfTheClassDecidesNothing) {
  Program P = program(1);
  P.decl("reset");
  Program::call(P.TUs[0].Functions[0], "reset", 5);
  // reset() has no body in the program: it could store anything into E (its call, in main, is
  // not on a real-time path).
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9, 10}));
}

TEST(MemberValues, ProgramWithoutNamedEntryDecidesNothing) {
  EXPECT_EQ(findingLines(link(program(1, "setup").TUs, rules(Rules), {})), (std::set<unsigned>{9, 10}));
}

TEST(MemberValues, BitUpdatesDecideOnlyTheBitsTheyLeave) {
  // setPhase() { opts &= ~6; opts |= x; }: bit 1 stays as constructed, bit 4 may change.
  auto WithBitUpdates = [](int64_t Options) {
    Program P = program(Options);
    Function &SetPhase = P.def("setPhase");
    MemberStore Clear = store("E::opts", std::nullopt);
    Clear.BitUpdate = true;
    Clear.MayClear = 6;
    MemberStore Set = store("E::opts", std::nullopt);
    Set.BitUpdate = true;
    Set.MaySet = ~int64_t(0);
    SetPhase.MemberStores = {Clear, Set};
    Program::call(P.TUs[0].Functions[0], "setPhase", 6);
    return P;
  };
  EXPECT_EQ(findingLines(link(WithBitUpdates(1).TUs, rules(Rules), {})), (std::set<unsigned>{10}));
  // A bit update that may clear bit 1 keeps the real-time test live.
  Program P = WithBitUpdates(1);
  P.TUs[0].Functions.back().MemberStores[0].MayClear = 7;
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9, 10}));
}

TEST(MemberValues, FactsDecideBitTestsOfBitUpdatedMembers) {
  MemberFacts F;
  F.Values = {5};
  F.MayClear = 4;
  F.MaySet = 8;
  EXPECT_EQ(F.decides(GuardAtom::AnyBit, 1), true);
  EXPECT_EQ(F.decides(GuardAtom::NoBit, 1), false);
  EXPECT_EQ(F.decides(GuardAtom::AnyBit, 2), false);
  EXPECT_EQ(F.decides(GuardAtom::AnyBit, 4), std::nullopt);
  EXPECT_EQ(F.decides(GuardAtom::AnyBit, 8), std::nullopt);
  EXPECT_EQ(F.decides(GuardAtom::Eq, 5), std::nullopt);
  F.MayClear = F.MaySet = 0;
  EXPECT_EQ(F.decides(GuardAtom::Eq, 5), true);
  EXPECT_EQ(F.decides(GuardAtom::Gt, 5), false);
}

TEST(MemberValues, StoredValueMasksAndConverts) {
  MemberStore S = store("E::rt", std::nullopt, 0);
  EXPECT_EQ(storedValue(S, 6), 6);
  S.Mask = 4;
  EXPECT_EQ(storedValue(S, 6), 4);
  S.ToBool = true;
  EXPECT_EQ(storedValue(S, 6), 1);
  EXPECT_EQ(storedValue(S, 3), 0);
}

TEST(MemberValues, SummaryKeepsStoresAndClasses) {
  Program P = program(1);
  P.TUs[0].Functions[1].MemberStores[0].Mask = 8;
  P.TUs[0].Functions[1].MemberStores[0].ToBool = true;
  MemberStore Bits = store("E::opts", std::nullopt);
  Bits.BitUpdate = true;
  Bits.MayClear = 6;
  Bits.MaySet = -1;
  P.TUs[0].Functions[1].MemberStores.push_back(Bits);
  llvm::Expected<Summary> Back = summaryFromJSON(toJSON(P.TUs[0]));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  const std::vector<MemberStore> &Stores = Back->Functions[1].MemberStores;
  ASSERT_EQ(Stores.size(), 4u);
  EXPECT_TRUE(Stores[3].BitUpdate);
  EXPECT_EQ(Stores[3].MayClear, 6);
  EXPECT_EQ(Stores[3].MaySet, -1);
  EXPECT_EQ(Stores[0].Param, 0);
  EXPECT_FALSE(Stores[0].BitUpdate);
  EXPECT_EQ(Stores[0].Mask, 8);
  EXPECT_TRUE(Stores[0].ToBool);
  ASSERT_TRUE(Stores[1].OverwrittenWhen.has_value());
  ASSERT_EQ(Stores[1].OverwrittenWhen->size(), 1u);
  EXPECT_EQ((*Stores[1].OverwrittenWhen)[0][0].Op, GuardAtom::AnyBit);
  EXPECT_EQ(Stores[1].Constant, 0);
  EXPECT_FALSE(Stores[2].OverwrittenWhen.has_value());
  EXPECT_EQ(Stores[2].Guards[0][0].Var, "E::opts");
  ASSERT_EQ(Back->ModeClasses.size(), 1u);
  EXPECT_EQ(Back->ModeClasses[0].Methods.size(), 3u);
}
