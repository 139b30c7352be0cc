//===- FlowSources.h - what an expression's function value comes from -*- C++ -*-===//
//
// Private to the extraction's address flow (AddressFlow.cpp). Reads an expression as the set of
// sources its function value may come from: a function (`f:`), a library symbol loaded by name
// (`n:`), a slot (`F:` field, `P:` parameter, `V:` variable, `R:` return value, `S:` a site's
// own) or a pool (`*open`: escaped functions only; `*any`: not modelled, type matching), and
// emits the edges of stores into slots.
//
// Slots hold function pointers, tables of them, and `std::function` objects: a std::function
// holds the callables stored into it (a lambda's call operator, a function, a function object's
// `operator()`), so that calling it reaches those and not every callable of its signature. What
// could change a std::function where the flow cannot see it opens its slot like taking the
// address of a pointer slot does: binding it to a non-const reference, `&f`, a non-const member
// other than `operator=` and `operator()`, a function returning a non-const reference to it.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_FLOWSOURCES_H
#define RTCHECK_LIB_EXTRACT_FLOWSOURCES_H

#include "FlowContext.h"
#include "SummaryBuilder.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <string>

namespace rtcheck {

inline constexpr llvm::StringLiteral EscapeSink = "!";
inline constexpr llvm::StringLiteral OpenPool = "*open";
inline constexpr llvm::StringLiteral AnyPool = "*any";

/// A function pointer, a function, a reference to one, or a pointer to a member function.
bool isFunctionLike(clang::QualType T);
/// `std::function<R(A...)>` (or a reference to one): an object calling what was stored into it.
bool isFunctionObject(clang::QualType T);
/// A type whose values are tracked in slots: function-like or a std::function.
inline bool isSlotType(clang::QualType T) { return isFunctionLike(T) || isFunctionObject(T); }
/// An array (of arrays) of function pointers or std::function objects: a table whose elements
/// share one slot.
bool isFunctionTable(clang::QualType T, clang::ASTContext &Ctx);
/// `F:`, `P:`, `V:`, `R:` or `S:` followed by a name.
bool isSlotKey(llvm::StringRef K);

class FlowSources {
public:
  explicit FlowSources(SummaryBuilder &B) : B(B) {}

  /// Function references reached by sources(): the others escape.
  llvm::DenseSet<const clang::DeclRefExpr *> Accounted;

  /// The slot an lvalue of slot type (or table) designates; empty: untracked storage.
  std::string slotOf(const clang::Expr *E);
  /// Every source the value of E may come from.
  void sources(const clang::Expr *E, llvm::SmallVectorImpl<std::string> &Out, unsigned Depth = 0);
  /// Sources of a value stored into a sink of type T: function-like values only; a sink that is
  /// not a function pointer (`void *`, an integer) gets the value by a cast, seen through here.
  void valueSources(const clang::Expr *E, clang::QualType SinkType,
                    llvm::SmallVectorImpl<std::string> &Out);
  /// Stores E into Sink (a slot, or `!`); a sink that is not of slot type is an escape.
  void store(llvm::StringRef Sink, const clang::Expr *E, clang::QualType SinkType);
  /// The slot's values escape and it may hold any escaped function (its address was taken).
  void exposeSlot(llvm::StringRef Slot);
  /// Exposes the slot E designates when E is a std::function lvalue that a non-const reference
  /// or pointer now reaches.
  void exposeObject(const clang::Expr *E);
  void emit(llvm::StringRef From, llvm::StringRef To);

  /// Where the edges of the collector's walk get their context; none for single expressions.
  const FlowContext *Context = nullptr;

private:
  /// Sources of an expression of std::function type.
  void objectSources(const clang::Expr *E, llvm::SmallVectorImpl<std::string> &Out,
                     unsigned Depth);
  /// Sources of a callable a std::function is constructed from.
  void callableSources(const clang::Expr *E, llvm::SmallVectorImpl<std::string> &Out,
                       unsigned Depth);

  SummaryBuilder &B;
  std::map<std::pair<std::string, std::string>, size_t> Emitted;
};

} // namespace rtcheck

#endif
