//===- SummaryCallsJSON.h - call sites in the summary's JSON -----*- C++ -*-===//
//
// Private to Summary.cpp and SummaryCallsJSON.cpp: the JSON of what a function's body records —
// source locations, guards, call sites, returns and the members a method leaves set — apart from
// the functions and the document around them (docs/formats.md).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_SUMMARYCALLSJSON_H
#define RTCHECK_LIB_SUMMARYCALLSJSON_H

#include "rtcheck/Summary.h"
#include "llvm/Support/JSON.h"

namespace rtcheck::summary_json {

llvm::json::Value locToJSON(const SourceLoc &L);
bool locFromJSON(const llvm::json::Value &V, SourceLoc &L, llvm::json::Path P);
/// An atom is [subject, op, value]: the subject a parameter index or a variable's name.
llvm::json::Array atomsToJSON(llvm::ArrayRef<GuardAtom> Atoms);
void guardsToJSON(const CallSite &C, llvm::json::Object &O);
bool guardsFromJSON(const llvm::json::Object &O, CallSite &C, llvm::json::Path P);
llvm::json::Value callToJSON(const CallSite &C);
bool callFromJSON(const llvm::json::Value &V, CallSite &C, llvm::json::Path P);
llvm::json::Value returnToJSON(const ReturnSite &R);
bool returnFromJSON(const llvm::json::Value &V, ReturnSite &R, llvm::json::Path P);
bool memberLeftSetFromJSON(const llvm::json::Value &V, MemberLeftSet &M, llvm::json::Path P);
// Member values fixed by stores (#10, modes; SummaryModesJSON.cpp).
llvm::json::Value memberStoreToJSON(const MemberStore &S);
bool memberStoreFromJSON(const llvm::json::Value &V, MemberStore &S, llvm::json::Path P);
llvm::json::Value modeClassToJSON(const ModeClass &C);
bool modeClassFromJSON(const llvm::json::Value &V, ModeClass &C, llvm::json::Path P);

namespace json = llvm::json;
using llvm::StringRef;

template <typename T>
void pairsToJSON(json::Object &O, StringRef Key, const std::vector<std::pair<unsigned, T>> &Pairs) {
  if (Pairs.empty())
    return;
  json::Array A;
  for (auto &[I, V] : Pairs)
    A.push_back(json::Array{I, V});
  O[Key] = std::move(A);
}

template <typename T> bool pairsFromJSON(const json::Object &O, StringRef Key,
                                          std::vector<std::pair<unsigned, T>> &Out, json::Path P) {
  const json::Array *A = O.getArray(Key);
  if (!A)
    return true;
  for (const json::Value &E : *A) {
    const json::Array *Pair = E.getAsArray();
    if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsUINT64()) {
      P.field(Key).report("expected [index, value] pairs");
      return false;
    }
    unsigned Index = unsigned(*(*Pair)[0].getAsUINT64());
    if constexpr (std::is_same_v<T, int64_t>) {
      auto V = (*Pair)[1].getAsInteger();
      if (!V) {
        P.field(Key).report("expected an integer value");
        return false;
      }
      Out.emplace_back(Index, *V);
    } else {
      auto V = (*Pair)[1].getAsString();
      if (!V) {
        P.field(Key).report("expected a string value");
        return false;
      }
      Out.emplace_back(Index, V->str());
    }
  }
  return true;
}

} // namespace rtcheck::summary_json

#endif
