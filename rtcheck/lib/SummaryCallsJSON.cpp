//===- SummaryCallsJSON.cpp - call sites in the summary's JSON ------------===//
#include "SummaryCallsJSON.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck::summary_json {

json::Value locToJSON(const SourceLoc &L) { return json::Array{L.File, L.Line, L.Column}; }

bool locFromJSON(const json::Value &V, SourceLoc &L, json::Path P) {
  const json::Array *A = V.getAsArray();
  if (!A || A->size() != 3) {
    P.report("expected [file, line, column]");
    return false;
  }
  auto F = (*A)[0].getAsString();
  auto Line = (*A)[1].getAsUINT64();
  auto Col = (*A)[2].getAsUINT64();
  if (!F || !Line || !Col) {
    P.report("expected [file, line, column]");
    return false;
  }
  L = {F->str(), unsigned(*Line), unsigned(*Col)};
  return true;
}

static StringRef kindName(CallKind K) {
  switch (K) {
  case CallKind::Direct:
    return "direct";
  case CallKind::Virtual:
    return "virtual";
  case CallKind::Indirect:
    return "indirect";
  }
  llvm_unreachable("covered switch");
}

// "&": `x & K` is non-zero, "!&": it is zero (GuardAtom::AnyBit, NoBit).
static const char *const OpNames[] = {"==", "!=", "<", "<=", ">", ">=", "&", "!&"};

json::Array atomsToJSON(ArrayRef<GuardAtom> Atoms) {
  json::Array Out;
  for (const GuardAtom &A : Atoms)
    Out.push_back(json::Array{A.Param >= 0 ? json::Value(A.Param) : json::Value(A.Var),
                              OpNames[A.Op], A.Value});
  return Out;
}

void guardsToJSON(const CallSite &C, json::Object &O) {
  if (!C.Guards.empty()) {
    json::Array Clauses;
    for (const GuardClause &Clause : C.Guards)
      Clauses.push_back(atomsToJSON(Clause));
    O["guards"] = std::move(Clauses);
  }
  if (!C.ParamArgs.empty()) {
    json::Array A;
    for (auto &[I, Param] : C.ParamArgs)
      A.push_back(json::Array{I, Param});
    O["param_args"] = std::move(A);
  }
  if (!C.StringArgs.empty()) {
    json::Array A;
    for (auto &[I, S] : C.StringArgs)
      A.push_back(json::Array{I, S});
    O["string_args"] = std::move(A);
  }
  if (C.Unconditional)
    O["unconditional"] = true;
  if (!C.StaticInit.empty())
    O["static_init"] = C.StaticInit;
}

static bool atomFromJSON(const json::Value &V, GuardAtom &A) {
  const json::Array *T = V.getAsArray();
  if (!T || T->size() != 3)
    return false;
  if (auto Param = (*T)[0].getAsInteger())
    A.Param = int(*Param);
  else if (auto Var = (*T)[0].getAsString())
    A.Var = Var->str();
  else
    return false;
  auto Op = (*T)[1].getAsString();
  auto Value = (*T)[2].getAsInteger();
  if (!Op || !Value)
    return false;
  auto Name = llvm::find(OpNames, *Op);
  if (Name == std::end(OpNames))
    return false;
  A.Op = GuardAtom::OpKind(Name - std::begin(OpNames));
  A.Value = *Value;
  return true;
}

bool guardsFromJSON(const json::Object &O, CallSite &C, json::Path P) {
  if (const json::Array *Clauses = O.getArray("guards"))
    for (const json::Value &Clause : *Clauses) {
      const json::Array *Atoms = Clause.getAsArray();
      if (!Atoms) {
        P.field("guards").report("expected an array of clauses");
        return false;
      }
      C.Guards.emplace_back();
      for (const json::Value &Atom : *Atoms)
        if (!atomFromJSON(Atom, C.Guards.back().emplace_back())) {
          P.field("guards").report("expected [parameter or variable, operator, integer] atoms");
          return false;
        }
    }
  if (const json::Array *A = O.getArray("param_args"))
    for (const json::Value &E : *A) {
      const json::Array *Pair = E.getAsArray();
      if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsUINT64() || !(*Pair)[1].getAsUINT64()) {
        P.field("param_args").report("expected [argument, parameter] pairs");
        return false;
      }
      C.ParamArgs.emplace_back(unsigned(*(*Pair)[0].getAsUINT64()),
                               unsigned(*(*Pair)[1].getAsUINT64()));
    }
  if (const json::Value *U = O.get("unconditional"))
    C.Unconditional = U->getAsBoolean().value_or(false);
  if (auto S = O.getString("static_init"))
    C.StaticInit = S->str();
  return pairsFromJSON(O, "string_args", C.StringArgs, P);
}

