// Claims: read from a claims file (docs/report.md, rules/schema/claims.schema.json) or defaulted
// from the callback's context profile and declared budget, then judged against the evidence.
#include "Internal.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace rtcheck::report::detail {

using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string &Path, const std::string &Msg) {
  throw InputError(Path + ": " + Msg);
}

double positive(const json &V, const std::string &Path, const std::string &What, bool AllowZero) {
  if (!V.is_number() || V.get<double>() < 0 || (!AllowZero && V.get<double>() == 0))
    fail(Path, What + " must be a " + (AllowZero ? "non-negative" : "positive") + " number");
  return V.get<double>();
}

ClaimSpec parseSpec(const json &J, const std::string &Path, const std::string &Name) {
  std::string Where = "callback '" + Name + "': ";
  if (!J.is_object())
    fail(Path, Where + "claims must be an object");
  ClaimSpec S;
  for (const auto &[Key, V] : J.items()) {
    if (Key == "description")
      continue;
    if (Key == "allowed") {
      if (!V.is_array())
        fail(Path, Where + "'allowed' must be an array of categories");
      S.HasAllowed = true;
      for (const json &C : V) {
        if (!C.is_string() || !isCategory(C.get<std::string>()))
          fail(Path, Where + "unknown category " + C.dump() +
                         " in 'allowed' (alloc lock syscall driver exception indirect unknown)");
        S.Allowed.push_back(C.get<std::string>());
      }
    } else if (Key == "budget_ms") {
      S.BudgetMs = positive(V, Path, Where + "'budget_ms'", false);
    } else if (Key == "deadline_misses") {
      if (!V.is_number_unsigned())
        fail(Path, Where + "'deadline_misses' must be a non-negative integer");
      S.MissLimit = V.get<uint64_t>();
    } else if (Key == "jitter_max_ms") {
      S.MaxJitterMs = positive(V, Path, Where + "'jitter_max_ms'", true);
    } else if (Key == "latency_ms") {
      if (!V.is_object() || V.empty())
        fail(Path, Where + "'latency_ms' must be a non-empty object (p50 p90 p99 p999 max)");
      for (const auto &[P, Limit] : V.items()) {
        if (P != "p50" && P != "p90" && P != "p99" && P != "p999" && P != "max")
          fail(Path,
               Where + "unknown percentile '" + P + "' in 'latency_ms' (p50 p90 p99 p999 max)");
        S.LatencyMs[P] = positive(Limit, Path, Where + "'latency_ms." + P + "'", false);
      }
    } else {
      fail(Path, Where + "unknown key '" + Key +
                     "' (allowed budget_ms deadline_misses latency_ms jitter_max_ms description)");
    }
  }
  return S;
}

std::string plural(uint64_t N, const std::string &One) {
  return std::to_string(N) + " " + One + (N == 1 ? "" : "s");
}

// The first frame of a site's stack that has a source line, as "file:line" (the caller in user
// code is usually right below the library function).
/// Where the program made the call: the first frame outside the system's libraries and headers,
/// by its source line; when no frame has one (a stripped program), the first frame outside the
/// system's libraries by module and offset. A frame deeper in libc (its thread start) would name
/// the wrong place.
std::string firstLine(const Site &S) {
  auto System = [](const std::string &M) {
    return M.rfind("/lib/", 0) == 0 || M.rfind("/lib64/", 0) == 0 || M.rfind("/usr/lib", 0) == 0;
  };
  for (const Frame &F : S.Stack)
    if (!System(F.Module) && !F.Loc.File.empty() && F.Loc.File.find("/usr/") != 0)
      return baseName(F.Loc.File) + ":" + std::to_string(F.Loc.Line);
  for (const Frame &F : S.Stack)
    if (!System(F.Module) && !F.Module.empty()) {
      char Off[32];
      std::snprintf(Off, sizeof Off, "+0x%llx", static_cast<unsigned long long>(F.Offset));
      return baseName(F.Module) + Off;
    }
  return "";
}

