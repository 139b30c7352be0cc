//===- Rules.h - the rules database and per-context profiles ----*- C++ -*-===//
//
// rules/*.json say what library functions do in real time (docs/rules-format.md). The database
// is data, not code: the analyzer classifies reachable functions by it, the runtime shim takes
// its interceptor categories from it, and docs/rules.md is generated from it.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_RULES_H
#define RTCHECK_RULES_H

#include "rtcheck/Category.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rtcheck {

/// `*` matches any run of characters, `?` exactly one.
bool wildcardMatch(llvm::StringRef Pattern, llvm::StringRef Text);

/// The spellings under which a qualified name is matched against rules, most specific first: the
/// name itself, then each suffix that starts after a top-level `::` and is still qualified
/// (`rt::audio::RtAudio::openStream`, `audio::RtAudio::openStream`, `RtAudio::openStream`).
/// A library that moves into a namespace keeps matching its class-qualified rules; a bare rule
/// (`run`) never matches a qualified name. `::` inside template arguments is not a boundary.
llvm::SmallVector<llvm::StringRef, 4> qualifiedSpellings(llvm::StringRef Name);

/// Pattern matches Name or one of its qualifiedSpellings.
bool qualifiedMatch(llvm::StringRef Pattern, llvm::StringRef Name);

/// `unless_format`: a printf-style call whose format argument is a string literal without any of
/// the conversions that make the implementation allocate is safe (FormatCondition.cpp).
struct FormatCondition {
  unsigned Index = 0;     ///< the format's argument index
  unsigned MaxWidth = 0;  ///< larger field widths and precisions are hazards
  /// Hazards: "$" (positional arguments), "*" (width or precision from an argument), and
  /// conversions with or without their length modifier ("f", "ls").
  std::vector<std::string> Forbid;
  bool safeFor(llvm::StringRef Format) const;
};
/// {"index": N, "max_width": W, "forbid": [...]}; the error says what is wrong.
llvm::Expected<FormatCondition> parseFormatCondition(const llvm::json::Value &V);

struct FunctionRule {
  std::string Name; ///< exact name or wildcard pattern
  std::optional<Category> Cat; ///< empty: safe
  std::string Reason;
  bool Fallback = false; ///< applies only where no body is visible
  std::optional<std::pair<unsigned, int64_t>> UnlessArg;
  /// `when_arg`: the hazard happens only when argument N is the constant V (FreeRTOS's
  /// vTaskSuspend(NULL) suspends the caller; vTaskSuspend(other) does not block it).
  std::optional<std::pair<unsigned, int64_t>> WhenArg;
  /// Happens only when the object called is empty: not at a call the caller checked non-empty.
  bool UnlessChecked = false;
  /// Happens only for an index out of range: not at an `at()` call whose index is proven in range.
  bool UnlessInRange = false;
  std::optional<FormatCondition> UnlessFormat;
  std::string File; ///< where the entry comes from
  /// `noreturn_path`: true, a call to the function is on a path that ends the program or reports
  /// a failed assertion (MSVC's `_wassert`, DPF's `d_safe_assert`); false, a function declared
  /// noreturn after which the program goes on (`longjmp`, `pthread_exit`). Unset: a noreturn
  /// declaration decides.
  std::optional<bool> NoReturnPath;
  bool isSafe() const { return !Cat; }
};

struct RegistrationRule {
  std::string Function; ///< the registration API (exact or wildcard)
  std::optional<unsigned> Argument; ///< the callback's argument index
  std::string Field; ///< or: the callback's struct field (qualified or bare field name)
  /// `called_on`: only calls made on this field (`libcamera::Camera::requestCompleted`, a glob).
  std::string CalledOn;
  std::string Context;
  std::string Reason;
  std::string File;
};

struct OverrideRule {
  std::string Method;
  std::string Context;
  std::string Reason;
  std::string File;
};

/// Functions that are roots by their name alone (Cortex-M `*_IRQHandler`, STM32 HAL callbacks).
struct NamedRootRule {
  std::string Name; ///< exact name or wildcard pattern
  std::string Context;
  std::string Reason;
  std::string File;
};

/// How a program makes a thread real-time: a family's `realtime_threads[]` entries
/// (docs/rules-format.md). The start routine given to a `Create` function is a root when the
/// thread's attributes got a real-time policy from a `SetPolicy` call in the creating function, or
/// when the routine raises its own thread with a `Raise` call.
struct ThreadRule {
  enum Kind { Create, SetPolicy, Raise } K = Create;
  std::string Function;               ///< name or glob
  unsigned Entry = 0;                 ///< Create: the start routine's argument
  std::optional<unsigned> Attributes; ///< Create, SetPolicy: the attribute object's argument
  /// Create: the argument the new thread's handle is written to (`&self->thread`), so that a
  /// Raise on that handle by the creating code makes the routine real-time.
  std::optional<unsigned> Handle;
  unsigned Policy = 0;                ///< SetPolicy, Raise: the policy's argument
  std::vector<int64_t> Realtime;      ///< SetPolicy, Raise: the policy values that are real-time
  /// Raise: the argument that designates the calling thread, as a call (`pthread_self`) or a value.
  unsigned SelfArgument = 0;
  std::string SelfCall;
  std::optional<int64_t> SelfEquals;
  /// Raise: what the call returns when the raise succeeded; the code that runs only when it
  /// returned something else runs before the thread is real-time.
  std::optional<int64_t> Success;
  std::string Context; ///< Create: the roots' context; empty: the rules' default context
  std::string Runtime; ///< the function through which the shim sees this one (runtime/autoscopes.def)
  std::string Reason;
  std::string File;
};

