//===- Roots.cpp - where real-time code starts ----------------------------===//
#include "rtcheck/link/Roots.h"

#include "rtcheck/Rules.h"
#include "rtcheck/link/AddressFlow.h"
#include "rtcheck/link/ThreadRoots.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {
namespace {

class RootFinder {
public:
  RootFinder(const CallGraph &G, ArrayRef<Summary> Summaries, const RuleSet &Rules,
             const DenseSet<NodeId> *Live)
      : G(G), Summaries(Summaries), Rules(Rules), Live(Live) {}

  RootsFound run(const LinkOptions &Options) {
    fromAnnotations();
    fromPatterns(Options);
    fromNamedRootRules();
    fromRegistrations();
    findThreadRoots(G, Summaries, Rules, Live,
                    [&](NodeId Id, StringRef Context) { add(Id, Context, "thread"); });
    fromOverrides();
    return std::move(Found);
  }

private:
  void add(NodeId Id, StringRef Context, StringRef Origin) {
    if (!Index.try_emplace(Id, Found.Roots.size()).second)
      return;
    const Function &F = G.node(Id).info();
    Found.Roots.push_back({F.USR, F.Name, canonicalContext(Context), Origin.str(), F.Loc, {}});
    Found.Nodes.push_back(Id);
  }

  /// RTCHECK_REALTIME annotations and `nonblocking` attributes on any declaration.
  void fromAnnotations() {
    for (NodeId Id = 0; Id < G.size(); ++Id) {
      const Function &D = *G.node(Id).Decl;
      if (D.isRoot() && G.node(Id).hasBody())
        add(Id, D.RootContext.empty() ? Rules.policy().DefaultContext : D.RootContext,
            D.RootOrigin);
    }
  }

  void fromPatterns(const LinkOptions &Options) {
    for (const RootSpec &Spec : Options.ExtraRoots) {
      bool Matched = false;
      for (NodeId Id = 0; Id < G.size(); ++Id)
        if (G.node(Id).hasBody() && wildcardMatch(Spec.Name, G.node(Id).info().Name)) {
          add(Id, Spec.Context.empty() ? Rules.policy().DefaultContext : Spec.Context, "config");
          Matched = true;
        }
      if (!Matched)
        Found.Warnings.push_back("root '" + Spec.Name +
                                 "' matches no function defined in the analysed files");
    }
  }

  /// Functions that are roots by name (interrupt vectors, HAL callbacks).
  void fromNamedRootRules() {
    for (const NamedRootRule &R : Rules.namedRoots())
      for (NodeId Id = 0; Id < G.size(); ++Id)
        if (G.node(Id).isUser() && wildcardMatch(R.Name, G.node(Id).info().Name))
          add(Id, R.Context, "registration");
  }

  /// A function passed to a registration API, or stored into a registered struct field.
  void fromRegistrations() {
    if (Rules.registrations().empty())
      return;
    for (const Summary &S : Summaries) {
      for (const Function &F : S.Functions)
        if (runs(F))
          for (const CallSite &C : F.Calls)
            if (!C.FunctionArgs.empty() || !C.ArgSlots.empty())
              fromRegistrationCall(C);
      for (const FieldStore &FS : S.FieldStores)
        for (const RegistrationRule &R : Rules.registrations())
          if (!R.Field.empty() && fieldMatches(R.Field, FS.Field))
            addDefined(FS.USR, R.Context);
    }
    // A callback stored into a registered field through the user's wrappers (`ev->process = cb`
    // where cb is the wrapper's parameter).
    G.flow().forEachField([&](StringRef Field, const std::set<NodeId> &Values) {
      for (const RegistrationRule &R : Rules.registrations())
        if (!R.Field.empty() && fieldMatches(R.Field, Field))
          for (NodeId T : Values)
            addDefined(G.node(T).info().USR, R.Context);
    });
  }

  void fromRegistrationCall(const CallSite &C) {
    // A call through a pointer calls the functions flowing into it: a registration API loaded
    // by name (`dlsym(lib, "jack_set_process_callback")`) registers like a direct call.
    std::vector<NodeId> APIs;
    if (C.Kind == CallKind::Indirect)
      APIs = G.flow().targets(C, G.takenOfType(C));
    else if (NodeId API = G.find(C.Callee); API != NoNode)
      APIs.push_back(API);
    for (NodeId API : APIs) {
      StringRef Name = G.node(API).info().Name;
      // The callback named at the call, or passed down the user's own wrappers to it.
      for (const RegistrationRule &R : Rules.registrations())
        if (R.Argument && qualifiedMatch(R.Function, Name) &&
            (R.CalledOn.empty() || qualifiedMatch(R.CalledOn, C.CalledOn)))
          for (NodeId T : G.flow().argumentValues(C, *R.Argument))
            addDefined(G.node(T).info().USR, R.Context);
    }
  }

  /// F's body may run: the program's entries reach it, or they are not known.
  bool runs(const Function &F) const {
    return !Live || Live->contains(G.find(F.USR));
  }

  void addDefined(StringRef USR, StringRef Context) {
    if (NodeId T = G.find(USR); T != NoNode && G.node(T).hasBody())
      add(T, Context, "registration");
  }

  static bool fieldMatches(StringRef Pattern, StringRef Field) {
    if (qualifiedMatch(Pattern, Field))
      return true;
    // A bare field name matches the field of any struct.
    return !Pattern.contains("::") && wildcardMatch(Pattern, Field.rsplit("::").second);
  }

  /// Overrides of known real-time virtuals (JUCE processBlock, a plug-in's process).
  void fromOverrides() {
    if (Rules.overrides().empty())
      return;
    for (NodeId Id = 0; Id < G.size(); ++Id) {
      if (!G.node(Id).hasBody() || G.node(Id).Overridden.empty())
        continue;
      if (const OverrideRule *R = overriddenRule(Id))
        add(Id, R->Context, "registration");
    }
  }

  const OverrideRule *overriddenRule(NodeId Id) const {
    std::vector<NodeId> Work(G.node(Id).Overridden.begin(), G.node(Id).Overridden.end());
    std::set<NodeId> Seen;
    while (!Work.empty()) {
      NodeId N = Work.back();
      Work.pop_back();
      if (!Seen.insert(N).second)
        continue;
      for (const OverrideRule &R : Rules.overrides())
        if (qualifiedMatch(R.Method, G.node(N).info().Name))
          return &R;
      append_range(Work, G.node(N).Overridden);
    }
    return nullptr;
  }

  const CallGraph &G;
  ArrayRef<Summary> Summaries;
  const RuleSet &Rules;
  const DenseSet<NodeId> *Live;
  RootsFound Found;
  DenseMap<NodeId, unsigned> Index;
};

} // namespace

RootsFound findRoots(const CallGraph &G, ArrayRef<Summary> Summaries, const RuleSet &Rules,
                     const LinkOptions &Options, const DenseSet<NodeId> *Live) {
  return RootFinder(G, Summaries, Rules, Live).run(Options);
}

} // namespace rtcheck
