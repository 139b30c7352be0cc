//===- Summary.cpp - summary (de)serialisation ----------------------------===//
#include "rtcheck/Summary.h"

#include "SummaryCallsJSON.h"

#include "rtcheck/AtomicFile.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace rtcheck {
using namespace summary_json;
namespace {

json::Value functionToJSON(const Function &F) {
  json::Object O{{"usr", F.USR}, {"name", F.Name}, {"loc", locToJSON(F.Loc)}};
  if (F.InSystemHeader)
    O["system"] = true;
  if (F.HasBody)
    O["body"] = true;
  if (F.IsPureVirtual)
    O["pure"] = true;
  if (F.IsBuiltin)
    O["builtin"] = true;
  if (F.CompilerGenerated)
    O["generated"] = true;
  if (F.Inline)
    O["inline"] = true;
  if (F.Catches)
    O["catches"] = true;
  if (!F.Overrides.empty())
    O["overrides"] = F.Overrides;
  if (F.isRoot()) {
    if (!F.RootContext.empty())
      O["root_context"] = F.RootContext;
    O["root_origin"] = F.RootOrigin;
  }
  if (F.Trusted) {
    O["trusted"] = true;
    O["trusted_reason"] = F.TrustedReason;
  }
  if (!F.TypeKey.empty())
    O["type"] = F.TypeKey;
  if (!F.Section.empty())
    O["section"] = F.Section;
  if (F.DeclaredBlocking)
    O["blocking"] = true;
  if (F.DeclaredNonBlocking)
    O["nonblocking"] = true;
  if (!F.Class.empty())
    O["class"] = F.Class;
  if (!F.Constructs.empty())
    O["constructs"] = F.Constructs;
  if (!F.ThisClass.empty())
    O["this_class"] = F.ThisClass;
  if (!F.LeavesNonNull.empty()) {
    json::Array Members;
    for (const MemberLeftSet &M : F.LeavesNonNull) {
      json::Array When;
      for (const std::vector<GuardAtom> &Case : M.When)
        When.push_back(atomsToJSON(Case));
      Members.push_back(json::Object{{"field", M.Field}, {"when", std::move(When)}});
    }
    O["leaves_non_null"] = std::move(Members);
  }
  if (!F.Calls.empty()) {
    json::Array Calls;
    for (const CallSite &C : F.Calls)
      Calls.push_back(callToJSON(C));
    O["calls"] = std::move(Calls);
  }
  if (!F.Returns.empty()) {
    json::Array Returns;
    for (const ReturnSite &R : F.Returns)
      Returns.push_back(returnToJSON(R));
    O["returns"] = std::move(Returns);
  }
  if (!F.MemberStores.empty()) {
    json::Array Stores;
    for (const MemberStore &S : F.MemberStores)
      Stores.push_back(memberStoreToJSON(S));
    O["member_stores"] = std::move(Stores);
  }
  return O;
}

bool functionFromJSON(const json::Value &V, Function &F, json::Path P) {
  json::ObjectMapper M(V, P);
  if (!M || !M.map("usr", F.USR) || !M.map("name", F.Name) ||
      !M.mapOptional("system", F.InSystemHeader) || !M.mapOptional("body", F.HasBody) ||
      !M.mapOptional("pure", F.IsPureVirtual) || !M.mapOptional("builtin", F.IsBuiltin) ||
      !M.mapOptional("generated", F.CompilerGenerated) || !M.mapOptional("inline", F.Inline) ||
      !M.mapOptional("catches", F.Catches) ||
      !M.mapOptional("overrides", F.Overrides) || !M.mapOptional("root_context", F.RootContext) ||
      !M.mapOptional("root_origin", F.RootOrigin) || !M.mapOptional("trusted", F.Trusted) ||
      !M.mapOptional("trusted_reason", F.TrustedReason) || !M.mapOptional("type", F.TypeKey) ||
      !M.mapOptional("section", F.Section) || !M.mapOptional("blocking", F.DeclaredBlocking) ||
      !M.mapOptional("nonblocking", F.DeclaredNonBlocking) || !M.mapOptional("class", F.Class) ||
      !M.mapOptional("constructs", F.Constructs) || !M.mapOptional("this_class", F.ThisClass))
    return false;
  const json::Object *O = V.getAsObject();
  if (const json::Value *Loc = O->get("loc"); !Loc || !locFromJSON(*Loc, F.Loc, P.field("loc")))
    return false;
  if (const json::Array *Members = O->getArray("leaves_non_null"))
    for (size_t I = 0; I < Members->size(); ++I)
      if (!memberLeftSetFromJSON((*Members)[I], F.LeavesNonNull.emplace_back(),
                                 P.field("leaves_non_null").index(I)))
        return false;
  if (const json::Array *Calls = O->getArray("calls")) {
    F.Calls.resize(Calls->size());
    for (size_t I = 0; I < Calls->size(); ++I)
      if (!callFromJSON((*Calls)[I], F.Calls[I], P.field("calls").index(I)))
        return false;
  }
  if (const json::Array *Returns = O->getArray("returns")) {
    F.Returns.resize(Returns->size());
    for (size_t I = 0; I < Returns->size(); ++I)
      if (!returnFromJSON((*Returns)[I], F.Returns[I], P.field("returns").index(I)))
        return false;
  }
  if (const json::Array *Stores = O->getArray("member_stores")) {
    F.MemberStores.resize(Stores->size());
    for (size_t I = 0; I < Stores->size(); ++I)
      if (!memberStoreFromJSON((*Stores)[I], F.MemberStores[I], P.field("member_stores").index(I)))
        return false;
  }
  return true;
}

} // namespace

