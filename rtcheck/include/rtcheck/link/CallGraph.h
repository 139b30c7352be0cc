//===- CallGraph.h - the whole program's call graph -------------*- C++ -*-===//
//
// Part one of the link step. Nodes are functions merged by USR over every TU (a definition from
// any TU wins over declarations); edges are the call sites of the bodies. A virtual call targets
// the method and every overrider across TUs, an indirect call every address-taken function of
// its type. Each node is classified once against the rules: followed (a body to walk), safe, or
// a leaf of some category.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_CALLGRAPH_H
#define RTCHECK_LINK_CALLGRAPH_H

#include "rtcheck/Finding.h"
#include "rtcheck/Summary.h"
#include "rtcheck/link/VirtualTargets.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace rtcheck {

class RuleSet;
struct FunctionRule;
class AddressFlow;

using NodeId = unsigned;
inline constexpr NodeId NoNode = ~0u;

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

class CallGraph {
public:
  /// The summaries must outlive the graph: nodes point into them.
  CallGraph(llvm::ArrayRef<Summary> Summaries, const RuleSet &Rules, bool ReportUnknown);
  ~CallGraph();

  size_t size() const { return Nodes.size(); }
  const Node &node(NodeId Id) const { return Nodes[Id]; }
  /// The node of a USR, or NoNode.
  NodeId find(llvm::StringRef USR) const;
  /// Functions with a body in some TU.
  unsigned definedFunctions() const;
  /// The node of a function known only by its name (a `dlsym` string): an existing function of
  /// that name, or a new body-less node, so that the rules apply by name.
  NodeId nodeNamed(llvm::StringRef Name);
  /// Where function addresses flow: what indirect calls resolve to (AddressFlow.h).
  const AddressFlow &flow() const { return *Flow; }
  /// Every address-taken function of an indirect call's type (resolution by type alone).
  const std::set<NodeId> *takenOfType(const CallSite &C) const;

  /// Memoised: how a reached function is treated (trusted, rule, body, unknown).
  const Classification &classify(NodeId Id);
  /// Memoised: every function a call site may enter.
  const std::vector<NodeId> &targets(const CallSite &C);
  /// A rule's "safe when argument N is V" exemption holds at this call, or the call is the
  /// calling thread making itself real-time (rules' realtime_threads[] `raise`).
  bool exempt(const Classification &Cls, const CallSite &C) const;

  /// The name a finding gives the callee of a call site.
  std::string calleeName(const CallSite &C) const;
  /// The chain step of entering Entered through the call Via.
  ChainStep step(NodeId Entered, const CallSite &Via) const;

  // Paths that end the program (#10 cause 3; EndingPaths.cpp).
  /// Report calls on paths that end the program (--noreturn-paths); off by default.
  void reportNoReturnPaths(bool On) { ReportNoReturnPaths = On; }
  /// An exception category effect reached only through an exception that ends the program
  /// (CallSite::ThrowEndsProgram) is not reported.
  bool hidesEndingThrows() const { return !ReportNoReturnPaths; }
  /// The call lies on a path that ends the program (or reports a failed assertion) and such
  /// paths are not reported: it is neither followed nor a finding.
  bool skipped(const CallSite &C);

  // Calls through a struct field that a rule names (#10 cause 7; FieldCalls.cpp).
  /// The node standing for the rule on an indirect call's field (`LV2_Descriptor::run`), or
  /// NoNode when no rule names the field.
  NodeId fieldRuleNode(const CallSite &C) const;

  // Function-effect attributes (#10 cause 7).
  /// Trust a body-less `[[clang::nonblocking]]` declaration as safe (default on).
  void trustNonBlockingPromises(bool On) { TrustNonBlockingPromises = On; }
  /// The body-less nonblocking functions classify() trusted, for a note each.
  const std::set<NodeId> &promisesTrusted() const { return PromisesTrusted; }

  // Rapid type analysis from the program's entries (#10, dpf; EntryReach.h).
  /// From now on only Classes, and the classes whose objects may come from outside the program,
  /// have objects; forgets the targets resolved so far.
  void restrictCreatedClasses(llvm::ArrayRef<std::string> Classes);

  // Statics initialised at setup, from object creation (#10, setupstatic; SetupOrder.h).
  /// Objects of Class (USR) may be created by code outside the program.
  bool createdOutside(llvm::StringRef Class) const {
    return llvm::any_of(CreatedOutside, [&](const std::string &C) { return Class == C; });
  }

private:
  /// Library classes and classes with a constructor defined nowhere in the program.
  std::vector<std::string> CreatedOutside;
  /// Creates the nodes fieldRuleNode returns (all at construction: the graph's size is fixed
  /// once the walks begin).
  void addFieldRuleNodes(llvm::ArrayRef<Summary> Summaries);
  /// A noreturn function ends the program, unless the rules say otherwise, it throws, or its
  /// own paths end in a noreturn function after which the program goes on.
  bool endsProgram(NodeId Id);
  bool ReportNoReturnPaths = false;
  llvm::DenseMap<NodeId, bool> EndsProgram;
  std::deque<Function> FieldFunctions; ///< what fieldRuleNode's nodes point to
  bool TrustNonBlockingPromises = true;
  std::set<NodeId> PromisesTrusted;

  NodeId nodeFor(const Function &F);

  const RuleSet &Rules;
  bool ReportUnknown;
  std::vector<Node> Nodes;
  llvm::StringMap<NodeId> ByUSR;
  std::map<std::string, std::set<NodeId>> TakenByType; ///< by type key
  llvm::DenseMap<NodeId, Classification> Classes;
  llvm::DenseMap<const CallSite *, std::vector<NodeId>> TargetCache;
  ClassHierarchy Hierarchy; ///< for virtual calls resolved by their receiver
  std::unique_ptr<AddressFlow> Flow;
  std::deque<Function> Named; ///< nodes made by nodeNamed
  /// `std::__throw_bad_function_call`: what calling a std::function does besides calling what
  /// it holds (made at construction when the program calls one through a tracked slot).
  NodeId BadFunctionCall = NoNode;
};

} // namespace rtcheck

#endif
