// The four parts of the link step, each on its own: call graph, roots, reachability, findings.
#include "rtcheck/link/CallGraph.h"
#include "rtcheck/link/Findings.h"
#include "rtcheck/link/Reachability.h"
#include "rtcheck/link/Roots.h"

#include "ProgramBuilder.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

const char *Family = R"({"family":"t","functions":[
  {"name":"malloc","category":"alloc","reason":"heap"},
  {"name":"memcpy","safe":true,"reason":"copy"},
  {"name":"std::__throw_*","category":"exception","reason":"throws"}],
  "registrations":[{"function":"register_cb","argument":0,"context":"firmware-isr","reason":"isr"}],
  "overrides":[{"method":"Plugin::process","context":"audio","reason":"host calls it"}],
  "roots":[{"name":"*_IRQHandler","context":"firmware-isr","reason":"vector"}]})";

std::vector<std::string> names(const CallGraph &G, const std::vector<NodeId> &Ids) {
  std::vector<std::string> Out;
  for (NodeId Id : Ids)
    Out.push_back(G.node(Id).info().Name);
  llvm::sort(Out);
  return Out;
}

} // namespace

TEST(CallGraph, MergesByUSRAndClassifiesOnce) {
  Program P;
  P.decl("helper", 0);
  P.def("helper", 1);
  P.decl("malloc");
  P.decl("memcpy");
  P.decl("mystery");
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, /*ReportUnknown=*/true);
  EXPECT_EQ(G.size(), 4u);
  EXPECT_EQ(G.definedFunctions(), 1u);
  NodeId Helper = G.find("u:helper");
  ASSERT_NE(Helper, NoNode);
  EXPECT_TRUE(G.node(Helper).isUser());
  EXPECT_EQ(G.classify(Helper).K, Classification::Follow);
  EXPECT_EQ(G.classify(G.find("u:malloc")).K, Classification::Leaf);
  EXPECT_EQ(G.classify(G.find("u:malloc")).Cat, Category::Alloc);
  EXPECT_EQ(G.classify(G.find("u:memcpy")).K, Classification::Safe);
  EXPECT_EQ(G.classify(G.find("u:mystery")).Cat, Category::Unknown);
  EXPECT_EQ(G.find("u:absent"), NoNode);
  CallGraph Quiet(P.TUs, Rules, /*ReportUnknown=*/false);
  EXPECT_EQ(Quiet.classify(Quiet.find("u:mystery")).K, Classification::Safe);
}

TEST(CallGraph, VirtualAndIndirectTargets) {
  Program P;
  Function &Base = P.def("Base::f");
  Base.IsPureVirtual = true;
  Base.HasBody = false;
  P.def("A::f", 1).Overrides = {"u:Base::f"};
  P.def("B::f", 2).Overrides = {"u:A::f"};
  P.def("handler");
  P.tu(0).AddressTakenFunctions.push_back({"u:handler", "void (int)"});
  Function &Caller = P.def("caller", 3);
  Program::call(Caller, "Base::f", 2, CallKind::Virtual);
  Program::call(Caller, "void (int)", 3, CallKind::Indirect);
  Program::call(Caller, "void (long)", 4, CallKind::Indirect);
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  const std::vector<CallSite> &Calls = P.TUs[3].Functions.back().Calls;
  EXPECT_EQ(names(G, G.targets(Calls[0])), (std::vector<std::string>{"A::f", "B::f"}));
  EXPECT_EQ(names(G, G.targets(Calls[1])), (std::vector<std::string>{"handler"}));
  EXPECT_TRUE(G.targets(Calls[2]).empty());
  EXPECT_EQ(G.calleeName(Calls[0]), "Base::f");
  EXPECT_EQ(G.calleeName(Calls[1]), "(*)(void (int))");
  EXPECT_EQ(G.step(G.find("u:A::f"), Calls[0]).Note, "virtual call");
}

TEST(Roots, FiveSourcesFirstOneWins) {
  Program P;
  Function &Annotated = P.def("cb");
  Annotated.RootContext = "camera";
  Annotated.RootOrigin = "annotation";
  P.def("tick");
  P.def("USART1_IRQHandler");
  P.def("on_gpio");
  Function &Setup = P.def("setup");
  Program::call(Setup, "register_cb", 2).FunctionArgs = {{0, "u:on_gpio"}, {1, "u:cb"}};
  P.decl("register_cb");
  P.def("Plugin::process");
  P.def("MyPlugin::process").Overrides = {"u:Plugin::process"};
  RuleSet Rules = rules(Family, R"({"context":"default","default_context":"control"})");
  CallGraph G(P.TUs, Rules, true);
  LinkOptions Options;
  Options.ExtraRoots = {
      {"tick", "firmware_task"}, {"cb", "audio"}, {"setup", ""}, {"nothing*", "audio"}};
  RootsFound Found = findRoots(G, P.TUs, Rules, Options);
  std::vector<std::tuple<std::string, std::string, std::string>> Got;
  for (const Root &R : Found.Roots)
    Got.push_back({R.Function, R.Context, R.Origin});
  EXPECT_EQ(Got, (std::vector<std::tuple<std::string, std::string, std::string>>{
                     {"cb", "camera", "annotation"},
                     {"tick", "firmware-task", "config"},
                     {"setup", "control", "config"},
                     {"USART1_IRQHandler", "firmware-isr", "registration"},
                     {"on_gpio", "firmware-isr", "registration"},
                     {"MyPlugin::process", "audio", "registration"}}));
  ASSERT_EQ(Found.Nodes.size(), Found.Roots.size());
  EXPECT_EQ(G.node(Found.Nodes[1]).info().Name, "tick");
  ASSERT_EQ(Found.Warnings.size(), 1u);
  EXPECT_NE(Found.Warnings[0].find("'nothing*'"), std::string::npos);
}

