// Thread roots from the rules' realtime_threads[], virtual calls resolved by the receiver, and
// checked std::function calls, each on a hand-built program.
#include "rtcheck/link/CallGraph.h"
#include "rtcheck/link/Roots.h"
#include "rtcheck/link/ThreadRoots.h"
#include "rtcheck/link/VirtualTargets.h"

#include "ProgramBuilder.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

const char *Threads = R"({"family":"t","functions":[
  {"name":"pthread_setschedparam","category":"syscall","reason":"system call"},
  {"name":"std::__throw_bad_function_call","category":"exception","reason":"throws",
   "unless_checked":true},
  {"name":"std::__throw_out_of_range_fmt","category":"exception","reason":"throws",
   "unless_in_range":true}],
  "realtime_threads":[
  {"create":"pthread_create","entry":2,"attributes":1,"handle":0,"reason":"posix"},
  {"create":"spawn_*","entry":0,"context":"camera","reason":"a glob"},
  {"set_policy":"pthread_attr_setschedpolicy","attributes":0,"policy":1,"realtime":[1,2],
   "reason":"attr"},
  {"raise":"pthread_setschedparam","self":{"argument":0,"call":"pthread_self"},"policy":1,
   "realtime":[1,2],"success":0,"reason":"self"},
  {"raise":"sched_setscheduler","self":{"argument":0,"equals":0},"policy":1,"realtime":[1,2],
   "reason":"pid 0"}]})";

ClassInfo cls(std::string USR, std::vector<std::string> Bases = {}) {
  return {std::move(USR), std::move(Bases), false, {}};
}

std::vector<std::pair<std::string, std::string>> roots(const Program &P, const RuleSet &Rules) {
  CallGraph G(P.TUs, Rules, true);
  std::vector<std::pair<std::string, std::string>> Out;
  findThreadRoots(G, P.TUs, Rules, nullptr, [&](NodeId Id, llvm::StringRef Context) {
    Out.push_back({G.node(Id).info().Name, Context.str()});
  });
  llvm::sort(Out);
  return Out;
}

} // namespace

TEST(ThreadRoots, RealtimeAttributesOnTheSameObject) {
  Program P;
  for (const char *Name : {"pthread_create", "pthread_attr_setschedpolicy"})
    P.decl(Name);
  P.def("audio");
  P.def("other");
  P.def("plain");
  Function &Main = P.def("main");
  Program::call(Main, "pthread_attr_setschedpolicy", 2).ConstArgs = {{1, 1}};
  Main.Calls.back().ObjectArgs = {{0, "c:attr"}};
  Program::call(Main, "pthread_attr_setschedpolicy", 3).ConstArgs = {{1, 0}};
  Main.Calls.back().ObjectArgs = {{0, "c:other_attr"}};
  CallSite &RT = Program::call(Main, "pthread_create", 4);
  RT.FunctionArgs = {{2, "u:audio"}};
  RT.ObjectArgs = {{1, "c:attr"}};
  CallSite &Other = Program::call(Main, "pthread_create", 5);
  Other.FunctionArgs = {{2, "u:other"}};
  Other.ObjectArgs = {{1, "c:other_attr"}};
  Program::call(Main, "pthread_create", 6).FunctionArgs = {{2, "u:plain"}};
  RuleSet Rules = rules(Threads, R"({"context":"default","default_context":"audio"})");
  EXPECT_EQ(roots(P, Rules), (std::vector<std::pair<std::string, std::string>>{{"audio", "audio"}}));
}

