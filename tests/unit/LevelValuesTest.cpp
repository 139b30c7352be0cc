// Levels handed from member to member (#10, levels) on hand-built call graphs: a member that
// copies another (of whichever object), a private static whose definition gives its first
// value, a constructor parameter every call passes as a member, and values that may be counted
// down decide tests of an upper bound only.
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

MemberStore copyOf(std::string Field, std::string From, int64_t Offset = 0) {
  MemberStore S;
  S.Field = std::move(Field);
  S.From = std::move(From);
  S.Offset = Offset;
  return S;
}

/// Rubber Band's logger and resampler:
///   int L::s_default = Default;                 (omitted when Default is empty)
///   main() { L() [line 2]; K(<L::level>) [line 3]; run() [line 4] }
///   L::L() : level(s_default) {}
///   K::K(int l) : level(l - 1) {}
///   run() [root] { if (K::level > 0) write(); [line 9]  if (L::level > 2) lock(); [line 10] }
Program program(std::optional<int64_t> Default) {
  Program P;
  Function &Main = P.def("main");
  Program::call(Main, "L", 2);
  Program::call(Main, "K", 3).MemberArgs = {{0, "L::level"}};
  Program::call(Main, "run", 4);
  P.def("L").MemberStores.push_back(copyOf("L::level", "L::s_default"));
  MemberStore Passed;
  Passed.Field = "K::level";
  Passed.Param = 0;
  Passed.Offset = -1;
  P.def("K").MemberStores.push_back(Passed);
  Function &Run = P.def("run");
  Run.RootContext = "audio";
  Program::call(Run, "write", 9).Guards = {{guardAtom(-1, "K::level", GuardAtom::Gt, 0)}};
  Program::call(Run, "lock", 10).Guards = {{guardAtom(-1, "L::level", GuardAtom::Gt, 2)}};
  P.decl("lock");
  P.decl("write");
  P.tu(0).ModeClasses.push_back({"L", {"L::level"}, {"u:L"}, {"L::s_default"}});
  P.tu(0).ModeClasses.push_back({"K", {"K::level"}, {"u:K"}, {}});
  if (Default) {
    MemberStore Init;
    Init.Field = "L::s_default";
    Init.Constant = *Default;
    P.tu(1).StaticInits.push_back(Init);
  }
  return P;
}

} // namespace

TEST(LevelValues, StaticDefaultDecidesEveryCopy) {
  EXPECT_EQ(findingLines(link(program(0).TUs, rules(Rules), {})), (std::set<unsigned>{}));
  EXPECT_EQ(findingLines(link(program(1).TUs, rules(Rules), {})), (std::set<unsigned>{}));
  EXPECT_EQ(findingLines(link(program(2).TUs, rules(Rules), {})), (std::set<unsigned>{9}));
  EXPECT_EQ(findingLines(link(program(3).TUs, rules(Rules), {})), (std::set<unsigned>{9, 10}));
}

TEST(LevelValues, StaticDefinedOutsideTheProgramDecidesNothing) {
  EXPECT_EQ(findingLines(link(program(std::nullopt).TUs, rules(Rules), {})),
            (std::set<unsigned>{9, 10}));
}

TEST(LevelValues, ReachedSetterWithUnknownLevelKeepsTheTestsLive) {
  Program P = program(0);
  MemberStore Set;
  Set.Field = "L::level";
  Set.Param = 0;
  P.def("setLevel").MemberStores.push_back(Set);
  // Not called: nothing changes.
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{}));
  Program::call(P.TUs[0].Functions[0], "setLevel", 5);
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9, 10}));
  // Called with a constant: only that value is added.
  P.TUs[0].Functions[0].Calls.back().ConstArgs = {{0, 1}};
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{}));
}

TEST(LevelValues, EveryCallerOfTheConstructorCounts) {
  Program P = program(0);
  // A second construction whose argument the analysis cannot know.
  Program::call(P.TUs[0].Functions[0], "K", 6);
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9}));
}

