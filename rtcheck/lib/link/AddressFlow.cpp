//===- AddressFlow.cpp - where function addresses flow in the program -----===//
#include "rtcheck/link/AddressFlow.h"

#include "rtcheck/Link.h"
#include "rtcheck/link/CallGraph.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {

AddressFlow::AddressFlow(ArrayRef<Summary> Summaries, CallGraph &G) : G(G) {
  std::vector<unsigned> EscapedSlots;
  // NoNode is DenseSet's empty key: never insert it.
  auto Note = [](DenseSet<NodeId> &Set, NodeId N) {
    if (N != NoNode)
      Set.insert(N);
  };
  auto ValueNode = [&](StringRef From) -> NodeId {
    if (From.consume_front("f:"))
      return G.find(From);
    if (From.consume_front("n:"))
      return G.nodeNamed(From);
    return NoNode;
  };
  for (const Summary &S : Summaries) {
    for (const AddressTaken &A : S.AddressTakenFunctions)
      Note(CalledFromOutside, G.find(A.USR));
    for (const FlowEdge &F : S.Flows) {
      StringRef From = F.From, To = F.To;
      NodeId Value = ValueNode(From);
      bool IsValue = From.starts_with("f:") || From.starts_with("n:");
      if (To == "!") {
        if (Value != NoNode)
          Escaped.insert(Value);
        else if (!IsValue && !From.starts_with("*"))
          EscapedSlots.push_back(intern(From));
        continue;
      }
      unsigned Sink = intern(To);
      if (IsValue) {
        Note(CalledFromOutside, Value);
        if (Value != NoNode)
          Seeds.push_back({Sink, Value, Contexts.add(F)});
      } else if (From == "*open") {
        Slots[Sink].Flags |= Open;
      } else if (From == "*any") {
        Slots[Sink].Flags |= Any;
      } else {
        unsigned Source = intern(From);
        Slots[Source].Succ.push_back({Sink, Contexts.add(F)});
      }
    }
    // Slots only read (a parameter nobody passes anything to) still follow the link rules.
    for (const Function &F : S.Functions)
      for (const CallSite &C : F.Calls) {
        if (C.Kind == CallKind::Direct)
          Note(DirectlyCalled, G.find(C.Callee));
        else if (C.Kind == CallKind::Virtual)
          Note(CalledFromOutside, G.find(C.Callee));
        if (!C.Through.empty())
          intern(C.Through);
        for (const auto &[I, Key] : C.ArgSlots)
          intern(Key);
      }
  }
  applyLinkRules(G, EscapedSlots);
  for (unsigned S = 0; S < Slots.size(); ++S)
    Slots[S].Tracked = Contexts.tracked(Keys[S]);
  for (const Seed &Seed : Seeds)
    insert(Seed.Slot, Contexts.calleeFacts(Seed.Condition, {}, Keys[Seed.Slot]), {Seed.Value});
  propagate();
  for (unsigned S : EscapedSlots)
    Escaped.insert(Slots[S].Values.begin(), Slots[S].Values.end());
}

unsigned AddressFlow::intern(StringRef Key) {
  auto [It, Inserted] = Index.try_emplace(Key, Slots.size());
  if (Inserted) {
    Slots.emplace_back();
    Keys.push_back(Key.str());
  }
  return It->second;
}

const AddressFlow::Slot *AddressFlow::find(StringRef Key) const {
  auto It = Index.find(Key);
  return It == Index.end() ? nullptr : &Slots[It->second];
}

/// What only the whole program knows: which functions have no body in it.
void AddressFlow::applyLinkRules(const CallGraph &G, std::vector<unsigned> &EscapedSlots) {
  for (unsigned S = 0; S < Slots.size(); ++S) {
    StringRef Key = Keys[S];
    if (Key.consume_front("P:")) {
      // An argument to a function without a body escapes into it. A function called where the
      // analysis cannot see its arguments (through a pointer, virtually, by a library or from
      // outside the program) may receive any escaped function; one whose every caller is a
      // direct call in the program receives exactly what they pass.
      NodeId Owner = G.find(Key.rsplit('#').first);
      if (Owner == NoNode || !G.node(Owner).hasBody()) {
        EscapedSlots.push_back(S);
        Slots[S].Flags |= Open;
      } else if (CalledFromOutside.contains(Owner) || !DirectlyCalled.contains(Owner) ||
                 !G.node(Owner).Overridden.empty() || !G.node(Owner).Overriders.empty()) {
        Slots[S].Flags |= Open;
      }
    } else if (Key.consume_front("R:")) {
      NodeId Owner = G.find(Key);
      if (Owner == NoNode || !G.node(Owner).hasBody())
        Slots[S].Flags |= Open;
    }
  }
}

