//===- Config.cpp - configuration files and their layering ----------------===//
#include "rtcheck/Config.h"

#include "rtcheck/SummaryCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace rtcheck {
namespace {

Error configError(StringRef Path, const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Path + ": " + Message);
}

Error parseRoots(const json::Value &V, StringRef Path, Config &C) {
  const json::Array *A = V.getAsArray();
  if (!A)
    return configError(Path, "'roots' must be an array");
  for (const json::Value &R : *A) {
    if (std::optional<StringRef> S = R.getAsString()) {
      Expected<RootSpec> Spec = parseRootSpec(*S);
      if (!Spec) {
        consumeError(Spec.takeError()); // its message names the command-line flag
        return configError(Path, "each root needs a \"function\"");
      }
      C.Roots.push_back(std::move(*Spec));
      continue;
    }
    const json::Object *O = R.getAsObject();
    std::optional<StringRef> Fn = O ? O->getString("function") : std::nullopt;
    if (!Fn || Fn->empty())
      return configError(Path, "each root needs a \"function\"");
    std::optional<StringRef> Ctx = O->getString("context");
    C.Roots.push_back({Fn->str(), Ctx && !Ctx->empty() ? Ctx->str() : RootSpec().Context});
  }
  return Error::success();
}

/// {"name": integer or boolean, ...}: a variable's qualified name, no leading "::".
Error parseAssume(const json::Value &V, StringRef Path, Config &C) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return configError(Path, "'assume' must be an object of names and integer values");
  for (const auto &[Name, Value] : *O) {
    std::optional<int64_t> N = Value.getAsInteger();
    if (std::optional<bool> B = Value.getAsBoolean())
      N = *B;
    if (!N || StringRef(Name).empty())
      return configError(Path, "'assume' value of '" + StringRef(Name) +
                                   "' must be an integer or a boolean");
    C.Assume[StringRef(Name).ltrim(':').str()] = *N;
  }
  return Error::success();
}

/// An array of strings, or the error "'Key' must be an array of What".
Expected<std::vector<std::string>> stringArray(const json::Value &V, StringRef Path, StringRef Key,
                                               StringRef What) {
  const json::Array *A = V.getAsArray();
  std::vector<std::string> Out;
  for (size_t I = 0; A && I < A->size(); ++I) {
    std::optional<StringRef> S = (*A)[I].getAsString();
    if (!S)
      break;
    Out.push_back(S->str());
  }
  if (!A || Out.size() != A->size())
    return configError(Path, "'" + Key + "' must be an array of " + What);
  return Out;
}

Error parseRules(const json::Value &V, StringRef Path, Config &C) {
  Expected<std::vector<std::string>> Files = stringArray(V, Path, "rules", "paths");
  if (!Files)
    return Files.takeError();
  SmallString<256> Dir(Path);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  sys::path::remove_filename(Dir);
  for (const std::string &F : *Files) {
    SmallString<256> P(F);
    if (!sys::path::is_absolute(P))
      sys::path::make_absolute(Dir, P);
    C.RuleFiles.push_back(std::string(P));
  }
  return Error::success();
}

/// Globs that start with `*` or `/` are kept; others are relative to the file's directory.
Error parseLibrary(const json::Value &V, StringRef Path, Config &C) {
  const json::Array *A = V.getAsArray();
  if (!A)
    return configError(Path, "'library' must be an array of path globs");
  SmallString<256> Dir(Path);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  sys::path::remove_filename(Dir);
  for (const json::Value &G : *A) {
    std::optional<StringRef> S = G.getAsString();
    if (!S || S->empty())
      return configError(Path, "'library' must be an array of path globs");
    SmallString<256> P(*S);
    if (!S->starts_with("*") && !sys::path::is_absolute(P))
      sys::path::make_absolute(Dir, P);
    C.Library.push_back(std::string(P));
  }
  return Error::success();
}

Error parseFailOnKey(const json::Value &V, StringRef Path, Config &C) {
  std::optional<StringRef> S = V.getAsString();
  C.Threshold = S ? parseFailOn(*S) : std::nullopt;
  if (!C.Threshold)
    return configError(Path, "'fail_on' must be \"error\", \"warning\" or \"none\"");
  return Error::success();
}

Error parseBool(const json::Value &V, StringRef Path, StringRef Key, bool &Out) {
  std::optional<bool> B = V.getAsBoolean();
  if (!B)
    return configError(Path, "'" + Key + "' must be true or false");
  Out = *B;
  return Error::success();
}

Error parseArgs(const json::Value &V, StringRef Path, StringRef Key,
                std::vector<std::string> &Out) {
  Expected<std::vector<std::string>> Args = stringArray(V, Path, Key, "strings");
  if (!Args)
    return Args.takeError();
  Out = std::move(*Args);
  return Error::success();
}

