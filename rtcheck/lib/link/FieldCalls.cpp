//===- FieldCalls.cpp - rules that name a call by its struct field --------===//
//
// A host calls a plug-in through `LV2_Descriptor::run`; a CLAP plug-in calls its host through
// `clap_input_events::size`. The code behind such a field lives in another program (the plug-in
// is analysed with its own run() as a root) and the format's specification says in which thread
// the call may be made. A function rule whose name is the field's qualified name describes the
// call: it stands for every target the type alone would give, like a rule on a named function
// that wins over its body (or, with `fallback`, applies only when nothing in the program matches).
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Rules.h"
#include "rtcheck/link/CallGraph.h"

namespace rtcheck {
namespace {

std::string fieldUSR(llvm::StringRef Field) { return ("rtcheck:field:" + Field).str(); }

} // namespace

void CallGraph::addFieldRuleNodes(llvm::ArrayRef<Summary> Summaries) {
  for (const Summary &S : Summaries)
    for (const Function &Fn : S.Functions)
      for (const CallSite &C : Fn.Calls) {
        if (C.Kind != CallKind::Indirect || C.Field.empty() || find(fieldUSR(C.Field)) != NoNode)
          continue;
        auto A = TakenByType.find(C.Callee);
        bool HasTargets = A != TakenByType.end() && !A->second.empty();
        if (!Rules.match(C.Field, HasTargets))
          continue;
        Function &F = FieldFunctions.emplace_back();
        F.USR = fieldUSR(C.Field);
        F.Name = C.Field;
        F.Loc = C.Loc;
        nodeFor(F);
      }
}

NodeId CallGraph::fieldRuleNode(const CallSite &C) const {
  return C.Field.empty() ? NoNode : find(fieldUSR(C.Field));
}

} // namespace rtcheck
