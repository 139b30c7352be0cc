//===- CallGraph.cpp - the whole program's call graph ---------------------===//
#include "rtcheck/link/CallGraph.h"

#include "rtcheck/Rules.h"
#include "rtcheck/link/AddressFlow.h"
#include "rtcheck/link/ThreadRoots.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {

CallGraph::CallGraph(ArrayRef<Summary> Summaries, const RuleSet &Rules, bool ReportUnknown)
    : Rules(Rules), ReportUnknown(ReportUnknown) {
  for (const Summary &S : Summaries)
    for (const Function &F : S.Functions)
      nodeFor(F);
  std::set<std::pair<NodeId, NodeId>> SeenOverride;
  for (const Summary &S : Summaries) {
    for (const Function &F : S.Functions)
      for (const std::string &O : F.Overrides) {
        auto It = ByUSR.find(O);
        if (It == ByUSR.end())
          continue;
        NodeId Derived = ByUSR[F.USR], Base = It->second;
        if (SeenOverride.insert({Base, Derived}).second) {
          Nodes[Base].Overriders.push_back(Derived);
          Nodes[Derived].Overridden.push_back(Base);
        }
      }
    for (const AddressTaken &A : S.AddressTakenFunctions)
      if (auto It = ByUSR.find(A.USR); It != ByUSR.end())
        TakenByType[A.TypeKey].insert(It->second);
    for (const ClassInfo &C : S.Classes)
      Hierarchy.add(C);
  }
  // Rapid type analysis: which classes may have objects (docs/analyzer.md).
  for (const Summary &S : Summaries) {
    for (const std::string &C : S.ConstructedClasses)
      Hierarchy.markCreated(C);
    for (const ClassInfo &C : S.Classes)
      if (C.LibraryClass || any_of(C.CtorsWithoutBody, [&](const std::string &Ctor) {
            NodeId N = find(Ctor);
            return N == NoNode || !Nodes[N].hasBody();
          }))
        CreatedOutside.push_back(C.USR);
  }
  for (const std::string &C : CreatedOutside)
    Hierarchy.markCreated(C);
  addFieldRuleNodes(Summaries);
  Flow = std::make_unique<AddressFlow>(Summaries, *this);
  for (const Summary &S : Summaries)
    for (const Function &F : S.Functions)
      for (const CallSite &C : F.Calls)
        if (C.Kind == CallKind::Direct && !C.Through.empty() && BadFunctionCall == NoNode)
          BadFunctionCall = nodeNamed("std::__throw_bad_function_call");
}

CallGraph::~CallGraph() = default;

void CallGraph::restrictCreatedClasses(ArrayRef<std::string> Classes) {
  Hierarchy.clearCreated();
  Hierarchy.closeWorld();
  for (const std::string &C : CreatedOutside)
    Hierarchy.markCreated(C);
  for (const std::string &C : Classes)
    Hierarchy.markCreated(C);
  TargetCache.clear();
}

NodeId CallGraph::nodeNamed(StringRef Name) {
  NodeId Best = NoNode;
  for (NodeId Id = 0; Id < Nodes.size(); ++Id)
    if (Nodes[Id].info().Name == Name && (Best == NoNode || Nodes[Id].hasBody()))
      Best = Id;
  if (Best != NoNode)
    return Best;
  Function &F = Named.emplace_back();
  F.USR = ("rtcheck:named:" + Name).str();
  F.Name = Name.str();
  F.InSystemHeader = true;
  return nodeFor(F);
}

const std::set<NodeId> *CallGraph::takenOfType(const CallSite &C) const {
  auto It = TakenByType.find(C.Callee);
  return It == TakenByType.end() ? nullptr : &It->second;
}

NodeId CallGraph::nodeFor(const Function &F) {
  auto [It, Inserted] = ByUSR.try_emplace(F.USR, Nodes.size());
  if (Inserted) {
    Nodes.emplace_back();
    Nodes.back().Decl = &F;
  }
  Node &N = Nodes[It->second];
  if (F.HasBody && !N.Def)
    N.Def = &F;
  // Keep the most informative declaration: one that carries root or trust annotations.
  if ((F.isRoot() && !N.Decl->isRoot()) || (F.Trusted && !N.Decl->Trusted))
    N.Decl = &F;
  return It->second;
}

NodeId CallGraph::find(StringRef USR) const {
  auto It = ByUSR.find(USR);
  return It == ByUSR.end() ? NoNode : It->second;
}

unsigned CallGraph::definedFunctions() const {
  return count_if(Nodes, [](const Node &N) { return N.hasBody(); });
}

