//===- Config.cpp - configuration files and their layering ----------------===//
#include "rtcheck/Config.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
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

Error parseRules(const json::Value &V, StringRef Path, Config &C) {
  const json::Array *A = V.getAsArray();
  if (!A)
    return configError(Path, "'rules' must be an array of paths");
  SmallString<256> Dir(Path);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  sys::path::remove_filename(Dir);
  for (const json::Value &R : *A) {
    std::optional<StringRef> S = R.getAsString();
    if (!S)
      return configError(Path, "'rules' must be an array of paths");
    SmallString<256> P(*S);
    if (!sys::path::is_absolute(P))
      sys::path::make_absolute(Dir, P);
    C.RuleFiles.push_back(std::string(P));
  }
  return Error::success();
}

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

void Config::merge(const Config &Over) {
  // The first root to name a function gives its context, so the upper layer's go first.
  Roots.insert(Roots.begin(), Over.Roots.begin(), Over.Roots.end());
  llvm::append_range(RuleFiles, Over.RuleFiles);
  if (Over.Threshold)
    Threshold = Over.Threshold;
  if (Over.ReportUnknown)
    ReportUnknown = Over.ReportUnknown;
  for (const auto &[Name, Value] : Over.Assume)
    Assume[Name] = Value;
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
    if (Key == "roots") {
      if (Error E = parseRoots(Value, Path, C))
        return E;
    } else if (Key == "rules") {
      if (Error E = parseRules(Value, Path, C))
        return E;
    } else if (Key == "fail_on") {
      std::optional<StringRef> S = Value.getAsString();
      C.Threshold = S ? parseFailOn(*S) : std::nullopt;
      if (!C.Threshold)
        return configError(Path, "'fail_on' must be \"error\", \"warning\" or \"none\"");
    } else if (Key == "assume") {
      if (Error E = parseAssume(Value, Path, C))
        return E;
    } else if (Key == "unknown") {
      C.ReportUnknown = Value.getAsBoolean();
      if (!C.ReportUnknown)
        return configError(Path, "'unknown' must be true or false");
    } else {
      return configError(Path, "unknown key '" + StringRef(Key) + "'");
    }
  }
  return C;
}

Expected<Config> readConfigFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return configError(Path, "cannot read config file: " + Buf.getError().message());
  return parseConfig((*Buf)->getBuffer(), Path);
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
