//===- Link.cpp - whole-program reachability and findings -----------------===//
//
// The graph's nodes are functions (merged by USR over all TUs), its edges the call sites of the
// bodies. A finding is reported at the deepest call of a chain that lies in the user's own code:
// for every reachable user function, each of its call sites is classified by what its callee can
// reach *without re-entering user code* (library internals, rules, unknown bodies). User code the
// library calls back into (a lambda given to std::sort, an override called by a framework) is
// reachable in its own right and reports its own sites.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Link.h"

#include "rtcheck/Rules.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/xxhash.h"

#include <deque>
#include <map>
#include <set>

using namespace llvm;

namespace rtcheck {
namespace {

using NodeId = unsigned;
constexpr NodeId NoNode = ~0u;

struct Node {
  const Function *Decl = nullptr; ///< the first entry seen (name, location)
  const Function *Def = nullptr;  ///< the entry with a body, if any TU has one
  std::vector<NodeId> Overriders; ///< direct overriders
  std::vector<NodeId> Overridden; ///< direct overridden methods
  const Function &info() const { return Def ? *Def : *Decl; }
  bool hasBody() const { return Def != nullptr; }
  /// Code the user wrote: findings are reported inside it. Library code and compiler-generated
  /// special members are not; their effects are reported at the user's call.
  bool isUser() const { return Def && !Def->InSystemHeader && !Def->CompilerGenerated; }
};

/// How a callee behaves when reached.
struct Classification {
  enum Kind { Follow, Safe, Leaf } K = Safe;
  Category Cat = Category::Unknown;
  const FunctionRule *Rule = nullptr;
};

/// Something blocking that a call can reach inside library code.
struct Effect {
  Category Cat;
  std::string Leaf;
  const FunctionRule *Rule = nullptr;
  /// Library steps from the callee to the leaf: (function entered, call location).
  std::vector<ChainStep> Steps;
  /// A message of its own, for findings that are not "reaches a blocking leaf".
  std::string Message = {};
};

struct Parent {
  NodeId From = NoNode;
  const CallSite *Via = nullptr;
  unsigned Depth = 0;
};

class Linker {
public:
  Linker(ArrayRef<Summary> Summaries, const RuleSet &Rules, const LinkOptions &Options)
      : Summaries(Summaries), Rules(Rules), Options(Options) {}

  LinkResult run() {
    Result.Stats.TranslationUnits = Summaries.size();
    buildGraph();
    findRoots();
    walkFromRoots();
    reportFindings();
    return std::move(Result);
  }

private:
  // --- graph --------------------------------------------------------------------------------

  NodeId nodeFor(const Function &F) {
    auto [It, Inserted] = ByUSR.try_emplace(F.USR, Nodes.size());
    if (Inserted) {
      Nodes.emplace_back();
      Nodes.back().Decl = &F;
    }
    Node &N = Nodes[It->second];
    if (F.HasBody && !N.Def)
      N.Def = &F;
    // Keep the most informative declaration: one that carries root or trust annotations.
    if ((!F.RootContext.empty() && N.Decl->RootContext.empty()) || (F.Trusted && !N.Decl->Trusted))
      N.Decl = &F;
    return It->second;
  }

  void buildGraph() {
    for (const Summary &S : Summaries)
      for (const Function &F : S.Functions)
        nodeFor(F);
    std::set<std::pair<NodeId, NodeId>> SeenOverride;
    for (const Summary &S : Summaries) {
      for (const Function &F : S.Functions)
        for (const std::string &O : F.Overrides) {
          auto It = ByUSR.find(O);
          if (It == ByUSR.end())
            continue;
          NodeId Derived = ByUSR[F.USR], Base = It->second;
          if (SeenOverride.insert({Base, Derived}).second) {
            Nodes[Base].Overriders.push_back(Derived);
            Nodes[Derived].Overridden.push_back(Base);
          }
        }
      for (const AddressTaken &A : S.AddressTakenFunctions)
        if (auto It = ByUSR.find(A.USR); It != ByUSR.end())
          AddTaken[A.TypeKey].insert(It->second);
      for (const Suppression &X : S.Suppressions) {
        auto &Cats = Suppressed[{X.File, X.Line}];
        Cats.insert(X.Categories.begin(), X.Categories.end());
      }
    }
    for (const Node &N : Nodes)
      if (N.hasBody())
        ++Result.Stats.Functions;
  }

