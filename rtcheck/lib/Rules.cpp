//===- Rules.cpp - loading and matching the rules database ----------------===//
#include "rtcheck/Rules.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"

using namespace llvm;

namespace rtcheck {

bool wildcardMatch(StringRef P, StringRef T) {
  // Iterative matcher with single-star backtracking: linear in practice, no recursion.
  size_t PI = 0, TI = 0, Star = StringRef::npos, Mark = 0;
  while (TI < T.size()) {
    if (PI < P.size() && (P[PI] == '?' || P[PI] == T[TI])) {
      ++PI;
      ++TI;
    } else if (PI < P.size() && P[PI] == '*') {
      Star = PI++;
      Mark = TI;
    } else if (Star != StringRef::npos) {
      PI = Star + 1;
      TI = ++Mark;
    } else {
      return false;
    }
  }
  while (PI < P.size() && P[PI] == '*')
    ++PI;
  return PI == P.size();
}

SmallVector<StringRef, 4> qualifiedSpellings(StringRef Name) {
  SmallVector<StringRef, 4> Out{Name};
  SmallVector<size_t, 4> Boundaries; // offsets just after each top-level "::"
  int Depth = 0;
  for (size_t I = 0; I + 1 < Name.size(); ++I) {
    char C = Name[I];
    if (C == '<' || C == '(')
      ++Depth;
    else if ((C == '>' || C == ')') && Depth > 0)
      --Depth;
    else if (Depth == 0 && C == ':' && Name[I + 1] == ':') {
      Boundaries.push_back(I + 2);
      ++I;
    }
  }
  // A suffix after the last boundary is a bare name: only suffixes before it stay qualified.
  for (size_t K = 0; K + 1 < Boundaries.size(); ++K)
    Out.push_back(Name.drop_front(Boundaries[K]));
  return Out;
}

bool qualifiedMatch(StringRef Pattern, StringRef Name) {
  return any_of(qualifiedSpellings(Name), [&](StringRef S) { return wildcardMatch(Pattern, S); });
}

Severity Profile::severity(Category C) const {
  auto It = Severities.find(C);
  return It == Severities.end() ? defaultSeverity(C) : It->second;
}

namespace {

Error entryError(StringRef Path, const Twine &Where, const Twine &What) {
  return createStringError(inconvertibleErrorCode(), "%s: %s: %s", Path.str().c_str(),
                           Where.str().c_str(), What.str().c_str());
}

Error checkKeys(StringRef Path, const Twine &Where, const json::Object &O,
                std::initializer_list<StringRef> Allowed) {
  for (const auto &KV : O)
    if (!is_contained(Allowed, StringRef(KV.first)))
      return entryError(Path, Where, "unknown key '" + StringRef(KV.first) + "'");
  return Error::success();
}

Expected<std::string> requireString(StringRef Path, const Twine &Where, const json::Object &O,
                                    StringRef Key, bool Required = true) {
  const json::Value *V = O.get(Key);
  if (!V) {
    if (Required)
      return entryError(Path, Where, "missing '" + Key + "'");
    return std::string();
  }
  auto S = V->getAsString();
  if (!S)
    return entryError(Path, Where, "'" + Key + "' must be a string");
  return S->str();
}

/// Reads string keys into fields: every Required key must be present, Optional ones may be.
Error readStrings(StringRef Path, const Twine &Where, const json::Object &O,
                  std::initializer_list<std::pair<StringRef, std::string *>> Required,
                  std::initializer_list<std::pair<StringRef, std::string *>> Optional = {}) {
  for (auto [Key, Field] : Required) {
    Expected<std::string> V = requireString(Path, Where, O, Key);
    if (!V)
      return V.takeError();
    *Field = std::move(*V);
  }
  for (auto [Key, Field] : Optional) {
    Expected<std::string> V = requireString(Path, Where, O, Key, /*Required=*/false);
    if (!V)
      return V.takeError();
    *Field = std::move(*V);
  }
  return Error::success();
}

Error checkPattern(StringRef Path, const Twine &Where, StringRef Pattern) {
  if (Pattern.empty())
    return entryError(Path, Where, "empty name");
  if (Pattern.find_first_of("\n\t") != StringRef::npos || Pattern.trim() != Pattern)
    return entryError(Path, Where, "bad name or glob '" + Pattern + "' (stray white space)");
  if (Pattern.contains("**"))
    return entryError(Path, Where, "bad glob '" + Pattern + "' ('**' is not supported)");
  return Error::success();
}

/// Calls Each(Where, Entry) for every object in the array under Key; an absent key is empty.
Error forEachEntry(StringRef Path, const json::Object &O, StringRef Key,
                   function_ref<Error(const std::string &, const json::Object &)> Each) {
  const json::Value *V = O.get(Key);
  if (!V)
    return Error::success();
  const json::Array *A = V->getAsArray();
  if (!A)
    return entryError(Path, Key, "expected an array");
  for (size_t I = 0; I < A->size(); ++I) {
    std::string Where = (Key + "[" + Twine(I) + "]").str();
    const json::Object *E = (*A)[I].getAsObject();
    if (!E)
      return entryError(Path, Where, "expected an object");
    if (Error Err = Each(Where, *E))
      return Err;
  }
  return Error::success();
}

bool isPattern(StringRef Name) { return Name.find_first_of("*?") != StringRef::npos; }

/// Two entries of one file for the same thing are a mistake: which one wins would be an accident
/// of their order. (Across files, the later file overriding the earlier one is the design.)
class DuplicateCheck {
public:
  Error check(StringRef Path, const std::string &Where, const std::string &Key) {
    auto [It, New] = First.try_emplace(Key, Where);
    if (New)
      return Error::success();
    return entryError(Path, Where, "duplicates " + It->second);
  }

private:
  StringMap<std::string> First;
};

} // namespace

Error RuleSet::loadDirectory(StringRef Dir) {
  std::vector<std::string> FamilyFiles, ProfileFiles;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
    if (sys::path::extension(It->path()) == ".json")
      FamilyFiles.push_back(It->path());
  if (EC)
    return createStringError(EC, "%s: cannot read rules directory: %s", Dir.str().c_str(),
                             EC.message().c_str());
  SmallString<256> ProfileDir(Dir);
  sys::path::append(ProfileDir, "profiles");
  if (sys::fs::is_directory(ProfileDir))
    for (sys::fs::directory_iterator It(ProfileDir, EC), End; It != End && !EC; It.increment(EC))
      if (sys::path::extension(It->path()) == ".json")
        ProfileFiles.push_back(It->path());
  llvm::sort(FamilyFiles);
  llvm::sort(ProfileFiles);
  for (const std::string &F : FamilyFiles)
    if (Error E = loadFile(F))
      return E;
  for (const std::string &F : ProfileFiles)
    if (Error E = loadFile(F))
      return E;
  return Error::success();
}

Error RuleSet::loadFile(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "%s: cannot read rules file: %s", Path.str().c_str(),
                             Buf.getError().message().c_str());
  return loadText(Path, (*Buf)->getBuffer());
}

