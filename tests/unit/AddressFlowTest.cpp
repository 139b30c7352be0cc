// Address flow at link: each flow kind resolves an indirect call to what reaches its slot, and the
// escapes keep their type-matched targets (no true finding lost).
#include "rtcheck/link/AddressFlow.h"
#include "rtcheck/link/CallGraph.h"
#include "rtcheck/link/Roots.h"

#include "ProgramBuilder.h"
#include "llvm/Support/JSON.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

const char *Family = R"({"family":"t","functions":[
  {"name":"jack_connect","category":"syscall","reason":"server round trip"}],
  "registrations":[{"function":"register_cb","argument":1,"context":"audio","reason":"rt"},
                   {"function":"events_init","field":"events::process","context":"audio","reason":"rt"}]})";

constexpr const char *Handler = "void (int)";

std::vector<std::string> names(const CallGraph &G, const std::vector<NodeId> &Ids) {
  std::vector<std::string> Out;
  for (NodeId Id : Ids)
    Out.push_back(G.node(Id).info().Name);
  llvm::sort(Out);
  return Out;
}

/// Defines an address-taken handler of type `void (int)` in TU.
void handler(Program &P, llvm::StringRef Name, size_t TU = 0) {
  P.def(Name, TU);
  P.tu(TU).AddressTakenFunctions.push_back({("u:" + Name).str(), Handler});
}

void flow(Program &P, llvm::StringRef From, llvm::StringRef To, size_t TU = 0) {
  P.tu(TU).Flows.push_back({From.str(), To.str()});
}

CallSite &callThrough(Function &From, llvm::StringRef Slot, unsigned Line) {
  CallSite &C = Program::call(From, Handler, Line, CallKind::Indirect);
  C.Through = Slot.str();
  return C;
}

} // namespace

TEST(AddressFlow, FieldResolvesToItsOwnStoresNotTheSameType) {
  Program P;
  handler(P, "user_finished");
  handler(P, "thread_cleanup", 1);
  flow(P, "f:u:user_finished", "F:stream::finished");
  flow(P, "f:u:thread_cleanup", "V:u:g_cleanup", 1);
  Function &Process = P.def("process", 2);
  callThrough(Process, "F:stream::finished", 3);
  Program::call(Process, Handler, 4, CallKind::Indirect); // callee not modelled
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  const std::vector<CallSite> &Calls = P.TUs[2].Functions.back().Calls;
  EXPECT_EQ(names(G, G.targets(Calls[0])), (std::vector<std::string>{"user_finished"}));
  EXPECT_EQ(G.flow().resolution(Calls[0]), AddressFlow::Resolution::Flow);
  EXPECT_EQ(names(G, G.targets(Calls[1])),
            (std::vector<std::string>{"thread_cleanup", "user_finished"}));
  EXPECT_EQ(G.flow().resolution(Calls[1]), AddressFlow::Resolution::TypeOnly);
}

TEST(AddressFlow, ParameterFollowsCallersAtAnyDepthAcrossTUs) {
  Program P;
  handler(P, "synth", 0);
  handler(P, "other", 0);
  flow(P, "f:u:synth", "P:u:start#0", 0);     // main: start(synth)
  flow(P, "P:u:start#0", "P:u:install#1", 1); // start(fn): install(x, fn)
  flow(P, "P:u:install#1", "V:u:local", 2);   // install: handler_fn local = fn
  flow(P, "f:u:other", "F:unrelated::cb", 0);
  P.def("start", 1);
  Function &Install = P.def("install", 2);
  callThrough(Install, "V:u:local", 5);
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  const CallSite &C = P.TUs[2].Functions.back().Calls[0];
  EXPECT_EQ(names(G, G.targets(C)), (std::vector<std::string>{"synth"}));
  // A parameter is open to escaped functions; none escaped here.
  EXPECT_EQ(G.flow().resolution(C), AddressFlow::Resolution::Escaped);
  EXPECT_FALSE(G.flow().escaped(G.find("u:synth")));
}

