//===- Category.cpp -------------------------------------------------------===//
#include "rtcheck/Category.h"

#include <string>

namespace rtcheck {
namespace {

struct CategoryInfo {
  const char *Name;
  Severity Default;
  const char *Phrase;
  const char *Description;
};

// Indexed by Category; generated from the same list as the enum.
constexpr CategoryInfo Table[] = {
#define RTCHECK_CATEGORY(Enum, Name, Sev, Phrase, Description)                                      \
  {Name, Severity::Sev, Phrase, Description},
#include "rtcheck/Categories.def"
};
static_assert(std::size(Table) == AllCategories.size());

const CategoryInfo &info(Category C) { return Table[static_cast<size_t>(C)]; }

} // namespace

llvm::StringRef categoryName(Category C) { return info(C).Name; }
std::string ruleId(Category C) { return "rtcheck-" + categoryName(C).str(); }
llvm::StringRef categoryPhrase(Category C) { return info(C).Phrase; }
llvm::StringRef categoryDescription(Category C) { return info(C).Description; }
Severity defaultSeverity(Category C) { return info(C).Default; }

std::optional<Category> parseCategory(llvm::StringRef Name) {
  for (Category C : AllCategories)
    if (categoryName(C) == Name)
      return C;
  return std::nullopt;
}

std::string categoryList() {
  std::string List;
  for (size_t I = 0; I < AllCategories.size(); ++I) {
    if (I)
      List += I + 1 == AllCategories.size() ? " or " : ", ";
    List += categoryName(AllCategories[I]);
  }
  return List;
}

llvm::StringRef severityName(Severity S) {
  static constexpr const char *Names[] = {"allowed", "warning", "error"};
  return Names[static_cast<size_t>(S)];
}

std::optional<Severity> parseSeverity(llvm::StringRef Name) {
  for (Severity S : {Severity::Allowed, Severity::Warning, Severity::Error})
    if (severityName(S) == Name)
      return S;
  return std::nullopt;
}

} // namespace rtcheck
