//===- EntryReach.cpp - what the program's entries reach ------------------===//
#include "rtcheck/link/EntryReach.h"

#include "rtcheck/Rules.h"
#include "rtcheck/link/MemberValues.h"
#include "rtcheck/link/Reachability.h"
#include "rtcheck/link/Roots.h"
#include "rtcheck/link/SitePruner.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace rtcheck {
namespace {

/// Functions whose definition makes a TU the start of a program: `main` and the entry points
/// hosts look up in a loadable plugin.
constexpr StringRef EntryNames[] = {
    "main",       "lv2_descriptor", "lv2ui_descriptor", "ladspa_descriptor", "dssi_descriptor",
    "clap_entry", "VSTPluginMain",  "GetPluginFactory", "jack_initialize"};

/// Id overrides, directly or not, a method declared in a library header: the library's code
/// may call it.
bool overridesLibraryMethod(const CallGraph &G, NodeId Id) {
  std::vector<NodeId> Work(G.node(Id).Overridden.begin(), G.node(Id).Overridden.end());
  DenseSet<NodeId> Seen;
  while (!Work.empty()) {
    NodeId N = Work.back();
    Work.pop_back();
    if (!Seen.insert(N).second)
      continue;
    if (G.node(N).info().InSystemHeader)
      return true;
    append_range(Work, G.node(N).Overridden);
  }
  return false;
}

class EntryWalk {
public:
  EntryWalk(CallGraph &G, ArrayRef<Summary> Summaries, const RuleSet &Rules,
            const LinkOptions &Options, SitePruner &Pruner)
      : G(G), Summaries(Summaries), Rules(Rules), Options(Options), Pruner(Pruner) {}

  std::optional<DenseSet<NodeId>> run() {
    if (!findEntries())
      return std::nullopt;
    // Everything below only grows, so the loop ends; each round sees at least what the
    // previous one did.
    std::unique_ptr<Reachability> Reach;
    for (bool Grew = true; Grew;) {
      G.restrictCreatedClasses(Created);
      RootsFound Roots = findRoots(G, Summaries, Rules, Options, &Live);
      for (NodeId R : Roots.Nodes)
        addEntry(R);
      // Bodies that rules describe run too: entered from their callers, with the callers'
      // constants (RtAudio's constructor, a rule's leaf, picks the back-end by its argument).
      Reach = std::make_unique<Reachability>(G, startsOf(Entries), &Pruner, /*EveryBody=*/true);
      Grew = collect(*Reach);
    }
    // What the program can store into its mode members decides their tests (#10, modes).
    Pruner.decideMembers(memberValuesOf(G, Summaries, *Reach, Options.Assume));
    return std::move(Live);
  }

private:
  /// The named entry points, initialiser calls, address-taken functions and overriders of
  /// library methods; false when the program has no named entry point.
  bool findEntries() {
    bool Named = false;
    for (NodeId Id = 0; Id < G.size(); ++Id) {
      const Node &N = G.node(Id);
      if (!N.hasBody())
        continue;
      const Function &F = N.info();
      bool ProgramEntry = !F.InSystemHeader && isProgramEntryName(F.Name);
      Named |= ProgramEntry;
      if (ProgramEntry || !F.TypeKey.empty() || overridesLibraryMethod(G, Id))
        addEntry(Id);
    }
    for (const Summary &S : Summaries)
      for (const std::string &USR : S.InitialiserCalls)
        if (NodeId Id = G.find(USR); Id != NoNode && G.node(Id).hasBody())
          addEntry(Id);
    return Named;
  }

  void addEntry(NodeId Id) {
    if (IsEntry.insert(Id).second)
      Entries.push_back(Id);
  }

  RootsFound startsOf(ArrayRef<NodeId> Nodes) const {
    RootsFound Starts;
    for (NodeId Id : Nodes) {
      const Function &F = G.node(Id).info();
      Starts.Roots.push_back({F.USR, F.Name, Rules.policy().DefaultContext, "entry", F.Loc, {}});
      Starts.Nodes.push_back(Id);
    }
    return Starts;
  }

  /// Adds what Reach reached to Live, the classes its live constructor calls create to Created,
  /// and the bodies it does not enter to the entries; true when anything grew.
  bool collect(const Reachability &Reach) {
    bool Grew = false;
    for (NodeId U = 0; U < G.size(); ++U) {
      if (!Reach.reached(U) || !G.node(U).hasBody())
        continue;
      Grew |= Live.insert(U).second;
      for (const CallSite &C : G.node(U).Def->Calls) {
        if (!Reach.live(C))
          continue;
        for (NodeId T : G.targets(C)) {
          const Function &Callee = G.node(T).info();
          if (!Callee.Constructs.empty() && CreatedSeen.insert(Callee.Constructs).second) {
            Created.push_back(Callee.Constructs);
            Grew = true;
          }
          if (G.node(T).hasBody() && !Reach.reached(T) && !IsEntry.contains(T)) {
            addEntry(T);
            Grew = true;
          }
        }
      }
    }
    return Grew;
  }

  CallGraph &G;
  ArrayRef<Summary> Summaries;
  const RuleSet &Rules;
  const LinkOptions &Options;
  SitePruner &Pruner;
  std::vector<NodeId> Entries;
  DenseSet<NodeId> IsEntry;
  DenseSet<NodeId> Live;
  std::vector<std::string> Created;
  StringSet<> CreatedSeen;
};

} // namespace

bool isProgramEntryName(StringRef Name) { return is_contained(EntryNames, Name); }

std::optional<DenseSet<NodeId>> reachFromEntries(CallGraph &G, ArrayRef<Summary> Summaries,
                                                 const RuleSet &Rules, const LinkOptions &Options,
                                                 SitePruner &Pruner) {
  return EntryWalk(G, Summaries, Rules, Options, Pruner).run();
}

} // namespace rtcheck