Claim categoryClaim(const Report &R, const Callback &C, const std::string &Cat,
                    const std::string &Origin) {
  Claim Cl;
  Cl.Id = "no-" + Cat;
  Cl.Text = std::string("no ") + categoryPhrase(Cat);
  Cl.Origin = Origin;
  size_t New = 0, Known = 0, Confirmed = 0;
  const Finding *First = nullptr;
  for (size_t K : C.Findings) {
    const Finding &F = R.Findings[K];
    if (F.Category != Cat)
      continue;
    F.Known ? ++Known : ++New;
    Confirmed += !F.Known && !F.ConfirmedBy.empty();
    if (!F.Known && !First)
      First = &F;
  }
  const Scope *S = C.ScopeIndex ? &R.Scopes[*C.ScopeIndex] : nullptr;
  bool Ran = S && S->Calls > 0 && isRuntimeCategory(Cat);
  uint64_t Calls = Ran ? S->Violations.count(Cat) ? S->Violations.at(Cat) : 0 : 0;
  const Site *FirstSite = nullptr;
  for (size_t K : C.Sites)
    if (R.Sites[K].Category == Cat && !FirstSite)
      FirstSite = &R.Sites[K];

  std::vector<std::string> Ev;
  if (C.RootIndex)
    Ev.push_back("static: " + plural(New + Known, "finding") +
                 (Known ? " (" + std::to_string(Known) + " known from the baseline)" : ""));
  if (Ran)
    Ev.push_back("run time: " + plural(Calls, "call") + " in " + plural(S->Calls, "callback"));
  for (const std::string &E : Ev)
    Cl.Evidence += (Cl.Evidence.empty() ? "" : "; ") + E;

  std::vector<std::string> Why;
  if (First)
    Why.push_back("'" + First->Leaf + "' reached at " + baseName(First->Loc.File) + ":" +
                  std::to_string(First->Loc.Line) +
                  (New > 1 ? " and " + std::to_string(New - 1) + " more" : "") +
                  (!Confirmed ? ""
                   : New == 1 ? " (confirmed at run time)"
                              : " (" + std::to_string(Confirmed) + " of " + std::to_string(New) +
                                    " confirmed at run time)"));
  if (Calls) {
    std::string W = plural(Calls, "call") + " at run time";
    if (FirstSite) {
      W += ", first '" + FirstSite->Function + "'";
      if (std::string L = firstLine(*FirstSite); !L.empty())
        W += " from " + L;
      if (!FirstSite->Confirms && C.RootIndex)
        W += hasSourceLines(*FirstSite) ? " (not predicted by the analyzer)"
                                        : " (stack without source lines: not matched)";
    }
    Why.push_back(W);
  }
  if (!Why.empty()) {
    Cl.St = Status::Fail;
    for (const std::string &W : Why)
      Cl.Reason += (Cl.Reason.empty() ? "" : "; ") + W;
    return Cl;
  }
  if (!C.RootIndex && !Ran) {
    Cl.Reason = !isRuntimeCategory(Cat) && S
                    ? "the shim does not observe " + Cat + " and there is no static root"
                    : "no static root and not exercised at run time";
    return Cl;
  }
  Cl.St = Status::Pass;
  if (C.RootIndex && Ran)
    Cl.Reason =
        "no path from the root, and none in " + plural(S->Calls, "callback") + " at run time";
  else if (C.RootIndex)
    Cl.Reason = "no path from the root (static evidence only)";
  else
    Cl.Reason = "none in " + plural(S->Calls, "callback") + " at run time (no static root)";
  if (Known)
    Cl.Reason += "; " + plural(Known, "known finding") + " accepted by the baseline";
  return Cl;
}

