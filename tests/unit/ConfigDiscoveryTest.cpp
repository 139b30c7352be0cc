// `.rtcheck.json` files are found from a file's directory upwards; nearer ones refine farther
// ones, `"root": true` stops the search, `--config` replaces it and the command line wins.
#include "rtcheck/ConfigDiscovery.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

class Discovery : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> D;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rtcheck-discovery", D));
    Dir = std::string(D);
    ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/proj/src/dsp"));
    ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/proj/third_party/lib"));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(const std::string &Rel, const std::string &Text) {
    std::string P = Dir + "/" + Rel;
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC);
    OS << Text;
    return P;
  }

  std::string Dir;
};

std::vector<std::string> rootNames(const Config &C) {
  std::vector<std::string> Out;
  for (const RootSpec &R : C.Roots)
    Out.push_back(R.Name + (R.Context.empty() ? "" : "=" + R.Context));
  return Out;
}

} // namespace

TEST_F(Discovery, NearerFilesRefineFartherOnes) {
  write("proj/.rtcheck.json", R"({"roots": ["top"], "fail_on": "warning", "unknown": false,
                                  "extra_args": ["-DTOP"]})");
  write("proj/src/.rtcheck.json", R"({"roots": ["near=camera"], "fail_on": "none",
                                      "extra_args": ["-DNEAR"]})");
  std::string Source = write("proj/src/dsp/filter.cpp", "");
  ConfigResolver Resolver({}, "");
  llvm::Expected<Config> C = Resolver.forFile(Source);
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(rootNames(*C), (std::vector<std::string>{"near=camera", "top"}));
  EXPECT_EQ(C->failOn(), FailOn::None);
  EXPECT_FALSE(C->reportUnknown()) << "what the nearer file leaves unset shows through";
  EXPECT_EQ(C->ExtraArgs, (std::vector<std::string>{"-DTOP", "-DNEAR"}));
  EXPECT_EQ(C->Sources, (std::vector<std::string>{Dir + "/proj/.rtcheck.json",
                                                  Dir + "/proj/src/.rtcheck.json"}));

  // A file elsewhere under proj sees only the top file.
  llvm::Expected<Config> Lib = Resolver.forFile(write("proj/third_party/lib/x.c", ""));
  ASSERT_TRUE(bool(Lib));
  EXPECT_EQ(Lib->failOn(), FailOn::Warning);
}

TEST_F(Discovery, RootStopsTheSearchAndTheCommandLineWins) {
  write("proj/.rtcheck.json", R"({"roots": ["top"]})");
  write("proj/third_party/.rtcheck.json", R"({"root": true, "unknown": false})");
  Config Flags;
  Flags.ReportUnknown = true;
  Flags.Roots = {{"cli", ""}};
  ConfigResolver Resolver(Flags, "");
  llvm::Expected<Config> C = Resolver.forFile(write("proj/third_party/lib/x.c", ""));
  ASSERT_TRUE(bool(C));
  EXPECT_EQ(rootNames(*C), (std::vector<std::string>{"cli"})) << "proj's file is above the root";
  EXPECT_TRUE(C->reportUnknown());
}

TEST_F(Discovery, AnExplicitFileReplacesDiscovery) {
  write("proj/src/.rtcheck.json", R"({"fail_on": "none"})");
  std::string Explicit = write("ci.json", R"({"roots": ["ci"]})");
  ConfigResolver Resolver({}, Explicit);
  llvm::Expected<Config> C = Resolver.forFile(write("proj/src/a.cpp", ""));
  ASSERT_TRUE(bool(C));
  EXPECT_EQ(rootNames(*C), (std::vector<std::string>{"ci"}));
  EXPECT_EQ(C->failOn(), FailOn::Error);
}

TEST_F(Discovery, TheProgramGetsEveryFilesRootsAndRulesButNoDirectorysThresholds) {
  write("proj/.rtcheck.json", R"({"roots": ["top"], "rules": ["top.json"]})");
  write("proj/src/.rtcheck.json", R"({"roots": ["src"], "fail_on": "none"})");
  write("proj/third_party/.rtcheck.json", R"({"rules": ["tp.json"], "unknown": false})");
  ConfigResolver Resolver({}, "");
  llvm::Expected<Config> P =
      Resolver.forProgram({write("proj/src/a.cpp", ""), write("proj/third_party/lib/b.c", "")});
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(rootNames(*P), (std::vector<std::string>{"src", "top"}));
  EXPECT_EQ(P->RuleFiles,
            (std::vector<std::string>{Dir + "/proj/top.json", Dir + "/proj/third_party/tp.json"}));
  EXPECT_FALSE(P->Threshold.has_value());
  EXPECT_FALSE(P->ReportUnknown.has_value());
}

TEST_F(Discovery, AMalformedFileIsAnErrorNamingIt) {
  std::string Bad = write("proj/src/.rtcheck.json", R"({"fail_on": "always"})");
  ConfigResolver Resolver({}, "");
  llvm::Expected<Config> C = Resolver.forFile(write("proj/src/a.cpp", ""));
  ASSERT_FALSE(bool(C));
  EXPECT_EQ(llvm::toString(C.takeError()),
            Bad + ": 'fail_on' must be \"error\", \"warning\" or \"none\"");
}
