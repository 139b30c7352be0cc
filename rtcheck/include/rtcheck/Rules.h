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
  std::optional<FormatCondition> UnlessFormat;
  std::string File; ///< where the entry comes from
  bool isSafe() const { return !Cat; }
};

struct RegistrationRule {
  std::string Function; ///< the registration API (exact or wildcard)
  std::optional<unsigned> Argument; ///< the callback's argument index
  std::string Field; ///< or: the callback's struct field (qualified or bare field name)
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
  llvm::StringMap<Profile> Profiles;
  Profile BuiltinDefault;
  LinkPolicy Policy;
  std::vector<std::string> Files;
};

/// The canonical spelling of a context: white space removed, `_` read as `-`, so that
/// RTCHECK_REALTIME(firmware_isr) and a reformatted RTCHECK_REALTIME(firmware - isr) both select
/// the firmware-isr profile.
std::string canonicalContext(llvm::StringRef Context);

/// Where the bundled rules live: $RTCHECK_RULES_DIR, <exe>/../share/rtcheck/rules, or the source
/// tree's rules/ for an uninstalled build. Empty if none exists.
std::string findBundledRulesDir(const char *Argv0);

} // namespace rtcheck

#endif
