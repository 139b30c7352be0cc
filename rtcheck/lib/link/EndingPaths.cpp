//===- EndingPaths.cpp - paths that end the program are not hazards -------===//
//
// The extractor marks each call site with the noreturn function that ends its path (Summary.h,
// CallSite::PathEndsIn). Here the rules and the program decide whether that function ends the
// program: a failing assert, abort(), exit() and a user's `[[noreturn]] fatal()` do; longjmp,
// pthread_exit and a noreturn function that throws do not. Calls on paths that end the program
// are skipped unless --noreturn-paths asks for them (docs/analyzer.md).
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Rules.h"
#include "rtcheck/link/CallGraph.h"

namespace rtcheck {

bool CallGraph::skipped(const CallSite &C) {
  if (ReportNoReturnPaths)
    return false;
  // A function the rules name as a failure path, declared noreturn or not (MSVC's _wassert).
  if (C.Kind == CallKind::Direct)
    if (NodeId Callee = find(C.Callee); Callee != NoNode)
      if (const FunctionRule *R = classify(Callee).Rule; R && R->NoReturnPath.value_or(false))
        return true;
  if (C.PathEndsIn.empty())
    return false;
  NodeId End = find(C.PathEndsIn);
  return End != NoNode && endsProgram(End);
}

bool CallGraph::endsProgram(NodeId Id) {
  // Provisionally true: a cycle of noreturn functions calling each other never comes back.
  auto [It, Inserted] = EndsProgram.try_emplace(Id, true);
  if (!Inserted)
    return It->second;
  bool Ends = [&] {
    const Classification &Cls = classify(Id);
    if (Cls.Rule && Cls.Rule->NoReturnPath)
      return *Cls.Rule->NoReturnPath;
    // std::__throw_length_error and other noreturn throw helpers: the exception is the hazard.
    if (Cls.K == Classification::Leaf && Cls.Cat == Category::Exception)
      return false;
    const Function *Body = Nodes[Id].Def;
    if (!Body || Cls.K != Classification::Follow)
      return true;
    for (const CallSite &C : Body->Calls) {
      if (!C.PathEndsIn.empty() && C.PathEndsIn != Body->USR)
        if (NodeId End = find(C.PathEndsIn); End != NoNode && !endsProgram(End))
          return false;
      // A `[[noreturn]] void fail() { throw Error(); }` leaves by an exception.
      for (NodeId T : targets(C))
        if (const Classification &TC = classify(T);
            TC.K == Classification::Leaf && TC.Cat == Category::Exception && !skipped(C))
          return false;
    }
    return true;
  }();
  EndsProgram[Id] = Ends;
  return Ends;
}

} // namespace rtcheck
