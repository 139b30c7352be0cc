// The words every emitter shares: category phrases, durations, locations, the verdict line,
// escaping, and the source lines embedded next to a call chain.
#include "Internal.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace rtcheck::report::detail {

bool isCategory(std::string_view C) {
  return std::find(std::begin(Categories), std::end(Categories), C) != std::end(Categories);
}

bool isRuntimeCategory(std::string_view C) {
  return std::find(std::begin(RuntimeCategories), std::end(RuntimeCategories), C) !=
         std::end(RuntimeCategories);
}

const char *categoryPhrase(std::string_view C) {
  if (C == "alloc")
    return "heap allocation";
  if (C == "lock")
    return "locking or waiting";
  if (C == "syscall")
    return "blocking system calls";
  if (C == "driver")
    return "driver calls";
  if (C == "exception")
    return "exceptions";
  if (C == "indirect")
    return "unresolved indirect calls";
  return "calls of unknown functions";
}

std::string formatMsD(double Ms) {
  char Buf[64];
  std::snprintf(Buf, sizeof Buf, "%.3f ms", Ms);
  return Buf;
}

std::string formatMs(uint64_t Ns) { return formatMsD(static_cast<double>(Ns) / 1e6); }

std::string baseName(std::string_view Path) {
  size_t Slash = Path.rfind('/');
  return std::string(Slash == std::string_view::npos ? Path : Path.substr(Slash + 1));
}

// Leading "./" and "../" say nothing about which file it is: __FILE__ is often relative to the
// build directory ("../samples/x.cpp") where the analyzer has the absolute path.
static std::string_view withoutDotDirs(std::string_view P) {
  while (P.substr(0, 2) == "./" || P.substr(0, 3) == "../")
    P.remove_prefix(P[1] == '/' ? 2 : 3);
  return P;
}

bool sameFile(std::string_view RawA, std::string_view RawB) {
  // The symbolizer joins DWARF's compilation directory and a relative name ("build/../x.cpp").
  std::string NormA = std::filesystem::path(RawA).lexically_normal().string();
  std::string NormB = std::filesystem::path(RawB).lexically_normal().string();
  std::string_view A = withoutDotDirs(NormA), B = withoutDotDirs(NormB);
  if (A.empty() || B.empty())
    return false;
  if (A == B)
    return true;
  if (A.size() < B.size())
    std::swap(A, B);
  return A.size() > B.size() && A.substr(A.size() - B.size()) == B &&
         A[A.size() - B.size() - 1] == '/';
}

bool sameSource(std::string_view StaticFile, std::string_view RuntimeFile,
                std::string_view StaticRoot) {
  if (sameFile(StaticFile, RuntimeFile))
    return true;
  std::string Root = std::filesystem::path(StaticRoot).lexically_normal().string();
  while (Root.size() > 1 && Root.back() == '/')
    Root.pop_back();
  std::string File = std::filesystem::path(StaticFile).lexically_normal().string();
  if (Root.empty() || Root == "/" || File.size() <= Root.size() + 1 ||
      File.compare(0, Root.size(), Root) != 0 || File[Root.size()] != '/')
    return false;
  // Only paths of at least two components: a bare file name below the root says too little.
  std::string_view Below = std::string_view(File).substr(Root.size() + 1);
  return Below.find('/') != std::string_view::npos && sameFile(RuntimeFile, Below);
}

std::string unqualified(std::string_view F) {
  // Drop "(anonymous namespace)" scopes, a trailing parameter list, and template arguments; then
  // everything up to the last scope operator.
  std::string Name(F);
  for (size_t At; (At = Name.find("(anonymous namespace)")) != std::string::npos;)
    Name.erase(At, std::string_view("(anonymous namespace)").size());
  if (!Name.empty() && Name.back() == ')') {
    int Depth = 0;
    for (size_t I = Name.size(); I-- > 0;) {
      Depth += Name[I] == ')' ? 1 : Name[I] == '(' ? -1 : 0;
      if (Depth == 0) {
        Name.erase(I);
        break;
      }
    }
  }
  std::string Out;
  int Depth = 0;
  for (char C : Name) {
    if (C == '<')
      ++Depth;
    else if (C == '>' && Depth > 0)
      --Depth;
    else if (Depth == 0)
      Out += C;
  }
  size_t Colon = Out.rfind("::");
  return Colon == std::string::npos ? Out : Out.substr(Colon + 2);
}

std::string locationText(const Location &L) {
  if (L.File.empty())
    return "";
  return baseName(L.File) + (L.Line ? ":" + std::to_string(L.Line) : "");
}

std::string verdictLine(const Report &R) {
  size_t Total = R.Passed + R.Failed + R.NotMeasured;
  std::string Head = R.Failed ? "FAIL" : Total == R.NotMeasured ? "NOT MEASURED" : "PASS";
  return Head + ": " + std::to_string(R.Failed) + " of " + std::to_string(Total) +
         " claims fail, " + std::to_string(R.Passed) + " pass, " + std::to_string(R.NotMeasured) +
         " not measured (" + std::to_string(R.Callbacks.size()) +
         (R.Callbacks.size() == 1 ? " callback)" : " callbacks)");
}

bool hasSourceLines(const Site &S) {
  return std::any_of(S.Stack.begin(), S.Stack.end(),
                     [](const Frame &F) { return !F.Loc.File.empty() && F.Loc.Line > 0; });
}

std::vector<std::string> sourceLines(const std::string &File, int First, int Last) {
  static std::map<std::string, std::vector<std::string>> Cache;
  auto It = Cache.find(File);
  if (It == Cache.end()) {
    std::vector<std::string> Lines;
    std::ifstream In(File);
    for (std::string L; In && std::getline(In, L);)
      Lines.push_back(L);
    It = Cache.emplace(File, std::move(Lines)).first;
  }
  const std::vector<std::string> &All = It->second;
  std::vector<std::string> Out;
  for (int I = std::max(First, 1); I <= Last && I <= static_cast<int>(All.size()); ++I)
    Out.push_back(All[I - 1]);
  return Out;
}

std::string xmlEscape(std::string_view S) {
  std::string Out;
  for (unsigned char C : S) {
    if (C < 0x20 && C != '\n' && C != '\t')
      continue; // not representable in XML 1.0
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&apos;";
      break;
    default:
      Out += static_cast<char>(C);
    }
  }
  return Out;
}

// HTML takes the XML escape as it is (&apos; included; control characters have no place in text).
std::string htmlEscape(std::string_view S) { return xmlEscape(S); }

std::string markdownEscape(std::string_view S) {
  std::string Out;
  for (char C : S) {
    if (C == '|' || C == '*' || C == '_' || C == '`' || C == '<' || C == '>' || C == '[' ||
        C == ']' || C == '\\')
      Out += '\\';
    Out += C == '\n' ? ' ' : C;
  }
  return Out;
}

} // namespace rtcheck::report::detail
