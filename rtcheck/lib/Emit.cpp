//===- Emit.cpp - text, JSON and SARIF output -----------------------------===//
#include "rtcheck/Emit.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/WithColor.h"

#include <map>

using namespace llvm;

namespace rtcheck {
namespace {

std::string where(const SourceLoc &L) {
  if (L.File.empty())
    return "<unknown>";
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Column);
}

/// The fingerprint a report gives a finding: the one it carries (a caller that already knows it),
/// or the one computed from its facts.
std::string fingerprintOf(const Finding &F) {
  return F.Fingerprint.empty() ? fingerprint(F) : F.Fingerprint;
}

/// Findings grouped by the programs they occur in (in order of each group's first finding), so
/// that text output can put a header over each group.
std::vector<const Finding *> byPrograms(const Report &R) {
  std::vector<const Finding *> Out;
  std::map<std::vector<std::string>, size_t> Rank;
  for (const Finding &F : R.Link.Findings) {
    Rank.try_emplace(F.Programs, Rank.size());
    Out.push_back(&F);
  }
  llvm::stable_sort(Out, [&](const Finding *A, const Finding *B) {
    return Rank[A->Programs] < Rank[B->Programs];
  });
  return Out;
}

} // namespace

void emitText(raw_ostream &OS, const Report &R, bool Color, bool Quiet) {
  auto Label = [&](StringRef Text, raw_ostream::Colors C) {
    if (Color)
      OS.changeColor(C, /*Bold=*/true);
    OS << Text;
    if (Color)
      OS.resetColor();
  };
  for (const InputError &E : R.Errors) {
    Label(E.File + ": ", raw_ostream::SAVEDCOLOR);
    Label("error: ", raw_ostream::RED);
    OS << E.Message << "\n";
  }
  for (const std::string &W : Quiet ? ArrayRef<std::string>() : ArrayRef(R.Link.Warnings)) {
    Label("rtcheck: ", raw_ostream::SAVEDCOLOR);
    Label("warning: ", raw_ostream::MAGENTA);
    OS << W << "\n";
  }
  unsigned Errors = 0, Warnings = 0;
  std::string Group;
  for (const Finding *FP : byPrograms(R)) {
    const Finding &F = *FP;
    std::string Programs = join(F.Programs, ", ");
    if (R.Inputs.Programs > 1 && Programs != Group) {
      Group = Programs;
      Label("rtcheck: ", raw_ostream::SAVEDCOLOR);
      OS << (F.Programs.size() > 1 ? "programs " : "program ") << Group << ":\n";
    }
    bool IsError = F.Sev == Severity::Error;
    (IsError ? Errors : Warnings) += 1;
    Label(where(F.Site) + ": ", raw_ostream::SAVEDCOLOR);
    Label(IsError ? "error: " : "warning: ", IsError ? raw_ostream::RED : raw_ostream::MAGENTA);
    FindingWords Words = describe(F);
    OS << Words.Message << " [" << ruleId(F.Cat) << "]\n";
    for (const NoteLine &N : Words.Notes) {
      Label(where(N.Loc) + ": ", raw_ostream::SAVEDCOLOR);
      Label("note: ", raw_ostream::CYAN);
      OS << N.Text << "\n";
    }
  }
  if (Quiet)
    return;
  const LinkStats &S = R.Link.Stats;
  OS << "rtcheck: " << Errors << " error(s), " << Warnings << " warning(s) in "
     << R.Link.Roots.size() << " real-time root(s); " << S.ReachableFunctions << " of "
     << S.Functions << " functions reachable; " << S.Suppressed << " suppressed; "
     << S.TranslationUnits << " translation unit(s)";
  if (!R.Errors.empty())
    OS << ", " << R.Errors.size() << " failed";
  if (R.Inputs.CommandsMerged)
    OS << ", " << R.Inputs.CommandsMerged << " duplicate command(s) merged";
  if (R.Inputs.Programs > 1)
    OS << "; " << R.Inputs.Programs << " programs";
  if (R.Baseline)
    OS << "; " << R.Baseline->Matched.size() << " in the baseline, " << R.Baseline->Absent
       << " baseline entr" << (R.Baseline->Absent == 1 ? "y" : "ies") << " gone";
  OS << "\n";
}

namespace {

json::Object rootsByOrigin(const std::vector<Root> &Roots) {
  std::map<std::string, unsigned> Count;
  for (const Root &Rt : Roots)
    ++Count[Rt.Origin];
  json::Object O;
  for (const auto &[Origin, N] : Count)
    O[Origin] = N;
  return O;
}

json::Value chainToJSON(const std::vector<ChainStep> &Chain) {
  json::Array A;
  for (const ChainStep &S : Chain) {
    json::Object O{{"function", S.Function},
                   {"file", S.Loc.File},
                   {"line", S.Loc.Line},
                   {"column", S.Loc.Column}};
    if (!S.Note.empty())
      O["note"] = S.Note;
    if (S.InSystemHeader)
      O["system"] = true;
    A.push_back(std::move(O));
  }
  return A;
}

} // namespace