void timingClaims(const Scope *S, const ClaimSpec *Spec, std::vector<Claim> &Out) {
  bool Ran = S && S->Calls > 0;
  std::string NotRun = "not exercised at run time";
  uint64_t Declared = S ? S->BudgetNs : 0;
  uint64_t Budget =
      Spec && Spec->BudgetMs ? static_cast<uint64_t>(*Spec->BudgetMs * 1e6) : Declared;
  if (Budget || (Spec && Spec->MissLimit)) {
    Claim Cl;
    uint64_t Limit = Spec && Spec->MissLimit ? *Spec->MissLimit : 0;
    Cl.Id = "deadline";
    Cl.Text = "deadline misses <= " + std::to_string(Limit) +
              (Budget ? " (budget " + formatMs(Budget) + ")" : "");
    Cl.Origin = Spec && (Spec->BudgetMs || Spec->MissLimit) ? "claims file" : "declared budget";
    if (!Ran) {
      Cl.Reason = NotRun;
    } else if (!Budget) {
      Cl.Reason = "no budget declared by the program or claimed";
    } else {
      Cl.Evidence = plural(S->Calls, "callback") + ", max " + formatMs(S->Lat.Max) +
                    ", declared budget " + (Declared ? formatMs(Declared) : "none");
      if (Budget == Declared) {
        Cl.St = S->Misses <= Limit ? Status::Pass : Status::Fail;
        Cl.Reason = std::to_string(S->Misses) + " of " + plural(S->Calls, "callback") +
                    " over the budget (max " + formatMs(S->Lat.Max) + ")";
      } else if (S->Lat.Max <= Budget) {
        Cl.St = Status::Pass;
        Cl.Reason = "max " + formatMs(S->Lat.Max) + " is within the claimed budget";
      } else if (Limit == 0) {
        Cl.St = Status::Fail;
        Cl.Reason = "max " + formatMs(S->Lat.Max) + " exceeds the claimed budget";
      } else {
        Cl.Reason = "the run counted misses against " +
                    (Declared ? formatMs(Declared) : std::string("no budget")) +
                    ", not the claimed budget; declare it in RTCHECK_SCOPE";
      }
    }
    Out.push_back(std::move(Cl));
  }
  if (!Spec)
    return;
  const std::pair<const char *, uint64_t Latency::*> Fields[] = {{"p50", &Latency::P50},
                                                                 {"p90", &Latency::P90},
                                                                 {"p99", &Latency::P99},
                                                                 {"p999", &Latency::P999},
                                                                 {"max", &Latency::Max}};
  for (const auto &[Name, Member] : Fields) {
    auto It = Spec->LatencyMs.find(Name);
    if (It == Spec->LatencyMs.end())
      continue;
    Claim Cl;
    Cl.Id = std::string("latency-") + Name;
    Cl.Text = std::string(Name) + " latency <= " + formatMsD(It->second);
    Cl.Origin = "claims file";
    if (!Ran) {
      Cl.Reason = NotRun;
    } else {
      uint64_t V = S->Lat.*Member;
      Cl.Evidence =
          plural(S->Calls, "callback") +
          (std::string(Name) == "max" ? " (exact)" : " (histogram estimate, within 3.1%)");
      Cl.St = V <= It->second * 1e6 ? Status::Pass : Status::Fail;
      Cl.Reason = std::string(Name) + " " + formatMs(V) +
                  (Cl.St == Status::Pass ? " is within " : " exceeds ") + formatMsD(It->second);
    }
    Out.push_back(std::move(Cl));
  }
  if (Spec->MaxJitterMs) {
    Claim Cl;
    Cl.Id = "jitter";
    Cl.Text = "period jitter <= " + formatMsD(*Spec->MaxJitterMs);
    Cl.Origin = "claims file";
    if (!Ran || S->Per.Count == 0) {
      Cl.Reason = Ran ? "only one call per thread: no period to measure" : NotRun;
    } else {
      Cl.Evidence = plural(S->Per.Count, "period") + ", mean " + formatMs(S->Per.Mean);
      Cl.St = S->Per.JitterMax <= *Spec->MaxJitterMs * 1e6 ? Status::Pass : Status::Fail;
      Cl.Reason = "largest deviation from the mean period " + formatMs(S->Per.JitterMax);
    }
    Out.push_back(std::move(Cl));
  }
}

} // namespace

