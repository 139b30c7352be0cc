//===- Emit.cpp - text, JSON and SARIF output -----------------------------===//
#include "rtcheck/Emit.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/WithColor.h"

#include <chrono>
#include <cmath>
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

void capFindings(Report &R, unsigned Max) {
  std::vector<Finding> &Findings = R.Link.Findings;
  if (!Max || Findings.size() <= Max)
    return;
  R.Link.Warnings.push_back(std::to_string(Findings.size()) +
                            " findings: the report lists the first " + std::to_string(Max) +
                            " (by file and line); --max-findings changes the cap");
  Findings.erase(Findings.begin() + Max, Findings.end());
  Findings.shrink_to_fit();
}

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
  if (!In.CacheDir.empty())
    OS << "rtcheck: stats: summary cache: " << In.CacheHits << " hit(s), " << In.CacheMisses
       << " miss(es) in " << In.CacheDir << "\n";
  OS << "rtcheck: stats: roots: " << R.Link.Roots.size();
  std::map<std::string, unsigned> Count;
  for (const Root &Rt : R.Link.Roots)
    ++Count[Rt.Origin];
  for (const auto &[Origin, N] : Count)
    OS << ", " << Origin << " " << N;
  OS << "\n";
  OS << "rtcheck: stats: functions reachable: " << R.Link.Stats.ReachableFunctions << " of "
     << R.Link.Stats.Functions << " (summed over programs)\n";
  const LinkStats &S = R.Link.Stats;
  auto Mean = [&](uint64_t Sum) {
    return formatv("{0:F2}", S.IndirectSites ? double(Sum) / S.IndirectSites : 0.0).str();
  };
  OS << "rtcheck: stats: indirect calls: " << S.IndirectSites << " site(s) in user code; targets "
     << "per site by type " << Mean(S.TypeTargets) << " (max " << S.TypeTargetsMax
     << "), by address flow " << Mean(S.FlowTargets) << " (max " << S.FlowTargetsMax << "); "
     << S.TypeFallbackSites << " fell back to type matching, " << S.EscapedFallbackSites
     << " open to escaped functions\n";
  OS << "rtcheck: stats: std::function calls: " << S.ObjectCallSites << " site(s) in user code, "
     << S.ObjectCallsByFlow << " resolved through the object's slot ("
     << formatv("{0:F2}", S.ObjectCallsByFlow ? double(S.ObjectCallTargets) / S.ObjectCallsByFlow
                                               : 0.0)
            .str()
     << " callables per site)\n";
}

namespace {

/// A finding lists at most this many roots and programs: a site that a thousand roots reach
/// would otherwise repeat a thousand names in every one of its findings.
constexpr size_t MaxNamesPerFinding = 32;

json::Array firstNames(const std::vector<std::string> &Names) {
  json::Array A;
  for (size_t I = 0; I < Names.size() && I < MaxNamesPerFinding; ++I)
    A.push_back(Names[I]);
  return A;
}

size_t omittedNames(const std::vector<std::string> &Names) {
  return Names.size() > MaxNamesPerFinding ? Names.size() - MaxNamesPerFinding : 0;
}

json::Object findingToJSON(const Finding &F) {
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
                 {"roots", firstNames(F.Roots)},
                 {"contexts", F.Contexts},
                 {"chain", chainToJSON(F.Chain)},
                 {"fingerprint", fingerprintOf(F)},
                 {"programs", firstNames(F.Programs)}};
  if (!F.Merged.empty()) {
    json::Array Merged;
    for (const Finding::MergedCall &M : F.Merged)
      Merged.push_back(json::Object{
          {"callee", M.Callee}, {"leaf", M.Leaf}, {"column", M.Column}, {"note", M.SiteNote}});
    O["merged"] = std::move(Merged);
  }
  if (!F.LeafReason.empty()) {
    O["reason"] = F.LeafReason;
    O["rules_file"] = F.RuleFile;
  }
  if (size_t Omitted = omittedNames(F.Roots))
    O["roots_omitted"] = Omitted;
  if (size_t Omitted = omittedNames(F.Programs))
    O["programs_omitted"] = Omitted;
  return O;
}

double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
}

} // namespace

