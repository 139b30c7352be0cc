//===- SummaryModesJSON.cpp - member stores in the summary's JSON ---------===//
//
// Member values fixed by stores (#10, modes; docs/formats.md): a store is written as a call
// site's guards are, with what it stores and when a later store of its constructor replaces it.
//
//===----------------------------------------------------------------------===//
#include "SummaryCallsJSON.h"

namespace rtcheck::summary_json {

json::Value memberStoreToJSON(const MemberStore &S) {
  CallSite Context;
  Context.Guards = S.Guards;
  json::Object O{{"field", S.Field}};
  guardsToJSON(Context, O);
  if (S.Constant)
    O["value"] = *S.Constant;
  if (S.Param >= 0)
    O["param"] = S.Param;
  if (S.Mask)
    O["mask"] = S.Mask;
  if (S.ToBool)
    O["to_bool"] = true;
  if (S.BitUpdate)
    O["bits"] = json::Array{S.MayClear, S.MaySet};
  if (!S.From.empty())
    O["from"] = S.From;
  if (S.Offset)
    O["offset"] = S.Offset;
  if (S.MayDecrease)
    O["may_decrease"] = true;
  if (S.OverwrittenWhen) {
    json::Array Clauses;
    for (const GuardClause &Clause : *S.OverwrittenWhen)
      Clauses.push_back(atomsToJSON(Clause));
    O["overwritten_when"] = std::move(Clauses);
  }
  return O;
}

bool memberStoreFromJSON(const json::Value &V, MemberStore &S, json::Path P) {
  const json::Object *O = V.getAsObject();
  json::ObjectMapper M(V, P);
  CallSite Context;
  if (!O || !M || !M.map("field", S.Field) || !M.mapOptional("value", S.Constant) ||
      !M.mapOptional("param", S.Param) || !M.mapOptional("mask", S.Mask) ||
      !M.mapOptional("to_bool", S.ToBool) || !M.mapOptional("from", S.From) ||
      !M.mapOptional("offset", S.Offset) || !M.mapOptional("may_decrease", S.MayDecrease) ||
      !guardsFromJSON(*O, Context, P))
    return false;
  S.Guards = std::move(Context.Guards);
  if (const json::Value *Bits = O->get("bits")) {
    const json::Array *Masks = Bits->getAsArray();
    if (!Masks || Masks->size() != 2 || !(*Masks)[0].getAsInteger() || !(*Masks)[1].getAsInteger()) {
      P.field("bits").report("expected [may clear, may set]");
      return false;
    }
    S.BitUpdate = true;
    S.MayClear = *(*Masks)[0].getAsInteger();
    S.MaySet = *(*Masks)[1].getAsInteger();
  }
  if (const json::Value *Over = O->get("overwritten_when")) {
    // Read as a call site's guards: the same shape under another key.
    CallSite When;
    json::Object Carrier{{"guards", *Over}};
    if (!guardsFromJSON(Carrier, When, P.field("overwritten_when")))
      return false;
    S.OverwrittenWhen = std::move(When.Guards);
  }
  return true;
}

json::Value modeClassToJSON(const ModeClass &C) {
  json::Object O{{"name", C.Name}, {"fields", C.Fields}, {"methods", C.Methods}};
  if (!C.Statics.empty())
    O["statics"] = C.Statics;
  return O;
}

bool modeClassFromJSON(const json::Value &V, ModeClass &C, json::Path P) {
  json::ObjectMapper M(V, P);
  return M && M.map("name", C.Name) && M.map("fields", C.Fields) && M.map("methods", C.Methods) &&
         M.mapOptional("statics", C.Statics);
}

} // namespace rtcheck::summary_json