TEST(AddressFlow, StoresFollowTheConstantsOfEachCaller) {
  // new_thread(fn, prio) stores fn into info::func only under `prio > 0`; start(fn, prio) hands
  // both on. Callers: new_thread(audio, 70), new_thread(shell, 0), start(worker, 0),
  // start(rt, 5), new_thread(unknown, x): only shell and worker are ruled out.
  Program P;
  for (const char *Name : {"audio", "shell", "worker", "rt", "unknown"})
    handler(P, Name);
  auto Call = [&](llvm::StringRef Value, llvm::StringRef Param, std::optional<int64_t> Prio) {
    FlowEdge E("f:u:" + Value.str(), Param.str());
    if (Prio)
      E.ConstArgs = {{1, *Prio}};
    P.tu(0).Flows.push_back(E);
  };
  Call("audio", "P:u:new_thread#0", 70);
  Call("shell", "P:u:new_thread#0", 0);
  Call("worker", "P:u:start#0", 0);
  Call("rt", "P:u:start#0", 5);
  Call("unknown", "P:u:new_thread#0", std::nullopt);
  FlowEdge HandOn("P:u:start#0", "P:u:new_thread#0");
  HandOn.ParamArgs = {{1, 1}};
  P.tu(1).Flows.push_back(HandOn);
  FlowEdge Store("P:u:new_thread#0", "F:info::func");
  Store.Guards = {{GuardAtom{1, "", GuardAtom::Gt, 0}}};
  P.tu(1).Flows.push_back(Store);
  P.def("start", 1);
  P.def("new_thread", 1);
  Function &Run = P.def("high_prio", 1);
  callThrough(Run, "F:info::func", 3);
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  EXPECT_EQ(names(G, G.targets(P.TUs[1].Functions.back().Calls[0])),
            (std::vector<std::string>{"audio", "rt", "unknown"}));
  // The parameter itself holds every value passed, whatever the context.
  EXPECT_EQ(names(G, G.flow().valuesOf("P:u:new_thread#0")),
            (std::vector<std::string>{"audio", "rt", "shell", "unknown", "worker"}));
}

TEST(AddressFlow, EscapedFunctionsStayTargetsOfOpenSlotsOnly) {
  Program P;
  handler(P, "given_to_library");
  handler(P, "kept");
  P.decl("lib_register"); // no body: what it is given escapes into it
  flow(P, "f:u:given_to_library", "P:u:lib_register#0");
  flow(P, "f:u:kept", "F:ops::run");
  Function &Root = P.def("root", 1);
  callThrough(Root, "P:u:root#0", 2);   // a parameter: callers outside may pass escaped ones
  callThrough(Root, "F:ops::run", 3);   // a field only the program writes
  callThrough(Root, "R:u:lib_get", 4);  // a library's return value
  callThrough(Root, "F:never::set", 5); // nothing stored: unresolved
  P.decl("lib_get");
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  const std::vector<CallSite> &Calls = P.TUs[1].Functions.back().Calls;
  EXPECT_TRUE(G.flow().escaped(G.find("u:given_to_library")));
  EXPECT_EQ(names(G, G.targets(Calls[0])), (std::vector<std::string>{"given_to_library"}));
  EXPECT_EQ(names(G, G.targets(Calls[1])), (std::vector<std::string>{"kept"}));
  EXPECT_EQ(names(G, G.targets(Calls[2])), (std::vector<std::string>{"given_to_library"}));
  EXPECT_TRUE(G.targets(Calls[3]).empty());
}

TEST(AddressFlow, ParameterOfAFunctionOnlyCalledDirectlyIsClosed) {
  Program P;
  handler(P, "passed");
  handler(P, "escaped_elsewhere");
  P.decl("lib_keep");
  flow(P, "f:u:escaped_elsewhere", "P:u:lib_keep#0");
  flow(P, "f:u:passed", "P:u:apply#0");
  Function &Apply = P.def("apply", 1);
  callThrough(Apply, "P:u:apply#0", 2);
  Program::call(P.def("caller", 1), "apply", 3);
  RuleSet Rules = rules(Family);
  {
    CallGraph G(P.TUs, Rules, true);
    const CallSite &C = P.TUs[1].Functions[0].Calls[0];
    EXPECT_EQ(G.flow().resolution(C), AddressFlow::Resolution::Flow);
    EXPECT_EQ(names(G, G.targets(C)), (std::vector<std::string>{"passed"}));
  }
  // Once its address is taken, it may be called with anything that escaped.
  P.tu(1).AddressTakenFunctions.push_back({"u:apply", "void (void (*)(int))"});
  CallGraph G(P.TUs, Rules, true);
  const CallSite &C = P.TUs[1].Functions[0].Calls[0];
  EXPECT_EQ(G.flow().resolution(C), AddressFlow::Resolution::Escaped);
  EXPECT_EQ(names(G, G.targets(C)), (std::vector<std::string>{"escaped_elsewhere", "passed"}));
}

