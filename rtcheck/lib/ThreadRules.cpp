//===- ThreadRules.cpp - reading `realtime_threads[]` entries -------------===//
//
// A family's `realtime_threads[]` says which calls create a thread, give its attributes a
// scheduling policy, or change the calling thread's policy (docs/rules-format.md). The linker
// (link/ThreadRoots.cpp) and the shim (runtime/autoscopes.def) read the same entries.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Rules.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {
namespace {

Error threadError(StringRef Path, StringRef Where, const Twine &What) {
  return createStringError(inconvertibleErrorCode(), "%s: %s: %s", Path.str().c_str(),
                           Where.str().c_str(), What.str().c_str());
}

/// A non-negative integer under Key; Missing when absent.
Expected<std::optional<unsigned>> index(StringRef Path, StringRef Where, const json::Object &E,
                                        StringRef Key) {
  const json::Value *V = E.get(Key);
  if (!V)
    return std::nullopt;
  std::optional<int64_t> N = V->getAsInteger();
  if (!N || *N < 0)
    return threadError(Path, Where, "'" + Key + "' must be a non-negative integer");
  return unsigned(*N);
}

} // namespace

Expected<ThreadRule> parseThreadRule(StringRef Path, StringRef Where, const json::Object &E) {
  static constexpr StringRef Allowed[] = {"create", "set_policy", "raise",   "entry",  "attributes",
                                          "policy", "realtime",   "self",    "context", "runtime",
                                          "reason", "handle", "success"};
  for (const auto &KV : E)
    if (!is_contained(Allowed, StringRef(KV.first)))
      return threadError(Path, Where, "unknown key '" + StringRef(KV.first) + "'");
  ThreadRule R;
  R.File = Path.str();
  unsigned Kinds = 0;
  for (auto [Key, Kind] : {std::pair{"create", ThreadRule::Create},
                           std::pair{"set_policy", ThreadRule::SetPolicy},
                           std::pair{"raise", ThreadRule::Raise}})
    if (std::optional<StringRef> Name = E.getString(Key)) {
      R.K = Kind;
      R.Function = Name->str();
      ++Kinds;
    }
  if (Kinds != 1 || R.Function.empty())
    return threadError(Path, Where, "needs exactly one of 'create', 'set_policy' or 'raise'");
  std::optional<StringRef> Reason = E.getString("reason");
  if (!Reason || Reason->empty())
    return threadError(Path, Where, "missing 'reason'");
  R.Reason = Reason->str();
  if (std::optional<StringRef> Runtime = E.getString("runtime"))
    R.Runtime = Runtime->str();

  auto Require = [&](StringRef Key, bool Needed) -> Expected<unsigned> {
    Expected<std::optional<unsigned>> N = index(Path, Where, E, Key);
    if (!N)
      return N.takeError();
    if (N->has_value() != Needed)
      return threadError(Path, Where,
                         "'" + Key + "' is " + (Needed ? "required" : "not allowed") + " here");
    return N->value_or(0);
  };
  bool IsCreate = R.K == ThreadRule::Create;
  if (IsCreate) {
    Expected<unsigned> Entry = Require("entry", true);
    if (!Entry)
      return Entry.takeError();
    R.Entry = *Entry;
    if (std::optional<StringRef> Context = E.getString("context"))
      R.Context = canonicalContext(*Context);
    if (E.get("policy") || E.get("realtime") || E.get("self"))
      return threadError(Path, Where, "'policy', 'realtime' and 'self' belong to other entries");
    Expected<std::optional<unsigned>> Handle = index(Path, Where, E, "handle");
    if (!Handle)
      return Handle.takeError();
    R.Handle = *Handle;
  } else {
    Expected<unsigned> Policy = Require("policy", true);
    if (!Policy)
      return Policy.takeError();
    R.Policy = *Policy;
    const json::Array *Values = E.getArray("realtime");
    if (!Values || Values->empty())
      return threadError(Path, Where, "'realtime' must list the real-time policy values");
    for (const json::Value &V : *Values) {
      std::optional<int64_t> N = V.getAsInteger();
      if (!N)
        return threadError(Path, Where, "'realtime' must list integers");
      R.Realtime.push_back(*N);
    }
    if (E.get("entry") || E.get("context") || E.get("handle"))
      return threadError(Path, Where, "'entry', 'context' and 'handle' belong to 'create' entries");
  }
  if (R.K != ThreadRule::Raise) {
    Expected<std::optional<unsigned>> Attr = index(Path, Where, E, "attributes");
    if (!Attr)
      return Attr.takeError();
    R.Attributes = *Attr;
    if (R.K == ThreadRule::SetPolicy && !R.Attributes)
      return threadError(Path, Where, "a 'set_policy' entry needs 'attributes'");
    if (E.get("self") || E.get("success"))
      return threadError(Path, Where, "'self' and 'success' belong to 'raise' entries");
    return R;
  }
  if (E.get("attributes"))
    return threadError(Path, Where, "'attributes' does not belong to 'raise' entries");
  if (const json::Value *Success = E.get("success")) {
    R.Success = Success->getAsInteger();
    if (!R.Success)
      return threadError(Path, Where, "'success' must be an integer");
  }
  const json::Object *Self = E.getObject("self");
  std::optional<int64_t> Arg = Self ? Self->getInteger("argument") : std::nullopt;
  std::optional<StringRef> Call = Self ? Self->getString("call") : std::nullopt;
  std::optional<int64_t> Equals = Self ? Self->getInteger("equals") : std::nullopt;
  if (!Arg || *Arg < 0 || Self->size() != 2 || (Call.has_value() == Equals.has_value()))
    return threadError(Path, Where,
                       "'self' must be {\"argument\": N, \"call\": NAME} or "
                       "{\"argument\": N, \"equals\": V}");
  R.SelfArgument = unsigned(*Arg);
  if (Call)
    R.SelfCall = Call->str();
  R.SelfEquals = Equals;
  return R;
}

} // namespace rtcheck