TEST(ThreadRoots, StartRoutineRaisingItselfThroughHelpers) {
  Program P;
  for (const char *Name : {"pthread_create", "pthread_setschedparam", "sched_setscheduler",
                           "pthread_self", "spawn_worker"})
    P.decl(Name);
  Function &Raise = P.def("raise_self");
  Program::call(Raise, "pthread_setschedparam", 2).ConstArgs = {{1, 2}};
  Raise.Calls.back().CallArgs = {{0, "pthread_self"}};
  Function &Helper = P.def("helper");
  Program::call(Helper, "raise_self", 3);
  Function &Entry = P.def("entry");
  Program::call(Entry, "helper", 4);
  Function &Pid = P.def("by_pid");
  Program::call(Pid, "sched_setscheduler", 5).ConstArgs = {{0, 0}, {1, 1}};
  Function &Another = P.def("raises_another");
  Program::call(Another, "pthread_setschedparam", 6).ConstArgs = {{1, 1}};
  Another.Calls.back().CallArgs = {{0, "get_other"}};
  Function &Deep = P.def("too_deep");
  Program::call(Deep, "d1", 7);
  Program::call(P.def("d1"), "d2", 8);
  Program::call(P.def("d2"), "d3", 9);
  Program::call(P.def("d3"), "entry", 10);
  Function &Main = P.def("main");
  for (const char *Start : {"entry", "by_pid", "raises_another", "too_deep"})
    Program::call(Main, "pthread_create", 11).FunctionArgs = {{2, ("u:" + std::string(Start))}};
  Program::call(Main, "spawn_worker", 12).FunctionArgs = {{0, "u:by_pid"}};
  RuleSet Rules = rules(Threads, R"({"context":"default","default_context":"audio"})");
  EXPECT_EQ(roots(P, Rules), (std::vector<std::pair<std::string, std::string>>{
                                 {"by_pid", "audio"}, {"by_pid", "camera"}, {"entry", "audio"}}));
  // The raise itself is the thread becoming real-time: no finding.
  CallGraph G(P.TUs, Rules, true);
  NodeId SetParam = G.find("u:pthread_setschedparam");
  EXPECT_TRUE(G.exempt(G.classify(SetParam), G.node(G.find("u:raise_self")).info().Calls[0]));
  EXPECT_FALSE(G.exempt(G.classify(SetParam), G.node(G.find("u:raises_another")).info().Calls[0]));
}

TEST(ThreadRoots, CreatorRaisesTheThreadThroughItsHandle) {
  // new_thread: pthread_create(&self->thread, ...) then boost(self), which calls
  // pthread_setschedparam(self->thread, SCHED_FIFO): the routine is a root. A thread whose handle
  // (a local) is lowered to SCHED_OTHER, or raised through another field, is not.
  Program P;
  for (const char *Name : {"pthread_create", "pthread_setschedparam"})
    P.decl(Name);
  for (const char *Name : {"callback", "lowered", "elsewhere"})
    P.def(Name);
  Function &Boost = P.def("boost");
  Program::call(Boost, "pthread_setschedparam", 2).ConstArgs = {{1, 1}};
  Boost.Calls.back().ObjectArgs = {{0, "c:@S@unix_thread@FI@thread"}};
  Function &New = P.def("new_thread");
  CallSite &Create = Program::call(New, "pthread_create", 3);
  Create.FunctionArgs = {{2, "u:callback"}};
  Create.ObjectArgs = {{0, "c:@S@unix_thread@FI@thread"}};
  Program::call(New, "boost", 4);
  Function &Main = P.def("main");
  CallSite &Lowered = Program::call(Main, "pthread_create", 5);
  Lowered.FunctionArgs = {{2, "u:lowered"}};
  Lowered.ObjectArgs = {{0, "c:main@t"}};
  Program::call(Main, "pthread_setschedparam", 6).ConstArgs = {{1, 0}};
  Main.Calls.back().ObjectArgs = {{0, "c:main@t"}};
  CallSite &Elsewhere = Program::call(Main, "pthread_create", 7);
  Elsewhere.FunctionArgs = {{2, "u:elsewhere"}};
  Elsewhere.ObjectArgs = {{0, "c:@S@other@FI@thread"}};
  Program::call(Main, "boost", 8);
  RuleSet Rules = rules(Threads, R"({"context":"default","default_context":"audio"})");
  EXPECT_EQ(roots(P, Rules),
            (std::vector<std::pair<std::string, std::string>>{{"callback", "audio"}}));
}