TEST(AddressFlow, EscapeOfASlotEscapesWhatReachesIt) {
  Program P;
  handler(P, "cb");
  flow(P, "f:u:cb", "V:u:holder");
  flow(P, "V:u:holder", "!"); // e.g. stored into a void * field
  flow(P, "*open", "V:u:back");
  Function &Root = P.def("root", 1);
  callThrough(Root, "V:u:back", 2); // read back from the void * field
  flow(P, "*any", "S:u:root@3:1", 1);
  callThrough(Root, "S:u:root@3:1", 3);
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  const std::vector<CallSite> &Calls = P.TUs[1].Functions.back().Calls;
  EXPECT_EQ(names(G, G.targets(Calls[0])), (std::vector<std::string>{"cb"}));
  EXPECT_EQ(G.flow().resolution(Calls[1]), AddressFlow::Resolution::TypeOnly);
}

TEST(AddressFlow, CastsAndTypesDoNotFilterStoredValues) {
  Program P;
  P.def("calc_sine");
  P.tu(0).AddressTakenFunctions.push_back({"u:calc_sine", "void (struct unit *, int)"});
  flow(P, "f:u:calc_sine", "F:unit::calc"); // stored through (void (*)(void))calc_sine
  Function &Tick = P.def("tick", 1);
  CallSite &C = Program::call(Tick, "void (void)", 2, CallKind::Indirect);
  C.Through = "F:unit::calc";
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  EXPECT_EQ(names(G, G.targets(P.TUs[1].Functions.back().Calls[0])),
            (std::vector<std::string>{"calc_sine"}));
}

TEST(AddressFlow, DlsymNameIsTheLibraryFunction) {
  Program P;
  flow(P, "n:jack_connect", "V:u:g_connect");
  Function &Process = P.def("process");
  callThrough(Process, "V:u:g_connect", 2);
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  const std::vector<NodeId> &T = G.targets(P.TUs[0].Functions.back().Calls[0]);
  ASSERT_EQ(names(G, T), (std::vector<std::string>{"jack_connect"}));
  EXPECT_EQ(G.classify(T[0]).Cat, Category::Syscall);
}

TEST(AddressFlow, WrapperRegistrationsAreRoots) {
  Program P;
  P.decl("register_cb");
  Function &Install = P.def("install", 0); // install(fn): register_cb(client, fn)
  Program::call(Install, "register_cb", 2).ArgSlots = {{1, "P:u:install#0"}};
  P.def("start_audio", 1); // start_audio(fn): install(fn)
  flow(P, "P:u:start_audio#0", "P:u:install#0", 1);
  handler(P, "synth", 2);
  handler(P, "not_registered", 2);
  flow(P, "f:u:synth", "P:u:start_audio#0", 2);
  flow(P, "f:u:not_registered", "P:u:other#0", 2);
  P.def("wire_events", 2); // wire_events(cb): ev->process = cb
  flow(P, "P:u:wire_events#0", "F:events::process", 2);
  handler(P, "on_process", 3);
  flow(P, "f:u:on_process", "P:u:wire_events#0", 3);
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  RootsFound Found = findRoots(G, P.TUs, Rules, {});
  std::vector<std::string> Roots;
  for (const Root &R : Found.Roots)
    Roots.push_back(R.Function + "/" + R.Context + "/" + R.Origin);
  llvm::sort(Roots);
  EXPECT_EQ(Roots, (std::vector<std::string>{"on_process/audio/registration",
                                             "synth/audio/registration"}));
}

