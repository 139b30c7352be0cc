// Runtime stacks to function, file and line: the shim writes raw return addresses with their
// module and offset (docs/runtime.md); llvm-symbolizer turns them into demangled, inlining-aware
// frames at report time, so the shim itself never needs debug information.
#include "Internal.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace rtcheck::report::detail {

Frame parseFrame(const std::string &Raw) {
  static const std::regex Full(
      R"(^(0x[0-9a-fA-F]+)(?: in (.+)\+0x[0-9a-fA-F]+)? \((.+)\+0x([0-9a-fA-F]+)\)$)");
  Frame F;
  F.Raw = Raw;
  std::smatch M;
  if (!std::regex_match(Raw, M, Full))
    return F;
  F.Function = M[2].matched ? demangle(M[2].str()) : std::string();
  F.Module = M[3].str();
  F.Offset = std::strtoull(M[4].str().c_str(), nullptr, 16);
  return F;
}

std::string demangle(const std::string &Name) {
  int Status = 0;
  std::unique_ptr<char, decltype(&std::free)> Out(
      abi::__cxa_demangle(Name.c_str(), nullptr, nullptr, &Status), &std::free);
  return Status == 0 && Out ? std::string(Out.get()) : Name;
}

namespace {

bool executable(const std::string &Path) { return access(Path.c_str(), X_OK) == 0; }

// $RTCHECK_SYMBOLIZER, then the LLVM 22 packages' names on PATH, then their fixed install path.
std::string findSymbolizer(const std::string &Requested) {
  if (!Requested.empty())
    return executable(Requested) ? Requested : std::string();
  if (const char *Env = std::getenv("RTCHECK_SYMBOLIZER"); Env && *Env)
    return executable(Env) ? Env : std::string();
  std::string Path = std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin";
  for (const char *Name : {"llvm-symbolizer-22", "llvm-symbolizer"}) {
    std::stringstream Dirs(Path);
    for (std::string Dir; std::getline(Dirs, Dir, ':');)
      if (!Dir.empty() && executable(Dir + "/" + Name))
        return Dir + "/" + Name;
  }
  const char *Fixed = "/usr/lib/llvm-22/bin/llvm-symbolizer";
  return executable(Fixed) ? Fixed : std::string();
}

std::string shellQuote(const std::string &S) {
  std::string Q = "'";
  for (char C : S)
    Q += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Q + "'";
}

// One llvm-symbolizer run per module: offsets in, one JSON line per offset out. Each result is the
// list of frames at that address, innermost (inlined) first.
std::vector<std::vector<Frame>> symbolizeModule(const std::string &Tool, const std::string &Module,
                                                const std::vector<uint64_t> &Offsets) {
  char Tmp[] = "/tmp/rtcheck-report-XXXXXX";
  int Fd = mkstemp(Tmp);
  if (Fd < 0)
    return {};
  {
    std::ofstream Out(Tmp);
    for (uint64_t O : Offsets) // a return address points after the call: look up the call
      Out << "0x" << std::hex << (O ? O - 1 : 0) << "\n";
  }
  close(Fd);
  std::string Cmd = shellQuote(Tool) + " --obj=" + shellQuote(Module) +
                    " --output-style=JSON --demangle --inlines < " + shellQuote(Tmp) +
                    " 2>/dev/null";
  std::string Text;
  if (FILE *P = popen(Cmd.c_str(), "r")) {
    char Buf[4096];
    for (size_t N; (N = fread(Buf, 1, sizeof Buf, P)) > 0;)
      Text.append(Buf, N);
    pclose(P);
  }
  unlink(Tmp);
  std::vector<std::vector<Frame>> Results;
  std::stringstream Lines(Text);
  for (std::string Line; std::getline(Lines, Line);) {
    std::vector<Frame> Frames;
    nlohmann::json J = nlohmann::json::parse(Line, nullptr, false);
    if (J.is_object() && J.contains("Symbol") && J["Symbol"].is_array())
      for (const auto &S : J["Symbol"]) {
        Frame F;
        F.Function = S.value("FunctionName", "");
        F.Loc = {S.value("FileName", ""), S.value("Line", 0), S.value("Column", 0)};
        if (F.Function == "??")
          F.Function.clear();
        if (F.Loc.File == "??")
          F.Loc = {};
        Frames.push_back(std::move(F));
      }
    Results.push_back(std::move(Frames));
  }
  return Results;
}

} // namespace

void symbolize(Report &R) {
  std::map<std::string, std::vector<uint64_t>> ByModule;
  for (const Site &S : R.Sites)
    for (const Frame &F : S.Stack)
      if (!F.Module.empty())
        ByModule[F.Module].push_back(F.Offset);
  if (ByModule.empty())
    return;
  std::string Tool = findSymbolizer(R.Opts.Symbolizer);
  if (Tool.empty()) {
    R.Notes.push_back("runtime stacks are not symbolised to file and line: llvm-symbolizer not "
                      "found (install llvm-22, or set RTCHECK_SYMBOLIZER); runtime violations "
                      "cannot be matched to static findings");
    return;
  }
  // (module, offset) -> frames at that address.
  std::map<std::pair<std::string, uint64_t>, std::vector<Frame>> Resolved;
  for (auto &[Module, Offsets] : ByModule) {
    struct stat St;
    if (stat(Module.c_str(), &St) != 0) {
      R.Notes.push_back("'" + Module + "' no longer exists; its frames keep the report's names");
      continue;
    }
    std::vector<std::vector<Frame>> Out = symbolizeModule(Tool, Module, Offsets);
    if (Out.size() != Offsets.size()) {
      R.Notes.push_back("llvm-symbolizer (" + Tool + ") gave no usable answer for '" + Module +
                        "'; its frames keep the report's names");
      continue;
    }
    for (size_t I = 0; I < Offsets.size(); ++I)
      Resolved[{Module, Offsets[I]}] = std::move(Out[I]);
  }
  for (Site &S : R.Sites) {
    std::vector<Frame> Stack;
    for (const Frame &F : S.Stack) {
      auto It = Resolved.find({F.Module, F.Offset});
      if (F.Module.empty() || It == Resolved.end() || It->second.empty()) {
        Stack.push_back(F);
        continue;
      }
      for (size_t I = 0; I < It->second.size(); ++I) {
        Frame G = It->second[I];
        G.Raw = F.Raw;
        G.Module = F.Module;
        G.Offset = F.Offset;
        G.Inlined = I + 1 < It->second.size();
        if (G.Function.empty())
          G.Function = F.Function;
        Stack.push_back(std::move(G));
      }
    }
    S.Stack = std::move(Stack);
  }
}

} // namespace rtcheck::report::detail