TEST(ThreadRoots, SitesRunningOnlyAfterAFailedRaiseAreNotFollowed) {
  // set_prio: `if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &p) == 0) return;` then the
  // fallback (guarded by the result != 0) and, after `if (... != 0) return;` elsewhere, a site
  // guarded by the result == 0.
  Program P;
  for (const char *Name : {"pthread_setschedparam", "fallback", "report"})
    P.decl(Name);
  Function &SetPrio = P.def("set_prio");
  CallSite &Raise = Program::call(SetPrio, "pthread_setschedparam", 2);
  Raise.ConstArgs = {{1, 1}};
  Raise.CallArgs = {{0, "pthread_self"}};
  std::string Result = callResultName(Raise.Callee, Raise.Loc);
  Program::call(SetPrio, "fallback", 4).Guards = {{GuardAtom{-1, Result, GuardAtom::Ne, 0}}};
  Program::call(SetPrio, "report", 5).Guards = {{GuardAtom{-1, Result, GuardAtom::Eq, 0}}};
  Program::call(SetPrio, "report", 6).Guards = {{GuardAtom{-1, "()c:@F@other@9:3", GuardAtom::Ne, 0}}};
  RuleSet Rules = rules(Threads);
  CallGraph G(P.TUs, Rules, true);
  const std::vector<CallSite> &Calls = G.node(G.find("u:set_prio")).info().Calls;
  llvm::DenseSet<const CallSite *> Failed = sitesAfterFailedRaise(G, P.TUs, Rules);
  EXPECT_TRUE(Failed.contains(&Calls[1]));
  EXPECT_FALSE(Failed.contains(&Calls[2]));
  EXPECT_FALSE(Failed.contains(&Calls[3]));
  EXPECT_EQ(Failed.size(), 1u);
}

TEST(ThreadRoots, RootsCarryOriginThread) {
  Program P;
  P.decl("pthread_create");
  P.decl("sched_setscheduler");
  Function &Entry = P.def("entry");
  Program::call(Entry, "sched_setscheduler", 2).ConstArgs = {{0, 0}, {1, 2}};
  Program::call(P.def("main"), "pthread_create", 3).FunctionArgs = {{2, "u:entry"}};
  RuleSet Rules = rules(Threads);
  CallGraph G(P.TUs, Rules, true);
  RootsFound Found = findRoots(G, P.TUs, Rules, LinkOptions());
  ASSERT_EQ(Found.Roots.size(), 1u);
  EXPECT_EQ(Found.Roots[0].Function, "entry");
  EXPECT_EQ(Found.Roots[0].Origin, "thread");
}

TEST(ThreadRules, MalformedEntriesNameTheProblem) {
  auto Error = [](llvm::StringRef Entry) {
    llvm::json::Value V = llvm::cantFail(llvm::json::parse(Entry));
    llvm::Expected<ThreadRule> R = parseThreadRule("t.json", "realtime_threads[0]", *V.getAsObject());
    return R ? std::string() : llvm::toString(R.takeError());
  };
  EXPECT_EQ(Error(R"({"create":"f","entry":0,"reason":"ok"})"), "");
  EXPECT_NE(Error(R"({"create":"f","reason":"no entry"})").find("'entry' is required"),
            std::string::npos);
  EXPECT_NE(Error(R"({"create":"f","raise":"g","entry":0,"reason":"two kinds"})").find("exactly one"),
            std::string::npos);
  EXPECT_NE(Error(R"({"raise":"g","policy":1,"realtime":[1],"self":{"argument":0},"reason":"x"})")
                .find("'self' must be"),
            std::string::npos);
  EXPECT_NE(Error(R"({"set_policy":"g","policy":1,"realtime":[1],"reason":"no attributes"})")
                .find("needs 'attributes'"),
            std::string::npos);
  EXPECT_NE(Error(R"({"create":"f","entry":0,"reason":"x","color":1})").find("unknown key 'color'"),
            std::string::npos);
  EXPECT_NE(Error(R"({"create":"f","entry":-1,"reason":"x"})").find("non-negative"),
            std::string::npos);
  EXPECT_NE(Error(R"({"create":"f","entry":0,"success":0,"reason":"x"})").find("'success'"),
            std::string::npos);
  EXPECT_NE(Error(R"({"raise":"g","policy":1,"realtime":[1],"self":{"argument":0,"equals":0},)"
                  R"("handle":0,"reason":"x"})")
                .find("'handle'"),
            std::string::npos);
  EXPECT_NE(Error(R"({"raise":"g","policy":1,"realtime":[1],"self":{"argument":0,"equals":0},)"
                  R"("success":"zero","reason":"x"})")
                .find("'success' must be an integer"),
            std::string::npos);
}