  const Classification &classify(NodeId Id) {
    auto [It, Inserted] = Classes.try_emplace(Id);
    if (!Inserted)
      return It->second;
    Classification &C = It->second;
    const Node &N = Nodes[Id];
    const Function &F = N.info();
    if (N.Decl->Trusted || F.Trusted) {
      C.K = Classification::Safe;
      return C;
    }
    if (const FunctionRule *R = Rules.match(F.Name, N.hasBody())) {
      C.Rule = R;
      C.K = R->isSafe() ? Classification::Safe : Classification::Leaf;
      if (R->Cat)
        C.Cat = *R->Cat;
      return C;
    }
    if (N.hasBody()) {
      C.K = Classification::Follow;
      return C;
    }
    if (F.IsBuiltin || !Options.ReportUnknown) {
      C.K = Classification::Safe;
      return C;
    }
    C.K = Classification::Leaf;
    C.Cat = Category::Unknown;
    return C;
  }

  /// Every function a call site may enter.
  const std::vector<NodeId> &targets(const CallSite &C) {
    auto [It, Inserted] = TargetCache.try_emplace(&C);
    if (!Inserted)
      return It->second;
    std::vector<NodeId> &T = It->second;
    if (C.Kind == CallKind::Indirect) {
      if (auto A = AddTaken.find(C.Callee); A != AddTaken.end())
        T.assign(A->second.begin(), A->second.end());
      return T;
    }
    auto B = ByUSR.find(C.Callee);
    if (B == ByUSR.end())
      return T;
    NodeId Callee = B->second;
    if (C.Kind == CallKind::Direct) {
      T.push_back(Callee);
      return T;
    }
    // Virtual: the method itself (unless pure) and every overrider, transitively.
    std::vector<NodeId> Work{Callee};
    std::set<NodeId> Seen{Callee};
    while (!Work.empty()) {
      NodeId N = Work.back();
      Work.pop_back();
      if (!Nodes[N].info().IsPureVirtual)
        T.push_back(N);
      for (NodeId O : Nodes[N].Overriders)
        if (Seen.insert(O).second)
          Work.push_back(O);
    }
    return T;
  }

  /// A rule's "safe when argument N is V" exemption holds at this call.
  static bool exempt(const Classification &Cls, const CallSite &C) {
    if (!Cls.Rule || !Cls.Rule->UnlessArg)
      return false;
    return is_contained(C.ConstArgs, *Cls.Rule->UnlessArg);
  }

  // --- roots --------------------------------------------------------------------------------

  void addRoot(NodeId Id, StringRef Context, StringRef Origin) {
    if (!RootIndex.try_emplace(Id, Result.Roots.size()).second)
      return;
    const Function &F = Nodes[Id].info();
    Result.Roots.push_back({F.USR, F.Name, canonicalContext(Context), Origin.str(), F.Loc, {}});
  }