Error RuleSet::loadText(StringRef Path, StringRef Text) {
  Expected<json::Value> V = json::parse(Text);
  if (!V)
    return createStringError(inconvertibleErrorCode(), "%s: invalid JSON: %s", Path.str().c_str(),
                             toString(V.takeError()).c_str());
  const json::Object *O = V->getAsObject();
  if (!O)
    return entryError(Path, "top level", "expected a JSON object");
  Error E = O->get("context") ? loadProfile(Path, *O) : loadFamily(Path, *O);
  if (E)
    return E;
  Files.push_back(Path.str());
  index();
  return Error::success();
}

Error RuleSet::loadFamily(StringRef Path, const json::Object &O) {
  if (Error E = checkKeys(Path, "top level", O,
                          {"family", "description", "sources", "functions", "registrations",
                           "overrides", "roots", "sections", "$schema", "notes",
                           "runtime_exclusions", "realtime_threads"}))
    return E;
  if (!O.get("family"))
    return entryError(Path, "top level", "missing 'family' (or 'context' for a profile)");
  std::vector<FunctionRule> NewFunctions;
  DuplicateCheck Duplicates;
  if (Error Err = forEachEntry(
          Path, O, "functions", [&](const std::string &Entry, const json::Object &E) -> Error {
            std::string Where = Entry;
            if (auto N = E.getString("name"))
              Where += " '" + N->str() + "'";
            if (Error Err =
                    checkKeys(Path, Where, E,
                              {"name", "category", "safe", "reason", "fallback", "unless_arg",
                               "when_arg", "noreturn_path", "unless_checked", "unless_in_range",
                               "unless_format"}))
              return Err;
            FunctionRule R;
            R.File = Path.str();
            if (Error Err = readStrings(Path, Where, E, {{"name", &R.Name}, {"reason", &R.Reason}}))
              return Err;
            if (Error Err = checkPattern(Path, Where, R.Name))
              return Err;
            std::optional<bool> Safe = E.getBoolean("safe");
            if (E.get("safe") && !Safe)
              return entryError(Path, Where, "'safe' must be true or false");
            const json::Value *Cat = E.get("category");
            if (Cat && Safe.value_or(false))
              return entryError(Path, Where, "has both 'category' and 'safe'");
            if (!Cat && !Safe.value_or(false))
              return entryError(Path, Where, "needs 'category' or \"safe\": true");
            if (Cat) {
              auto CatName = Cat->getAsString();
              std::optional<Category> C = CatName ? parseCategory(*CatName) : std::nullopt;
              if (!C)
                return entryError(Path, Where,
                                  "bad category '" + (CatName ? *CatName : StringRef("?")) +
                                      "' (expected " + categoryList() + ")");
              R.Cat = C;
            }
            if (const json::Value *F = E.get("fallback")) {
              if (!F->getAsBoolean())
                return entryError(Path, Where, "'fallback' must be true or false");
              R.Fallback = *F->getAsBoolean();
            }
            if (const json::Value *N = E.get("noreturn_path")) {
              if (!N->getAsBoolean())
                return entryError(Path, Where, "'noreturn_path' must be true or false");
              R.NoReturnPath = *N->getAsBoolean();
            }
            if (const json::Value *U = E.get("unless_checked")) {
              if (!U->getAsBoolean())
                return entryError(Path, Where, "'unless_checked' must be true or false");
              R.UnlessChecked = *U->getAsBoolean();
            }
            if (const json::Value *U = E.get("unless_in_range")) {
              if (!U->getAsBoolean())
                return entryError(Path, Where, "'unless_in_range' must be true or false");
              R.UnlessInRange = *U->getAsBoolean();
            }
            for (auto [Key, Into] : {std::pair{"unless_arg", &R.UnlessArg},
                                     std::pair{"when_arg", &R.WhenArg}}) {
              const json::Value *U = E.get(Key);
              if (!U)
                continue;
              const json::Object *UO = U->getAsObject();
              std::optional<int64_t> Idx = UO ? UO->getInteger("index") : std::nullopt;
              std::optional<int64_t> Val = UO ? UO->getInteger("equals") : std::nullopt;
              if (!Idx || !Val || *Idx < 0 || UO->size() != 2)
                return entryError(Path, Where,
                                  "'" + std::string(Key) +
                                      "' must be {\"index\": N, \"equals\": V}");
              *Into = {unsigned(*Idx), *Val};
            }
            if (const json::Value *U = E.get("unless_format")) {
              Expected<FormatCondition> F = parseFormatCondition(*U);
              if (!F)
                return entryError(Path, Where, toString(F.takeError()));
              R.UnlessFormat = std::move(*F);
            }
            std::string Key = "function " + R.Name;
            if (R.UnlessArg)
              Key += " unless " + std::to_string(R.UnlessArg->first) + "=" +
                     std::to_string(R.UnlessArg->second);
            if (Error Err = Duplicates.check(Path, Where, Key))
              return Err;
            NewFunctions.push_back(std::move(R));
            return Error::success();
          }))
    return Err;
  std::vector<RegistrationRule> NewRegistrations;
  if (Error Err = forEachEntry(
          Path, O, "registrations", [&](const std::string &Where, const json::Object &E) -> Error {
            if (Error Err = checkKeys(Path, Where, E,
                                      {"function", "argument", "field", "called_on", "context",
                                       "reason"}))
              return Err;
            RegistrationRule R;
            R.File = Path.str();
            if (Error Err = readStrings(
                    Path, Where, E,
                    {{"function", &R.Function}, {"context", &R.Context}, {"reason", &R.Reason}},
                    {{"field", &R.Field}, {"called_on", &R.CalledOn}}))
              return Err;
            if (const json::Value *Arg = E.get("argument")) {
              auto N = Arg->getAsInteger();
              if (!N || *N < 0)
                return entryError(Path, Where, "'argument' must be a non-negative integer");
              R.Argument = unsigned(*N);
            }
            if (!R.Argument && R.Field.empty())
              return entryError(Path, Where, "needs 'argument' or 'field'");
            if (Error Err = Duplicates.check(
                    Path, Where,
                    "registration " + R.Function + " " +
                        (R.Argument ? std::to_string(*R.Argument) : std::string("-")) + " " +
                        R.Field + " " + R.CalledOn))
              return Err;
            NewRegistrations.push_back(std::move(R));
            return Error::success();
          }))
    return Err;
  std::vector<OverrideRule> NewOverrides;
  if (Error Err = forEachEntry(
          Path, O, "overrides", [&](const std::string &Where, const json::Object &E) -> Error {
            if (Error Err = checkKeys(Path, Where, E, {"method", "context", "reason"}))
              return Err;
            OverrideRule R;
            R.File = Path.str();
            if (Error Err = readStrings(
                    Path, Where, E,
                    {{"method", &R.Method}, {"context", &R.Context}, {"reason", &R.Reason}}))
              return Err;
            if (Error Err = Duplicates.check(Path, Where, "override " + R.Method))
              return Err;
            NewOverrides.push_back(std::move(R));
            return Error::success();
          }))
    return Err;
  std::vector<NamedRootRule> NewRoots;
  if (Error Err = forEachEntry(
          Path, O, "roots", [&](const std::string &Where, const json::Object &E) -> Error {
            if (Error Err = checkKeys(Path, Where, E, {"name", "context", "reason"}))
              return Err;
            NamedRootRule R;
            R.File = Path.str();
            if (Error Err = readStrings(
                    Path, Where, E,
                    {{"name", &R.Name}, {"context", &R.Context}, {"reason", &R.Reason}}))
              return Err;
            if (Error Err = checkPattern(Path, Where, R.Name))
              return Err;
            if (Error Err = Duplicates.check(Path, Where, "root " + R.Name))
              return Err;
            NewRoots.push_back(std::move(R));
            return Error::success();
          }))
    return Err;
  std::vector<SectionRule> NewSections;
  if (Error Err = forEachEntry(
          Path, O, "sections", [&](const std::string &Where, const json::Object &E) -> Error {
            if (Error Err = checkKeys(Path, Where, E, {"section", "category", "reason"}))
              return Err;
            SectionRule R;
            R.File = Path.str();
            std::string Cat;
            if (Error Err = readStrings(Path, Where, E,
                                        {{"section", &R.Section},
                                         {"category", &Cat},
                                         {"reason", &R.Explanation}}))
              return Err;
            std::optional<Category> C = parseCategory(Cat);
            if (!C)
              return entryError(Path, Where,
                                "bad category '" + Cat + "' (expected " + categoryList() + ")");
            if (Error Err = checkPattern(Path, Where, R.Section))
              return Err;
            R.Cat = *C;
            NewSections.push_back(std::move(R));
            return Error::success();
          }))
    return Err;
  std::vector<ThreadRule> NewThreads;
  if (Error Err = forEachEntry(
          Path, O, "realtime_threads",
          [&](const std::string &Where, const json::Object &E) -> Error {
            Expected<ThreadRule> R = parseThreadRule(Path, Where, E);
            if (!R)
              return R.takeError();
            NewThreads.push_back(std::move(*R));
            return Error::success();
          }))
    return Err;
  // Only a fully valid file changes the set.
  llvm::append_range(Threads, NewThreads);
  for (SectionRule &R : NewSections) {
    // A later file's rule for the same section replaces the earlier one.
    llvm::erase_if(Policy.Sections, [&](const SectionRule &Old) { return Old.Section == R.Section; });
    Policy.Sections.push_back(std::move(R));
  }
  llvm::append_range(Functions, NewFunctions);
  llvm::append_range(Registrations, NewRegistrations);
  llvm::append_range(Overrides, NewOverrides);
  llvm::append_range(NamedRoots, NewRoots);
  return Error::success();
}

