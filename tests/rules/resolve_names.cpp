//===- resolve_names.cpp - the C++ resolver over names read from stdin ----===//
//
// Test helper for test_resolution_conformance.py: loads a rules directory the way the analyzer
// does and prints, for every name on standard input, the entry that RuleSet::match picks for a
// function without a visible body (`name<TAB>entry<TAB>file`, or `-` twice when no rule matches).
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Rules.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <iostream>
#include <string>

int main(int Argc, char **Argv) {
  if (Argc != 2) {
    llvm::errs() << "usage: resolve_names RULES_DIR < names\n";
    return 2;
  }
  rtcheck::RuleSet Rules;
  if (llvm::Error E = Rules.loadDirectory(Argv[1])) {
    llvm::errs() << "resolve_names: " << llvm::toString(std::move(E)) << "\n";
    return 2;
  }
  std::string Name;
  while (std::getline(std::cin, Name)) {
    const rtcheck::FunctionRule *R = Rules.match(Name, /*HasBody=*/false);
    llvm::outs() << Name << '\t' << (R ? R->Name : "-") << '\t'
                 << (R ? llvm::sys::path::filename(R->File).str() : "-") << '\n';
  }
  return 0;
}