void emitStats(raw_ostream &OS, const Report &R) {
  const InputStats &In = R.Inputs;
  OS << "rtcheck: stats: programs: " << In.Programs << " (from " << In.ProgramsFrom << ")\n";
  OS << "rtcheck: stats: compile commands: " << In.CommandsAnalysed << " analysed, "
     << In.CommandsMerged << " merged, " << In.CommandsFailed << " failed\n";
  OS << "rtcheck: stats: roots: " << R.Link.Roots.size();
  std::map<std::string, unsigned> Count;
  for (const Root &Rt : R.Link.Roots)
    ++Count[Rt.Origin];
  for (const auto &[Origin, N] : Count)
    OS << ", " << Origin << " " << N;
  OS << "\n";
  OS << "rtcheck: stats: functions reachable: " << R.Link.Stats.ReachableFunctions << " of "
     << R.Link.Stats.Functions << " (summed over programs)\n";
}

void emitJSON(raw_ostream &OS, const Report &R) {
  json::Array Roots;
  for (const Root &Rt : R.Link.Roots)
    Roots.push_back(json::Object{{"function", Rt.Function},
                                 {"context", Rt.Context},
                                 {"file", Rt.Loc.File},
                                 {"line", Rt.Loc.Line},
                                 {"origin", Rt.Origin},
                                 {"programs", Rt.Programs}});
  json::Array Findings;
  for (const Finding &F : R.Link.Findings) {
    json::Object O{{"rule", ruleId(F.Cat)},
                   {"category", categoryName(F.Cat)},
                   {"severity", severityName(F.Sev)},
                   {"message", F.Message},
                   {"file", F.Site.File},
                   {"line", F.Site.Line},
                   {"column", F.Site.Column},
                   {"function", F.SiteFunction},
                   {"callee", F.Callee},
                   {"leaf", F.Leaf},
                   {"roots", F.Roots},
                   {"contexts", F.Contexts},
                   {"chain", chainToJSON(F.Chain)},
                   {"fingerprint", fingerprintOf(F)},
                   {"programs", F.Programs}};
    if (!F.LeafReason.empty()) {
      O["reason"] = F.LeafReason;
      O["rules_file"] = F.RuleFile;
    }
    Findings.push_back(std::move(O));
  }
  json::Array Errors;
  for (const InputError &E : R.Errors)
    Errors.push_back(json::Object{{"file", E.File}, {"message", E.Message}});
  const LinkStats &S = R.Link.Stats;
  json::Object Doc{
      {"version", 1},
      {"tool", json::Object{{"name", "rtcheck"}, {"version", RTCHECK_VERSION}}},
      {"roots", std::move(Roots)},
      {"findings", std::move(Findings)},
      {"errors", std::move(Errors)},
      {"warnings", R.Link.Warnings},
      {"stats", json::Object{{"translation_units", S.TranslationUnits},
                             {"functions", S.Functions},
                             {"reachable_functions", S.ReachableFunctions},
                             {"suppressed", S.Suppressed},
                             {"allowed", S.Allowed},
                             {"programs", R.Inputs.Programs},
                             {"programs_from", R.Inputs.ProgramsFrom},
                             {"commands", json::Object{{"analysed", R.Inputs.CommandsAnalysed},
                                                       {"merged", R.Inputs.CommandsMerged},
                                                       {"failed", R.Inputs.CommandsFailed}}},
                             {"roots_by_origin", rootsByOrigin(R.Link.Roots)},
                             {"seconds", std::round(R.Seconds * 1000) / 1000}}}};
  if (R.Baseline)
    (*Doc.getObject("stats"))["baseline"] = json::Object{{"file", R.Baseline->File},
                                                         {"matched", R.Baseline->Matched.size()},
                                                         {"absent", R.Baseline->Absent}};
  OS << formatv("{0:2}", json::Value(std::move(Doc))) << "\n";
}

namespace {

class SarifLocations {
public:
  explicit SarifLocations(StringRef Root) : Root(Root) {}

  json::Object physical(const SourceLoc &L) const {
    json::Object Artifact;
    if (StringRef Relative = relativeToRoot(L.File, Root); !Relative.empty()) {
      Artifact["uri"] = uriEscape(Relative);
      Artifact["uriBaseId"] = "%SRCROOT%";
    } else {
      Artifact["uri"] = "file://" + uriEscape(L.File);
    }
    json::Object Region{{"startLine", std::max(L.Line, 1u)}};
    if (L.Column)
      Region["startColumn"] = L.Column;
    return json::Object{{"artifactLocation", std::move(Artifact)}, {"region", std::move(Region)}};
  }