/// Reads one `realtime_threads[]` entry; the error names Path and Where.
llvm::Expected<ThreadRule> parseThreadRule(llvm::StringRef Path, llvm::StringRef Where,
                                           const llvm::json::Object &E);

/// A call a context forbids outright (e.g. non-FromISR FreeRTOS calls inside an ISR).
struct ForbidRule {
  std::string Name;
  std::string Unless;
  Category Cat = Category::Lock;
  std::string Reason;
};

/// Code placed in a memory section that may call only code placed in that section (ESP32: code
/// in IRAM runs while the flash cache is disabled, and calling into flash then faults). From a
/// family file's `sections`.
struct SectionRule {
  std::string Section;     ///< glob over the caller's section name
  Category Cat = Category::Driver;
  std::string Explanation; ///< completes "'callee' ..."
  std::string File;
};

/// The policy the linker applies beyond the function, root and profile tables; every field comes
/// from the rules (docs/rules-format.md). The values here are what an empty rules directory means.
struct LinkPolicy {
  /// The context of a root that names none (--root NAME, [[clang::nonblocking]]): the default
  /// profile's `default_context`.
  std::string DefaultContext = "default";
  std::vector<SectionRule> Sections;
  /// The default profile's `throw_beside_hazard: "drop"`: a throw on a library call's error path
  /// (push_back's length_error, lock()'s system_error) is reported only when it is the call's one
  /// hazard, as for vector::at; next to an allocation or a lock it adds nothing to act on.
  bool ThrowOnlyAlone = false;
};

struct Profile {
  std::string Context;
  std::string Description;
  std::map<Category, Severity> Severities;
  std::vector<ForbidRule> Forbid;
  std::string File;
  Severity severity(Category C) const;
};

class RuleSet {
public:
  /// Loads every *.json family file of Dir (in name order) and Dir/profiles/*.json.
  llvm::Error loadDirectory(llvm::StringRef Dir);
  /// Loads one family or profile file; its entries override earlier ones of the same name.
  llvm::Error loadFile(llvm::StringRef Path);
  /// Loads one family or profile document read from Path (which only names it in errors).
  llvm::Error loadText(llvm::StringRef Path, llvm::StringRef Text);

  /// The rule for a function, honouring `fallback` entries. Null: no rule.
  const FunctionRule *match(llvm::StringRef Name, bool HasBody) const;
  /// The profile of a context (falls back to "default", then to the built-in severities).
  const Profile &profile(llvm::StringRef Context) const;
  bool hasProfile(llvm::StringRef Context) const { return Profiles.count(Context); }

  const std::vector<FunctionRule> &functions() const { return Functions; }
  const std::vector<RegistrationRule> &registrations() const { return Registrations; }
  const std::vector<OverrideRule> &overrides() const { return Overrides; }
  const std::vector<NamedRootRule> &namedRoots() const { return NamedRoots; }
  const std::vector<ThreadRule> &threads() const { return Threads; }
  const llvm::StringMap<Profile> &profiles() const { return Profiles; }
  const std::vector<std::string> &files() const { return Files; }
  const LinkPolicy &policy() const { return Policy; }

private:
  llvm::Error loadFamily(llvm::StringRef Path, const llvm::json::Object &O);
  llvm::Error loadProfile(llvm::StringRef Path, const llvm::json::Object &O);
  llvm::Error loadDefaultPolicy(llvm::StringRef Path, const llvm::json::Object &O);
  void index();

  std::vector<FunctionRule> Functions;
  llvm::StringMap<size_t> Exact;             ///< name -> index of the winning entry
  std::vector<size_t> Patterns;              ///< wildcard entries, most specific first
  std::vector<RegistrationRule> Registrations;
  std::vector<OverrideRule> Overrides;
  std::vector<NamedRootRule> NamedRoots;
  std::vector<ThreadRule> Threads;
  llvm::StringMap<Profile> Profiles;
  Profile BuiltinDefault;
  LinkPolicy Policy;
  std::vector<std::string> Files;
};

/// The canonical spelling of a context: white space removed, `_` read as `-`, so that
/// RTCHECK_REALTIME(firmware_isr) and a reformatted RTCHECK_REALTIME(firmware - isr) both select
/// the firmware-isr profile.
std::string canonicalContext(llvm::StringRef Context);

/// Where the bundled rules live: $RTCHECK_RULES_DIR, else <exe>/../share/rtcheck/rules (the build
/// tree mirrors the install tree; relative, so a moved prefix keeps working). Empty if none exists.
std::string findBundledRulesDir(const char *Argv0);

} // namespace rtcheck

#endif
