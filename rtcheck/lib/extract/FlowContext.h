//===- FlowContext.h - the context of the address flows of a body -*- C++ -*-===//
//
// Private to the extraction. Gives an address-flow edge what the link step needs to follow it per
// caller context (docs/analyzer.md "Context-sensitive flow"): an edge read from a parameter of the
// function making the store gets the conditions under which the store runs (Guards.h), an edge
// into a parameter of a direct call's callee gets that call's constant arguments and the
// parameters the caller hands on unchanged. Only bodies with a function-valued parameter get
// guard regions: only their parameters carry values from a caller's context.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_FLOWCONTEXT_H
#define RTCHECK_LIB_EXTRACT_FLOWCONTEXT_H

#include "Guards.h"
#include <memory>

namespace rtcheck {

class FlowContext {
public:
  explicit FlowContext(SummaryBuilder &B) : B(B) {}

  /// Called as the collector enters and leaves a function (or lambda) body.
  void enterFunction(const clang::FunctionDecl *FD);
  void leaveFunction();
  /// Called as the collector enters and leaves each statement.
  void enter(const clang::Stmt *S);
  void leave(const clang::Stmt *S);

  /// Called around the stores of the arguments of a direct call to Callee.
  void beginCall(const clang::FunctionDecl *Callee, llvm::ArrayRef<const clang::Expr *> Args);
  void endCall() { Call.reset(); }

  /// Fills the context of the edge E, emitted at the current point of the walk.
  void apply(FlowEdge &E) const;

private:
  struct Body {
    const clang::FunctionDecl *FD;
    std::string ParamPrefix; ///< "P:USR#": the slots of this body's parameters
    std::unique_ptr<GuardRegions> Regions;
  };
  struct CallFacts {
    std::string ParamPrefix; ///< the callee's parameters
    std::vector<std::pair<unsigned, int64_t>> ConstArgs;
    std::vector<std::pair<unsigned, unsigned>> ParamArgs;
  };

  SummaryBuilder &B;
  std::vector<Body> Bodies;
  std::optional<CallFacts> Call;
};

/// Merges the context of an edge emitted again at another point: what holds at both.
void mergeFlowContext(FlowEdge &Into, const FlowEdge &Other);

} // namespace rtcheck

#endif
