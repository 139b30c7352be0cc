// One row per callback, whichever side saw it: a static root and a runtime scope are the same
// callback when the scope was opened in the root function (RTCHECK_SCOPE's __func__/__FILE__, or
// an automatic scope's symbol). A runtime violation is confirmed when one of its frames is at the
// line of a static finding.
#include "Internal.h"

#include <algorithm>

namespace rtcheck::report::detail {

namespace {

// The root a scope belongs to: the roots whose function has the scope's function name, narrowed
// to the scope's file and then to the nearest root line above the scope.
std::optional<size_t> rootOfScope(const Report &R, const Scope &S) {
  std::vector<size_t> Named;
  std::string Fn = unqualified(S.Function);
  for (size_t I = 0; I < R.Roots.size(); ++I) {
    const Root &Rt = R.Roots[I];
    bool Match = !Fn.empty() ? (Rt.Function == S.Function || unqualified(Rt.Function) == Fn)
                             : (Rt.Function == S.Name || unqualified(Rt.Function) == S.Name);
    if (Match)
      Named.push_back(I);
  }
  if (Named.size() <= 1)
    return Named.empty() ? std::nullopt : std::optional<size_t>(Named.front());
  std::vector<size_t> InFile;
  for (size_t I : Named)
    if (!S.Loc.File.empty() && sameSource(R.Roots[I].Loc.File, S.Loc.File, R.StaticSourceRoot))
      InFile.push_back(I);
  if (InFile.empty())
    return Named.front();
  size_t Best = InFile.front();
  for (size_t I : InFile) {
    int L = R.Roots[I].Loc.Line;
    if (L <= S.Loc.Line && (R.Roots[Best].Loc.Line > S.Loc.Line || L > R.Roots[Best].Loc.Line))
      Best = I;
  }
  return Best;
}

// The static finding one of the site's frames is at: same file and line, the site's category
// preferred; else a finding of the same leaf in the same function, or with a chain through one of
// the frames.
std::optional<size_t> findingAtSite(const Report &R, const Site &S) {
  std::optional<size_t> Any;
  for (const Frame &F : S.Stack) {
    if (F.Loc.File.empty() || F.Loc.Line == 0)
      continue;
    for (size_t I = 0; I < R.Findings.size(); ++I) {
      const Finding &Fd = R.Findings[I];
      if (Fd.Loc.Line != F.Loc.Line || !sameSource(Fd.Loc.File, F.Loc.File, R.StaticSourceRoot))
        continue;
      if (Fd.Category == S.Category)
        return I;
      if (!Any)
        Any = I;
    }
  }
  if (Any)
    return Any;
  // The same leaf reported in the same user function at another line: a destructor run at scope
  // exit is reported at the variable's declaration (docs/design.md), the shim sees the exit.
  for (const Frame &F : S.Stack) {
    if (F.Loc.File.empty() || F.Function.empty())
      continue;
    for (size_t I = 0; I < R.Findings.size(); ++I) {
      const Finding &Fd = R.Findings[I];
      if (Fd.Leaf == S.Function && unqualified(Fd.Function) == unqualified(F.Function) &&
          sameSource(Fd.Loc.File, F.Loc.File, R.StaticSourceRoot))
        return I;
    }
  }
  // A call the analyzer reported deeper down, entered through a call on this stack: a step of the
  // finding's chain is at one of the frames, and the finding's leaf is the function called.
  for (const Frame &F : S.Stack) {
    if (F.Loc.File.empty() || F.Loc.Line == 0)
      continue;
    for (size_t I = 0; I < R.Findings.size(); ++I) {
      const Finding &Fd = R.Findings[I];
      if (Fd.Leaf != S.Function)
        continue;
      for (const ChainStep &St : Fd.Chain)
        if (St.Loc.Line == F.Loc.Line && sameSource(St.Loc.File, F.Loc.File, R.StaticSourceRoot))
          return I;
    }
  }
  return std::nullopt;
}

} // namespace

void joinCallbacks(Report &R) {
  for (size_t I = 0; I < R.Roots.size(); ++I) {
    Callback C;
    C.Name = R.Roots[I].Function;
    C.Context = R.Roots[I].Context;
    C.RootIndex = I;
    R.Callbacks.push_back(std::move(C));
  }
  for (size_t J = 0; J < R.Scopes.size(); ++J) {
    std::optional<size_t> Rt = rootOfScope(R, R.Scopes[J]);
    auto It = std::find_if(R.Callbacks.begin(), R.Callbacks.end(), [&](const Callback &C) {
      return Rt && C.RootIndex == Rt && !C.ScopeIndex;
    });
    if (It != R.Callbacks.end()) {
      It->ScopeIndex = J;
      continue;
    }
    Callback C;
    C.Name = R.Scopes[J].Name;
    C.ScopeIndex = J;
    R.Callbacks.push_back(std::move(C));
  }
  for (size_t K = 0; K < R.Findings.size(); ++K)
    for (Callback &C : R.Callbacks)
      if (C.RootIndex && std::count(R.Findings[K].Roots.begin(), R.Findings[K].Roots.end(),
                                    R.Roots[*C.RootIndex].Function))
        C.Findings.push_back(K);
  for (size_t K = 0; K < R.Sites.size(); ++K) {
    Site &S = R.Sites[K];
    for (Callback &C : R.Callbacks)
      if (C.ScopeIndex && R.Scopes[*C.ScopeIndex].Name == S.Scope)
        C.Sites.push_back(K);
    S.Confirms = findingAtSite(R, S);
    if (S.Confirms)
      R.Findings[*S.Confirms].ConfirmedBy.push_back(K);
  }
  for (Callback &C : R.Callbacks) {
    bool Ran = C.ScopeIndex && R.Scopes[*C.ScopeIndex].Calls > 0;
    if (C.RootIndex && Ran)
      C.Coverage = "static and run time";
    else if (C.RootIndex)
      C.Coverage = R.Opts.RuntimePaths.empty() ? "static only (no runtime report given)"
                                               : "not exercised at run time";
    else
      C.Coverage =
          R.Opts.StaticPath.empty() ? "run time only (no static report given)" : "no static root";
  }
}

} // namespace rtcheck::report::detail