  void findRoots() {
    for (NodeId Id = 0; Id < Nodes.size(); ++Id) {
      const Function &D = *Nodes[Id].Decl;
      if (!D.RootContext.empty() && Nodes[Id].hasBody())
        addRoot(Id, D.RootContext, D.RootOrigin);
    }
    for (const RootSpec &Spec : Options.ExtraRoots) {
      bool Matched = false;
      for (NodeId Id = 0; Id < Nodes.size(); ++Id)
        if (Nodes[Id].hasBody() && wildcardMatch(Spec.Name, Nodes[Id].info().Name)) {
          addRoot(Id, Spec.Context, "config");
          Matched = true;
        }
      if (!Matched)
        Result.Warnings.push_back("root '" + Spec.Name +
                                  "' matches no function defined in the analysed files");
    }
    // Functions that are roots by name (interrupt vectors, HAL callbacks).
    for (const NamedRootRule &R : Rules.namedRoots())
      for (NodeId Id = 0; Id < Nodes.size(); ++Id)
        if (Nodes[Id].isUser() && wildcardMatch(R.Name, Nodes[Id].info().Name))
          addRoot(Id, R.Context, "registration");
    // Registrations: a function passed to a registration API becomes a root.
    if (!Rules.registrations().empty()) {
      for (const Summary &S : Summaries) {
        for (const Function &F : S.Functions)
          for (const CallSite &C : F.Calls) {
            if (C.FunctionArgs.empty() || C.Kind == CallKind::Indirect)
              continue;
            auto It = ByUSR.find(C.Callee);
            if (It == ByUSR.end())
              continue;
            StringRef API = Nodes[It->second].info().Name;
            for (const RegistrationRule &R : Rules.registrations())
              if (R.Argument && wildcardMatch(R.Function, API))
                for (const auto &[Index, USR] : C.FunctionArgs)
                  if (Index == *R.Argument)
                    if (auto T = ByUSR.find(USR); T != ByUSR.end() && Nodes[T->second].hasBody())
                      addRoot(T->second, R.Context, "registration");
          }
        for (const FieldStore &FS : S.FieldStores)
          for (const RegistrationRule &R : Rules.registrations())
            if (!R.Field.empty() && fieldMatches(R.Field, FS.Field))
              if (auto T = ByUSR.find(FS.USR); T != ByUSR.end() && Nodes[T->second].hasBody())
                addRoot(T->second, R.Context, "registration");
      }
    }
    // Overrides of known real-time virtuals.
    if (!Rules.overrides().empty())
      for (NodeId Id = 0; Id < Nodes.size(); ++Id) {
        if (!Nodes[Id].hasBody() || Nodes[Id].Overridden.empty())
          continue;
        if (const OverrideRule *R = overriddenRule(Id))
          addRoot(Id, R->Context, "registration");
      }
  }

  static bool fieldMatches(StringRef Pattern, StringRef Field) {
    if (wildcardMatch(Pattern, Field))
      return true;
    // A bare field name matches the field of any struct.
    return !Pattern.contains("::") && wildcardMatch(Pattern, Field.rsplit("::").second);
  }

  const OverrideRule *overriddenRule(NodeId Id) {
    std::vector<NodeId> Work(Nodes[Id].Overridden.begin(), Nodes[Id].Overridden.end());
    std::set<NodeId> Seen;
    while (!Work.empty()) {
      NodeId N = Work.back();
      Work.pop_back();
      if (!Seen.insert(N).second)
        continue;
      for (const OverrideRule &R : Rules.overrides())
        if (wildcardMatch(R.Method, Nodes[N].info().Name))
          return &R;
      llvm::append_range(Work, Nodes[N].Overridden);
    }
    return nullptr;
  }

  // --- reachability -------------------------------------------------------------------------

  /// One breadth-first walk from all roots at once gives every reachable function its shortest
  /// chain; the sets of roots (and contexts) reaching each function are then propagated over the
  /// strongly connected components in topological order. Linear in the graph, times roots/64.
  void walkFromRoots() {
    const size_t N = Nodes.size(), R = Result.Roots.size();
    Par.assign(N, Parent{NoNode, nullptr, Unreached});
    NearestRoot.assign(N, 0);
    std::vector<std::vector<NodeId>> Succ(N);
    std::deque<NodeId> Queue;
    for (unsigned I = 0; I < R; ++I) {
      NodeId Start = ByUSR[Result.Roots[I].USR];
      if (Par[Start].Depth == Unreached) {
        Par[Start] = Parent{NoNode, nullptr, 0};
        NearestRoot[Start] = I;
        Queue.push_back(Start);
      }
    }
    std::vector<NodeId> Reached;
    while (!Queue.empty()) {
      NodeId U = Queue.front();
      Queue.pop_front();
      Reached.push_back(U);
      const Function *Body = Nodes[U].Def;
      if (!Body)
        continue;
      for (const CallSite &C : Body->Calls)
        for (NodeId T : targets(C)) {
          if (classify(T).K != Classification::Follow)
            continue;
          Succ[U].push_back(T);
          if (Par[T].Depth != Unreached)
            continue;
          Par[T] = Parent{U, &C, Par[U].Depth + 1};
          NearestRoot[T] = NearestRoot[U];
          Queue.push_back(T);
        }
    }
    Result.Stats.ReachableFunctions = 0;
    for (NodeId U : Reached)
      if (Nodes[U].hasBody())
        ++Result.Stats.ReachableFunctions;
    propagateRootSets(Reached, Succ);
  }

