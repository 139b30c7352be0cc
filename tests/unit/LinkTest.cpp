// The link step on hand-built call graphs: reachability, class-hierarchy analysis, indirect calls,
// sites in user code, suppressions, trusted functions, registrations, profiles.
#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"

#include "ProgramBuilder.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

const char *Basic = R"({"family":"t","functions":[
  {"name":"malloc","category":"alloc","reason":"heap"},
  {"name":"lock","category":"lock","reason":"mutex"},
  {"name":"write","category":"syscall","reason":"io"},
  {"name":"memcpy","safe":true,"reason":"copy"},
  {"name":"take","category":"lock","reason":"waits","unless_arg":{"index":1,"equals":0}}],
  "registrations":[{"function":"register_cb","argument":0,"context":"firmware-isr","reason":"isr"}],
  "overrides":[{"method":"Plugin::process","context":"audio","reason":"host calls it"}]})";

std::set<std::tuple<unsigned, std::string>> sites(const LinkResult &R) {
  std::set<std::tuple<unsigned, std::string>> Out;
  for (const Finding &F : R.Findings)
    Out.insert({F.Site.Line, categoryName(F.Cat).str()});
  return Out;
}

} // namespace

TEST(Link, ReportsOnlyWhatRootsReach) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Root.RootOrigin = "annotation";
  Program::call(Root, "helper", 2);
  Function &Helper = P.def("helper");
  Program::call(Helper, "malloc", 10);
  Program::call(Helper, "memcpy", 11);
  Function &Unused = P.def("unused");
  Program::call(Unused, "lock", 20);
  P.decl("malloc");
  P.decl("memcpy");
  P.decl("lock");
  LinkResult R = link(P.TUs, rules(Basic), {});
  ASSERT_EQ(R.Roots.size(), 1u);
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{10, "alloc"}}));
  const Finding &F = R.Findings[0];
  EXPECT_EQ(F.SiteFunction, "helper");
  ASSERT_EQ(F.Chain.size(), 3u); // cb -> helper -> malloc
  EXPECT_EQ(F.Chain[0].Function, "cb");
  EXPECT_EQ(F.Chain[1].Function, "helper");
  EXPECT_EQ(F.Chain[2].Function, "malloc");
  EXPECT_EQ(F.Roots, std::vector<std::string>{"cb"});
  EXPECT_EQ(F.Sev, Severity::Error);
  EXPECT_EQ(R.Stats.ReachableFunctions, 2u); // cb and helper: bodies walked, leaves are not
}

TEST(Link, SiteIsTheDeepestCallInUserCode) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "std::vector::push_back", 5);
  Function &Push = P.def("std::vector::push_back", 0, /*System=*/true);
  Program::call(Push, "std::vector::realloc", 100);
  Function &Realloc = P.def("std::vector::realloc", 0, true);
  Program::call(Realloc, "malloc", 200);
  P.decl("malloc");
  LinkResult R = link(P.TUs, rules(Basic), {});
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_EQ(R.Findings[0].Site.Line, 5u);
  EXPECT_EQ(R.Findings[0].Callee, "std::vector::push_back");
  EXPECT_EQ(R.Findings[0].Leaf, "malloc");
  EXPECT_EQ(R.Findings[0].Chain.size(), 4u);
}

TEST(Link, LibraryCallingBackIntoUserCodeReportsInsideTheCallback) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "std::sort", 5);
  Function &Sort = P.def("std::sort", 0, true);
  Program::call(Sort, "lambda", 100);
  Function &Lambda = P.def("lambda");
  Program::call(Lambda, "write", 7);
  P.decl("write");
  LinkResult R = link(P.TUs, rules(Basic), {});
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{7, "syscall"}}));
}

