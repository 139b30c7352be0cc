// A baseline accepts each recorded finding once, by fingerprint, preferring the recorded place;
// its file reads back what was written and rejects what is not a baseline.
#include "rtcheck/Baseline.h"

#include "llvm/Support/FileSystem.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

Finding malloc_in(const std::string &Function, unsigned Line) {
  Finding F;
  F.Cat = Category::Alloc;
  F.Site = {"/src/dir/a.cpp", Line, 3};
  F.SiteFunction = Function;
  F.Callee = "malloc";
  F.Leaf = "malloc";
  return F;
}

std::vector<unsigned> lines(const std::vector<Finding> &Findings) {
  std::vector<unsigned> Out;
  for (const Finding &F : Findings)
    Out.push_back(F.Site.Line);
  return Out;
}

} // namespace

TEST(Baseline, OnlyFindingsItDoesNotRecordStayNew) {
  Baseline B =
      makeBaseline({malloc_in("cb", 10), malloc_in("cb", 20), malloc_in("other", 30)}, "/src");
  ASSERT_EQ(B.Entries.size(), 3u);
  EXPECT_EQ(B.Entries[0].File, "dir/a.cpp");
  Report R;
  R.SourceRoot = "/src";
  // Lines moved by 5; a third malloc in cb at line 18, between the two recorded ones; `other`
  // is gone.
  R.Link.Findings = {malloc_in("cb", 15), malloc_in("cb", 18), malloc_in("cb", 25),
                     malloc_in("fresh", 40)};
  applyBaseline(B, "b.json", R);
  ASSERT_TRUE(R.Baseline.has_value());
  EXPECT_EQ(R.Baseline->Matched.size(), 2u);
  EXPECT_EQ(R.Baseline->Absent, 1u);
  ASSERT_EQ(R.Link.Findings.size(), 2u) << "one of the three cb mallocs, and fresh";
  EXPECT_EQ(R.Link.Findings[1].SiteFunction, "fresh");
}

TEST(Baseline, TheFindingAtTheRecordedPlaceIsTheOldOne) {
  Baseline B = makeBaseline({malloc_in("cb", 20)}, "/src");
  Report R;
  R.SourceRoot = "/src";
  R.Link.Findings = {malloc_in("cb", 12), malloc_in("cb", 20)};
  applyBaseline(B, "b.json", R);
  EXPECT_EQ(lines(R.Link.Findings), (std::vector<unsigned>{12}));
  EXPECT_EQ(lines(R.Baseline->Matched), (std::vector<unsigned>{20}));
}

TEST(Baseline, FilesReadBackAndBadOnesAreNamed) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rtcheck-baseline", Dir));
  std::string Path = (Dir + "/baseline.json").str();
  Baseline B = makeBaseline({malloc_in("cb", 10)}, "/src");
  ASSERT_FALSE(bool(writeBaselineFile(B, Path)));
  llvm::Expected<Baseline> Back = readBaselineFile(Path);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->Entries.size(), 1u);
  EXPECT_EQ(Back->Entries[0].Fingerprint, fingerprint(malloc_in("cb", 10)));
  EXPECT_EQ(Back->Entries[0].Line, 10u);
  EXPECT_EQ(Back->Entries[0].Function, "cb");

  auto ErrorOf = [&](const std::string &Text) {
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Path, EC);
      OS << Text;
    }
    llvm::Expected<Baseline> R = readBaselineFile(Path);
    return R ? std::string("(no error)") : llvm::toString(R.takeError());
  };
  EXPECT_EQ(ErrorOf(R"({"findings": []})"),
            Path + ": not an rtcheck baseline (no \"rtcheck_baseline\" version)");
  EXPECT_EQ(ErrorOf(R"({"rtcheck_baseline": 7, "findings": []})"),
            Path + ": baseline format version 7 is not supported (this rtcheck reads 1 to 1)");
  EXPECT_EQ(ErrorOf(R"({"rtcheck_baseline": 1, "findings": [{"rule": "x"}]})"),
            Path + ": findings[0] has no \"fingerprint\"");
  EXPECT_EQ(ErrorOf("{").rfind(Path + ": invalid JSON", 0), 0u);
  llvm::sys::fs::remove_directories(Dir);
}