TEST(AddressFlow, SummaryFieldsRoundTrip) {
  Summary S;
  S.MainFile = "/src/a.c";
  Function F;
  F.USR = "c:@F@f";
  F.Name = "f";
  F.Loc = {"/src/a.c", 1, 1};
  CallSite C;
  C.Kind = CallKind::Indirect;
  C.Callee = Handler;
  C.Loc = {"/src/a.c", 2, 3};
  C.Through = "F:s::cb";
  C.ArgSlots = {{1, "P:c:@F@f#0"}};
  F.Calls.push_back(C);
  S.Functions.push_back(F);
  S.Flows = {{"f:c:@F@g", "F:s::cb"}, {"P:c:@F@f#0", "!"}};
  llvm::Expected<Summary> Back = summaryFromJSON(toJSON(S));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Functions[0].Calls[0].Through, "F:s::cb");
  EXPECT_EQ(Back->Functions[0].Calls[0].ArgSlots, C.ArgSlots);
  ASSERT_EQ(Back->Flows.size(), 2u);
  EXPECT_EQ(Back->Flows[1].From, "P:c:@F@f#0");
  EXPECT_EQ(Back->Flows[1].To, "!");
  // The context of an edge (format 3): guards of a store, constants of a call.
  S.Flows[1].Guards = {{GuardAtom{2, "", GuardAtom::Gt, 0}}};
  S.Flows[0].ConstArgs = {{3, 0}};
  S.Flows[0].ParamArgs = {{1, 2}};
  llvm::Expected<Summary> WithContext = summaryFromJSON(toJSON(S));
  ASSERT_TRUE(bool(WithContext)) << llvm::toString(WithContext.takeError());
  ASSERT_EQ(WithContext->Flows[1].Guards.size(), 1u);
  EXPECT_EQ(WithContext->Flows[1].Guards[0][0].Param, 2);
  EXPECT_EQ(WithContext->Flows[1].Guards[0][0].Op, GuardAtom::Gt);
  EXPECT_EQ(WithContext->Flows[0].ConstArgs, S.Flows[0].ConstArgs);
  EXPECT_EQ(WithContext->Flows[0].ParamArgs, S.Flows[0].ParamArgs);
  EXPECT_TRUE(WithContext->Flows[0].Guards.empty());
  llvm::json::Value Bad = toJSON(S);
  (*Bad.getAsObject())["flows"] = llvm::json::Array{llvm::json::Array{"only-one"}};
  llvm::Expected<Summary> Rejected = summaryFromJSON(Bad);
  ASSERT_FALSE(bool(Rejected));
  EXPECT_NE(llvm::toString(Rejected.takeError()).find("expected [from, to]"), std::string::npos);
}

TEST(AddressFlow, FunctionObjectCallReachesWhatItsSlotHoldsAndTheEmptyThrow) {
  Program P;
  P.def("rt_gain", 0);
  P.def("control_save", 0);
  P.def("std::function<void (int)>::operator()", 0);
  flow(P, "f:u:rt_gain", "F:Port::cb");
  flow(P, "f:u:control_save", "F:Command::run");
  flow(P, "*open", "F:Hook::fn"); // bound to a non-const reference somewhere
  Function &Process = P.def("process", 1);
  Program::call(Process, "std::function<void (int)>::operator()", 3).Through = "F:Port::cb";
  Program::call(Process, "std::function<void (int)>::operator()", 4).Through = "F:Hook::fn";
  Program::call(Process, "std::function<void (int)>::operator()", 5); // not a tracked object
  RuleSet Rules = rules(Family);
  CallGraph G(P.TUs, Rules, true);
  const std::vector<CallSite> &Calls = P.TUs[1].Functions.back().Calls;
  EXPECT_EQ(names(G, G.targets(Calls[0])),
            (std::vector<std::string>{"rt_gain", "std::__throw_bad_function_call"}));
  // An open slot, and an object the extraction does not model, follow the library's body.
  EXPECT_EQ(names(G, G.targets(Calls[1])),
            (std::vector<std::string>{"std::function<void (int)>::operator()"}));
  EXPECT_EQ(names(G, G.targets(Calls[2])),
            (std::vector<std::string>{"std::function<void (int)>::operator()"}));
}