TEST(Link, VirtualCallsReachEveryOverriderInEveryTU) {
  Program P;
  Function &Root = P.def("cb", 0);
  Root.RootContext = "audio";
  Program::call(Root, "Base::run", 5, CallKind::Virtual);
  Function &Base = P.def("Base::run", 0);
  Base.IsPureVirtual = true;
  Base.HasBody = false;
  Function &A = P.def("A::run", 1);
  A.Overrides = {"u:Base::run"};
  Program::call(A, "malloc", 30);
  Function &B = P.def("B::run", 2);
  B.Overrides = {"u:A::run"}; // overrides transitively
  Program::call(B, "lock", 40);
  P.decl("malloc", 1);
  P.decl("lock", 2);
  LinkResult R = link(P.TUs, rules(Basic), {});
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{30, "alloc"}, {40, "lock"}}));
}

TEST(Link, IndirectCallsResolveByTypeOrAreReported) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "void (int)", 5, CallKind::Indirect);
  Program::call(Root, "int (float)", 6, CallKind::Indirect);
  Function &Target = P.def("on_event");
  Program::call(Target, "write", 50);
  P.decl("write");
  P.tu(0).AddressTakenFunctions.push_back({"u:on_event", "void (int)"});
  LinkResult R = link(P.TUs, rules(Basic), {});
  EXPECT_EQ(sites(R),
            (std::set<std::tuple<unsigned, std::string>>{{50, "syscall"}, {6, "indirect"}}));
}

TEST(Link, RecursionTerminatesAndReportsOnce) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "ping", 2);
  // Root's calls are added before the next definition moves it (Program::def appends).
  Program::call(Root, "cb", 6);
  Function &Ping = P.def("ping");
  Program::call(Ping, "pong", 3);
  Program::call(Ping, "malloc", 4);
  Function &Pong = P.def("pong");
  Program::call(Pong, "ping", 5);
  P.decl("malloc");
  LinkResult R = link(P.TUs, rules(Basic), {});
  EXPECT_EQ(R.Findings.size(), 1u);
}

TEST(Link, SuppressionsTrustedFunctionsAndZeroTimeouts) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "malloc", 5);
  Program::call(Root, "lock", 6);
  Program::call(Root, "queue_push", 7);
  Program::call(Root, "take", 8).ConstArgs = {{1, 0}};
  Program::call(Root, "take", 9).ConstArgs = {{1, 100}};
  Function &Queue = P.def("queue_push");
  Queue.Trusted = true;
  Program::call(Queue, "lock", 70);
  P.decl("malloc");
  P.decl("lock");
  P.decl("take");
  P.tu(0).Suppressions.push_back({"/src/tu0.cpp", 5, {"alloc"}, "startup only"});
  P.tu(0).Suppressions.push_back({"/src/tu0.cpp", 6, {"alloc"}, "wrong category"});
  LinkResult R = link(P.TUs, rules(Basic), {});
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{6, "lock"}, {9, "lock"}}));
  EXPECT_EQ(R.Stats.Suppressed, 1u);
}

TEST(Link, UnknownLeavesAreReportedUnlessSwitchedOff) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "opaque", 5);
  P.decl("opaque");
  EXPECT_EQ(sites(link(P.TUs, rules(Basic), {})),
            (std::set<std::tuple<unsigned, std::string>>{{5, "unknown"}}));
  LinkOptions NoUnknown;
  NoUnknown.ReportUnknown = false;
  EXPECT_TRUE(link(P.TUs, rules(Basic), NoUnknown).Findings.empty());
}

