//===- Summary.h - per-translation-unit summaries ---------------*- C++ -*-===//
//
// A summary is everything the link step needs to know about one translation unit, as plain
// serialisable data: the functions it defines or calls (by USR), the call sites in each body
// (explicit and implicit), real-time roots, address-taken functions, overrides and suppression
// comments. A summary is a pure function of its TU, so any build system can produce and cache it.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_SUMMARY_H
#define RTCHECK_SUMMARY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llvm::json {
class Value;
}

namespace rtcheck {

/// Version of the summary format; a summary of another version is rejected at link.
inline constexpr int SummaryFormatVersion = 7;

struct SourceLoc {
  std::string File; ///< absolute, normalised path; empty when unknown
  unsigned Line = 0;
  unsigned Column = 0;
};

enum class CallKind {
  Direct,   ///< a statically known callee
  Virtual,  ///< a virtual call: the callee and every overrider in the program
  Indirect, ///< through a pointer: every address-taken function of the same type
};

// --- constants and modes (#10 item 4) ---
/// One condition a call site's execution depends on: a parameter of the enclosing function
/// (Param >= 0, counted as call arguments are) or a global or member (Var, qualified name),
/// compared with an integer constant (a null pointer is 0, a non-null test `!= 0`).
struct GuardAtom {
  // AnyBit: `x & K` is non-zero; NoBit: it is zero (bit tests, #10 modes).
  enum OpKind { Eq, Ne, Lt, Le, Gt, Ge, AnyBit, NoBit };
  int Param = -1;
  std::string Var;
  OpKind Op = Eq;
  int64_t Value = 0;
};
/// A disjunction: holds when any of its atoms does.
using GuardClause = std::vector<GuardAtom>;
/// GuardAtom::Var naming the result of the call of Callee (USR) at Loc in the same body
/// (`if (pthread_setschedparam(...) == 0) return;`): no fact decides it, but rules may say what
/// a call returns when it fails.
std::string callResultName(llvm::StringRef Callee, const SourceLoc &Loc);
/// GuardAtom::Var naming the member Field of `*this` right after the call of the method Callee
/// (USR) at Loc on `*this` (`openRtApi(api); if (rtapi_) return;`): decided by what the callee
/// leaves in the member (Function::LeavesNonNull), in the caller's context.
std::string memberAfterCallName(llvm::StringRef Field, llvm::StringRef Callee, const SourceLoc &Loc);
/// GuardAtom::Var naming the difference between parameter Param of the function and the global
/// or member Var (`level <= m_debugLevel` is `p0 - Log::m_debugLevel <= 0`, #10 levels): decided
/// when the caller's constant and the member's values settle it.
std::string paramMinusName(unsigned Param, llvm::StringRef Var);
/// The parameter and the variable of a paramMinusName, or nothing for other names.
std::optional<std::pair<unsigned, llvm::StringRef>> parseParamMinus(llvm::StringRef Name);

/// A pointer member a method leaves non-null (Function::LeavesNonNull): it does whenever any one
/// of the cases holds on entry, each a conjunction of atoms on the method's parameters (an empty
/// case: always).
struct MemberLeftSet {
  std::string Field; ///< qualified name, as GuardAtom::Var spells a member
  std::vector<std::vector<GuardAtom>> When;
};

/// A store into an integer member by a body (#10, modes; docs/constants.md):
/// the values a member can hold in a program are those its reachable stores give it.
struct MemberStore {
  std::string Field; ///< qualified name, as GuardAtom::Var spells a member
  /// What is stored: Constant; else parameter Param (masked by Mask when it is not 0, then
  /// converted to bool when ToBool); neither: a value the analysis does not know (also an
  /// escape: the member's address taken, bound to a reference, the object handed out as bytes).
  std::optional<int64_t> Constant;
  int Param = -1;
  int64_t Mask = 0;
  bool ToBool = false;
  /// The conditions under which the store runs (as CallSite::Guards).
  std::vector<GuardClause> Guards;
  /// A constructor's initial value that a later store of the same constructor replaces before
  /// anything can read it, whenever these conditions hold (empty: always). Absent: never.
  std::optional<std::vector<GuardClause>> OverwrittenWhen;
  /// A compound bit store (`m &= ~K`, `m |= x`): the bits it may clear and may set, the others
  /// left as they were; Constant and Param are unused.
  bool BitUpdate = false;
  int64_t MayClear = 0, MaySet = 0;
  // --- levels handed from member to member (#10, levels) ---
  /// A copy of this integer member of a mode class or private static member (qualified name),
  /// of whichever object: `m_level(params.debugLevel)`, `m_level(m_log.getDebugLevel())`.
  std::string From;
  /// Added to the value of Constant, Param or From: `level - 1`.
  int64_t Offset = 0;
  /// The value may also be lower: a local counted down before the store (`if (d > 0) --d;`).
  bool MayDecrease = false;
  bool known() const { return Constant || Param >= 0 || BitUpdate || !From.empty(); }
};

/// A class whose integer members the stores decide (#10, modes): every method it declares
/// must have a body wherever the program calls it.
struct ModeClass {
  std::string Name; ///< qualified
  std::vector<std::string> Fields;  ///< qualified names of its integer members
  std::vector<std::string> Methods; ///< USRs of its user-declared methods and constructors
  /// Its private static integer members (#10, levels): only its methods can store into them,
  /// and they are decided once the program holds their definition (Summary::StaticInits).
  std::vector<std::string> Statics;
};

/// One call made by a function body, explicit or implicit.
struct CallSite {
  CallKind Kind = CallKind::Direct;
  /// Direct/Virtual: the callee's USR. Indirect: the callee's type key.
  std::string Callee;
  SourceLoc Loc;
  /// The site lies in a system header (a library's code, not the user's).
  bool InSystemHeader = false;
  /// What makes an implicit call ("destructor of 'v'", "guard of static 'cache'"); empty otherwise.
  std::string Note;
  /// The macro the user wrote when the call comes from one (`xTimerStartFromISR` expanding to
  /// `xTimerGenericCommand`): profiles' forbid exemptions also match this name.
  std::string Spelled;
  /// Arguments that are integer constants (for rules such as "safe when the timeout is 0").
  std::vector<std::pair<unsigned, int64_t>> ConstArgs;
  /// Arguments that name a function or a lambda (for registration rules): (index, USR).
  std::vector<std::pair<unsigned, std::string>> FunctionArgs;