/// The two linker settings that are not per context live in the default profile.
Error RuleSet::loadDefaultPolicy(StringRef Path, const json::Object &O) {
  const json::Value *Default = O.get("default_context");
  const json::Value *Throw = O.get("throw_beside_hazard");
  if (!Default && !Throw)
    return Error::success();
  if (O.getString("context") != StringRef("default"))
    return entryError(Path, Default ? "default_context" : "throw_beside_hazard",
                      "only the 'default' profile sets the linker's policy");
  if (Default) {
    std::optional<StringRef> Context = Default->getAsString();
    if (!Context || Context->empty())
      return entryError(Path, "default_context", "expected a context name");
    Policy.DefaultContext = canonicalContext(*Context);
  }
  if (Throw) {
    std::optional<StringRef> Mode = Throw->getAsString();
    if (!Mode || (*Mode != "drop" && *Mode != "report"))
      return entryError(Path, "throw_beside_hazard", "expected \"drop\" or \"report\"");
    Policy.ThrowOnlyAlone = *Mode == "drop";
  }
  return Error::success();
}

Error RuleSet::loadProfile(StringRef Path, const json::Object &O) {
  if (Error E = checkKeys(Path, "profile", O,
                          {"context", "description", "severity", "forbid", "$schema", "extends",
                           "default_context", "throw_beside_hazard"}))
    return E;
  if (Error E = loadDefaultPolicy(Path, O))
    return E;
  Profile P;
  P.File = Path.str();
  if (Error Err = readStrings(Path, "profile", O, {{"context", &P.Context}},
                              {{"description", &P.Description}}))
    return Err;
  if (auto Base = O.getString("extends")) {
    auto It = Profiles.find(*Base);
    if (It == Profiles.end())
      return entryError(Path, "extends", "unknown profile '" + *Base + "' (load it first)");
    P.Severities = It->second.Severities;
    P.Forbid = It->second.Forbid;
  }
  if (const json::Value *SV = O.get("severity")) {
    const json::Object *S = SV->getAsObject();
    if (!S)
      return entryError(Path, "severity", "expected an object");
    for (const auto &KV : *S) {
      std::optional<Category> C = parseCategory(KV.first);
      if (!C)
        return entryError(Path, "severity", "bad category '" + StringRef(KV.first) + "'");
      auto SevName = KV.second.getAsString();
      std::optional<Severity> Sev = SevName ? parseSeverity(*SevName) : std::nullopt;
      if (!Sev)
        return entryError(Path, "severity." + StringRef(KV.first),
                          "expected \"error\", \"warning\" or \"allowed\"");
      P.Severities[*C] = *Sev;
    }
  }
  if (Error Err = forEachEntry(
          Path, O, "forbid", [&](const std::string &Where, const json::Object &E) -> Error {
            if (Error Err = checkKeys(Path, Where, E, {"name", "unless", "category", "reason"}))
              return Err;
            ForbidRule F;
            std::string Cat;
            if (Error Err = readStrings(
                    Path, Where, E, {{"name", &F.Name}, {"reason", &F.Reason}, {"category", &Cat}},
                    {{"unless", &F.Unless}}))
              return Err;
            std::optional<Category> C = parseCategory(Cat);
            if (!C)
              return entryError(Path, Where, "bad category '" + Cat + "'");
            if (Error Err = checkPattern(Path, Where, F.Name))
              return Err;
            F.Cat = *C;
            P.Forbid.push_back(std::move(F));
            return Error::success();
          }))
    return Err;
  P.Context = canonicalContext(P.Context);
  Profiles[P.Context] = std::move(P);
  return Error::success();
}