TEST(Link, RegistrationsOverridesAndConfigRootsBecomeRoots) {
  Program P;
  Function &Main = P.def("main");
  Program::call(Main, "register_cb", 3).FunctionArgs = {{0, "u:isr"}};
  P.decl("register_cb");
  Function &Isr = P.def("isr");
  Program::call(Isr, "write", 10);
  P.decl("write");
  P.decl("Plugin::process");
  Function &Mine = P.def("MyPlugin::process");
  Mine.Overrides = {"u:Plugin::process"};
  Program::call(Mine, "malloc", 20);
  P.decl("malloc");
  Function &Tick = P.def("tick");
  Program::call(Tick, "lock", 30);
  P.decl("lock");
  LinkOptions O;
  O.ExtraRoots = {{"tic?", "camera"}, {"nothing_here", "audio"}};
  LinkResult R = link(P.TUs, rules(Basic), O);
  ASSERT_EQ(R.Roots.size(), 3u);
  std::map<std::string, std::pair<std::string, std::string>> ByName;
  for (const Root &Rt : R.Roots)
    ByName[Rt.Function] = {Rt.Context, Rt.Origin};
  EXPECT_EQ(ByName["isr"], std::make_pair(std::string("firmware-isr"), std::string("registration")));
  EXPECT_EQ(ByName["MyPlugin::process"], std::make_pair(std::string("audio"), std::string("registration")));
  EXPECT_EQ(ByName["tick"], std::make_pair(std::string("camera"), std::string("config")));
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{
                          {10, "syscall"}, {20, "alloc"}, {30, "lock"}}));
  ASSERT_EQ(R.Warnings.size(), 1u);
  EXPECT_NE(R.Warnings[0].find("nothing_here"), std::string::npos);
}

TEST(Link, SeverityComesFromTheStrictestContext) {
  Program P;
  Function &Cam = P.def("camera_cb");
  Cam.RootContext = "camera";
  Program::call(Cam, "shared", 2);
  Function &Shared = P.def("shared");
  Program::call(Shared, "write", 10);
  P.decl("write");
  const char *Profile = R"({"context":"camera","severity":{"syscall":"allowed"}})";
  LinkResult OnlyCamera = link(P.TUs, rules(Basic, Profile), {});
  EXPECT_TRUE(OnlyCamera.Findings.empty());
  EXPECT_EQ(OnlyCamera.Stats.Allowed, 1u);

  Function &Audio = P.def("audio_cb");
  Audio.RootContext = "audio";
  Program::call(Audio, "shared", 3);
  LinkResult Both = link(P.TUs, rules(Basic, Profile), {});
  ASSERT_EQ(Both.Findings.size(), 1u);
  EXPECT_EQ(Both.Findings[0].Sev, Severity::Error);
  EXPECT_EQ(Both.Findings[0].Roots.size(), 2u);
}

TEST(Link, ProfilesCanForbidCallsByName) {
  Program P;
  Function &Isr = P.def("isr");
  Isr.RootContext = "firmware-isr";
  Program::call(Isr, "xQueueSend", 4);
  Program::call(Isr, "xQueueSendFromISR", 5);
  P.decl("xQueueSend");
  P.decl("xQueueSendFromISR");
  const char *Family = R"({"family":"f","functions":[
    {"name":"xQueueSend*","safe":true,"reason":"non-blocking with a zero timeout"}]})";
  const char *Profile = R"({"context":"firmware-isr","forbid":[
    {"name":"x*","unless":"*FromISR","category":"lock","reason":"not callable from an ISR"}]})";
  LinkResult R = link(P.TUs, rules(Family, Profile), {});
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{4, "lock"}}));
}

TEST(Link, ForbidListsSkipTheProgramsOwnUnruledFunctions) {
  // vQueueDemo is the program's own (a body, no rule): followed, not matched by name; the
  // ruled API (vQueueDelete, with or without a body in the program) still is.
  Program P;
  Function &Isr = P.def("isr");
  Isr.RootContext = "firmware-isr";
  Program::call(Isr, "vQueueDemo", 4);
  Program::call(Isr, "vQueueDelete", 5);
  Program::call(Isr, "vQueueInternal", 6);
  Function &Demo = P.def("vQueueDemo");
  Program::call(Demo, "vQueueDelete", 40);
  Function &Delete = P.def("vQueueDelete");
  Program::call(Delete, "vQueueInternal", 50);
  P.decl("vQueueInternal");
  const char *Family = R"({"family":"f","functions":[
    {"name":"vQueueDelete","safe":true,"reason":"frees nothing here"}]})";
  const char *Profile = R"({"context":"firmware-isr","forbid":[
    {"name":"vQueue*","unless":"*FromISR","category":"lock","reason":"not callable from an ISR"}]})";
  LinkResult R = link(P.TUs, rules(Family, Profile), {});
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{
                          {5, "lock"}, {6, "lock"}, {6, "unknown"}, {40, "lock"}}));
}