  // Paths that end the program (#10 cause 3).
  /// The USR of the noreturn function whose call ends every path through this site (the site's
  /// own callee when it is noreturn); empty when control can come back. The link step decides
  /// with the rules whether that function ends the program (docs/analyzer.md).
  std::string PathEndsIn;

  // Calls through a struct field (#10 cause 7: host -> plugin calls, CLAP host functions).
  /// An indirect call through a struct field (`desc->run(h, n)`): the field's qualified name, as
  /// FieldStore spells it, so that a rule can name the call by its field.
  std::string Field;
  // Added for thread roots and receiver-typed virtual calls (#9/#10, entries).
  /// Library calls: arguments that name an object (`&attr`, `&self->attr`, or an integer read
  /// from one, such as a thread handle `self->thread`): (index, USR of the variable or field),
  /// so that rules can relate two calls on one object.
  std::vector<std::pair<unsigned, std::string>> ObjectArgs;
  /// Library calls: arguments that are a call's result (`pthread_self()`): (index, callee name).
  std::vector<std::pair<unsigned, std::string>> CallArgs;
  /// Virtual calls: USR of the receiver's static class; empty when it is the callee's own class.
  std::string Receiver;
  /// The object called was checked non-empty by its `operator bool` on the way here (`if (f) f()`,
  /// `f && f()`): rules' `unless_checked` hazards (std::bad_function_call) cannot happen.
  bool Checked = false;
  /// An exception leaving this call ends the program: the body is noexcept (a destructor, by
  /// default) and the call lies in no `try` block, so std::terminate runs (#10, session 7).
  bool ThrowEndsProgram = false;
  // Address flow (#10, #9): where the function pointers of this call come from.
  /// Indirect calls: the slot the callee pointer is read from (`F:`, `P:`, `V:`, `R:` or a site's
  /// own `S:` slot, see AddressFlow); empty: an expression the extraction does not model, which
  /// is resolved by type alone. Direct calls of a std::function's `operator()`: the slot the
  /// object is read from; empty: the library's body is followed (every invoker of the type).
  std::string Through;
  /// Function-pointer arguments read from a slot: (index, slot key), so that a registration
  /// reached through the user's own wrappers finds what the wrappers' callers pass.
  std::vector<std::pair<unsigned, std::string>> ArgSlots;
  // --- constants and modes (#10 item 4; docs/constants.md) ---
  /// The understood conditions under which the site runs, in conjunctive normal form: every
  /// clause must hold. Anything not understood guards nothing (no clause), so pruning by these
  /// is never less conservative than ignoring them. ConstArgs above also hold null pointers
  /// (as 0) for calls into user code.
  std::vector<GuardClause> Guards;
  /// Arguments that pass one of the caller's parameters on unchanged: (argument, parameter).
  std::vector<std::pair<unsigned, unsigned>> ParamArgs;
  /// Arguments of library calls that are string literals (for rules' `unless_format`).
  std::vector<std::pair<unsigned, std::string>> StringArgs;
  /// The site runs whenever the body runs up to it: at its top level, after no early exit. For
  /// a site of a static's initialisation (StaticInit): whenever that initialisation runs.
  bool Unconditional = false;
  /// The site is part of the one-time initialisation of this function-local static (the
  /// guard and the initialiser's calls): its name, qualified by the function.
  std::string StaticInit;