  unsigned contextBit(StringRef Context) {
    auto [It, Inserted] = ContextIndex.try_emplace(Context, ContextNames.size());
    if (Inserted)
      ContextNames.push_back(Context.str());
    // More than 64 contexts share the last bit; severityFor then checks all of them.
    return std::min<unsigned>(It->second, 63);
  }

  void propagateRootSets(const std::vector<NodeId> &Reached,
                         const std::vector<std::vector<NodeId>> &Succ) {
    const size_t N = Nodes.size(), R = Result.Roots.size();
    RootSet.assign(N, BitVector());
    ContextMask.assign(N, 0);
    // Tarjan's algorithm, iteratively; components come out sinks first.
    constexpr unsigned Unset = ~0u;
    std::vector<unsigned> Index(N, Unset), Low(N, 0), Component(N, Unset);
    std::vector<char> OnStack(N, 0);
    std::vector<NodeId> Stack;
    std::vector<std::pair<NodeId, size_t>> Frames;
    std::vector<std::vector<NodeId>> Components;
    unsigned Counter = 0;
    for (NodeId Start : Reached) {
      if (Index[Start] != Unset)
        continue;
      auto Enter = [&](NodeId V) {
        Index[V] = Low[V] = Counter++;
        Stack.push_back(V);
        OnStack[V] = 1;
        Frames.push_back({V, 0});
      };
      Enter(Start);
      while (!Frames.empty()) {
        NodeId V = Frames.back().first;
        size_t &Next = Frames.back().second;
        if (Next < Succ[V].size()) {
          NodeId W = Succ[V][Next++];
          if (Index[W] == Unset)
            Enter(W);
          else if (OnStack[W])
            Low[V] = std::min(Low[V], Index[W]);
          continue;
        }
        if (Low[V] == Index[V]) {
          std::vector<NodeId> Members;
          NodeId W;
          do {
            W = Stack.back();
            Stack.pop_back();
            OnStack[W] = 0;
            Component[W] = Components.size();
            Members.push_back(W);
          } while (W != V);
          Components.push_back(std::move(Members));
        }
        Frames.pop_back();
        if (!Frames.empty())
          Low[Frames.back().first] = std::min(Low[Frames.back().first], Low[V]);
      }
    }
    std::vector<NodeId> RootNode(R);
    for (unsigned I = 0; I < R; ++I)
      RootNode[I] = ByUSR[Result.Roots[I].USR];
    std::vector<BitVector> Incoming(Components.size(), BitVector(R));
    std::vector<uint64_t> IncomingMask(Components.size(), 0);
    for (unsigned I = 0; I < R; ++I) {
      unsigned C = Component[RootNode[I]];
      Incoming[C].set(I);
      IncomingMask[C] |= uint64_t(1) << contextBit(Result.Roots[I].Context);
    }
    // Topological order: sources first.
    for (size_t K = Components.size(); K-- > 0;) {
      for (NodeId U : Components[K]) {
        RootSet[U] = Incoming[K];
        ContextMask[U] = IncomingMask[K];
      }
      for (NodeId U : Components[K])
        for (NodeId T : Succ[U])
          if (unsigned C = Component[T]; C != K) {
            Incoming[C] |= Incoming[K];
            IncomingMask[C] |= IncomingMask[K];
          }
      Incoming[K].clear();
    }
  }