void RuleSet::index() {
  Exact.clear();
  Patterns.clear();
  for (size_t I = 0; I < Functions.size(); ++I) {
    if (isPattern(Functions[I].Name))
      Patterns.push_back(I);
    else
      Exact[Functions[I].Name] = I; // later files win
  }
  // Most specific first: more literal characters, then later files.
  llvm::stable_sort(Patterns, [&](size_t A, size_t B) {
    auto Literal = [](StringRef S) { return S.size() - S.count('*') - S.count('?'); };
    size_t LA = Literal(Functions[A].Name), LB = Literal(Functions[B].Name);
    if (LA != LB)
      return LA > LB;
    return A > B;
  });
}

const FunctionRule *RuleSet::match(StringRef Name, bool HasBody) const {
  auto Applies = [&](const FunctionRule &R) { return !(R.Fallback && HasBody); };
  // The full name first (exact, then globs), then each shorter qualified spelling; those only
  // for a library declaration: a visible body in another namespace is code of its own (a
  // project's `app::String::length`), not the library the rule describes.
  SmallVector<StringRef, 4> Spellings = qualifiedSpellings(Name);
  if (HasBody)
    Spellings.resize(1);
  for (StringRef Spelling : Spellings) {
    if (auto It = Exact.find(Spelling); It != Exact.end() && Applies(Functions[It->second]))
      return &Functions[It->second];
    for (size_t I : Patterns)
      if (Applies(Functions[I]) && wildcardMatch(Functions[I].Name, Spelling))
        return &Functions[I];
  }
  return nullptr;
}

const Profile &RuleSet::profile(StringRef Context) const {
  if (auto It = Profiles.find(Context); It != Profiles.end())
    return It->second;
  if (auto It = Profiles.find("default"); It != Profiles.end())
    return It->second;
  return BuiltinDefault;
}

std::string canonicalContext(StringRef Context) {
  std::string Out;
  for (char C : Context)
    if (!isSpace(C))
      Out += C == '_' ? '-' : C;
  return Out;
}

std::string findBundledRulesDir(const char *Argv0) {
  if (std::optional<std::string> Env = sys::Process::GetEnv("RTCHECK_RULES_DIR"))
    return *Env;
  static int Anchor;
  std::string Exe = sys::fs::getMainExecutable(Argv0, &Anchor);
  if (!Exe.empty()) {
    SmallString<256> Dir(sys::path::parent_path(sys::path::parent_path(Exe)));
    sys::path::append(Dir, "share", "rtcheck", "rules");
    if (sys::fs::is_directory(Dir))
      return std::string(Dir);
  }
  // Never the source tree: an installed or copied analyzer must not pick up a checkout's rules.
  return {};
}

} // namespace rtcheck
