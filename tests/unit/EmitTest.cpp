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
  EXPECT_EQ(Result.getObject("partialFingerprints")->getString("rtcheckFingerprint/v1"),
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

TEST(Emit, FingerprintIsComputedAgainstTheSourceRootWhenTheFindingHasNone) {
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
    EXPECT_EQ(Found.getString("fingerprint"), fingerprint(F, Checkout));
    return Found.getString("fingerprint")->str();
  };
  EXPECT_EQ(FingerprintIn("/home/me/src"), FingerprintIn("/ci/job/src"));
}