// JSON and SARIF are written as they are produced, one finding at a time: a document object of
// the whole run would cost far more than the findings themselves (docs/hardening.md, "Memory").
void emitJSON(raw_ostream &OS, const Report &R) {
  auto Start = std::chrono::steady_clock::now();
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("version", 1);
    J.attribute("tool", json::Object{{"name", "rtcheck"}, {"version", RTCHECK_VERSION}});
    // Lets `rtcheck report` match frames of a binary built from another checkout of the sources.
    J.attribute("source_root", R.SourceRoot);
    J.attributeArray("roots", [&] {
      for (const Root &Rt : R.Link.Roots)
        J.value(json::Object{{"function", Rt.Function},
                             {"context", Rt.Context},
                             {"file", Rt.Loc.File},
                             {"line", Rt.Loc.Line},
                             {"origin", Rt.Origin},
                             {"programs", Rt.Programs}});
    });
    J.attributeArray("findings", [&] {
      for (const Finding &F : R.Link.Findings)
        J.value(findingToJSON(F));
    });
    J.attributeArray("errors", [&] {
      for (const InputError &E : R.Errors)
        J.value(json::Object{{"file", E.File}, {"message", E.Message}});
    });
    J.attribute("warnings", R.Link.Warnings);
    // Last, so that its time includes writing everything else.
    const LinkStats &S = R.Link.Stats;
    double Seconds = R.Seconds + secondsSince(Start);
    json::Object Stats{{"translation_units", S.TranslationUnits},
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
                       {"indirect_calls",
                        json::Object{{"sites", S.IndirectSites},
                                     {"targets_by_type", S.TypeTargets},
                                     {"targets_by_flow", S.FlowTargets},
                                     {"max_targets_by_type", S.TypeTargetsMax},
                                     {"max_targets_by_flow", S.FlowTargetsMax},
                                     {"type_fallback_sites", S.TypeFallbackSites},
                                     {"escaped_fallback_sites", S.EscapedFallbackSites}}},
                       {"function_object_calls",
                        json::Object{{"sites", S.ObjectCallSites},
                                     {"by_flow", S.ObjectCallsByFlow},
                                     {"targets_by_flow", S.ObjectCallTargets}}},
                       {"seconds", std::round(Seconds * 1000) / 1000}};
    if (!R.Inputs.CacheDir.empty())
      Stats["cache"] = json::Object{{"directory", R.Inputs.CacheDir},
                                    {"hits", R.Inputs.CacheHits},
                                    {"misses", R.Inputs.CacheMisses},
                                    {"extracted", R.Inputs.Extracted}};
    if (R.Baseline)
      Stats["baseline"] = json::Object{{"file", R.Baseline->File},
                                       {"matched", R.Baseline->Matched.size()},
                                       {"absent", R.Baseline->Absent}};
    J.attribute("stats", std::move(Stats));
  });
  OS << "\n";
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

json::Object sarifResult(const Report &R, const SarifLocations &Locs, const Finding &F,
                         StringRef BaselineState) {
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
      {"properties", json::Object{{"roots", firstNames(F.Roots)},
                                  {"contexts", F.Contexts},
                                  {"callee", F.Callee},
                                  {"leaf", F.Leaf},
                                  {"programs", firstNames(F.Programs)}}}};
  if (!BaselineState.empty())
    Result["baselineState"] = BaselineState;
  // A finding the baseline records is known and accepted: shown to viewers that ask for
  // suppressed results, not raised again.
  if (BaselineState == "unchanged")
    Result["suppressions"] = json::Array{
        json::Object{{"kind", "external"}, {"justification", "recorded in " + R.Baseline->File}}};
  return Result;
}

json::Array sarifRules() {
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
  return Rules;
}

} // namespace

void emitSARIF(raw_ostream &OS, const Report &R) {
  SarifLocations Locs(R.SourceRoot);
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attribute("tool",
                    json::Object{{"driver", json::Object{{"name", "rtcheck"},
                                                         {"version", RTCHECK_VERSION},
                                                         {"semanticVersion", RTCHECK_VERSION},
                                                         {"informationUri",
                                                          "https://rtcheck.invalid"},
                                                         {"rules", sarifRules()}}}});
        json::Array Notifications;
        for (const InputError &E : R.Errors)
          Notifications.push_back(json::Object{
              {"level", "error"},
              {"message", json::Object{{"text", E.Message}}},
              {"locations",
               json::Array{json::Object{{"physicalLocation", Locs.physical({E.File, 0, 0})}}}}});
        for (const std::string &W : R.Link.Warnings)
          Notifications.push_back(
              json::Object{{"level", "warning"}, {"message", json::Object{{"text", W}}}});
        J.attribute("invocations",
                    json::Array{json::Object{{"executionSuccessful", R.Errors.empty()},
                                             {"toolExecutionNotifications",
                                              std::move(Notifications)}}});
        J.attribute("columnKind", "unicodeCodePoints");
        if (!R.SourceRoot.empty())
          J.attribute("originalUriBaseIds",
                      json::Object{{"%SRCROOT%",
                                    json::Object{{"uri", "file://" +
                                                             SarifLocations::uriEscape(
                                                                 R.SourceRoot) +
                                                             "/"}}}});
        J.attributeArray("results", [&] {
          for (const Finding &F : R.Link.Findings)
            J.value(sarifResult(R, Locs, F, R.Baseline ? "new" : ""));
          if (R.Baseline)
            for (const Finding &F : R.Baseline->Matched)
              J.value(sarifResult(R, Locs, F, "unchanged"));
        });
      });
    });
  });
  OS << "\n";
}

} // namespace rtcheck