TEST(VirtualTargets, ReceiverSubtreeAndInheritedOverrider) {
  ClassHierarchy H;
  H.add(cls("Base", {}));
  H.add(cls("A", {"Base"}));
  H.add(cls("ADerived", {"A"}));
  H.add(cls("Sibling", {"Base"}));
  H.add(cls("Mid", {"Base"}));
  H.add(cls("Leaf", {"Mid"}));
  EXPECT_TRUE(H.derivesFrom("Leaf", "Base"));
  EXPECT_FALSE(H.derivesFrom("Base", "Leaf"));
  std::vector<unsigned> Ids{0, 1, 2, 3, 4};
  std::vector<llvm::StringRef> Class{"Base", "ADerived", "Sibling", "Mid", ""};
  // Through an A: Base's (inherited), ADerived's (below A), the unknown one; never Sibling's.
  EXPECT_EQ(filterByReceiver<unsigned>(Ids, Class, "A", H), (std::vector<unsigned>{0, 1, 4}));
  // Through a Leaf: Mid's overrider is final; Base's is overridden on the way.
  EXPECT_EQ(filterByReceiver<unsigned>(Ids, Class, "Leaf", H), (std::vector<unsigned>{3, 4}));
  // An unknown receiver keeps everything.
  EXPECT_EQ(filterByReceiver<unsigned>(Ids, Class, "Unknown", H), Ids);
}

TEST(VirtualTargets, CallGraphFiltersByTheSiteReceiver) {
  Program P;
  P.def("Base::init").Class = "c:Base";
  Function &Derived = P.def("ADerived::init", 1);
  Derived.Class = "c:ADerived";
  Derived.Overrides = {"u:Base::init"};
  Function &Sibling = P.def("Sibling::init", 2);
  Sibling.Class = "c:Sibling";
  Sibling.Overrides = {"u:Base::init"};
  P.tu(0).Classes = {cls("c:Base"), cls("c:A", {"c:Base"})};
  P.tu(1).Classes = {cls("c:ADerived", {"c:A"}), cls("c:A", {"c:Base"})};
  P.tu(2).Classes = {cls("c:Sibling", {"c:Base"})};
  Function &Caller = P.def("process", 3);
  Program::call(Caller, "Base::init", 2, CallKind::Virtual).Receiver = "c:A";
  Program::call(Caller, "Base::init", 3, CallKind::Virtual);
  RuleSet Rules = rules(Threads);
  CallGraph G(P.TUs, Rules, true);
  auto Names = [&](const CallSite &C) {
    std::vector<std::string> Out;
    for (NodeId Id : G.targets(C))
      Out.push_back(G.node(Id).info().Name);
    llvm::sort(Out);
    return Out;
  };
  const std::vector<CallSite> &Calls = P.TUs[3].Functions.back().Calls;
  EXPECT_EQ(Names(Calls[0]), (std::vector<std::string>{"ADerived::init", "Base::init"}));
  EXPECT_EQ(Names(Calls[1]),
            (std::vector<std::string>{"ADerived::init", "Base::init", "Sibling::init"}));
}