void AddressFlow::propagate() {
  std::vector<unsigned> Work;
  std::vector<char> Queued(Slots.size(), 1);
  for (unsigned S = Slots.size(); S-- > 0;)
    Work.push_back(S);
  while (!Work.empty()) {
    unsigned S = Work.back();
    Work.pop_back();
    Queued[S] = 0;
    for (const auto &[D, Condition] : Slots[S].Succ) {
      if (D == S)
        continue;
      unsigned FlagsBefore = Slots[D].Flags;
      Slots[D].Flags |= Slots[S].Flags;
      bool Changed = Slots[D].Flags != FlagsBefore;
      if (!Slots[S].Tracked) {
        Changed |= insert(D, Contexts.calleeFacts(Condition, {}, Keys[D]), Slots[S].Values);
      } else {
        // Each caller context separately: a store its constants rule out carries nothing.
        for (const auto &[Facts, Values] : Slots[S].ByContext)
          if (!Contexts.ruledOut(Condition, Facts))
            Changed |= insert(D, Contexts.calleeFacts(Condition, Facts, Keys[D]), Values);
      }
      if (Changed && !Queued[D]) {
        Queued[D] = 1;
        Work.push_back(D);
      }
    }
  }
}

bool AddressFlow::insert(unsigned D, EntryFacts Facts, const std::set<NodeId> &Values) {
  Slot &Dst = Slots[D];
  size_t Before = Dst.Values.size();
  Dst.Values.insert(Values.begin(), Values.end());
  bool Changed = Dst.Values.size() != Before;
  if (!Dst.Tracked)
    return Changed;
  // Beyond the bound, a new context joins the one without facts, which prunes nothing.
  if (!Dst.ByContext.count(Facts) && Dst.ByContext.size() >= FlowContexts::MaxContexts)
    Facts.clear();
  std::set<NodeId> &InContext = Dst.ByContext[Facts];
  Before = InContext.size();
  InContext.insert(Values.begin(), Values.end());
  return Changed || InContext.size() != Before;
}

AddressFlow::Resolution AddressFlow::resolution(const CallSite &C) const {
  if (C.Through.empty())
    return Resolution::TypeOnly;
  const Slot *S = find(C.Through);
  if (!S)
    return Resolution::Flow;
  if (S->Flags & Any)
    return Resolution::TypeOnly;
  return S->Flags & Open ? Resolution::Escaped : Resolution::Flow;
}

std::vector<NodeId> AddressFlow::targets(const CallSite &C, const std::set<NodeId> *OfType) const {
  Resolution R = resolution(C);
  std::set<NodeId> Out;
  if (const Slot *S = C.Through.empty() ? nullptr : find(C.Through))
    Out = S->Values;
  if (OfType && R != Resolution::Flow)
    for (NodeId N : *OfType)
      if (R == Resolution::TypeOnly || Escaped.contains(N))
        Out.insert(N);
  return {Out.begin(), Out.end()};
}

std::vector<NodeId> AddressFlow::argumentValues(const CallSite &C, unsigned Index) const {
  std::set<NodeId> Out;
  for (const auto &[I, USR] : C.FunctionArgs)
    if (I == Index)
      if (NodeId N = G.find(USR); N != NoNode)
        Out.insert(N);
  for (const auto &[I, Key] : C.ArgSlots)
    if (I == Index)
      if (const Slot *S = find(Key))
        Out.insert(S->Values.begin(), S->Values.end());
  return {Out.begin(), Out.end()};
}

std::vector<NodeId> AddressFlow::valuesOf(StringRef Key) const {
  const Slot *S = find(Key);
  return S ? std::vector<NodeId>(S->Values.begin(), S->Values.end()) : std::vector<NodeId>();
}

void AddressFlow::forEachField(function_ref<void(StringRef, const std::set<NodeId> &)> F) const {
  for (unsigned S = 0; S < Slots.size(); ++S)
    if (StringRef Key = Keys[S]; Key.starts_with("F:") && !Slots[S].Values.empty())
      F(Key.drop_front(2), Slots[S].Values);
}

void countIndirectCalls(CallGraph &G, LinkStats &Stats) {
  for (NodeId Id = 0; Id < G.size(); ++Id) {
    if (!G.node(Id).isUser())
      continue;
    for (const CallSite &C : G.node(Id).Def->Calls) {
      if (C.InSystemHeader)
        continue;
      if (C.Kind == CallKind::Direct && !C.Through.empty()) {
        ++Stats.ObjectCallSites;
        if (G.flow().resolution(C) == AddressFlow::Resolution::Flow) {
          ++Stats.ObjectCallsByFlow;
          Stats.ObjectCallTargets += G.targets(C).size() - 1; // not the bad_function_call throw
        }
        continue;
      }
      if (C.Kind != CallKind::Indirect)
        continue;
      const std::set<NodeId> *OfType = G.takenOfType(C);
      unsigned ByType = OfType ? OfType->size() : 0;
      unsigned ByFlow = G.targets(C).size();
      ++Stats.IndirectSites;
      Stats.TypeTargets += ByType;
      Stats.FlowTargets += ByFlow;
      Stats.TypeTargetsMax = std::max(Stats.TypeTargetsMax, ByType);
      Stats.FlowTargetsMax = std::max(Stats.FlowTargetsMax, ByFlow);
      switch (G.flow().resolution(C)) {
      case AddressFlow::Resolution::TypeOnly:
        ++Stats.TypeFallbackSites;
        break;
      case AddressFlow::Resolution::Escaped:
        ++Stats.EscapedFallbackSites;
        break;
      case AddressFlow::Resolution::Flow:
        break;
      }
    }
  }
}

} // namespace rtcheck