  /// What a call into library code can reach before it returns to user code. One effect per
  /// category, each with the shortest path found.
  const std::vector<Effect> &libraryEffects(NodeId Start) {
    auto [It, Inserted] = EffectCache.try_emplace(Start);
    if (!Inserted)
      return It->second;
    std::map<Category, Effect> ByCat;
    DenseMap<NodeId, Parent> P;
    P[Start] = Parent{};
    std::deque<NodeId> Queue{Start};
    auto Steps = [&](NodeId N) {
      std::vector<ChainStep> S;
      for (NodeId Cur = N; P[Cur].From != NoNode; Cur = P[Cur].From)
        S.push_back(step(Cur, *P[Cur].Via));
      std::reverse(S.begin(), S.end());
      return S;
    };
    while (!Queue.empty()) {
      NodeId U = Queue.front();
      Queue.pop_front();
      const Function *Body = Nodes[U].Def;
      if (!Body)
        continue;
      for (const CallSite &C : Body->Calls) {
        // A user-written expression inside a generated function (a default member initialiser)
        // is a site of its own.
        if (!C.InSystemHeader)
          continue;
        const std::vector<NodeId> &Ts = targets(C);
        if (Ts.empty() && C.Kind != CallKind::Direct && !ByCat.count(Category::Indirect)) {
          Effect E{Category::Indirect,
                   C.Kind == CallKind::Indirect ? "indirect call through '" + C.Callee + "'"
                                                : "virtual '" + calleeName(C) + "' with no implementation",
                   nullptr, Steps(U)};
          ByCat.emplace(Category::Indirect, std::move(E));
        }
        for (NodeId T : Ts) {
          const Classification &Cls = classify(T);
          if (Cls.K == Classification::Leaf && !exempt(Cls, C) && !ByCat.count(Cls.Cat)) {
            std::vector<ChainStep> S = Steps(U);
            S.push_back(step(T, C));
            ByCat.emplace(Cls.Cat, Effect{Cls.Cat, Nodes[T].info().Name, Cls.Rule, std::move(S)});
          }
          // Library code calling back into user code stops here: that user function is
          // reachable in its own right and reports its own sites.
          if (Cls.K == Classification::Follow && !Nodes[T].isUser() && !P.count(T)) {
            P[T] = Parent{U, &C, P[U].Depth + 1};
            Queue.push_back(T);
          }
        }
      }
    }
    for (auto &KV : ByCat)
      It->second.push_back(std::move(KV.second));
    return It->second;
  }

  ChainStep step(NodeId Entered, const CallSite &Via) {
    std::string Note = Via.Note;
    if (Via.Kind != CallKind::Direct) {
      StringRef How = Via.Kind == CallKind::Virtual ? "virtual call" : "indirect call";
      Note = Note.empty() ? How.str() : Note + ", " + How.str();
    }
    return {Nodes[Entered].info().Name, Via.Loc, Via.InSystemHeader, std::move(Note)};
  }

  // --- findings -----------------------------------------------------------------------------

  Severity severityFor(NodeId U, Category Cat, std::vector<std::string> &Contexts) {
    Severity S = Severity::Allowed;
    for (unsigned I = 0; I < ContextNames.size(); ++I)
      if (ContextMask[U] & (uint64_t(1) << std::min(I, 63u))) {
        Contexts.push_back(ContextNames[I]);
        S = std::max(S, Rules.profile(ContextNames[I]).severity(Cat));
      }
    return S;
  }

  bool isSuppressed(const SourceLoc &L, Category Cat) {
    auto It = Suppressed.find({L.File, L.Line});
    if (It == Suppressed.end())
      return false;
    return It->second.count(categoryName(Cat).str()) || It->second.count("all");
  }

  /// The shortest chain from a root reaching U, ending at U.
  std::vector<ChainStep> chainTo(NodeId U) {
    std::vector<ChainStep> Steps;
    for (NodeId Cur = U; Par[Cur].From != NoNode; Cur = Par[Cur].From)
      Steps.push_back(step(Cur, *Par[Cur].Via));
    const Root &R = Result.Roots[NearestRoot[U]];
    Steps.push_back({R.Function, R.Loc, false,
                     "real-time root (context '" + R.Context + "', " + R.Origin + ")"});
    std::reverse(Steps.begin(), Steps.end());
    return Steps;
  }

  std::string calleeName(const CallSite &C) {
    if (C.Kind == CallKind::Indirect)
      return "(*)(" + C.Callee + ")";
    auto It = ByUSR.find(C.Callee);
    return It == ByUSR.end() ? C.Callee : Nodes[It->second].info().Name;
  }