TEST(Link, WhenArgReportsOnlyTheNamedConstant) {
  // vTaskSuspend(NULL) suspends the caller; a handle (no constant) or another constant does not.
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "firmware-task";
  Program::call(Root, "vTaskSuspend", 4).ConstArgs = {{0, 0}};
  Program::call(Root, "vTaskSuspend", 5);
  Program::call(Root, "vTaskSuspend", 6).ConstArgs = {{0, 7}};
  P.decl("vTaskSuspend");
  const char *Family = R"({"family":"f","functions":[
    {"name":"vTaskSuspend","category":"syscall","reason":"NULL: the caller","when_arg":{"index":0,"equals":0}}]})";
  LinkResult R = link(P.TUs, rules(Family), {});
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{4, "syscall"}}));
}

TEST(Link, IramCodeCallingFlashCodeIsAFinding) {
  Program P;
  Function &Isr = P.def("isr");
  Isr.RootContext = "firmware-isr";
  Isr.Section = ".iram1.3";
  Program::call(Isr, "in_iram", 4);
  Program::call(Isr, "in_flash", 5);
  Function &InIram = P.def("in_iram");
  InIram.Section = ".iram1.4";
  P.def("in_flash");
  const char *Family = R"({"family":"t","functions":[],"sections":[{"section":".iram*",
    "category":"driver","reason":"is not placed in IRAM but is called from IRAM code"}]})";
  LinkResult R = link(P.TUs, rules(Family), {});
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{5, "driver"}}));
  EXPECT_NE(R.Findings[0].Message.find("not placed in IRAM"), std::string::npos);
}

TEST(Link, LibraryErrorPathThrowsOnlyWhenTheyAreTheOneHazard) {
  const char *Family = R"({"family":"t","functions":[
    {"name":"malloc","category":"alloc","reason":"heap"},
    {"name":"std::__throw_*","category":"exception","reason":"throws"}]})";
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Program::call(Root, "std::vector::push_back", 5);
  Program::call(Root, "std::vector::at", 6);
  Function &Push = P.def("std::vector::push_back", 0, /*System=*/true);
  Program::call(Push, "malloc", 100);
  Program::call(Push, "std::__throw_length_error", 101);
  Function &At = P.def("std::vector::at", 0, true);
  Program::call(At, "std::__throw_out_of_range", 200);
  P.decl("malloc");
  P.decl("std::__throw_length_error");
  P.decl("std::__throw_out_of_range");
  const char *Default = R"({"context":"default","throw_beside_hazard":"drop"})";
  LinkResult R = link(P.TUs, rules(Family, Default), {});
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{5, "alloc"}, {6, "exception"}}));
}

TEST(Link, FunctionsNamedByRootRulesAreRoots) {
  const char *Family = R"({"family":"t","functions":[{"name":"malloc","category":"alloc","reason":"heap"}],
    "roots":[{"name":"*_IRQHandler","context":"firmware-isr","reason":"vector table"}]})";
  Program P;
  Function &Irq = P.def("USART1_IRQHandler");
  Program::call(Irq, "malloc", 3);
  Function &Other = P.def("helper_IRQ");
  Program::call(Other, "malloc", 9);
  P.decl("malloc");
  LinkResult R = link(P.TUs, rules(Family), {});
  ASSERT_EQ(R.Roots.size(), 1u);
  EXPECT_EQ(R.Roots[0].Function, "USART1_IRQHandler");
  EXPECT_EQ(R.Roots[0].Context, "firmware-isr");
  EXPECT_EQ(sites(R), (std::set<std::tuple<unsigned, std::string>>{{3, "alloc"}}));
}
