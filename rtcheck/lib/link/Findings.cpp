//===- Findings.cpp - deciding what to report -----------------------------===//
#include "rtcheck/link/Findings.h"

#include "rtcheck/Rules.h"
#include "llvm/ADT/STLExtras.h"

#include <tuple>

using namespace llvm;

namespace rtcheck {
namespace {

class FindingMaker {
public:
  FindingMaker(CallGraph &G, const Reachability &Reach, const RootsFound &Roots,
               ArrayRef<Summary> Summaries, const RuleSet &Rules, const LinkPolicy &Policy)
      : G(G), Reach(Reach), Roots(Roots), Rules(Rules), Policy(Policy), Effects(G) {
    for (const Summary &S : Summaries)
      for (const Suppression &X : S.Suppressions)
        Suppressed[{X.File, X.Line}].insert(X.Categories.begin(), X.Categories.end());
  }

  FindingsMade run() {
    for (NodeId U = 0; U < G.size(); ++U) {
      // User functions, and generated ones for their user-written sites.
      const Function *Body = G.node(U).Def;
      if (Reach.reached(U) && Body && !Body->InSystemHeader)
        siteFindings(U, *Body);
    }
    llvm::sort(Made.Findings, [](const Finding &A, const Finding &B) {
      return std::tie(A.Site.File, A.Site.Line, A.Site.Column, A.Cat, A.Callee) <
             std::tie(B.Site.File, B.Site.Line, B.Site.Column, B.Cat, B.Callee);
    });
    return std::move(Made);
  }

private:
  void siteFindings(NodeId U, const Function &Body) {
    const std::vector<const ForbidRule *> &Forbidden = forbidRulesFor(Reach.contextMask(U));
    const SectionRule *Placement = sectionRuleOf(G.node(U).info());
    for (const CallSite &C : Body.Calls) {
      // A site no entry context lets run (constants, assume facts, statics set up), or one on a
      // path that ends the program, is not one.
      if (C.InSystemHeader || G.skipped(C) || !Reach.live(C))
        continue;
      const std::vector<NodeId> &Ts = G.targets(C);
      // No target: a pointer nothing in the program matches, or a pure virtual the program
      // never implements (the implementation lives in a host or a plug-in).
      if (Ts.empty() && C.Kind != CallKind::Direct)
        add(U, C, Effect{Category::Indirect, "", nullptr, {}});
      for (NodeId T : Ts) {
        const Classification &Cls = G.classify(T);
        const std::string &Name = G.node(T).info().Name;
        if (Placement && Cls.K == Classification::Follow && G.node(T).isUser() &&
            sectionRuleOf(G.node(T).info()) != Placement)
          add(U, C, Effect{Placement->Cat, Name, nullptr, {}},
              placementMessage(Name, Placement->Explanation));
        // The forbid lists name an API (FreeRTOS's xQueue*, vTask*): a function the program
        // defines and no rule describes is the program's own, even when it follows the RTOS's
        // naming style (a demo's vQueueOverwritePeriodicISRDemo), so its body is followed instead.
        bool OwnUnruled = Cls.K == Classification::Follow && G.node(T).isUser();
        for (const ForbidRule *R : Forbidden)
          if (!OwnUnruled && forbids(*R, Name, C))
            add(U, C, Effect{R->Cat, Name, nullptr, {}});
        if (Cls.K == Classification::Leaf) {
          if (!G.exempt(Cls, C) && !endingThrow(C, Cls.Cat))
            add(U, C, Effect{Cls.Cat, Name, Cls.Rule, {}});
          continue;
        }
        if (Cls.K == Classification::Follow && !G.node(T).isUser())
          libraryFindings(U, C, Effects.of(T));
      }
    }
  }

  void libraryFindings(NodeId U, const CallSite &C, const std::vector<Effect> &Found) {
    bool OtherHazard = any_of(Found, [](const Effect &E) {
      return E.Cat != Category::Exception && E.Cat != Category::Unknown;
    });
    for (const Effect &E : Found)
      if (!(Policy.ThrowOnlyAlone && OtherHazard && E.Cat == Category::Exception) &&
          !endingThrow(C, E.Cat) &&
          !(C.Checked && E.Rule && E.Rule->UnlessChecked) &&
          !(C.InRange && E.Rule && E.Rule->UnlessInRange))
        add(U, C, E);
  }

  /// An exception that would leave C's noexcept caller ends the program (std::terminate).
  bool endingThrow(const CallSite &C, Category Cat) const {
    return Cat == Category::Exception && C.ThrowEndsProgram && G.hidesEndingThrows();
  }