TEST(Reachability, ShortestChainsAndEveryRootThroughCycles) {
  Program P;
  Function &Audio = P.def("audio_cb");
  Audio.RootContext = "audio";
  Audio.RootOrigin = "annotation";
  Program::call(Audio, "a", 2);
  Function &Camera = P.def("camera_cb");
  Camera.RootContext = "camera";
  Camera.RootOrigin = "annotation";
  Program::call(Camera, "b", 3);
  Program::call(P.def("a"), "b", 4);
  Function &B = P.def("b");
  Program::call(B, "a", 5);
  Program::call(B, "c", 6);
  P.def("c");
  P.def("unreached");
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  RootsFound Roots = findRoots(G, P.TUs, Rules, {});
  Reachability Reach(G, Roots);
  EXPECT_EQ(Reach.reachableFunctions(), 5u);
  EXPECT_FALSE(Reach.reached(G.find("u:unreached")));
  NodeId C = G.find("u:c");
  EXPECT_EQ(Reach.rootsReaching(C).count(), 2u);
  EXPECT_EQ(Reach.contextNames().size(), 2u);
  EXPECT_EQ(Reach.contextMask(C), Reachability::contextBit(0) | Reachability::contextBit(1));
  std::vector<ChainStep> Chain = Reach.chainTo(C);
  std::vector<std::string> Steps;
  for (const ChainStep &S : Chain)
    Steps.push_back(S.Function);
  // camera_cb -> b -> c is shorter than audio_cb -> a -> b -> c.
  EXPECT_EQ(Steps, (std::vector<std::string>{"camera_cb", "b", "c"}));
  EXPECT_EQ(Chain[0].Note, "real-time root (context 'camera', annotation)");
  EXPECT_EQ(Chain[2].Loc.Line, 6u);
}

TEST(LibraryEffects, OneEffectPerCategoryStoppingAtUserCode) {
  Program P;
  Function &Lib = P.def("std::thing", 0, /*System=*/true);
  Program::call(Lib, "std::inner", 10);
  Program::call(Lib, "user_callback", 11);
  Function &Inner = P.def("std::inner", 0, true);
  Program::call(Inner, "malloc", 20);
  Program::call(Inner, "malloc", 21);
  Program::call(P.def("user_callback"), "std::__throw_bad", 30);
  P.decl("malloc");
  P.decl("std::__throw_bad");
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  LibraryEffects Effects(G);
  const std::vector<Effect> &E = Effects.of(G.find("u:std::thing"));
  ASSERT_EQ(E.size(), 1u);
  EXPECT_EQ(E[0].Cat, Category::Alloc);
  EXPECT_EQ(E[0].Leaf, "malloc");
  ASSERT_EQ(E[0].Steps.size(), 2u);
  EXPECT_EQ(E[0].Steps[1].Loc.Line, 20u);
  EXPECT_EQ(&Effects.of(G.find("u:std::thing")), &E);
}

TEST(Findings, PolicyDecidesSectionsAndErrorPathThrows) {
  Program P;
  Function &Root = P.def("cb");
  Root.RootContext = "audio";
  Root.Section = ".fast.text";
  Program::call(Root, "slow", 4);
  Program::call(Root, "std::vector::push_back", 5);
  P.def("slow");
  Function &Push = P.def("std::vector::push_back", 0, /*System=*/true);
  Program::call(Push, "malloc", 100);
  Program::call(Push, "std::__throw_length_error", 101);
  P.decl("malloc");
  P.decl("std::__throw_length_error");
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  RootsFound Roots = findRoots(G, P.TUs, Rules, {});
  Reachability Reach(G, Roots);
  LinkPolicy Policy;
  Policy.Sections = {{".fast*", Category::Syscall, "is outside the fast section", "t.json"}};
  Policy.ThrowOnlyAlone = false;
  FindingsMade Made = makeFindings(G, Reach, Roots, P.TUs, Rules, Policy);
  std::vector<std::tuple<unsigned, Category, std::string>> Got;
  for (const Finding &F : Made.Findings)
    Got.push_back({F.Site.Line, F.Cat, F.Message});
  EXPECT_EQ(Got, (std::vector<std::tuple<unsigned, Category, std::string>>{
                     {4, Category::Syscall, "'slow' is outside the fast section"},
                     {5, Category::Alloc,
                      "'std::vector::push_back' allocates or frees heap "
                      "memory (reaches 'malloc')"},
                     {5, Category::Exception,
                      "'std::vector::push_back' may throw an exception "
                      "(reaches 'std::__throw_length_error')"}}));
  EXPECT_EQ(Made.Findings[1].Chain.back().Function, "malloc");
  EXPECT_EQ(Made.Findings[1].Contexts, (std::vector<std::string>{"audio"}));
  EXPECT_TRUE(Made.Findings[1].Fingerprint.empty());
}