  void addFinding(NodeId U, const CallSite &C, const Effect &E) {
    if (isSuppressed(C.Loc, E.Cat)) {
      ++Result.Stats.Suppressed;
      return;
    }
    std::string Callee = calleeName(C);
    auto Key = std::make_tuple(C.Loc.File, C.Loc.Line, C.Loc.Column, E.Cat, Callee);
    if (!Emitted.insert(Key).second)
      return;
    Finding F;
    F.Cat = E.Cat;
    F.Sev = severityFor(U, E.Cat, F.Contexts);
    if (F.Sev == Severity::Allowed) {
      ++Result.Stats.Allowed;
      return;
    }
    F.Site = C.Loc;
    F.SiteFunction = Nodes[U].info().Name;
    F.Callee = Callee;
    F.Leaf = E.Leaf;
    if (E.Rule) {
      F.LeafReason = E.Rule->Reason;
      F.RuleFile = E.Rule->File;
    }
    F.Message = E.Message.empty() ? message(C, F) : E.Message;
    for (unsigned R : RootSet[U].set_bits())
      F.Roots.push_back(Result.Roots[R].Function);
    llvm::sort(F.Roots);
    F.Roots.erase(std::unique(F.Roots.begin(), F.Roots.end()), F.Roots.end());
    F.Chain = chainTo(U);
    F.Chain.push_back({Callee, C.Loc, C.InSystemHeader, C.Note});
    if (C.Kind == CallKind::Virtual)
      F.Chain.back().Note += C.Note.empty() ? "virtual call" : ", virtual call";
    llvm::append_range(F.Chain, E.Steps);
    std::string FP = ruleId(F.Cat) + "|" + F.Site.File + "|" + F.SiteFunction + "|" + F.Callee +
                     "|" + C.Note + "|" + F.Leaf;
    F.Fingerprint = llvm::utohexstr(llvm::xxh3_64bits(FP), /*LowerCase=*/true, /*Width=*/16);
    Result.Findings.push_back(std::move(F));
  }

  std::string message(const CallSite &C, const Finding &F) {
    std::string What = C.Note.empty() ? "'" + F.Callee + "'" : C.Note;
    if (F.Cat == Category::Indirect && C.Kind == CallKind::Indirect && F.Leaf.empty())
      return "indirect call through a pointer to '" + C.Callee +
             "' has no known target in the analysed program";
    if (F.Cat == Category::Indirect && C.Kind == CallKind::Virtual && F.Leaf.empty())
      return "virtual call to '" + F.Callee +
             "' has no implementation in the analysed program";
    if (F.Cat == Category::Unknown && F.Leaf == F.Callee)
      return What + " has no visible body and no rule";
    std::string M = What + " " + categoryPhrase(F.Cat).str();
    if (F.Leaf != F.Callee && !F.Leaf.empty())
      M += " (reaches '" + F.Leaf + "')";
    return M;
  }

  static bool inIRAM(const Function &F) { return StringRef(F.Section).starts_with(".iram"); }