  /// The first section rule whose section holds F, if any.
  const SectionRule *sectionRuleOf(const Function &F) const {
    for (const SectionRule &R : Policy.Sections)
      if (!F.Section.empty() && wildcardMatch(R.Section, F.Section))
        return &R;
    return nullptr;
  }

  static bool forbids(const ForbidRule &R, StringRef Name, const CallSite &C) {
    if (!wildcardMatch(R.Name, Name))
      return false;
    if (R.Unless.empty())
      return true;
    // The exemption also matches the macro the user wrote (FreeRTOS FromISR macros).
    return !(wildcardMatch(R.Unless, Name) ||
             (!C.Spelled.empty() && wildcardMatch(R.Unless, C.Spelled)));
  }

  void add(NodeId U, const CallSite &C, const Effect &E, std::string Message = {}) {
    if (isSuppressed(C.Loc, E.Cat)) {
      ++Made.Suppressed;
      return;
    }
    std::string Callee = G.calleeName(C);
    if (!Emitted.insert({C.Loc.File, C.Loc.Line, C.Loc.Column, E.Cat, Callee}).second)
      return;
    Finding F;
    F.Cat = E.Cat;
    F.Sev = severityFor(U, E.Cat, F.Contexts);
    if (F.Sev == Severity::Allowed) {
      ++Made.Allowed;
      return;
    }
    F.Site = C.Loc;
    F.SiteFunction = G.node(U).info().Name;
    F.Callee = Callee;
    F.Leaf = E.Leaf;
    F.SiteKind = C.Kind;
    F.SiteNote = C.Note;
    if (C.Kind == CallKind::Indirect)
      F.PointerType = C.Callee;
    if (E.Rule) {
      F.LeafReason = E.Rule->Reason;
      F.RuleFile = E.Rule->File;
    }
    F.Message = Message.empty() ? findingMessage(F) : std::move(Message);
    for (unsigned R : Reach.rootsReaching(U).set_bits())
      F.Roots.push_back(Roots.Roots[R].Function);
    llvm::sort(F.Roots);
    F.Roots.erase(std::unique(F.Roots.begin(), F.Roots.end()), F.Roots.end());
    F.Chain = Reach.chainTo(U);
    // The site's callee already names an indirect call's pointer type, so only a virtual
    // dispatch is spelled out in its note.
    F.Chain.push_back(
        {Callee, C.Loc, C.InSystemHeader,
         callNote(C.Note, C.Kind == CallKind::Virtual ? CallKind::Virtual : CallKind::Direct)});
    append_range(F.Chain, E.Steps);
    Made.Findings.push_back(std::move(F));
  }

  Severity severityFor(NodeId U, Category Cat, std::vector<std::string> &Contexts) const {
    Severity S = Severity::Allowed;
    ArrayRef<std::string> Names = Reach.contextNames();
    for (unsigned I = 0; I < Names.size(); ++I)
      if (Reach.contextMask(U) & Reachability::contextBit(I)) {
        Contexts.push_back(Names[I]);
        S = std::max(S, Rules.profile(Names[I]).severity(Cat));
      }
    return S;
  }

  bool isSuppressed(const SourceLoc &L, Category Cat) const {
    auto It = Suppressed.find({L.File, L.Line});
    if (It == Suppressed.end())
      return false;
    return It->second.count(categoryName(Cat).str()) || It->second.count("all");
  }

  const std::vector<const ForbidRule *> &forbidRulesFor(uint64_t Mask) {
    auto [It, Inserted] = ForbidCache.try_emplace(Mask);
    if (!Inserted)
      return It->second;
    ArrayRef<std::string> Names = Reach.contextNames();
    for (unsigned I = 0; I < Names.size(); ++I)
      if (Mask & Reachability::contextBit(I))
        for (const ForbidRule &F : Rules.profile(Names[I]).Forbid)
          It->second.push_back(&F);
    return It->second;
  }

  CallGraph &G;
  const Reachability &Reach;
  const RootsFound &Roots;
  const RuleSet &Rules;
  const LinkPolicy &Policy;
  LibraryEffects Effects;
  FindingsMade Made;
  std::map<std::pair<std::string, unsigned>, std::set<std::string>> Suppressed;
  DenseMap<uint64_t, std::vector<const ForbidRule *>> ForbidCache;
  std::set<std::tuple<std::string, unsigned, unsigned, Category, std::string>> Emitted;
};

} // namespace

FindingsMade makeFindings(CallGraph &G, const Reachability &Reach, const RootsFound &Roots,
                          ArrayRef<Summary> Summaries, const RuleSet &Rules,
                          const LinkPolicy &Policy) {
  return FindingMaker(G, Reach, Roots, Summaries, Rules, Policy).run();
}

} // namespace rtcheck