/// A path, made absolute against the configuration file's directory; "" stays "" (no cache).
Error parseCacheDir(const json::Value &V, StringRef Path, Config &C) {
  std::optional<StringRef> S = V.getAsString();
  if (!S)
    return configError(Path, "'cache_dir' must be a path (\"\": no cache)");
  SmallString<256> P(*S);
  if (!P.empty() && !sys::path::is_absolute(P)) {
    SmallString<256> Dir(Path);
    sys::fs::make_absolute(Dir);
    sys::path::remove_filename(Dir);
    sys::path::make_absolute(Dir, P);
    sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  }
  C.CacheDir = std::string(P);
  return Error::success();
}

Error parseCacheMaxSize(const json::Value &V, StringRef Path, Config &C) {
  if (std::optional<int64_t> N = V.getAsInteger(); N && *N >= 0) {
    C.CacheMaxBytes = *N;
    return Error::success();
  }
  Expected<uint64_t> N = V.getAsString() ? parseCacheSize(*V.getAsString())
                                         : createStringError(inconvertibleErrorCode(), "");
  if (!N) {
    consumeError(N.takeError());
    return configError(Path, "'cache_max_size' must be a number of bytes or a size such as "
                             "\"500M\" or \"2G\"");
  }
  C.CacheMaxBytes = *N;
  return Error::success();
}

json::Array rootsDocument(const std::vector<RootSpec> &Roots) {
  json::Array A;
  for (const RootSpec &R : Roots) {
    if (R.Context.empty())
      A.push_back(R.Name);
    else
      A.push_back(json::Object{{"function", R.Name}, {"context", R.Context}});
  }
  return A;
}

/// One configuration key: how a document sets it, how an upper layer overrides a lower one and
/// how the effective value is shown. Dump may be null for keys that are not settings.
struct ConfigKey {
  StringRef Name;
  Error (*Parse)(const json::Value &V, StringRef Path, Config &C);
  void (*Merge)(Config &Under, const Config &Over);
  void (*Dump)(const Config &C, json::Object &Out);
};

template <typename T> void prependAll(std::vector<T> &Under, const std::vector<T> &Over) {
  Under.insert(Under.begin(), Over.begin(), Over.end());
}

const ConfigKey Keys[] = {
    {"roots", parseRoots,
     // The first root naming a function gives its context, so the upper layer's go first.
     [](Config &U, const Config &O) { prependAll(U.Roots, O.Roots); },
     [](const Config &C, json::Object &Out) { Out["roots"] = rootsDocument(C.Roots); }},
    {"rules", parseRules,
     // Later rules files override earlier ones, so the upper layer's load last.
     [](Config &U, const Config &O) { append_range(U.RuleFiles, O.RuleFiles); },
     [](const Config &C, json::Object &Out) { Out["rules"] = C.RuleFiles; }},
    {"fail_on", parseFailOnKey,
     [](Config &U, const Config &O) {
       if (O.Threshold)
         U.Threshold = O.Threshold;
     },
     [](const Config &C, json::Object &Out) { Out["fail_on"] = failOnName(C.failOn()); }},
    {"unknown",
     [](const json::Value &V, StringRef Path, Config &C) -> Error {
       bool B = true;
       if (Error E = parseBool(V, Path, "unknown", B))
         return E;
       C.ReportUnknown = B;
       return Error::success();
     },
     [](Config &U, const Config &O) {
       if (O.ReportUnknown)
         U.ReportUnknown = O.ReportUnknown;
     },
     [](const Config &C, json::Object &Out) { Out["unknown"] = C.reportUnknown(); }},
    {"extra_args",
     [](const json::Value &V, StringRef Path, Config &C) {
       return parseArgs(V, Path, "extra_args", C.ExtraArgs);
     },
     // Appended arguments: the upper layer's come last, so they win where flags conflict.
     [](Config &U, const Config &O) { append_range(U.ExtraArgs, O.ExtraArgs); },
     [](const Config &C, json::Object &Out) { Out["extra_args"] = C.ExtraArgs; }},
    {"extra_args_before",
     [](const json::Value &V, StringRef Path, Config &C) {
       return parseArgs(V, Path, "extra_args_before", C.ExtraArgsBefore);
     },
     [](Config &U, const Config &O) { append_range(U.ExtraArgsBefore, O.ExtraArgsBefore); },
     [](const Config &C, json::Object &Out) { Out["extra_args_before"] = C.ExtraArgsBefore; }},
    // Paths that end the program and code that is not the user's (#10 causes 3 and 5).
    {"noreturn_paths",
     [](const json::Value &V, StringRef Path, Config &C) -> Error {
       bool B = false;
       if (Error E = parseBool(V, Path, "noreturn_paths", B))
         return E;
       C.NoReturnPaths = B;
       return Error::success();
     },
     [](Config &U, const Config &O) {
       if (O.NoReturnPaths)
         U.NoReturnPaths = O.NoReturnPaths;
     },
     [](const Config &C, json::Object &Out) { Out["noreturn_paths"] = C.noReturnPaths(); }},
    {"nonblocking_promises",
     [](const json::Value &V, StringRef Path, Config &C) -> Error {
       bool B = true;
       if (Error E = parseBool(V, Path, "nonblocking_promises", B))
         return E;
       C.NonBlockingPromises = B;
       return Error::success();
     },
     [](Config &U, const Config &O) {
       if (O.NonBlockingPromises)
         U.NonBlockingPromises = O.NonBlockingPromises;
     },
     [](const Config &C, json::Object &Out) {
       Out["nonblocking_promises"] = C.nonBlockingPromises();
     }},
    {"library", parseLibrary,
     [](Config &U, const Config &O) { append_range(U.Library, O.Library); },
     [](const Config &C, json::Object &Out) { Out["library"] = C.Library; }},
    {"assume", parseAssume,
     // An upper layer's value for a name replaces ours.
     [](Config &U, const Config &O) {
       for (const auto &[Name, Value] : O.Assume)
         U.Assume[Name] = Value;
     },
     [](const Config &C, json::Object &Out) {
       json::Object A;
       for (const auto &[Name, Value] : C.Assume)
         A[Name] = Value;
       Out["assume"] = std::move(A);
     }},
    // Summary cache (#13 section 4): shown only when set, the default depends on the user.
    {"cache_dir", parseCacheDir,
     [](Config &U, const Config &O) {
       if (O.CacheDir)
         U.CacheDir = O.CacheDir;
     },
     [](const Config &C, json::Object &Out) {
       if (C.CacheDir)
         Out["cache_dir"] = *C.CacheDir;
     }},
    {"cache_max_size", parseCacheMaxSize,
     [](Config &U, const Config &O) {
       if (O.CacheMaxBytes)
         U.CacheMaxBytes = O.CacheMaxBytes;
     },
     [](const Config &C, json::Object &Out) {
       if (C.CacheMaxBytes)
         Out["cache_max_size"] = int64_t(*C.CacheMaxBytes);
     }},
    {"root",
     [](const json::Value &V, StringRef Path, Config &C) {
       return parseBool(V, Path, "root", C.StopsDiscovery);
     },
     [](Config &, const Config &) {}, nullptr},
};

} // namespace