std::string callResultName(StringRef Callee, const SourceLoc &Loc) {
  return ("()" + Callee + "@" + Twine(Loc.Line) + ":" + Twine(Loc.Column)).str();
}

std::string memberAfterCallName(StringRef Field, StringRef Callee, const SourceLoc &Loc) {
  return (Field + " after " + callResultName(Callee, Loc)).str();
}

std::string paramMinusName(unsigned Param, StringRef Var) {
  return ("p" + Twine(Param) + " - " + Var).str();
}

std::optional<std::pair<unsigned, StringRef>> parseParamMinus(StringRef Name) {
  unsigned Param;
  auto [Left, Var] = Name.split(" - ");
  if (Var.empty() || !Left.consume_front("p") || Left.getAsInteger(10, Param))
    return std::nullopt;
  return std::make_pair(Param, Var);
}

json::Value toJSON(const Summary &S) {
  json::Array Functions;
  for (const Function &F : S.Functions)
    Functions.push_back(functionToJSON(F));
  json::Array Taken;
  for (const AddressTaken &A : S.AddressTakenFunctions)
    Taken.push_back(json::Object{{"usr", A.USR}, {"type", A.TypeKey}});
  json::Array Supp;
  for (const Suppression &X : S.Suppressions)
    Supp.push_back(json::Object{{"file", X.File},
                                {"line", X.Line},
                                {"categories", X.Categories},
                                {"reason", X.Reason}});
  json::Array Fields;
  for (const FieldStore &F : S.FieldStores)
    Fields.push_back(json::Object{{"field", F.Field}, {"usr", F.USR}});
  json::Array Classes;
  for (const ClassInfo &C : S.Classes) {
    json::Object O{{"usr", C.USR}, {"bases", C.Bases}};
    if (C.LibraryClass)
      O["library"] = true;
    if (!C.CtorsWithoutBody.empty())
      O["ctors_without_body"] = C.CtorsWithoutBody;
    Classes.push_back(std::move(O));
  }
  json::Array Flows;
  for (const FlowEdge &F : S.Flows) {
    json::Array Edge{F.From, F.To};
    // The context of an edge is written as a call site's guards and arguments are.
    CallSite Context;
    Context.Guards = F.Guards;
    Context.ParamArgs = F.ParamArgs;
    json::Object O;
    guardsToJSON(Context, O);
    pairsToJSON(O, "const_args", F.ConstArgs);
    if (!O.empty())
      Edge.push_back(std::move(O));
    Flows.push_back(std::move(Edge));
  }
  json::Object Out{{"rtcheck_summary", SummaryFormatVersion},
                   {"main_file", S.MainFile},
                   {"functions", std::move(Functions)},
                   {"address_taken", std::move(Taken)},
                   {"suppressions", std::move(Supp)},
                   {"field_stores", std::move(Fields)},
                   {"classes", std::move(Classes)},
                   {"constructed", S.ConstructedClasses},
                   {"flows", std::move(Flows)}};
  if (!S.InitialiserCalls.empty())
    Out["initialiser_calls"] = S.InitialiserCalls;
  if (!S.BeforeMainCalls.empty())
    Out["before_main_calls"] = S.BeforeMainCalls;
  if (!S.ModeClasses.empty()) {
    json::Array Modes;
    for (const ModeClass &C : S.ModeClasses)
      Modes.push_back(modeClassToJSON(C));
    Out["mode_classes"] = std::move(Modes);
  }
  if (!S.StaticInits.empty()) {
    json::Array Inits;
    for (const MemberStore &I : S.StaticInits)
      Inits.push_back(memberStoreToJSON(I));
    Out["static_inits"] = std::move(Inits);
  }
  if (!S.AddressesTakenAt.empty()) {
    json::Array Taken;
    for (const AddressTakenAt &A : S.AddressesTakenAt)
      Taken.push_back(json::Object{{"usr", A.USR}, {"in", A.InBody}, {"loc", locToJSON(A.Loc)}});
    Out["addresses_taken_at"] = std::move(Taken);
  }
  if (!S.ValueWrites.empty()) {
    json::Array Writes;
    for (const ValueWrite &W : S.ValueWrites) {
      json::Object O{{"var", W.Var}};
      if (W.AnyBits)
        O["any"] = true;
      else
        O["bits"] = int64_t(W.Bits);
      CallSite Context;
      Context.Guards = W.Guards;
      guardsToJSON(Context, O);
      Writes.push_back(std::move(O));
    }
    Out["value_writes"] = std::move(Writes);
  }
  if (!S.RawWrites.empty()) {
    json::Array Raw;
    for (const RawWrite &W : S.RawWrites)
      Raw.push_back(json::Object{{"record", W.Record},
                                 {"callee", W.Callee},
                                 {"argument", W.Argument},
                                 {"untyped", W.Untyped}});
    Out["raw_writes"] = std::move(Raw);
  }
  return Out;
}