  static std::string uriEscape(StringRef Path) {
    std::string Out;
    for (char C : Path) {
      if (isAlnum(C) || StringRef("/-._~").contains(C))
        Out += C;
      else
        Out += "%" + utohexstr(uint8_t(C), false, 2);
    }
    return Out;
  }

private:
  std::string Root;
};

StringRef sarifLevel(Severity S) { return S == Severity::Error ? "error" : "warning"; }

} // namespace

void emitSARIF(raw_ostream &OS, const Report &R) {
  SarifLocations Locs(R.SourceRoot);
  json::Array Rules;
  for (Category C : AllCategories)
    Rules.push_back(json::Object{
        {"id", ruleId(C)},
        {"name", categoryName(C)},
        {"shortDescription", json::Object{{"text", categoryPhrase(C)}}},
        {"fullDescription", json::Object{{"text", categoryDescription(C)}}},
        {"defaultConfiguration", json::Object{{"level", sarifLevel(defaultSeverity(C))}}},
        {"helpUri", "https://rtcheck.invalid/docs/rules#" + categoryName(C).str()},
        {"properties", json::Object{{"tags", json::Array{"real-time", categoryName(C)}}}}});
  json::Array Results;
  auto AddResult = [&](const Finding &F, StringRef BaselineState) {
    json::Array FlowLocations;
    std::vector<std::string> Texts = chainStepTexts(F);
    for (size_t I = 0; I < F.Chain.size(); ++I) {
      const ChainStep &S = F.Chain[I];
      json::Object Loc{{"physicalLocation", Locs.physical(S.Loc)},
                       {"message", json::Object{{"text", std::move(Texts[I])}}}};
      FlowLocations.push_back(json::Object{{"location", std::move(Loc)},
                                           {"nestingLevel", unsigned(I)},
                                           {"importance", S.InSystemHeader ? "unimportant"
                                                                           : "essential"}});
    }
    json::Object Result{
        {"ruleId", ruleId(F.Cat)},
        {"ruleIndex", unsigned(F.Cat)},
        {"level", sarifLevel(F.Sev)},
        {"message", json::Object{{"text", F.Message}}},
        {"locations", json::Array{json::Object{{"physicalLocation", Locs.physical(F.Site)}}}},
        {"codeFlows",
         json::Array{json::Object{
             {"threadFlows", json::Array{json::Object{{"locations", std::move(FlowLocations)}}}}}}},
        {"partialFingerprints", json::Object{{"rtcheckFingerprint/v2", fingerprintOf(F)}}},
        {"properties", json::Object{{"roots", F.Roots},
                                    {"contexts", F.Contexts},
                                    {"callee", F.Callee},
                                    {"leaf", F.Leaf},
                                    {"programs", F.Programs}}}};
    if (!BaselineState.empty())
      Result["baselineState"] = BaselineState;
    // A finding the baseline records is known and accepted: shown to viewers that ask for
    // suppressed results, not raised again.
    if (BaselineState == "unchanged")
      Result["suppressions"] = json::Array{
          json::Object{{"kind", "external"}, {"justification", "recorded in " + R.Baseline->File}}};
    Results.push_back(std::move(Result));
  };
  for (const Finding &F : R.Link.Findings)
    AddResult(F, R.Baseline ? "new" : "");
  if (R.Baseline)
    for (const Finding &F : R.Baseline->Matched)
      AddResult(F, "unchanged");
  json::Array Notifications;
  for (const InputError &E : R.Errors)
    Notifications.push_back(json::Object{
        {"level", "error"},
        {"message", json::Object{{"text", E.Message}}},
        {"locations",
         json::Array{json::Object{{"physicalLocation", Locs.physical({E.File, 0, 0})}}}}});
  json::Object Invocation{{"executionSuccessful", R.Errors.empty()},
                          {"toolExecutionNotifications", std::move(Notifications)}};
  json::Object Run{
      {"tool", json::Object{{"driver", json::Object{{"name", "rtcheck"},
                                                    {"version", RTCHECK_VERSION},
                                                    {"semanticVersion", RTCHECK_VERSION},
                                                    {"informationUri", "https://rtcheck.invalid"},
                                                    {"rules", std::move(Rules)}}}}},
      {"invocations", json::Array{std::move(Invocation)}},
      {"results", std::move(Results)},
      {"columnKind", "unicodeCodePoints"}};
  if (!R.SourceRoot.empty())
    Run["originalUriBaseIds"] = json::Object{
        {"%SRCROOT%",
         json::Object{{"uri", "file://" + SarifLocations::uriEscape(R.SourceRoot) + "/"}}}};
  json::Object Doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::Array{std::move(Run)}}};
  OS << formatv("{0:2}", json::Value(std::move(Doc))) << "\n";
}

} // namespace rtcheck