const Classification &CallGraph::classify(NodeId Id) {
  auto [It, Inserted] = Classes.try_emplace(Id);
  if (!Inserted)
    return It->second;
  Classification &C = It->second;
  const Node &N = Nodes[Id];
  const Function &F = N.info();
  if (N.Decl->Trusted || F.Trusted) {
    C.K = Classification::Safe;
    return C;
  }
  if (const FunctionRule *R = Rules.match(F.Name, N.hasBody())) {
    C.Rule = R;
    C.K = R->isSafe() ? Classification::Safe : Classification::Leaf;
    if (R->Cat)
      C.Cat = *R->Cat;
    return C;
  }
  if (N.Decl->DeclaredBlocking || F.DeclaredBlocking) {
    C.K = Classification::Leaf;
    C.Cat = Category::Lock;
    return C;
  }
  if (N.hasBody()) {
    C.K = Classification::Follow;
    return C;
  }
  if ((N.Decl->DeclaredNonBlocking || F.DeclaredNonBlocking) && TrustNonBlockingPromises) {
    PromisesTrusted.insert(Id);
    return C; // Safe
  }
  if (F.IsBuiltin || !ReportUnknown) {
    C.K = Classification::Safe;
    return C;
  }
  C.K = Classification::Leaf;
  C.Cat = Category::Unknown;
  return C;
}

const std::vector<NodeId> &CallGraph::targets(const CallSite &C) {
  auto [It, Inserted] = TargetCache.try_emplace(&C);
  if (!Inserted)
    return It->second;
  std::vector<NodeId> &T = It->second;
  if (C.Kind == CallKind::Indirect) {
    if (NodeId F = fieldRuleNode(C); F != NoNode) {
      T.push_back(F);
      return T;
    }
    T = Flow->targets(C, takenOfType(C));
    return T;
  }
  NodeId Callee = find(C.Callee);
  if (Callee == NoNode)
    return T;
  if (C.Kind == CallKind::Direct) {
    // A std::function whose slot the flow sees every write of calls what was stored into it,
    // and throws when empty (docs/analyzer.md "Function pointers").
    if (!C.Through.empty() && Flow->resolution(C) == AddressFlow::Resolution::Flow) {
      T = Flow->targets(C, nullptr);
      T.push_back(BadFunctionCall);
      return T;
    }
    T.push_back(Callee);
    return T;
  }
  // Virtual: the method itself (unless pure) and every overrider, transitively.
  std::vector<NodeId> Work{Callee};
  std::set<NodeId> Seen{Callee};
  while (!Work.empty()) {
    NodeId N = Work.back();
    Work.pop_back();
    if (!Nodes[N].info().IsPureVirtual)
      T.push_back(N);
    for (NodeId O : Nodes[N].Overriders)
      if (Seen.insert(O).second)
        Work.push_back(O);
  }
  std::vector<StringRef> Class;
  for (NodeId N : T)
    Class.push_back(Nodes[N].info().Class);
  if (!C.Receiver.empty())
    T = filterByReceiver<NodeId>(T, Class, C.Receiver, Hierarchy);
  Class.clear();
  for (NodeId N : T)
    Class.push_back(Nodes[N].info().Class);
  T = filterByCreatedClasses<NodeId>(T, Class, Nodes[Callee].info().Class, Hierarchy);
  return T;
}

bool CallGraph::exempt(const Classification &Cls, const CallSite &C) const {
  if (raisesCallingThread(*this, Rules, C))
    return true;
  if (C.Checked && Cls.Rule && Cls.Rule->UnlessChecked)
    return true;
  if (C.InRange && Cls.Rule && Cls.Rule->UnlessInRange)
    return true;
  if (!Cls.Rule)
    return false;
  if (Cls.Rule->UnlessArg && is_contained(C.ConstArgs, *Cls.Rule->UnlessArg))
    return true;
  if (Cls.Rule->WhenArg && !is_contained(C.ConstArgs, *Cls.Rule->WhenArg))
    return true;
  if (const std::optional<FormatCondition> &F = Cls.Rule->UnlessFormat)
    for (const auto &[Index, Text] : C.StringArgs)
      if (Index == F->Index)
        return F->safeFor(Text);
  return false;
}

std::string CallGraph::calleeName(const CallSite &C) const {
  if (C.Kind == CallKind::Indirect)
    return indirectCalleeName(C.Callee);
  NodeId Callee = find(C.Callee);
  return Callee == NoNode ? C.Callee : Nodes[Callee].info().Name;
}

ChainStep CallGraph::step(NodeId Entered, const CallSite &Via) const {
  return {Nodes[Entered].info().Name, Via.Loc, Via.InSystemHeader, callNote(Via.Note, Via.Kind)};
}

} // namespace rtcheck
