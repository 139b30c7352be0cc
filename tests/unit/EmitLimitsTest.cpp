// The emitters' bounds on pathological runs: the findings cap, names per finding, and the time
// that stats.seconds covers.
#include "rtcheck/Emit.h"

#include "llvm/Support/JSON.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

Finding finding(unsigned Line, unsigned Roots) {
  Finding F;
  F.Cat = Category::Alloc;
  F.Message = "'malloc' allocates";
  F.Site = {"/src/a.c", Line, 3};
  F.SiteFunction = "cb";
  F.Callee = F.Leaf = "malloc";
  for (unsigned I = 0; I < Roots; ++I)
    F.Roots.push_back("root" + std::to_string(I));
  F.Contexts = {"audio"};
  F.Chain = {{"cb", {"/src/a.c", 1, 6}, false, "real-time root"},
             {"malloc", {"/src/a.c", Line, 3}, false, ""}};
  F.Fingerprint = "0123456789abcdef";
  return F;
}

llvm::json::Value parse(const std::string &Text) {
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Text);
  EXPECT_TRUE(bool(V)) << llvm::toString(V.takeError());
  return V ? std::move(*V) : llvm::json::Value(nullptr);
}

} // namespace

TEST(EmitLimits, CapKeepsTheFirstFindingsAndSaysHowManyThereWere) {
  Report R;
  for (unsigned I = 1; I <= 5; ++I)
    R.Link.Findings.push_back(finding(I, 1));
  capFindings(R, 0);
  EXPECT_EQ(R.Link.Findings.size(), 5u) << "0 is no cap";
  capFindings(R, 5);
  EXPECT_TRUE(R.Link.Warnings.empty()) << "at the cap nothing is left out";
  capFindings(R, 2);
  ASSERT_EQ(R.Link.Findings.size(), 2u);
  EXPECT_EQ(R.Link.Findings[1].Site.Line, 2u);
  ASSERT_EQ(R.Link.Warnings.size(), 1u);
  EXPECT_EQ(R.Link.Warnings[0], "5 findings: the report lists the first 2 (by file and line); "
                                "--max-findings changes the cap");
}

TEST(EmitLimits, AFindingListsAtMost32RootsAndCountsTheRest) {
  Report R;
  R.Link.Findings.push_back(finding(3, 40));
  R.Link.Findings.push_back(finding(4, 2));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitJSON(OS, R);
  llvm::json::Value V = parse(Out);
  const llvm::json::Array &Findings = *V.getAsObject()->getArray("findings");
  const llvm::json::Object &Many = *Findings[0].getAsObject();
  EXPECT_EQ(Many.getArray("roots")->size(), 32u);
  EXPECT_EQ(Many.getInteger("roots_omitted"), 8);
  const llvm::json::Object &Few = *Findings[1].getAsObject();
  EXPECT_EQ(Few.getArray("roots")->size(), 2u);
  EXPECT_FALSE(Few.get("roots_omitted"));

  std::string Sarif;
  llvm::raw_string_ostream SOS(Sarif);
  emitSARIF(SOS, R);
  llvm::json::Value S = parse(Sarif);
  const llvm::json::Object &Run = *S.getAsObject()->getArray("runs")->front().getAsObject();
  const llvm::json::Object &Result = *Run.getArray("results")->front().getAsObject();
  EXPECT_EQ(Result.getObject("properties")->getArray("roots")->size(), 32u);
}

TEST(EmitLimits, StatsComeLastAndTheirSecondsIncludeWritingTheReport) {
  Report R;
  R.Seconds = 1.5;
  for (unsigned I = 1; I <= 3; ++I)
    R.Link.Findings.push_back(finding(I, 1));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitJSON(OS, R);
  EXPECT_GT(Out.rfind("\"stats\""), Out.rfind("\"findings\"")) << Out;
  llvm::json::Value V = parse(Out);
  std::optional<double> Seconds = V.getAsObject()->getObject("stats")->getNumber("seconds");
  ASSERT_TRUE(Seconds.has_value());
  EXPECT_GE(*Seconds, 1.5);
}

TEST(EmitLimits, SarifCarriesTheRunsWarningsAsNotifications) {
  Report R;
  R.Link.Warnings.push_back("12000 findings: the report lists the first 10000");
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  emitSARIF(OS, R);
  llvm::json::Value V = parse(Out);
  const llvm::json::Object &Run = *V.getAsObject()->getArray("runs")->front().getAsObject();
  const llvm::json::Array &Notes = *Run.getArray("invocations")
                                        ->front()
                                        .getAsObject()
                                        ->getArray("toolExecutionNotifications");
  ASSERT_EQ(Notes.size(), 1u);
  EXPECT_EQ(Notes[0].getAsObject()->getString("level"), "warning");
  EXPECT_EQ(Run.getArray("invocations")->front().getAsObject()->getBoolean("executionSuccessful"),
            true);
}