TEST(LevelValues, CountedDownValuesDecideOnlyUpperBounds) {
  MemberFacts F;
  F.Values = {0, 2};
  F.MayDecrease = true;
  EXPECT_EQ(F.decides(GuardAtom::Gt, 2), false);
  EXPECT_EQ(F.decides(GuardAtom::Ge, 3), false);
  EXPECT_EQ(F.decides(GuardAtom::Gt, 1), std::nullopt);
  EXPECT_EQ(F.decides(GuardAtom::Le, 2), true);
  EXPECT_EQ(F.decides(GuardAtom::Lt, 2), std::nullopt);
  EXPECT_EQ(F.decides(GuardAtom::Eq, 5), false);
  EXPECT_EQ(F.decides(GuardAtom::Eq, -1), std::nullopt);
  EXPECT_EQ(F.decides(GuardAtom::Ne, 5), true);
  EXPECT_EQ(F.decides(GuardAtom::AnyBit, 4), std::nullopt);
}

TEST(LevelValues, CountedDownCopyKeepsAnUpperBound) {
  Program P = program(0);
  // L::level = s_default, possibly counted down: K::level <= -1 still, L::level <= 0.
  P.TUs[0].Functions[1].MemberStores[0].MayDecrease = true;
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{}));
}

TEST(LevelValues, ParameterAgainstMemberIsDecidedByTheCallersConstant) {
  // log(int level) { if (level <= L::level) write(); [line 12] }, called from run with Level.
  auto WithLog = [](int64_t Level) {
    Program P = program(0);
    Function &Log = P.def("log");
    GuardAtom A;
    A.Var = paramMinusName(0, "L::level");
    A.Op = GuardAtom::Le;
    Program::call(Log, "write", 12).Guards = {{A}};
    Program::call(P.TUs[0].Functions[3], "log", 11).ConstArgs = {{0, Level}};
    return P;
  };
  EXPECT_EQ(findingLines(link(WithLog(1).TUs, rules(Rules), {})), (std::set<unsigned>{}));
  // Level 0 passes `0 <= 0`: reported inside log().
  EXPECT_EQ(findingLines(link(WithLog(0).TUs, rules(Rules), {})), (std::set<unsigned>{12}));
  // An unknown level decides nothing.
  Program P = WithLog(1);
  P.TUs[0].Functions[3].Calls.back().ConstArgs.clear();
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{12}));
}

TEST(LevelValues, ParamMinusNamesRoundTrip) {
  std::string Name = paramMinusName(3, "ns::Log::m_level"); // the result points into it
  auto Parsed = parseParamMinus(Name);
  ASSERT_TRUE(Parsed.has_value());
  EXPECT_EQ(Parsed->first, 3u);
  EXPECT_EQ(Parsed->second, "ns::Log::m_level");
  EXPECT_FALSE(parseParamMinus("ns::Log::m_level").has_value());
  EXPECT_FALSE(parseParamMinus("()u:f@3:4").has_value());
}

TEST(LevelValues, ConstructorReachedThroughItsAddressTakesAnyArgument) {
  Program P = program(0);
  // K's address is taken (a callback a library may call with anything): its visible caller's
  // argument does not bound the parameter.
  P.TUs[0].Functions[2].TypeKey = "void(int)";
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9}));
}

TEST(LevelValues, OffsetsThatOverflowDecideNothing) {
  EXPECT_EQ(plusOffset(3, -1), 2);
  EXPECT_EQ(plusOffset(INT64_MAX, 1), std::nullopt);
  MemberStore S;
  S.Field = "K::level";
  S.Param = 0;
  S.Offset = -1;
  EXPECT_EQ(storedValue(S, 1), 0);
  EXPECT_EQ(storedValue(S, INT64_MIN), std::nullopt);
  // A level copied from a member near the limit: the copy is not decided, so neither is its test.
  Program P = program(0);
  P.TUs[1].StaticInits[0].Constant = INT64_MIN;
  EXPECT_EQ(findingLines(link(P.TUs, rules(Rules), {})), (std::set<unsigned>{9}));
}
