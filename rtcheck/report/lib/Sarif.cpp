// SARIF 2.1.0 of the evidence: the static findings (chains as codeFlows, baselineState from the
// baseline) and the runtime violations (symbolised locations, the stack as a codeFlow,
// outermost frame first), in one run.
#include "Internal.h"

#include <nlohmann/json.hpp>

namespace rtcheck::report {

using namespace detail;
using nlohmann::json;

namespace {

json artifactLocation(const Report &R, const std::string &File) {
  const std::string &Root = R.Opts.SourceRoot;
  if (!Root.empty() && File.size() > Root.size() + 1 && File.compare(0, Root.size(), Root) == 0 &&
      File[Root.size()] == '/')
    return {{"uri", File.substr(Root.size() + 1)}, {"uriBaseId", "%SRCROOT%"}};
  if (!File.empty() && File[0] == '/')
    return {{"uri", "file://" + File}};
  return {{"uri", File}};
}

json physical(const Report &R, const Location &L) {
  json Region = {{"startLine", std::max(L.Line, 1)}};
  if (L.Column > 0)
    Region["startColumn"] = L.Column;
  return {{"artifactLocation", artifactLocation(R, L.File)}, {"region", Region}};
}

json location(const Report &R, const Location &L, const std::string &Message) {
  json J = json::object();
  if (!L.File.empty())
    J["physicalLocation"] = physical(R, L);
  if (!Message.empty())
    J["message"] = {{"text", Message}};
  return J;
}

int ruleIndex(const std::string &Category) {
  for (size_t I = 0; I < std::size(Categories); ++I)
    if (Category == Categories[I])
      return static_cast<int>(I);
  return static_cast<int>(std::size(Categories)) - 1; // unknown
}

json staticResult(const Report &R, const Finding &F) {
  json Flow = json::array();
  for (const ChainStep &S : F.Chain) {
    json Step = {
        {"location", location(R, S.Loc, S.Function + (S.Note.empty() ? "" : " (" + S.Note + ")"))}};
    if (S.System)
      Step["importance"] = "unimportant";
    Flow.push_back(Step);
  }
  int Idx = ruleIndex(F.Category);
  json J = {{"ruleId", std::string("rtcheck-") + Categories[Idx]},
            {"ruleIndex", Idx},
            {"level", F.Severity == "error" ? "error" : "warning"},
            {"message", {{"text", F.Message}}},
            {"locations", json::array({location(R, F.Loc, "")})},
            {"properties",
             {{"source", "static"},
              {"roots", F.Roots},
              {"contexts", F.Contexts},
              {"callee", F.Callee},
              {"leaf", F.Leaf},
              {"confirmedAtRunTime", !F.ConfirmedBy.empty()}}}};
  if (!F.Fingerprint.empty())
    J["partialFingerprints"] = {{"rtcheckFingerprint/v2", F.Fingerprint}};
  if (!R.Opts.BaselinePath.empty())
    J["baselineState"] = F.Known ? "unchanged" : "new";
  if (!Flow.empty())
    J["codeFlows"] = json::array({{{"threadFlows", json::array({{{"locations", Flow}}})}}});
  return J;
}

json runtimeResult(const Report &R, const Site &S) {
  // The stack is innermost first; a code flow reads from the entry, so it is reversed.
  json Flow = json::array();
  const Frame *Top = nullptr;
  for (auto It = S.Stack.rbegin(); It != S.Stack.rend(); ++It) {
    std::string Name = It->Function.empty() ? It->Raw : It->Function;
    json Loc = location(R, It->Loc, Name + (It->Inlined ? " (inlined)" : ""));
    if (It->Loc.File.empty() && !It->Module.empty())
      Loc["physicalLocation"] = {{"artifactLocation", artifactLocation(R, It->Module)},
                                 {"address", {{"relativeAddress", It->Offset}}}};
    json Step = {{"location", Loc}};
    if (It->Loc.File.empty() || It->Loc.File.rfind("/usr/", 0) == 0)
      Step["importance"] = "unimportant";
    Flow.push_back(Step);
  }
  for (const Frame &F : S.Stack)
    if (!F.Loc.File.empty() && F.Loc.File.rfind("/usr/", 0) != 0) {
      Top = &F;
      break;
    }
  std::string Msg = "'" + S.Function + "' (" + S.Category + ") called " + std::to_string(S.Count) +
                    " time(s) inside real-time scope '" + S.Scope + "' at run time";
  if (S.Confirms)
    Msg += "; confirms the static finding at " + locationText(R.Findings[*S.Confirms].Loc);
  else if (!R.Opts.StaticPath.empty() && hasSourceLines(S))
    Msg += "; not predicted by the analyzer";
  int Idx = ruleIndex(S.Category);
  json J = {{"ruleId", std::string("rtcheck-") + Categories[Idx]},
            {"ruleIndex", Idx},
            {"level", "error"},
            {"message", {{"text", Msg}}},
            {"properties",
             {{"source", "runtime"},
              {"scope", S.Scope},
              {"count", S.Count},
              {"confirmed", S.Confirms.has_value()},
              {"report", S.Report}}}};
  if (Top)
    J["locations"] = json::array({location(R, Top->Loc, "")});
  if (!Flow.empty())
    J["codeFlows"] = json::array({{{"threadFlows", json::array({{{"locations", Flow}}})}}});
  return J;
}

} // namespace

std::string renderSarif(const Report &R) {
  json Rules = json::array();
  for (const char *C : Categories)
    Rules.push_back({{"id", std::string("rtcheck-") + C},
                     {"name", C},
                     {"shortDescription",
                      {{"text", std::string("real-time path performs ") + categoryPhrase(C)}}},
                     {"defaultConfiguration", {{"level", "error"}}}});
  json Results = json::array();
  for (const Finding &F : R.Findings)
    Results.push_back(staticResult(R, F));
  for (const Site &S : R.Sites)
    Results.push_back(runtimeResult(R, S));
  json Run = {{"tool",
               {{"driver",
                 {{"name", "rtcheck"},
                  {"version", RTCHECK_VERSION},
                  {"informationUri", "https://rtcheck.invalid"},
                  {"rules", Rules}}}}},
              {"results", Results},
              {"invocations", json::array({{{"executionSuccessful", R.StaticErrors.empty()}}})}};
  if (!R.Opts.SourceRoot.empty())
    Run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + R.Opts.SourceRoot + "/"}}}};
  json Doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({Run})}};
  return Doc.dump(2) + "\n";
}

} // namespace rtcheck::report