  // --- constants through return values (#10, newcode; docs/constants.md) ---
  /// Arguments that are the result of a direct call of the same body, or a local variable the
  /// body initialises from one and never changes: (argument, callResultName of that call).
  std::vector<std::pair<unsigned, std::string>> ResultArgs;

  // --- camera and firmware roots (#10, embedded; docs/rules-format.md "registrations") ---
  /// Member calls of library code made on a field of a class (`camera->requestCompleted.connect(
  /// ...)`): the field's qualified name (`libcamera::Camera::requestCompleted`), so that a
  /// registration rule can name the signal and not only its type.
  std::string CalledOn;
  // --- value ranges (#10, ranges; docs/analyzer.md "Indexes in range") ---
  /// `v.at(i)` of a standard container whose index is proven below `v.size()` where the call
  /// runs: rules' `unless_in_range` hazards (std::out_of_range) cannot happen.
  bool InRange = false;
  // --- levels handed from member to member (#10, levels) ---
  /// Arguments of user calls that read an integer member of a mode class or a private static
  /// member (`params.debugLevel`): (argument, qualified name), so that the callee's parameter
  /// holds what the member can.
  std::vector<std::pair<unsigned, std::string>> MemberArgs;
};

/// One `return` of a body (#10, newcode): what it returns, when the link step can know it, and
/// the conditions under which it runs (as CallSite::Guards).
struct ReturnSite {
  std::vector<GuardClause> Guards;
  std::optional<int64_t> Constant; ///< an integer constant or a null pointer (0)
  int Param = -1;                  ///< a parameter the body never changes
  std::string Result;              ///< a direct call's result (callResultName)
  // --- member values fixed by stores (#10, modes) ---
  /// An integer member read (qualified name), masked by Mask when it is not 0, then converted
  /// to bool when ToBool: `return m_parameters.options & OptionProcessRealTime;`.
  std::string Member;
  int64_t Mask = 0;
  bool ToBool = false;
  bool known() const { return Constant || Param >= 0 || !Result.empty() || !Member.empty(); }
};

/// A function defined or referenced by the TU.
struct Function {
  std::string USR;
  std::string Name; ///< qualified name, as rules match it
  SourceLoc Loc;
  bool InSystemHeader = false;
  bool HasBody = false;
  bool IsPureVirtual = false;
  bool IsBuiltin = false; ///< a compiler builtin: no library call is made
  /// Generated by the compiler (implicit or defaulted special member): its effects belong to the
  /// user code that calls it, like a library function's.
  bool CompilerGenerated = false;
  /// The body has a `try` block: an exception thrown below it may be caught there.
  bool Catches = false;
  /// Defined inline (`inline`, or in its class): other TUs may hold the same definition, which
  /// the one-definition rule makes identical.
  bool Inline = false;
  /// Direct overridden methods (USRs).
  std::vector<std::string> Overrides;
  /// Non-empty when the function is a real-time root.
  std::string RootContext; ///< empty in a root: the rules' default context
  std::string RootOrigin;  ///< attribute | annotation; empty: not a root
  bool isRoot() const { return !RootOrigin.empty() || !RootContext.empty(); }
  /// RTCHECK_TRUSTED: treated as safe without looking inside.
  bool Trusted = false;
  std::string TrustedReason;
  /// Type key used to match indirect calls; set for address-taken functions.
  std::string TypeKey;
  /// The section the function is placed in (`__attribute__((section))`, e.g. ESP-IDF's IRAM_ATTR).
  std::string Section;
  std::vector<CallSite> Calls;