std::optional<FailOn> parseFailOn(StringRef Name) {
  if (Name == "error")
    return FailOn::Error;
  if (Name == "warning")
    return FailOn::Warning;
  if (Name == "none")
    return FailOn::None;
  return std::nullopt;
}

StringRef failOnName(FailOn F) {
  switch (F) {
  case FailOn::Error:
    return "error";
  case FailOn::Warning:
    return "warning";
  case FailOn::None:
    return "none";
  }
  llvm_unreachable("covered switch");
}

void Config::merge(const Config &Over) {
  for (const ConfigKey &K : Keys)
    K.Merge(*this, Over);
  append_range(Sources, Over.Sources);
}

Expected<Config> parseConfig(StringRef Text, StringRef Path) {
  Expected<json::Value> V = json::parse(Text);
  if (!V)
    return configError(Path, "invalid JSON: " + toString(V.takeError()));
  const json::Object *Obj = V->getAsObject();
  if (!Obj)
    return configError(Path, "expected a JSON object");
  Config C;
  for (const auto &[Key, Value] : *Obj) {
    StringRef Name = Key;
    const ConfigKey *K = find_if(Keys, [&](const ConfigKey &K) { return K.Name == Name; });
    if (K == std::end(Keys))
      return configError(Path, "unknown key '" + StringRef(Key) + "'");
    if (Error E = K->Parse(Value, Path, C))
      return E;
  }
  return C;
}

Expected<Config> readConfigFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return configError(Path, "cannot read config file: " + Buf.getError().message());
  Expected<Config> C = parseConfig((*Buf)->getBuffer(), Path);
  if (C)
    C->Sources.push_back(Path.str());
  return C;
}

json::Object dumpConfig(const Config &C) {
  json::Object Out;
  for (const ConfigKey &K : Keys)
    if (K.Dump)
      K.Dump(C, Out);
  return Out;
}

Expected<std::pair<std::string, int64_t>> parseAssumeSpec(StringRef Spec) {
  auto [Name, Text] = Spec.split('=');
  Name = Name.trim().ltrim(':');
  Text = Text.trim();
  int64_t Value = 0;
  if (Text == "true" || Text == "false")
    Value = Text == "true";
  else if (Text.empty() || Text.getAsInteger(0, Value))
    return createStringError(inconvertibleErrorCode(),
                             "--assume needs NAME=VALUE with an integer value: '" + Spec + "'");
  if (Name.empty())
    return createStringError(inconvertibleErrorCode(), "--assume needs a variable name");
  return std::make_pair(Name.str(), Value);
}

Expected<RootSpec> parseRootSpec(StringRef Spec) {
  auto [Name, Context] = Spec.split('=');
  if (Name.empty())
    return createStringError(inconvertibleErrorCode(), "--root needs a function name");
  RootSpec R;
  R.Name = Name.str();
  if (!Context.empty())
    R.Context = Context.str();
  return R;
}

} // namespace rtcheck
