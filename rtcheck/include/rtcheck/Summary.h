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
#include <string>
#include <vector>

namespace llvm::json {
class Value;
}

namespace rtcheck {

/// Version of the summary format; a summary of another version is rejected at link.
inline constexpr int SummaryFormatVersion = 1;

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
  /// Arguments that are integer constants (for rules such as "safe when the timeout is 0").
  std::vector<std::pair<unsigned, int64_t>> ConstArgs;
  /// Arguments that name a function or a lambda (for registration rules): (index, USR).
  std::vector<std::pair<unsigned, std::string>> FunctionArgs;
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
  /// Direct overridden methods (USRs).
  std::vector<std::string> Overrides;
  /// Non-empty when the function is a real-time root.
  std::string RootContext;
  std::string RootOrigin; ///< attribute | annotation
  /// RTCHECK_TRUSTED: treated as safe without looking inside.
  bool Trusted = false;
  std::string TrustedReason;
  /// Type key used to match indirect calls; set for address-taken functions.
  std::string TypeKey;
  /// The section the function is placed in (`__attribute__((section))`, e.g. ESP-IDF's IRAM_ATTR).
  std::string Section;
  std::vector<CallSite> Calls;
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

struct Summary {
  std::string MainFile;
  std::vector<Function> Functions;
  std::vector<AddressTaken> AddressTakenFunctions;
  std::vector<Suppression> Suppressions;
  std::vector<FieldStore> FieldStores;
};

llvm::json::Value toJSON(const Summary &S);
llvm::Expected<Summary> summaryFromJSON(const llvm::json::Value &V);

/// Writes a summary atomically (temporary file + rename).
llvm::Error writeSummaryFile(const Summary &S, llvm::StringRef Path);
llvm::Expected<Summary> readSummaryFile(llvm::StringRef Path);

} // namespace rtcheck

#endif
