//===- Finding.h - a finding's identity and its words -----------*- C++ -*-===//
//
// The one home of how a finding is phrased (its message, its chain notes) and how it is
// identified across runs (its fingerprint). The linker fills a Finding's facts and asks this
// module for the message; every emitter (text, SARIF, and later HTML and Markdown) asks it for
// the note lines, so one phrase never exists in two spellings.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_FINDING_H
#define RTCHECK_FINDING_H

#include "rtcheck/Category.h"
#include "rtcheck/Summary.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace rtcheck {

/// One step of the evidence chain: Function is entered by the call at Loc.
struct ChainStep {
  std::string Function;
  SourceLoc Loc;
  bool InSystemHeader = false;
  std::string Note;
};

struct Finding {
  Category Cat = Category::Unknown;
  Severity Sev = Severity::Error;
  std::string Message;
  SourceLoc Site;
  std::string SiteFunction; ///< the user function containing the site
  std::string Callee;       ///< the function called at the site
  std::string Leaf;         ///< the library function or construct that blocks
  std::string LeafReason;   ///< the rule's reason, if a rule classified the leaf
  std::string RuleFile;     ///< the rules file of that rule
  std::vector<std::string> Roots;
  std::vector<std::string> Contexts;
  std::vector<ChainStep> Chain;
  /// Empty unless a caller knows it (a report read back): the emitters then use fingerprint(F).
  std::string Fingerprint;
  CallKind SiteKind = CallKind::Direct; ///< how the site's call is made
  std::string SiteNote;    ///< what makes the site's call implicit ("destructor of 'v'")
  std::string PointerType; ///< an indirect site's pointer type key
  std::vector<std::string> Programs; ///< the programs it occurs in (Programs.h)

  // One finding per (line, category) (#10 cause 6).
  /// Another call on the same line with the same category, folded into this finding.
  struct MergedCall {
    std::string Callee;
    std::string Leaf;
    std::string SiteNote;
    unsigned Column = 0;
  };
  /// The calls folded into this one (mergeByLine); this finding's own call is not repeated.
  std::vector<MergedCall> Merged;
};

/// The message of a finding that reaches Leaf through the call at its site, or whose site's
/// call has no target at all (an empty Leaf with category indirect).
std::string findingMessage(const Finding &F);

/// The message of a call from code placed in a memory section to a function outside it
/// (ESP32 IRAM code calling flash code). Rule is the section rule's explanation.
std::string placementMessage(llvm::StringRef Callee, llvm::StringRef Rule);

/// The name a finding gives an indirect call's callee: the pointer's type.
std::string indirectCalleeName(llvm::StringRef PointerType);

/// The leaf of a call inside library code that has no target in the program: through a pointer
/// of type Name, or to a virtual Name nothing implements.
std::string unresolvedLeaf(CallKind Kind, llvm::StringRef Name);

/// The note a chain step carries: the implicit-call note and, for a call that is not direct,
/// how it dispatches ("destructor of 'v', virtual call").
std::string callNote(llvm::StringRef ImplicitNote, CallKind Kind);

/// The note of a chain's first step.
std::string rootNote(llvm::StringRef Context, llvm::StringRef Origin);

/// One `note:` line under a finding.
struct NoteLine {
  SourceLoc Loc;
  std::string Text;
};

/// What a reader sees of a finding: its message, then the chain from the root as notes with
/// library-internal steps folded into one, then the rule that classified the leaf.
struct FindingWords {
  std::string Message;
  std::vector<NoteLine> Notes;
};
FindingWords describe(const Finding &F);

/// The text of every chain step, unfolded (SARIF code flows keep every step).
std::vector<std::string> chainStepTexts(const Finding &F);

/// Folds the findings of one (file, line, category) into the first by column and callee: its
/// message lists every further callee and leaf, its severity is the strictest, its roots,
/// contexts and programs the union. The first one's fingerprint is the merged finding's, so a
/// finding keeps its identity when another call joins its line. Findings must be sorted by
/// (file, line, column, category, callee) and stay in that order.
void mergeByLine(std::vector<Finding> &Findings);

/// Path relative to Root when it lies under Root, otherwise empty.
llvm::StringRef relativeToRoot(llvm::StringRef Path, llvm::StringRef Root);

/// A finding's identity across runs, checkouts and unrelated edits: a hash of its rule, the
/// site's file name (not its folder), the containing function, the callee, the implicit-call note
/// and the leaf, with lambdas' line and column left out. Line numbers are not part of it, so
/// edits above a site, moving code within its file and renaming its folder keep it; two sites of
/// one function calling one callee share it (a baseline counts them, Baseline.h).
std::string fingerprint(const Finding &F);

} // namespace rtcheck

#endif