std::map<std::string, ClaimSpec> loadClaims(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    fail(Path, "cannot be read");
  std::stringstream Buf;
  Buf << In.rdbuf();
  json Doc = json::parse(Buf.str(), nullptr, false);
  if (Doc.is_discarded())
    fail(Path, "not valid JSON");
  if (!Doc.is_object() || !Doc.contains("rtcheck_claims"))
    fail(Path, "not an rtcheck claims file (no 'rtcheck_claims' version)");
  if (Doc["rtcheck_claims"] != 1)
    fail(Path, "unsupported claims version " + Doc["rtcheck_claims"].dump() +
                   " (this rtcheck reads version 1)");
  for (const auto &[Key, V] : Doc.items())
    if (Key != "rtcheck_claims" && Key != "callbacks" && Key != "description" && Key != "$schema")
      fail(Path, "unknown key '" + Key + "' (allowed rtcheck_claims callbacks description)");
  if (!Doc.contains("callbacks") || !Doc["callbacks"].is_object())
    fail(Path, "'callbacks' must be an object mapping callback names to their claims");
  std::map<std::string, ClaimSpec> Specs;
  for (const auto &[Name, J] : Doc["callbacks"].items())
    Specs[Name] = parseSpec(J, Path, Name);
  return Specs;
}

void evaluateClaims(Report &R, const std::map<std::string, ClaimSpec> &Specs) {
  std::set<std::string> Used;
  for (Callback &C : R.Callbacks) {
    const Scope *S = C.ScopeIndex ? &R.Scopes[*C.ScopeIndex] : nullptr;
    const ClaimSpec *Spec = nullptr;
    for (const std::string &Key : {C.Name, S ? S->Name : std::string()})
      if (auto It = Specs.find(Key); !Key.empty() && It != Specs.end() && !Spec) {
        Spec = &It->second;
        Used.insert(Key);
      }
    std::vector<std::string> Forbidden;
    std::string Origin;
    if (Spec && Spec->HasAllowed) {
      for (const char *Cat : Categories)
        if (!std::count(Spec->Allowed.begin(), Spec->Allowed.end(), Cat))
          Forbidden.push_back(Cat);
      Origin = "claims file";
    } else if (auto Errors = profileErrors(R.Opts.RulesDir, C.Context)) {
      Forbidden = *Errors;
      Origin = "profile '" + C.Context + "'";
    } else {
      Forbidden.assign(std::begin(RuntimeCategories), std::end(RuntimeCategories));
      Origin = C.Context.empty() ? "default (no context)"
                                 : "default (no profile for '" + C.Context + "')";
    }
    for (const std::string &Cat : Forbidden)
      C.Claims.push_back(categoryClaim(R, C, Cat, Origin));
    timingClaims(S, Spec, C.Claims);
    C.BudgetNs = Spec && Spec->BudgetMs ? static_cast<uint64_t>(*Spec->BudgetMs * 1e6)
                 : S                    ? S->BudgetNs
                                        : 0;
    if (Spec)
      C.LatencyLimitsMs = Spec->LatencyMs;
  }
  // A claim about a callback no input knows is a row too: it cannot be measured.
  for (const auto &[Name, Spec] : Specs) {
    if (Used.count(Name))
      continue;
    Callback C;
    C.Name = Name;
    C.Coverage = "in the claims file only";
    Claim Cl;
    Cl.Id = "present";
    Cl.Text = "callback exists";
    Cl.Origin = "claims file";
    Cl.Reason = "no static root and no runtime scope named '" + Name + "'";
    C.Claims.push_back(std::move(Cl));
    R.Callbacks.push_back(std::move(C));
  }
  for (const Callback &C : R.Callbacks)
    for (const Claim &Cl : C.Claims)
      ++(Cl.St == Status::Pass ? R.Passed : Cl.St == Status::Fail ? R.Failed : R.NotMeasured);
}

} // namespace rtcheck::report::detail
