// Output formats: clang-style text, the JSON contract and SARIF's required structure.
#include "rtcheck/Emit.h"

#include "llvm/Support/JSON.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

Report sampleReport() {
  Report R;
  R.Link.Roots.push_back({"u:cb", "cb", "audio", "annotation", {"/src/dir/a.cpp", 3, 6}, {}});
  Finding F;
  F.Cat = Category::Alloc;
  F.Sev = Severity::Error;
  F.Message = "'std::vector<float>::push_back' allocates or frees heap memory (reaches 'operator new')";
  F.Site = {"/src/dir/a.cpp", 5, 5};
  F.SiteFunction = "cb";
  F.Callee = "std::vector<float>::push_back";
  F.Leaf = "operator new";
  F.LeafReason = "may take the allocator lock";
  F.RuleFile = "/rules/cxx-runtime.json";
  F.Roots = {"cb"};
  F.Contexts = {"audio"};
  F.Chain = {{"cb", {"/src/dir/a.cpp", 3, 6}, false, "real-time root (context 'audio', annotation)"},
             {"std::vector<float>::push_back", {"/src/dir/a.cpp", 5, 5}, false, ""},
             {"std::vector<float>::_M_realloc_insert", {"/usr/include/vector", 10, 1}, true, ""},
             {"std::allocator<float>::allocate", {"/usr/include/alloc.h", 20, 1}, true, ""},
             {"operator new", {"/usr/include/alloc.h", 30, 1}, true, ""}};
  F.Fingerprint = "0123456789abcdef";
  R.Link.Findings.push_back(F);
  R.Link.Stats.TranslationUnits = 1;
  R.Errors.push_back({"/src/dir/broken.cpp", "does not parse: broken.cpp:1:1: error: x"});
  R.SourceRoot = "/src";
  return R;
}

} // namespace

TEST(Emit, TextReadsLikeClang) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitText(OS, sampleReport(), /*Color=*/false);
  EXPECT_NE(Out.find("/src/dir/a.cpp:5:5: error: 'std::vector<float>::push_back' allocates or "
                     "frees heap memory (reaches 'operator new') [rtcheck-alloc]\n"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("/src/dir/a.cpp:3:6: note: 'cb' is a real-time root"), std::string::npos);
  // Library-internal steps are folded into one note.
  EXPECT_NE(Out.find("note: through 2 more library call(s), 'std::vector<float>::push_back' "
                     "calls 'operator new'"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("/src/dir/broken.cpp: error: does not parse"), std::string::npos);
  EXPECT_NE(Out.find("rtcheck: 1 error(s), 0 warning(s)"), std::string::npos);
}

TEST(Emit, JSONFollowsTheDocumentedContract) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitJSON(OS, sampleReport());
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Out);
  ASSERT_TRUE(bool(V));
  const llvm::json::Object &Doc = *V->getAsObject();
  EXPECT_EQ(Doc.getInteger("version"), 1);
  EXPECT_EQ(Doc.getObject("tool")->getString("name"), "rtcheck");
  const llvm::json::Object &Root = *Doc.getArray("roots")->front().getAsObject();
  EXPECT_EQ(Root.getString("origin"), "annotation");
  const llvm::json::Object &F = *Doc.getArray("findings")->front().getAsObject();
  for (const char *Key : {"rule", "category", "severity", "message", "file", "line", "column",
                          "callee", "roots", "chain", "fingerprint"})
    EXPECT_TRUE(F.get(Key)) << Key;
  EXPECT_EQ(F.getString("rule"), "rtcheck-alloc");
  EXPECT_EQ(F.getArray("chain")->size(), 5u);
  EXPECT_EQ(Doc.getArray("errors")->size(), 1u);
  for (const char *Key : {"translation_units", "functions", "reachable_functions", "suppressed",
                          "seconds"})
    EXPECT_TRUE(Doc.getObject("stats")->get(Key)) << Key;
}

TEST(Emit, SarifHasRulesCodeFlowsAndFingerprints) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitSARIF(OS, sampleReport());
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Out);
  ASSERT_TRUE(bool(V));
  const llvm::json::Object &Doc = *V->getAsObject();
  EXPECT_EQ(Doc.getString("version"), "2.1.0");
  const llvm::json::Object &Run = *Doc.getArray("runs")->front().getAsObject();
  const llvm::json::Array &Rules =
      *Run.getObject("tool")->getObject("driver")->getArray("rules");
  EXPECT_EQ(Rules.size(), AllCategories.size());
  const llvm::json::Object &Result = *Run.getArray("results")->front().getAsObject();
  EXPECT_EQ(Result.getString("ruleId"), "rtcheck-alloc");
  EXPECT_EQ(Result.getInteger("ruleIndex"), int64_t(Category::Alloc));
  EXPECT_EQ(Result.getObject("partialFingerprints")->getString("rtcheckFingerprint/v2"),
            "0123456789abcdef");
  const llvm::json::Object &Artifact = *Result.getArray("locations")
                                            ->front()
                                            .getAsObject()
                                            ->getObject("physicalLocation")
                                            ->getObject("artifactLocation");
  EXPECT_EQ(Artifact.getString("uri"), "dir/a.cpp");
  EXPECT_EQ(Artifact.getString("uriBaseId"), "%SRCROOT%");
  const llvm::json::Array &Flow = *Result.getArray("codeFlows")
                                       ->front()
                                       .getAsObject()
                                       ->getArray("threadFlows")
                                       ->front()
                                       .getAsObject()
                                       ->getArray("locations");
  EXPECT_EQ(Flow.size(), 5u);
  EXPECT_EQ(Run.getArray("invocations")->front().getAsObject()->getBoolean("executionSuccessful"),
            false);
}