  // Function-effect attributes on any declaration (#10 cause 7).
  /// `[[clang::blocking]]`: a call to it is a finding wherever no rule describes it.
  bool DeclaredBlocking = false;
  /// `[[clang::nonblocking]]`: without a body in the program, the declaration is a promise the
  /// link step trusts (unless told not to).
  bool DeclaredNonBlocking = false;
  // Added for receiver-typed virtual calls (#10, entries).
  /// Methods: USR of the class that declares them.
  std::string Class;
  // Rapid type analysis from the program's entries (#10, dpf).
  /// Constructors of polymorphic classes: the USR of the class whose objects a call creates.
  std::string Constructs;
  // --- members a call leaves set (#10, rtapi; docs/constants.md) ---
  /// Methods: pointer members of `*this` that hold a non-null value whenever the method returns
  /// normally, and under which conditions on its parameters.
  std::vector<MemberLeftSet> LeavesNonNull;
  // --- constants through return values (#10, newcode) ---
  /// Every `return` of a body returning an integer or a pointer, in source order, when at least
  /// one of them returns something the link step can know; empty: the result is never known.
  std::vector<ReturnSite> Returns;
  // --- member values fixed by stores (#10, modes) ---
  /// Stores into integer members of ModeClasses, constructor initialisers included.
  std::vector<MemberStore> MemberStores;
  // --- the object a method runs on (#10, bridge; link/SetupOrder) ---
  /// Non-static methods other than constructors of polymorphic classes: the USR of the class of
  /// `*this`. The body runs only once some constructor of that class has been entered.
  std::string ThisClass;
};

/// A polymorphic class of the TU, for resolving virtual calls by the receiver's type.
struct ClassInfo {
  std::string USR;
  std::vector<std::string> Bases; ///< direct bases (USRs)
  /// Objects of the class may be created by code outside the program: it is a library's (defined
  /// in a system header), or one of its constructors is only declared here (CtorsWithoutBody).
  bool LibraryClass = false;
  std::vector<std::string> CtorsWithoutBody;
};

/// A function whose address is taken somewhere in the TU (a possible indirect-call target).
struct AddressTaken {
  std::string USR;
  std::string TypeKey;
};

/// A `// rtcheck-allow(cats): reason` comment, already attached to the line it covers.
struct Suppression {
  std::string File;
  unsigned Line = 0;
  std::vector<std::string> Categories;
  std::string Reason;
};

/// A function stored into a struct field (`cbs.process = fn;`, `{.inputProc = fn}`), for
/// registration rules that name a callback field rather than an argument.
struct FieldStore {
  std::string Field; ///< qualified field name, e.g. "pw_stream_events::process"
  std::string USR;
};

/// One edge of the address-flow graph (docs/formats.md "Address flow"). From is a function
/// (`f:USR`), a function named by a string (`n:jack_connect`, from `dlsym`), a slot, or a pool
/// (`*open`: any function whose address escaped; `*any`: any address-taken function of the
/// call's type). To is a slot, or `!` for an escape to code the analysis cannot see. Slots:
/// `F:record::field`, `P:USR#index` (a parameter), `V:USR` (a variable), `R:USR` (a return
/// value), `S:USR@line:col` (the callee of one indirect call).
struct FlowEdge {
  FlowEdge() = default;
  FlowEdge(std::string From, std::string To) : From(std::move(From)), To(std::move(To)) {}

  std::string From;
  std::string To;

