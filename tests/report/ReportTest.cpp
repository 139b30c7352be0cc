// The report library's pieces: frame parsing, name and path matching, the join of a runtime scope
// to its static root, confirmation of runtime violations by static findings, and the claims.
#include "Internal.h"

#include <gtest/gtest.h>

namespace rtcheck::report::detail {
namespace {

TEST(Frame, ParsesModuleOffsetAndDemangles) {
  Frame F = parseFrame("0x55d0c81d91d9 in _ZN8Granular6renderEPfi+0x60 (/home/me/engine+0x11d9)");
  EXPECT_EQ(F.Module, "/home/me/engine");
  EXPECT_EQ(F.Offset, 0x11d9u);
  EXPECT_EQ(F.Function, "Granular::render(float*, int)");
  Frame G = parseFrame("0x7f00 (/lib/libc.so.6+0x2a1ca)");
  EXPECT_EQ(G.Module, "/lib/libc.so.6");
  EXPECT_EQ(G.Offset, 0x2a1cau);
  EXPECT_EQ(G.Function, "");
  Frame H = parseFrame("0x7f00");
  EXPECT_EQ(H.Module, "");
  EXPECT_EQ(H.Raw, "0x7f00");
}

TEST(Names, UnqualifiedDropsScopesTemplatesAndParameters) {
  EXPECT_EQ(unqualified("MixerEngine::process"), "process");
  EXPECT_EQ(unqualified("ns::Box<std::pair<int, int>>::run(int)"), "run");
  EXPECT_EQ(unqualified("render_frame"), "render_frame");
  EXPECT_EQ(unqualified("fw::(anonymous namespace)::render_frame"), "render_frame");
}

TEST(Names, SameFileByPathSuffix) {
  EXPECT_TRUE(sameFile("/src/a/engine.cpp", "/src/a/engine.cpp"));
  EXPECT_TRUE(sameFile("/src/a/engine.cpp", "a/engine.cpp"));
  EXPECT_FALSE(sameFile("/src/a/myengine.cpp", "engine.cpp"));
  EXPECT_FALSE(sameFile("", "engine.cpp"));
  // __FILE__ relative to the build directory, as Ninja passes sources.
  EXPECT_TRUE(sameFile("/work/samples/fw/firmware.cpp", "../samples/fw/firmware.cpp"));
  // ... and the symbolizer's compilation directory joined with it.
  EXPECT_TRUE(sameFile("/work/samples/fw/firmware.cpp", "/work/build/../samples/fw/firmware.cpp"));
}

TEST(Names, SameSourceBelowTheStaticRoot) {
  // The binary was built from /ci/a (its frames name /ci/a/...), the analyzer ran in /ci/b.
  EXPECT_TRUE(sameSource("/ci/b/samples/audio/mixer.cpp", "/ci/a/samples/audio/mixer.cpp", "/ci/b"));
  EXPECT_TRUE(sameSource("/ci/b/samples/audio/mixer.cpp", "/ci/a/samples/audio/mixer.cpp", "/ci/b/"));
  EXPECT_FALSE(sameSource("/ci/b/samples/audio/mixer.cpp", "/ci/a/samples/audio/mixer.cpp", ""));
  EXPECT_FALSE(sameSource("/ci/b/samples/audio/mixer.cpp", "/ci/a/other/audio/mixer.cpp", "/ci/b"));
  // Directly below the root: a bare file name is not enough evidence.
  EXPECT_FALSE(sameSource("/ci/b/mixer.cpp", "/ci/a/mixer.cpp", "/ci/b"));
  // A root that is only a string prefix of the path's folder is not its folder.
  EXPECT_FALSE(sameSource("/ci/bb/samples/mixer.cpp", "/ci/a/samples/mixer.cpp", "/ci/b"));
}

// Two roots named process in two files; the scope opened in the second file joins the second.
Report twoProcesses() {
  Report R;
  R.Opts.StaticPath = "s.json";
  R.Opts.RuntimePaths = {"r.json"};
  R.Roots = {{"A::process", "audio", "registration", {"/src/a.cpp", 10, 1}},
             {"B::process", "audio", "registration", {"/src/b.cpp", 20, 1}},
             {"idle", "audio", "annotation", {"/src/b.cpp", 40, 1}}};
  Finding F;
  F.Category = "alloc";
  F.Leaf = "operator new";
  F.Loc = {"/src/b.cpp", 25, 7};
  F.Roots = {"B::process"};
  R.Findings.push_back(F);
  Scope S;
  S.Name = "b.process";
  S.Function = "process";
  S.Loc = {"/src/b.cpp", 21, 0};
  S.Calls = 100;
  S.BudgetNs = 1000000;
  S.Violations = {{"alloc", 100}, {"lock", 3}};
  R.Scopes.push_back(S);
  Scope Orphan;
  Orphan.Name = "ui.tick";
  Orphan.Calls = 5;
  R.Scopes.push_back(Orphan);
  Site Confirmed;
  Confirmed.Function = "malloc";
  Confirmed.Category = "alloc";
  Confirmed.Scope = "b.process";
  Confirmed.Count = 100;
  Frame Lib, User;
  Lib.Loc = {"/usr/include/c++/12/bits/new_allocator.h", 137, 0};
  User.Loc = {"/src/b.cpp", 25, 9};
  Confirmed.Stack = {Lib, User};
  Site Missed = Confirmed;
  Missed.Function = "pthread_mutex_lock";
  Missed.Category = "lock";
  Missed.Count = 3;
  Missed.Stack[1].Loc.Line = 30;
  R.Sites = {Confirmed, Missed};
  return R;
}

TEST(Join, ScopeJoinsTheRootInItsFile) {
  Report R = twoProcesses();
  joinCallbacks(R);
  ASSERT_EQ(R.Callbacks.size(), 4u);
  EXPECT_EQ(R.Callbacks[0].Name, "A::process");
  EXPECT_FALSE(R.Callbacks[0].ScopeIndex);
  EXPECT_EQ(R.Callbacks[0].Coverage, "not exercised at run time");
  EXPECT_EQ(R.Callbacks[1].Name, "B::process");
  EXPECT_EQ(R.Callbacks[1].ScopeIndex, 0u);
  EXPECT_EQ(R.Callbacks[1].Coverage, "static and run time");
  EXPECT_EQ(R.Callbacks[3].Name, "ui.tick");
  EXPECT_EQ(R.Callbacks[3].Coverage, "no static root");
}

TEST(Join, RuntimeViolationAtAStaticLineIsConfirmed) {
  Report R = twoProcesses();
  joinCallbacks(R);
  EXPECT_EQ(R.Sites[0].Confirms, 0u);
  EXPECT_EQ(R.Findings[0].ConfirmedBy, std::vector<size_t>{0});
  EXPECT_FALSE(R.Sites[1].Confirms); // the analyzer did not predict the lock: a miss
}

TEST(Join, BinaryFromAnotherCheckoutConfirmsBelowTheSourceRoot) {
  Report R = twoProcesses();
  R.StaticSourceRoot = "/src";
  for (Site &S : R.Sites)
    S.Stack[1].Loc.File = "/elsewhere/checkout/b.cpp"; // b.cpp directly below the root: too little
  joinCallbacks(R);
  EXPECT_FALSE(R.Sites[0].Confirms);

  R = twoProcesses();
  R.Roots[1].Loc.File = R.Findings[0].Loc.File = "/ci/b/engine/b.cpp";
  R.StaticSourceRoot = "/ci/b";
  for (Site &S : R.Sites)
    S.Stack[1].Loc.File = "/ci/a/engine/b.cpp";
  joinCallbacks(R);
  EXPECT_EQ(R.Sites[0].Confirms, 0u);
  EXPECT_FALSE(R.Sites[1].Confirms);
}

TEST(Join, DestructorAtScopeExitAndCallsThroughAChainAreConfirmed) {
  Report R;
  R.Roots = {{"process", "audio", "annotation", {"/src/e.cpp", 10, 1}}};
  Finding Guard; // reported at the lock_guard's declaration, line 12
  Guard.Category = "lock";
  Guard.Leaf = "pthread_mutex_unlock";
  Guard.Function = "audio::process";
  Guard.Loc = {"/src/e.cpp", 12, 3};
  Finding Deep; // dispatch() at line 20 reaches operator new inside dispatch
  Deep.Category = "alloc";
  Deep.Leaf = "operator new";
  Deep.Function = "dispatch";
  Deep.Loc = {"/src/e.cpp", 40, 5};
  Deep.Chain = {{"process", "", {"/src/e.cpp", 10, 1}, false},
                {"dispatch", "", {"/src/e.cpp", 20, 3}, false}};
  R.Findings = {Guard, Deep};
  Site Unlock; // the shim sees the unlock at the end of the scope, line 16
  Unlock.Function = "pthread_mutex_unlock";
  Unlock.Category = "lock";
  Frame AtExit;
  AtExit.Function = "audio::process(float*, int)";
  AtExit.Loc = {"/build/../src/e.cpp", 16, 1};
  Unlock.Stack = {AtExit};
  Site New; // inlined into process at line 20
  New.Function = "operator new";
  New.Category = "alloc";
  Frame Lib, Call;
  Lib.Loc = {"/usr/include/c++/12/bits/std_function.h", 160, 0};
  Call.Function = "audio::process(float*, int)";
  Call.Loc = {"/src/e.cpp", 20, 3};
  New.Stack = {Lib, Call};
  Site Other = New; // operator new from a line no chain passes through
  Other.Stack[1].Loc.Line = 22;
  Other.Stack[1].Function = "audio::other()";
  R.Sites = {Unlock, New, Other};
  joinCallbacks(R);
  EXPECT_EQ(R.Sites[0].Confirms, 0u);
  EXPECT_EQ(R.Sites[1].Confirms, 1u);
  EXPECT_FALSE(R.Sites[2].Confirms);
}

TEST(Join, AutomaticScopeJoinsBySymbol) {
  Report R;
  R.Roots = {{"process", "audio", "registration", {"/src/simple_client.c", 12, 1}}};
  Scope S;
  S.Name = "process (simple_client)";
  S.Function = "process";
  R.Scopes.push_back(S);
  joinCallbacks(R);
  ASSERT_EQ(R.Callbacks.size(), 1u);
  EXPECT_EQ(R.Callbacks[0].ScopeIndex, 0u);
}

const Claim &claim(const Callback &C, const std::string &Id) {
  for (const Claim &Cl : C.Claims)
    if (Cl.Id == Id)
      return Cl;
  ADD_FAILURE() << "no claim " << Id << " for " << C.Name;
  static Claim None;
  return None;
}

TEST(Claims, DefaultsComeFromTheContextAndTheDeclaredBudget) {
  Report R = twoProcesses();
  joinCallbacks(R);
  evaluateClaims(R, {});
  const Callback &B = R.Callbacks[1];
  // No rules directory: the four categories the shim observes are claimed absent.
  EXPECT_EQ(B.Claims.size(), 5u);
  EXPECT_EQ(claim(B, "no-alloc").St, Status::Fail);
  EXPECT_NE(claim(B, "no-alloc").Reason.find("(confirmed at run time)"), std::string::npos);
  EXPECT_EQ(claim(B, "no-lock").St, Status::Fail);
  EXPECT_NE(claim(B, "no-lock").Reason.find("(not predicted by the analyzer)"), std::string::npos);
  EXPECT_EQ(claim(B, "no-syscall").St, Status::Pass);
  EXPECT_EQ(claim(B, "deadline").St, Status::Pass);
  EXPECT_EQ(claim(R.Callbacks[0], "no-alloc").St, Status::Pass); // static evidence only
  EXPECT_EQ(claim(R.Callbacks[0], "no-alloc").Reason,
            "no path from the root (static evidence only)");
}

TEST(Claims, ClaimedLimitsAreJudged) {
  Report R = twoProcesses();
  R.Scopes[0].Lat = {1000, 2000, 900000, 2000, 3000, 50000, 800000};
  R.Scopes[0].Per = {99, 1000000, 900000, 1200000, 200000};
  joinCallbacks(R);
  ClaimSpec Spec;
  Spec.HasAllowed = true;
  Spec.Allowed = {"alloc", "lock", "exception", "indirect", "unknown"};
  Spec.LatencyMs = {{"p99", 0.1}, {"max", 0.5}};
  Spec.MaxJitterMs = 0.1;
  Spec.BudgetMs = 2.0;
  evaluateClaims(R, {{"B::process", Spec}, {"missing", ClaimSpec{}}});
  const Callback &B = R.Callbacks[1];
  EXPECT_EQ(claim(B, "latency-p99").St, Status::Pass);
  EXPECT_EQ(claim(B, "latency-max").St, Status::Fail);
  EXPECT_EQ(claim(B, "jitter").St, Status::Fail);
  EXPECT_EQ(claim(B, "deadline").St, Status::Pass); // max 0.9 ms within the claimed 2 ms
  for (const Claim &Cl : B.Claims)
    EXPECT_TRUE(Cl.Id != "no-alloc" && Cl.Id != "no-lock") << Cl.Id;
  EXPECT_EQ(R.Callbacks.back().Name, "missing");
  EXPECT_EQ(R.Callbacks.back().Claims[0].St, Status::NotMeasured);
}

} // namespace
} // namespace rtcheck::report::detail