  void reportFindings() {
    for (NodeId U = 0; U < Nodes.size(); ++U) {
      // User functions, and generated ones for their user-written sites.
      if (Par[U].Depth == Unreached || !Nodes[U].Def || Nodes[U].Def->InSystemHeader)
        continue;
      const std::vector<const ForbidRule *> &Forbidden = forbidRulesFor(ContextMask[U]);
      bool CallerInIRAM = inIRAM(Nodes[U].info());
      for (const CallSite &C : Nodes[U].Def->Calls) {
        if (C.InSystemHeader)
          continue;
        const std::vector<NodeId> &Ts = targets(C);
        // No target: a pointer nothing in the program matches, or a pure virtual the program
        // never implements (the implementation lives in a host or a plug-in).
        if (Ts.empty() && C.Kind != CallKind::Direct)
          addFinding(U, C, Effect{Category::Indirect, "", nullptr, {}});
        for (NodeId T : Ts) {
          const Classification &Cls = classify(T);
          const std::string &Name = Nodes[T].info().Name;
          // ESP32: code in IRAM runs while the flash cache is disabled; calling into flash then
          // faults. A call from IRAM code to a user function outside IRAM is a driver finding.
          if (CallerInIRAM && Nodes[T].isUser() && !inIRAM(Nodes[T].info()) &&
              Cls.K == Classification::Follow)
            addFinding(U, C,
                       Effect{Category::Driver, Name, nullptr, {},
                              "'" + Name + "' is not placed in IRAM but is called from IRAM code "
                              "(IRAM_ATTR): it faults while the flash cache is disabled"});
          for (const ForbidRule *R : Forbidden)
            if (wildcardMatch(R->Name, Name) &&
                (R->Unless.empty() ||
                 !(wildcardMatch(R->Unless, Name) ||
                   (!C.Spelled.empty() && wildcardMatch(R->Unless, C.Spelled)))))
              addFinding(U, C, Effect{R->Cat, Name, nullptr, {}});
          if (Cls.K == Classification::Leaf) {
            if (!exempt(Cls, C))
              addFinding(U, C, Effect{Cls.Cat, Name, Cls.Rule, {}});
            continue;
          }
          if (Cls.K == Classification::Follow && !Nodes[T].isUser()) {
            // A throw on a library call's error path (push_back's length_error, lock()'s
            // system_error) is reported only when it is the call's one hazard, as for
            // vector::at: next to an allocation or a lock it adds nothing to act on.
            const std::vector<Effect> &Effects = libraryEffects(T);
            bool OtherHazard = llvm::any_of(Effects, [](const Effect &E) {
              return E.Cat != Category::Exception && E.Cat != Category::Unknown;
            });
            for (const Effect &E : Effects)
              if (!(OtherHazard && E.Cat == Category::Exception))
                addFinding(U, C, E);
          }
        }
      }
    }
    llvm::sort(Result.Findings, [](const Finding &A, const Finding &B) {
      return std::tie(A.Site.File, A.Site.Line, A.Site.Column, A.Cat, A.Callee) <
             std::tie(B.Site.File, B.Site.Line, B.Site.Column, B.Cat, B.Callee);
    });
  }

  const std::vector<const ForbidRule *> &forbidRulesFor(uint64_t Mask) {
    auto [It, Inserted] = ForbidCache.try_emplace(Mask);
    if (Inserted)
      for (unsigned I = 0; I < ContextNames.size(); ++I)
        if (Mask & (uint64_t(1) << std::min(I, 63u)))
          for (const ForbidRule &F : Rules.profile(ContextNames[I]).Forbid)
            It->second.push_back(&F);
    return It->second;
  }

  ArrayRef<Summary> Summaries;
  const RuleSet &Rules;
  const LinkOptions &Options;
  LinkResult Result;

  std::vector<Node> Nodes;
  StringMap<NodeId> ByUSR;
  std::map<std::string, std::set<NodeId>> AddTaken;
  std::map<std::pair<std::string, unsigned>, std::set<std::string>> Suppressed;
  DenseMap<NodeId, Classification> Classes;
  DenseMap<const CallSite *, std::vector<NodeId>> TargetCache;
  DenseMap<NodeId, std::vector<Effect>> EffectCache;
  DenseMap<NodeId, unsigned> RootIndex;
  static constexpr unsigned Unreached = ~0u;
  std::vector<Parent> Par;           ///< shortest-chain parent; Depth == Unreached: not reached
  std::vector<unsigned> NearestRoot; ///< the root that shortest chain starts from
  std::vector<BitVector> RootSet;    ///< every root reaching each function
  std::vector<uint64_t> ContextMask; ///< every context reaching each function (bit per context)
  StringMap<unsigned> ContextIndex;
  std::vector<std::string> ContextNames;
  DenseMap<uint64_t, std::vector<const ForbidRule *>> ForbidCache;
  std::set<std::tuple<std::string, unsigned, unsigned, Category, std::string>> Emitted;
};

} // namespace

LinkResult link(ArrayRef<Summary> Summaries, const RuleSet &Rules, const LinkOptions &Options) {
  return Linker(Summaries, Rules, Options).run();
}

} // namespace rtcheck