TEST(CheckedCalls, UnlessCheckedRulesAreExemptAtCheckedSites) {
  Program P;
  P.decl("std::__throw_bad_function_call");
  Function &F = P.def("f");
  Program::call(F, "std::__throw_bad_function_call", 2).Checked = true;
  Program::call(F, "std::__throw_bad_function_call", 3);
  RuleSet Rules = rules(Threads);
  CallGraph G(P.TUs, Rules, true);
  const Classification &Cls = G.classify(G.find("u:std::__throw_bad_function_call"));
  EXPECT_TRUE(G.exempt(Cls, F.Calls[0]));
  EXPECT_FALSE(G.exempt(Cls, F.Calls[1]));
}

TEST(CheckedCalls, UnlessInRangeRulesAreExemptOnlyAtInRangeSites) {
  Program P;
  P.decl("std::__throw_bad_function_call");
  P.decl("std::__throw_out_of_range_fmt");
  Function &F = P.def("f");
  Program::call(F, "std::__throw_out_of_range_fmt", 2).InRange = true;
  Program::call(F, "std::__throw_out_of_range_fmt", 3).Checked = true;
  Program::call(F, "std::__throw_bad_function_call", 4).InRange = true;
  RuleSet Rules = rules(Threads);
  CallGraph G(P.TUs, Rules, true);
  const Classification &Range = G.classify(G.find("u:std::__throw_out_of_range_fmt"));
  const Classification &Empty = G.classify(G.find("u:std::__throw_bad_function_call"));
  EXPECT_TRUE(G.exempt(Range, F.Calls[0]));
  // Each proof answers its own hazard only: a checked object says nothing about an index.
  EXPECT_FALSE(G.exempt(Range, F.Calls[1]));
  EXPECT_FALSE(G.exempt(Empty, F.Calls[2]));
}

TEST(VirtualTargets, RapidTypeAnalysisKeepsClassesWithObjects) {
  Program P;
  P.def("Effect::process").Class = "c:Effect";
  for (const char *Name : {"Gain", "Recorder", "Remote", "Vendor"}) {
    Function &F = P.def(std::string(Name) + "::process", 1);
    F.Class = std::string("c:") + Name;
    F.Overrides = {"u:Effect::process"};
  }
  P.tu(1).Classes = {cls("c:Effect"),
                     cls("c:Gain", {"c:Effect"}),
                     cls("c:Recorder", {"c:Effect"}),
                     {"c:Remote", {"c:Effect"}, false, {"u:Remote::Remote"}},
                     {"c:Vendor", {"c:Effect"}, true, {}}};
  P.tu(1).ConstructedClasses = {"c:Gain"};
  Function &Caller = P.def("render", 2);
  Program::call(Caller, "Effect::process", 2, CallKind::Virtual);
  RuleSet Rules = rules(Threads);
  CallGraph G(P.TUs, Rules, true);
  std::vector<std::string> Got;
  for (NodeId Id : G.targets(P.TUs[2].Functions.back().Calls[0]))
    Got.push_back(G.node(Id).info().Name);
  llvm::sort(Got);
  // Recorder is never created; Remote's constructor is defined elsewhere; Vendor is a library's.
  EXPECT_EQ(Got, (std::vector<std::string>{"Effect::process", "Gain::process", "Remote::process",
                                           "Vendor::process"}));

  // A hierarchy the program creates no object of is left alone.
  ClassHierarchy H;
  H.add(cls("c:Base", {}));
  H.add(cls("c:X", {"c:Base"}));
  std::vector<unsigned> Ids{0, 1};
  std::vector<llvm::StringRef> Class{"c:Base", "c:X"};
  EXPECT_EQ(filterByCreatedClasses<unsigned>(Ids, Class, "c:Base", H), Ids);
  H.markCreated("c:Base");
  EXPECT_EQ(filterByCreatedClasses<unsigned>(Ids, Class, "c:Base", H), (std::vector<unsigned>{0}));
}
