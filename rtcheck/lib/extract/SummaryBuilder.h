//===- SummaryBuilder.h - from Clang declarations to summary entries -*- C++ -*-===//
//
// Private to the extraction: the state shared by the two passes over one translation unit
// (Definitions.cpp collects what the TU defines, CallSites.cpp walks each body). It owns the
// mapping from declarations to Summary entries and the spelling of names, USRs, locations and
// function type keys, so both passes name things alike.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_SUMMARYBUILDER_H
#define RTCHECK_LIB_EXTRACT_SUMMARYBUILDER_H

#include "NestingGuard.h"
#include "rtcheck/Summary.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace rtcheck {

class SummaryBuilder {
public:
  SummaryBuilder(clang::ASTContext &Ctx, Summary &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Out(Out) {}

  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  Summary &Out;

  /// Summary index of a function, creating a declaration-only entry on first sight.
  size_t entryFor(const clang::FunctionDecl *FD);
  /// Summary index of a synthetic runtime function (e.g. __cxa_throw) that no declaration names.
  size_t runtimeEntry(llvm::StringRef Name);
  /// The libatomic function an atomic builtin that is not lock-free calls (`__atomic_load`).
  static llvm::StringRef libatomicName(const clang::AtomicExpr *E);

  std::string usrOf(const clang::Decl *D);
  std::string nameOf(const clang::FunctionDecl *FD);
  /// A builtin that expands inline (no library call): safe by construction.
  bool isPureBuiltin(const clang::FunctionDecl *FD);
  bool isSystem(clang::SourceLocation L);
  /// The expansion location as an absolute path; notes the file as a user file when it is one.
  SourceLoc loc(clang::SourceLocation L);

  /// The key under which indirect calls find address-taken functions: the canonical function
  /// type, prefixed by the class for member functions.
  std::string typeKey(clang::QualType T, const clang::CXXRecordDecl *Class);
  std::string typeKeyOf(const clang::FunctionDecl *FD);

  /// Records a class and its bases, transitively, in Out.Classes (once each); returns its USR.
  std::string noteClass(const clang::CXXRecordDecl *RD);
  /// Records that the TU creates a complete object of RD (once).
  void noteConstructed(const clang::CXXRecordDecl *RD) {
    std::string USR = noteClass(RD);
    if (ConstructedSeen.insert(USR).second)
      Out.ConstructedClasses.push_back(std::move(USR));
  }

  /// Files outside system headers that locations were taken in: where suppressions are read.
  llvm::DenseSet<clang::FileID> UserFiles;
  llvm::DenseMap<clang::FileID, std::string> FileNames;

  /// Bounds both walks' recursion; once exceeded, the TU is not summarized.
  NestingGuard Nesting;

private:
  void readAnnotations(const clang::FunctionDecl *FD, Function &F);

  llvm::DenseMap<const clang::FunctionDecl *, size_t> Index;
  llvm::StringMap<size_t> RuntimeIndex;
  llvm::DenseMap<const clang::CXXRecordDecl *, std::string> ClassUSRs;
  llvm::StringSet<> ConstructedSeen;
};

/// Every function an expression may name (a conditional names both of its branches), looking
/// through casts, `&`, comma operators, variables' initialisers, lambdas and wrappers such as
/// std::function constructed from a callable.
llvm::SmallVector<const clang::FunctionDecl *, 2> functionsNamedBy(const clang::Expr *E);

/// A constant that reads as zero: an integer 0, or a struct all of whose fields and bases do (a
/// struct timeout such as Zephyr's K_NO_WAIT, `(k_timeout_t){0}`).
bool isAllZero(const clang::APValue &V);

/// The variable or field an argument designates (`&attr`, `attr`, `&self->attr`): its USR; empty
/// for anything else.
std::string objectNamedBy(SummaryBuilder &B, const clang::Expr *Arg);

/// Pass 1: every definition the TU provides (template instantiations, implicit special members
/// and lambda bodies included). Records address-taken functions and function-valued field
/// stores in B.Out on the way.
llvm::SetVector<const clang::FunctionDecl *> collectDefinitions(SummaryBuilder &B);

/// Pass 2: the call sites of one body, explicit and implicit.
std::vector<CallSite> callSitesOf(SummaryBuilder &B, const clang::FunctionDecl *FD);

/// Address flow (AddressFlow.cpp): the flows of the whole TU into B.Out.Flows.
void collectAddressFlows(SummaryBuilder &B);
/// The functions the dynamic initialisers of the TU's globals always call (GlobalInits.cpp).
void collectBeforeMainCalls(SummaryBuilder &B);
/// Calls Visit on every variable declared at namespace scope or as a static member of a class
/// the TU defines (through namespaces, `extern "C"` blocks and class definitions).
void forEachNamespaceScopeVar(const clang::ASTContext &Ctx,
                              llvm::function_ref<void(const clang::VarDecl *)> Visit);
/// The slot an indirect call's callee is read from (a call of Caller at Loc gets a slot of its
/// own when it reads several); empty when the callee is an expression the extraction does not
/// model.
std::string indirectCalleeSlot(SummaryBuilder &B, const clang::Expr *Callee,
                               const clang::FunctionDecl *Caller, const SourceLoc &Loc);
/// A call of a std::function (`s.cb(x)`): the slot the object called is read from, as
/// indirectCalleeSlot; empty for any other call.
std::string calledObjectSlot(SummaryBuilder &B, const clang::CallExpr *CE,
                             const clang::FunctionDecl *Caller, const SourceLoc &Loc);
/// The slots the function-pointer arguments of a call are read from, into Site.ArgSlots.
void recordArgumentSlots(SummaryBuilder &B, llvm::ArrayRef<const clang::Expr *> Args,
                         CallSite &Site);

/// Both passes and the suppression comments of the user files: the summary of the TU in Ctx.
/// Returns why the TU cannot be summarized (nesting too deep to walk), or an empty string.
std::string summarizeTranslationUnit(clang::ASTContext &Ctx, Summary &Out);

} // namespace rtcheck

#endif