namespace {

/// The extractor lists every function a body calls by name among the summary's functions; a
/// call to a USR that is not there would silently drop out of the call graph, and whatever it
/// does with it.
Error checkCallees(const Summary &S) {
  StringSet<> Known;
  for (const Function &F : S.Functions)
    Known.insert(F.USR);
  for (size_t I = 0; I < S.Functions.size(); ++I)
    for (size_t J = 0; J < S.Functions[I].Calls.size(); ++J) {
      const CallSite &C = S.Functions[I].Calls[J];
      if (C.Kind != CallKind::Indirect && !Known.contains(C.Callee))
        return createStringError(inconvertibleErrorCode(),
                                 "malformed summary: functions[%zu].calls[%zu]: callee '%s' is "
                                 "not among the summary's functions",
                                 I, J, C.Callee.c_str());
    }
  return Error::success();
}

} // namespace

Expected<Summary> summaryFromJSON(const json::Value &V) {
  Summary S;
  json::Path::Root Root("summary");
  json::ObjectMapper M(V, Root);
  int64_t Version = 0;
  if (!M || !M.map("rtcheck_summary", Version))
    return createStringError(inconvertibleErrorCode(), "not an rtcheck summary");
  if (Version != SummaryFormatVersion)
    return createStringError(inconvertibleErrorCode(),
                             "summary format version %lld, expected %d (re-run rtcheck extract)",
                             (long long)Version, SummaryFormatVersion);
  const json::Object *O = V.getAsObject();
  auto Fail = [&]() -> Error {
    std::string Msg;
    raw_string_ostream OS(Msg);
    Root.printErrorContext(V, OS);
    return createStringError(inconvertibleErrorCode(), "malformed summary: %s",
                             toString(Root.getError()).c_str());
  };
  if (!M.map("main_file", S.MainFile))
    return Fail();
  json::Path P = Root;
  if (const json::Array *Fns = O->getArray("functions")) {
    S.Functions.resize(Fns->size());
    for (size_t I = 0; I < Fns->size(); ++I)
      if (!functionFromJSON((*Fns)[I], S.Functions[I], P.field("functions").index(I)))
        return Fail();
  }
  if (const json::Array *Taken = O->getArray("address_taken"))
    for (size_t I = 0; I < Taken->size(); ++I) {
      AddressTaken A;
      json::ObjectMapper TM((*Taken)[I], P.field("address_taken").index(I));
      if (!TM || !TM.map("usr", A.USR) || !TM.map("type", A.TypeKey))
        return Fail();
      S.AddressTakenFunctions.push_back(std::move(A));
    }
  if (const json::Array *Supp = O->getArray("suppressions"))
    for (size_t I = 0; I < Supp->size(); ++I) {
      Suppression X;
      json::ObjectMapper SM((*Supp)[I], P.field("suppressions").index(I));
      if (!SM || !SM.map("file", X.File) || !SM.map("line", X.Line) ||
          !SM.map("categories", X.Categories) || !SM.mapOptional("reason", X.Reason))
        return Fail();
      S.Suppressions.push_back(std::move(X));
    }
  if (const json::Array *Fields = O->getArray("field_stores"))
    for (size_t I = 0; I < Fields->size(); ++I) {
      FieldStore F;
      json::ObjectMapper FM((*Fields)[I], P.field("field_stores").index(I));
      if (!FM || !FM.map("field", F.Field) || !FM.map("usr", F.USR))
        return Fail();
      S.FieldStores.push_back(std::move(F));
    }
  if (const json::Array *Classes = O->getArray("classes"))
    for (size_t I = 0; I < Classes->size(); ++I) {
      ClassInfo C;
      json::ObjectMapper CM((*Classes)[I], P.field("classes").index(I));
      if (!CM || !CM.map("usr", C.USR) || !CM.map("bases", C.Bases) ||
          !CM.mapOptional("library", C.LibraryClass) ||
          !CM.mapOptional("ctors_without_body", C.CtorsWithoutBody))
        return Fail();
      S.Classes.push_back(std::move(C));
    }
  if (!M.mapOptional("constructed", S.ConstructedClasses) ||
      !M.mapOptional("initialiser_calls", S.InitialiserCalls) ||
      !M.mapOptional("before_main_calls", S.BeforeMainCalls))
    return Fail();
  if (const json::Array *Modes = O->getArray("mode_classes"))
    for (size_t I = 0; I < Modes->size(); ++I)
      if (!modeClassFromJSON((*Modes)[I], S.ModeClasses.emplace_back(),
                             P.field("mode_classes").index(I)))
        return Fail();
  if (const json::Array *Inits = O->getArray("static_inits"))
    for (size_t I = 0; I < Inits->size(); ++I)
      if (!memberStoreFromJSON((*Inits)[I], S.StaticInits.emplace_back(),
                               P.field("static_inits").index(I)))
        return Fail();
  if (const json::Array *Taken = O->getArray("addresses_taken_at"))
    for (size_t I = 0; I < Taken->size(); ++I) {
      AddressTakenAt A;
      json::Path Item = P.field("addresses_taken_at").index(I);
      json::ObjectMapper AM((*Taken)[I], Item);
      const json::Value *Loc = (*Taken)[I].getAsObject() ? (*Taken)[I].getAsObject()->get("loc")
                                                          : nullptr;
      if (!AM || !AM.map("usr", A.USR) || !AM.map("in", A.InBody) || !Loc ||
          !locFromJSON(*Loc, A.Loc, Item.field("loc")))
        return Fail();
      S.AddressesTakenAt.push_back(std::move(A));
    }
  if (const json::Array *Flows = O->getArray("flows"))
    for (size_t I = 0; I < Flows->size(); ++I) {
      const json::Array *Pair = (*Flows)[I].getAsArray();
      std::optional<StringRef> From, To;
      const json::Object *Context = nullptr;
      if (Pair && (Pair->size() == 2 || Pair->size() == 3)) {
        From = (*Pair)[0].getAsString();
        To = (*Pair)[1].getAsString();
        Context = Pair->size() == 3 ? (*Pair)[2].getAsObject() : nullptr;
      }
      if (!From || !To || (Pair->size() == 3 && !Context)) {
        P.field("flows").index(I).report("expected [from, to] or [from, to, context]");
        return Fail();
      }
      FlowEdge &F = S.Flows.emplace_back();
      F.From = From->str();
      F.To = To->str();
      if (Context) {
        CallSite C;
        json::Path At = P.field("flows").index(I);
        if (!guardsFromJSON(*Context, C, At) ||
            !pairsFromJSON(*Context, "const_args", F.ConstArgs, At))
          return Fail();
        F.Guards = std::move(C.Guards);
        F.ParamArgs = std::move(C.ParamArgs);
      }
    }
  if (const json::Array *Writes = O->getArray("value_writes"))
    for (size_t I = 0; I < Writes->size(); ++I) {
      ValueWrite W;
      json::Path At = P.field("value_writes").index(I);
      json::ObjectMapper WM((*Writes)[I], At);
      int64_t Bits = 0;
      CallSite Context;
      if (!WM || !WM.map("var", W.Var) || !WM.mapOptional("any", W.AnyBits) ||
          !WM.mapOptional("bits", Bits) ||
          !guardsFromJSON(*(*Writes)[I].getAsObject(), Context, At))
        return Fail();
      W.Bits = uint64_t(Bits);
      W.Guards = std::move(Context.Guards);
      S.ValueWrites.push_back(std::move(W));
    }
  if (const json::Array *Raw = O->getArray("raw_writes"))
    for (size_t I = 0; I < Raw->size(); ++I) {
      RawWrite W;
      json::ObjectMapper RM((*Raw)[I], P.field("raw_writes").index(I));
      if (!RM || !RM.map("record", W.Record) || !RM.map("callee", W.Callee) ||
          !RM.map("argument", W.Argument) || !RM.map("untyped", W.Untyped))
        return Fail();
      S.RawWrites.push_back(std::move(W));
    }
  if (Error E = checkCallees(S))
    return E;
  return S;
}

Error writeSummaryFile(const Summary &S, StringRef Path) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << toJSON(S);
  return writeFileAtomically(Path, Text);
}

Expected<Summary> readSummaryFile(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "%s: cannot read summary: %s", Path.str().c_str(),
                             Buf.getError().message().c_str());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    return createStringError(inconvertibleErrorCode(), "%s: invalid JSON: %s", Path.str().c_str(),
                             toString(V.takeError()).c_str());
  Expected<Summary> S = summaryFromJSON(*V);
  if (!S)
    return createStringError(inconvertibleErrorCode(), "%s: %s", Path.str().c_str(),
                             toString(S.takeError()).c_str());
  return S;
}

} // namespace rtcheck
