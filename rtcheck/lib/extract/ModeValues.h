//===- ModeValues.h - mode members and what stores put in them --*- C++ -*-===//
//
// Private to the extraction (#10, modes and levels; docs/constants.md). A mode member is an
// integer member of a class whose objects only its own constructors create; a mode static is a
// private static integer member of such a class or an integer variable of a file or namespace
// (`static int debug;`, `bool a2j_do_debug = false;`). In a program with a named entry point
// every store into them is in code the analysis reads (the link step decides them only once
// the program holds their definition).
//
// Debug levels travel: Rubber Band's `Log` starts from a private static default, a stretcher
// hands `m_log.getDebugLevel()`, counted down by one, to a resampler's parameters struct, and the
// resampler keeps `m_debug_level(parameters.debugLevel)`. StoredValueReader reads what the right
// side of a store can give as alternatives the link step evaluates (MemberStore): a constant, a
// parameter the body never changes, a copy of another mode member of whichever object (`From`,
// also through a getter whose body only returns one), plus or minus a constant, either arm of
// `?:`, and a local variable by its initialiser and assignments, marked as possibly lower when
// the body only counts it down (`--d`, `d -= K`). Anything else is not understood, and the store
// then gives an unknown value.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_MODEVALUES_H
#define RTCHECK_LIB_EXTRACT_MODEVALUES_H

#include "GuardForms.h"
#include "Guards.h"

namespace rtcheck {

/// A class whose objects only its own constructors create: one with a user-provided
/// constructor and no compiler-provided default one (value-initialisation would zero it), no
/// friends, not a template, a union or a library's class.
bool isModeClass(SummaryBuilder &B, const clang::CXXRecordDecl *RD);
/// D when it is an integer, enumeration or pointer member of a mode class.
const clang::FieldDecl *modeField(SummaryBuilder &B, const clang::ValueDecl *D);
/// D (its first declaration) when it is a mode static: not const, volatile or thread-local.
const clang::VarDecl *modeStatic(SummaryBuilder &B, const clang::ValueDecl *D);
/// The mode member or static E reads (`p.level`, `m_level`, `Log::s_level`) through
/// value-keeping casts, or null.
const clang::ValueDecl *modeMemberRead(SummaryBuilder &B, const clang::Expr *E);
/// The mode member or static E itself names (a MemberExpr or DeclRefExpr), or null.
const clang::ValueDecl *modeMemberNamedBy(SummaryBuilder &B, const clang::Expr *E);

/// Reads the right sides of one body's stores.
class StoredValueReader {
public:
  StoredValueReader(SummaryBuilder &B, const GuardRegions &Regions,
                    const guard_forms::VariableUses &Uses)
      : B(B), Regions(Regions), Uses(Uses) {}

  /// The values storing E can give, each in a MemberStore's value fields (Constant, Param
  /// with Mask and ToBool, From, Offset, MayDecrease); empty when one of them is not understood.
  std::vector<MemberStore> alternatives(const clang::Expr *E, unsigned Depth = 0) const;

private:
  bool parameterBits(const clang::Expr *E, MemberStore &S) const;
  bool localValues(const clang::VarDecl *V, std::vector<MemberStore> &Out, unsigned Depth) const;

  SummaryBuilder &B;
  const GuardRegions &Regions;
  const guard_forms::VariableUses &Uses;
};

} // namespace rtcheck

#endif