json::Value callToJSON(const CallSite &C) {
  json::Object O{{"kind", kindName(C.Kind)}, {"callee", C.Callee}, {"loc", locToJSON(C.Loc)}};
  if (C.InSystemHeader)
    O["system"] = true;
  if (!C.Note.empty())
    O["note"] = C.Note;
  if (!C.Spelled.empty())
    O["spelled"] = C.Spelled;
  if (!C.PathEndsIn.empty())
    O["path_ends_in"] = C.PathEndsIn;
  if (!C.Field.empty())
    O["field"] = C.Field;
  pairsToJSON(O, "const_args", C.ConstArgs);
  pairsToJSON(O, "function_args", C.FunctionArgs);
  pairsToJSON(O, "object_args", C.ObjectArgs);
  pairsToJSON(O, "call_args", C.CallArgs);
  if (!C.Receiver.empty())
    O["receiver"] = C.Receiver;
  if (C.Checked)
    O["checked"] = true;
  if (C.ThrowEndsProgram)
    O["throw_ends_program"] = true;
  if (C.InRange)
    O["in_range"] = true;
  if (!C.Through.empty())
    O["through"] = C.Through;
  pairsToJSON(O, "arg_slots", C.ArgSlots);
  pairsToJSON(O, "result_args", C.ResultArgs);
  pairsToJSON(O, "member_args", C.MemberArgs);
  if (!C.CalledOn.empty())
    O["called_on"] = C.CalledOn;
  guardsToJSON(C, O);
  return O;
}

bool callFromJSON(const json::Value &V, CallSite &C, json::Path P) {
  const json::Object *O = V.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  json::ObjectMapper M(V, P);
  std::string Kind;
  if (!M || !M.map("kind", Kind) || !M.map("callee", C.Callee) || !M.mapOptional("note", C.Note) ||
      !M.mapOptional("spelled", C.Spelled) || !M.mapOptional("path_ends_in", C.PathEndsIn) ||
      !M.mapOptional("field", C.Field) || !M.mapOptional("receiver", C.Receiver) ||
      !M.mapOptional("checked", C.Checked) || !M.mapOptional("in_range", C.InRange) ||
      !M.mapOptional("throw_ends_program", C.ThrowEndsProgram) ||
      !M.mapOptional("through", C.Through) || !M.mapOptional("system", C.InSystemHeader) ||
      !M.mapOptional("called_on", C.CalledOn))
    return false;
  if (Kind == "direct")
    C.Kind = CallKind::Direct;
  else if (Kind == "virtual")
    C.Kind = CallKind::Virtual;
  else if (Kind == "indirect")
    C.Kind = CallKind::Indirect;
  else {
    P.field("kind").report("unknown call kind");
    return false;
  }
  const json::Value *Loc = O->get("loc");
  if (!Loc) {
    P.field("loc").report("missing");
    return false;
  }
  return locFromJSON(*Loc, C.Loc, P.field("loc")) &&
         pairsFromJSON(*O, "const_args", C.ConstArgs, P) &&
         pairsFromJSON(*O, "function_args", C.FunctionArgs, P) &&
         pairsFromJSON(*O, "object_args", C.ObjectArgs, P) &&
         pairsFromJSON(*O, "call_args", C.CallArgs, P) &&
         pairsFromJSON(*O, "arg_slots", C.ArgSlots, P) &&
         pairsFromJSON(*O, "result_args", C.ResultArgs, P) &&
         pairsFromJSON(*O, "member_args", C.MemberArgs, P) && guardsFromJSON(*O, C, P);
}

/// A return is written as a call site's guards are, with what it returns.
json::Value returnToJSON(const ReturnSite &R) {
  CallSite Context;
  Context.Guards = R.Guards;
  json::Object O;
  guardsToJSON(Context, O);
  if (R.Constant)
    O["value"] = *R.Constant;
  if (R.Param >= 0)
    O["param"] = R.Param;
  if (!R.Result.empty())
    O["result"] = R.Result;
  if (!R.Member.empty())
    O["member"] = R.Member;
  if (R.Mask)
    O["mask"] = R.Mask;
  if (R.ToBool)
    O["to_bool"] = true;
  return O;
}

bool returnFromJSON(const json::Value &V, ReturnSite &R, json::Path P) {
  const json::Object *O = V.getAsObject();
  json::ObjectMapper M(V, P);
  CallSite Context;
  if (!O || !M || !M.mapOptional("value", R.Constant) || !M.mapOptional("param", R.Param) ||
      !M.mapOptional("result", R.Result) || !M.mapOptional("member", R.Member) ||
      !M.mapOptional("mask", R.Mask) || !M.mapOptional("to_bool", R.ToBool) ||
      !guardsFromJSON(*O, Context, P))
    return false;
  R.Guards = std::move(Context.Guards);
  return true;
}

/// {"field": name, "when": [[atom, ...], ...]}: each inner array one case, a conjunction.
bool memberLeftSetFromJSON(const json::Value &V, MemberLeftSet &M, json::Path P) {
  const json::Object *O = V.getAsObject();
  std::optional<StringRef> Field = O ? O->getString("field") : std::nullopt;
  const json::Array *When = O ? O->getArray("when") : nullptr;
  if (!Field || !When) {
    P.report("expected an object with \"field\" and \"when\"");
    return false;
  }
  M.Field = Field->str();
  for (const json::Value &Case : *When) {
    const json::Array *Atoms = Case.getAsArray();
    if (!Atoms) {
      P.field("when").report("expected an array of cases");
      return false;
    }
    std::vector<GuardAtom> &Out = M.When.emplace_back();
    for (const json::Value &A : *Atoms)
      if (!atomFromJSON(A, Out.emplace_back())) {
        P.field("when").report("expected an atom [subject, op, value]");
        return false;
      }
  }
  return true;
}

} // namespace rtcheck::summary_json