TEST(Emit, FingerprintIsComputedWhenTheFindingHasNone) {
  auto FingerprintIn = [](llvm::StringRef Checkout) {
    Report R = sampleReport();
    Finding &F = R.Link.Findings.front();
    F.Fingerprint.clear();
    F.Site.File = (Checkout + "/dir/a.cpp").str();
    R.SourceRoot = Checkout.str();
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    emitJSON(OS, R);
    llvm::Expected<llvm::json::Value> V = llvm::json::parse(Out);
    EXPECT_TRUE(bool(V));
    const llvm::json::Object &Found =
        *V->getAsObject()->getArray("findings")->front().getAsObject();
    EXPECT_EQ(Found.getString("fingerprint"), fingerprint(F));
    return Found.getString("fingerprint")->str();
  };
  EXPECT_EQ(FingerprintIn("/home/me/src"), FingerprintIn("/ci/job/src"));
}

namespace {

/// sampleReport after a baseline that recorded its one finding and one finding since fixed.
Report baselinedReport() {
  Report R = sampleReport();
  BaselineOutcome B;
  B.File = "rtcheck-baseline.json";
  B.Matched = std::move(R.Link.Findings);
  B.Absent = 1;
  R.Link.Findings.clear();
  R.Baseline = std::move(B);
  return R;
}

} // namespace

TEST(Emit, ABaselineIsCountedInEveryFormat) {
  std::string Text;
  llvm::raw_string_ostream TextOS(Text);
  emitText(TextOS, baselinedReport(), /*Color=*/false);
  EXPECT_EQ(Text.find("error: 'std::vector"), std::string::npos) << "baselined: not reported";
  EXPECT_NE(Text.find("rtcheck: 0 error(s), 0 warning(s)"), std::string::npos) << Text;
  EXPECT_NE(Text.find("; 1 in the baseline, 1 baseline entry gone\n"), std::string::npos) << Text;

  std::string JSON;
  llvm::raw_string_ostream JSONOS(JSON);
  emitJSON(JSONOS, baselinedReport());
  llvm::Expected<llvm::json::Value> Doc = llvm::json::parse(JSON);
  ASSERT_TRUE(bool(Doc));
  EXPECT_TRUE(Doc->getAsObject()->getArray("findings")->empty());
  const llvm::json::Object *B = Doc->getAsObject()->getObject("stats")->getObject("baseline");
  ASSERT_TRUE(B);
  EXPECT_EQ(B->getString("file"), "rtcheck-baseline.json");
  EXPECT_EQ(B->getInteger("matched"), 1);
  EXPECT_EQ(B->getInteger("absent"), 1);

  // SARIF keeps the baselined result, marked unchanged and suppressed; a new one is "new".
  Report Mixed = baselinedReport();
  Mixed.Link.Findings.push_back(Mixed.Baseline->Matched.front());
  Mixed.Link.Findings.back().Fingerprint = "fedcba9876543210";
  std::string Sarif;
  llvm::raw_string_ostream SarifOS(Sarif);
  emitSARIF(SarifOS, Mixed);
  llvm::Expected<llvm::json::Value> S = llvm::json::parse(Sarif);
  ASSERT_TRUE(bool(S));
  const llvm::json::Array &Results =
      *S->getAsObject()->getArray("runs")->front().getAsObject()->getArray("results");
  ASSERT_EQ(Results.size(), 2u);
  EXPECT_EQ(Results[0].getAsObject()->getString("baselineState"), "new");
  EXPECT_EQ(Results[0].getAsObject()->getArray("suppressions"), nullptr);
  EXPECT_EQ(Results[1].getAsObject()->getString("baselineState"), "unchanged");
  EXPECT_EQ(
      Results[1].getAsObject()->getArray("suppressions")->front().getAsObject()->getString("kind"),
      "external");
}

TEST(Emit, QuietTextHasNoWarningsAndNoSummary) {
  Report R = sampleReport();
  R.Link.Warnings.push_back("ignoring compiler flag '-fanalyzer' that Clang does not know");
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitText(OS, R, /*Color=*/false, /*Quiet=*/true);
  EXPECT_NE(Out.find("error: 'std::vector<float>::push_back'"), std::string::npos) << Out;
  EXPECT_NE(Out.find("broken.cpp: error: does not parse"), std::string::npos) << Out;
  EXPECT_EQ(Out.find("warning:"), std::string::npos) << Out;
  EXPECT_EQ(Out.find("rtcheck: 1 error(s)"), std::string::npos) << Out;
}
