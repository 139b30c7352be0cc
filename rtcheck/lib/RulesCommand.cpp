//===- RulesCommand.cpp - `rtcheck rules`: list, show, validate -----------===//
#include "rtcheck/Check.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace rtcheck {
namespace {

Error error(const Twine &Message) { return createStringError(inconvertibleErrorCode(), Message); }

std::string describe(const FunctionRule &R) {
  return (R.Cat ? categoryName(*R.Cat).str() : std::string("safe")) +
         (R.Fallback ? " (fallback)" : "");
}

Error validate(ArrayRef<std::string> Files, raw_ostream &OS) {
  if (Files.empty())
    return error("rules validate: name the rules files to validate");
  for (const std::string &F : Files) {
    RuleSet Check;
    if (Error E = Check.loadFile(F))
      return E;
    OS << F << ": ok (" << Check.functions().size() << " functions, "
       << Check.registrations().size() << " registrations, " << Check.overrides().size()
       << " overrides, " << Check.profiles().size() << " profiles)\n";
  }
  return Error::success();
}

void list(const RuleSet &Rules, bool Quiet, raw_ostream &OS) {
  for (const FunctionRule &R : Rules.functions())
    OS << left_justify(R.Name, 44) << " " << left_justify(describe(R), 20) << " "
       << sys::path::filename(R.File) << "\n";
  for (const RegistrationRule &R : Rules.registrations())
    OS << left_justify(R.Function, 44) << " " << left_justify("registers " + R.Context, 20) << " "
       << sys::path::filename(R.File) << "\n";
  for (const OverrideRule &R : Rules.overrides())
    OS << left_justify(R.Method, 44) << " " << left_justify("overridden: " + R.Context, 20) << " "
       << sys::path::filename(R.File) << "\n";
  for (const ThreadRule &R : Rules.threads()) {
    static constexpr const char *Kind[] = {"creates a thread", "sets a policy", "raises itself"};
    OS << left_justify(R.Function, 44) << " " << left_justify(Kind[R.K], 20) << " "
       << sys::path::filename(R.File) << "\n";
  }
  if (Quiet)
    return;
  OS << Rules.functions().size() << " function rules, " << Rules.registrations().size()
     << " registrations, " << Rules.overrides().size() << " overrides, " << Rules.threads().size()
     << " thread rules, " << Rules.profiles().size() << " profiles from " << Rules.files().size()
     << " files\n";
}

Error show(const RuleSet &Rules, ArrayRef<std::string> Args, raw_ostream &OS) {
  if (Args.size() != 1)
    return error("rules show: name one function");
  const FunctionRule *R = Rules.match(Args.front(), /*HasBody=*/false);
  if (!R)
    return make_error<NoRuleMatches>(Args.front());
  OS << Args.front() << ": " << describe(*R) << "\n  rule:   " << R->Name
     << "\n  reason: " << R->Reason << "\n  file:   " << R->File << "\n";
  if (R->UnlessArg)
    OS << "  safe when argument " << R->UnlessArg->first << " is " << R->UnlessArg->second << "\n";
  if (R->WhenArg)
    OS << "  a hazard only when argument " << R->WhenArg->first << " is " << R->WhenArg->second
       << "\n";
  return Error::success();
}

} // namespace

char NoRuleMatches::ID;

Error runRulesCommand(const RulesCommandOptions &Options, raw_ostream &OS) {
  if (Options.Action == "validate")
    return validate(Options.Args, OS);
  if (Options.Action != "list" && Options.Action != "show")
    return error("rules: unknown action '" + Options.Action +
                 "' (expected list, show or validate)");
  Expected<RuleSet> Rules = loadRules(Options.RulesDir, Options.RuleFiles);
  if (!Rules)
    return Rules.takeError();
  if (Options.Action == "show")
    return show(*Rules, Options.Args, OS);
  list(*Rules, Options.Quiet, OS);
  return Error::success();
}

} // namespace rtcheck