  // --- context-sensitive flow (#10, thread wrappers; docs/analyzer.md "Function pointers") ---
  /// From is a parameter of the function whose body makes the store: the conditions under which
  /// the store runs (as CallSite::Guards), so that a caller whose constants rule them out passes
  /// nothing along this edge.
  std::vector<GuardClause> Guards;
  /// To is a parameter of a direct call's callee: that call's constant arguments and the
  /// caller's parameters it passes on unchanged (as CallSite::ConstArgs and ParamArgs), the
  /// facts the callee's own edges are decided by.
  std::vector<std::pair<unsigned, int64_t>> ConstArgs;
  std::vector<std::pair<unsigned, unsigned>> ParamArgs;
};

// --- where function addresses are taken (#10, bridge; link/SetupOrder) ---
/// One reference to a function that is not a direct call's callee (its address is taken, passed,
/// or stored): nothing can call the function through a pointer before such a place has run.
struct AddressTakenAt {
  std::string USR;
  /// The function whose body takes the address; empty outside every body (a global's
  /// initialiser, which runs before main) and in a block.
  std::string InBody;
  SourceLoc Loc;
};

// --- the bits fields may hold (#10, bridge; link/ValueBits) ---
/// One write of an integer member (GuardAtom::Var names it `record::field`), in any code of the
/// TU: a store, a compound assignment, a constructor's member initialiser, a default member
/// initialiser or an aggregate's initialiser.
struct ValueWrite {
  std::string Var;
  bool AnyBits = false; ///< any value: not a constant, or a write the extraction does not model
  uint64_t Bits = 0;    ///< otherwise: the bits the write may set (`= K`, `|= K`, `^= K`)
  /// The conditions under which the write runs (as CallSite::Guards); empty outside bodies.
  std::vector<GuardClause> Guards;
};
/// The fields of a record's objects may be written by code the analysis cannot see or as raw
/// memory: its address converted to another pointer type (`memset(&s, ...)`, `(char *)&s`), the
/// object handed to or received from a function that may have no body in the program.
struct RawWrite {
  std::string Record; ///< qualified name, as the members' Var starts
  /// Non-empty: the object (or a `void *` to it) is argument Argument of a call of this function
  /// (USR), which writes it unless the program has its body and the object keeps its type, or
  /// the link step knows better (a thread's creation writes only its handle).
  std::string Callee;
  int Argument = -1;
  bool Untyped = false; ///< passed as another pointer type (`void *`)
};

struct Summary {
  std::string MainFile;
  std::vector<Function> Functions;
  std::vector<AddressTaken> AddressTakenFunctions;
  std::vector<Suppression> Suppressions;
  std::vector<FieldStore> FieldStores;

  // Added for receiver-typed virtual calls and rapid type analysis (#10, entries).
  std::vector<ClassInfo> Classes;
  /// Polymorphic classes of which the TU creates complete objects (USRs).
  std::vector<std::string> ConstructedClasses;
  // Address flow (#10, #9): the edges along which function addresses move in this TU.
  std::vector<FlowEdge> Flows;
  // Rapid type analysis from the program's entries (#10, dpf).
  /// Functions called outside any function body (initialisers of globals and static members,
  /// default member initialisers): they run before main, so they are entries of the program.
  std::vector<std::string> InitialiserCalls;
  /// Functions the dynamic initialisers of the TU's globals always call (not in a branch of
  /// `?:`, `&&`, `||` or a lambda): they have run before `main` starts (#10, session 7).
  std::vector<std::string> BeforeMainCalls;
  // --- member values fixed by stores (#10, modes) ---
  /// Classes defined in the TU whose integer members the link step may decide.
  std::vector<ModeClass> ModeClasses;
  /// The initial values of the private static integer members of those classes that the TU
  /// defines (`int Log::m_defaultLevel = 0;`): stores that run whatever the program reaches.
  std::vector<MemberStore> StaticInits;
  // --- where function addresses are taken (#10, bridge) ---
  /// Every place a function's address is taken, in a body or outside all of them.
  std::vector<AddressTakenAt> AddressesTakenAt;
  // --- the bits fields may hold (#10, bridge) ---
  std::vector<ValueWrite> ValueWrites;
  std::vector<RawWrite> RawWrites;
};

llvm::json::Value toJSON(const Summary &S);
llvm::Expected<Summary> summaryFromJSON(const llvm::json::Value &V);

/// Writes a summary atomically (temporary file + rename).
llvm::Error writeSummaryFile(const Summary &S, llvm::StringRef Path);
llvm::Expected<Summary> readSummaryFile(llvm::StringRef Path);

} // namespace rtcheck

#endif
