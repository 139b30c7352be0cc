//===- Category.cpp -------------------------------------------------------===//
#include "rtcheck/Category.h"

#include "llvm/Support/ErrorHandling.h"
#include <string>

namespace rtcheck {

llvm::StringRef categoryName(Category C) {
  switch (C) {
#define RTCHECK_CATEGORY(Enum, Name, Sev, Phrase, Description)                                      \
  case Category::Enum:                                                                             \
    return Name;
#include "rtcheck/Categories.def"
  }
  llvm_unreachable("covered switch");
}

std::string ruleId(Category C) { return "rtcheck-" + categoryName(C).str(); }

llvm::StringRef categoryPhrase(Category C) {
  switch (C) {
#define RTCHECK_CATEGORY(Enum, Name, Sev, Phrase, Description)                                      \
  case Category::Enum:                                                                             \
    return Phrase;
#include "rtcheck/Categories.def"
  }
  llvm_unreachable("covered switch");
}

llvm::StringRef categoryDescription(Category C) {
  switch (C) {
#define RTCHECK_CATEGORY(Enum, Name, Sev, Phrase, Description)                                      \
  case Category::Enum:                                                                             \
    return Description;
#include "rtcheck/Categories.def"
  }
  llvm_unreachable("covered switch");
}

Severity defaultSeverity(Category C) {
  switch (C) {
#define RTCHECK_CATEGORY(Enum, Name, Sev, Phrase, Description)                                      \
  case Category::Enum:                                                                             \
    return Severity::Sev;
#include "rtcheck/Categories.def"
  }
  llvm_unreachable("covered switch");
}

std::optional<Category> parseCategory(llvm::StringRef Name) {
  for (Category C : AllCategories)
    if (categoryName(C) == Name)
      return C;
  return std::nullopt;
}

llvm::StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Allowed:
    return "allowed";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  llvm_unreachable("covered switch");
}

std::optional<Severity> parseSeverity(llvm::StringRef Name) {
  if (Name == "allowed")
    return Severity::Allowed;
  if (Name == "warning")
    return Severity::Warning;
  if (Name == "error")
    return Severity::Error;
  return std::nullopt;
}

} // namespace rtcheck
