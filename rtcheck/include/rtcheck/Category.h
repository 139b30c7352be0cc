//===- Category.h - finding categories and severities -----------*- C++ -*-===//
//
// The shared vocabulary of the analyzer, the shim, the rules and the reports.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_CATEGORY_H
#define RTCHECK_CATEGORY_H

#include "llvm/ADT/StringRef.h"
#include <array>
#include <optional>
#include <string>

namespace rtcheck {

enum class Severity { Allowed, Warning, Error };

enum class Category {
#define RTCHECK_CATEGORY(Enum, Name, Sev, Phrase, Description) Enum,
#include "rtcheck/Categories.def"
};

inline constexpr std::array AllCategories = {
#define RTCHECK_CATEGORY(Enum, Name, Sev, Phrase, Description) Category::Enum,
#include "rtcheck/Categories.def"
};

llvm::StringRef categoryName(Category C);
/// "rtcheck-alloc" etc.
std::string ruleId(Category C);
llvm::StringRef categoryPhrase(Category C);
llvm::StringRef categoryDescription(Category C);
Severity defaultSeverity(Category C);
std::optional<Category> parseCategory(llvm::StringRef Name);
/// "alloc, lock, ... or unknown": every category name, for messages that list the valid ones.
std::string categoryList();

llvm::StringRef severityName(Severity S);
std::optional<Severity> parseSeverity(llvm::StringRef Name);

} // namespace rtcheck

#endif
