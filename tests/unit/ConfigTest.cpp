// Configuration documents are validated with errors that name the file, and layers stack so that
// the upper one (the command line) wins.
#include "rtcheck/Config.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

std::string errorOf(llvm::Expected<Config> C) {
  if (C)
    return "(no error)";
  return llvm::toString(C.takeError());
}

} // namespace

TEST(Config, ReadsEveryKey) {
  llvm::Expected<Config> C = parseConfig(R"({
      "roots": ["on_audio", "isr_*=firmware-isr", {"function": "Cam::frame", "context": "camera"},
                {"function": "plain"}],
      "rules": ["mine.json", "/abs/theirs.json"],
      "fail_on": "warning",
      "unknown": false})",
                                         "/proj/sub/rtcheck.json");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  ASSERT_EQ(C->Roots.size(), 4u);
  EXPECT_EQ(C->Roots[0].Name, "on_audio");
  EXPECT_EQ(C->Roots[0].Context, "") << "no context: the linker gives the rules' default one";
  EXPECT_EQ(C->Roots[1].Name, "isr_*");
  EXPECT_EQ(C->Roots[1].Context, "firmware-isr");
  EXPECT_EQ(C->Roots[2].Context, "camera");
  EXPECT_EQ(C->Roots[3].Context, "");
  // Relative rules files are found beside the configuration file, in the order listed.
  EXPECT_EQ(C->RuleFiles, (std::vector<std::string>{"/proj/sub/mine.json", "/abs/theirs.json"}));
  EXPECT_EQ(C->failOn(), FailOn::Warning);
  EXPECT_FALSE(C->reportUnknown());
}

TEST(Config, AnEmptyDocumentSetsNothing) {
  llvm::Expected<Config> C = parseConfig("{}", "c.json");
  ASSERT_TRUE(bool(C));
  EXPECT_FALSE(C->Threshold.has_value());
  EXPECT_FALSE(C->ReportUnknown.has_value());
  EXPECT_EQ(C->failOn(), FailOn::Error);
  EXPECT_TRUE(C->reportUnknown());
}

TEST(Config, ErrorsNameTheFileAndTheKey) {
  EXPECT_EQ(errorOf(parseConfig("{", "c.json")).rfind("c.json: invalid JSON: ", 0), 0u);
  EXPECT_EQ(errorOf(parseConfig("[]", "c.json")), "c.json: expected a JSON object");
  EXPECT_EQ(errorOf(parseConfig(R"({"colour": 1})", "c.json")), "c.json: unknown key 'colour'");
  EXPECT_EQ(errorOf(parseConfig(R"({"roots": "cb"})", "c.json")),
            "c.json: 'roots' must be an array");
  EXPECT_EQ(errorOf(parseConfig(R"({"roots": [{"context": "audio"}]})", "c.json")),
            "c.json: each root needs a \"function\"");
  EXPECT_EQ(errorOf(parseConfig(R"({"roots": ["=audio"]})", "c.json")),
            "c.json: each root needs a \"function\"");
  EXPECT_EQ(errorOf(parseConfig(R"({"rules": ["a.json", 3]})", "c.json")),
            "c.json: 'rules' must be an array of paths");
  EXPECT_EQ(errorOf(parseConfig(R"({"fail_on": "sometimes"})", "c.json")),
            "c.json: 'fail_on' must be \"error\", \"warning\" or \"none\"");
  EXPECT_EQ(errorOf(parseConfig(R"({"unknown": "yes"})", "c.json")),
            "c.json: 'unknown' must be true or false");
}

TEST(Config, ReadsFilesAndNamesMissingOnes) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rtcheck-config-test", Dir));
  std::string Missing = (Dir + "/none.json").str();
  EXPECT_EQ(errorOf(readConfigFile(Missing)).rfind(Missing + ": cannot read config file", 0), 0u);
  std::string Path = (Dir + "/rtcheck.json").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << R"({"rules": ["local.json"]})";
  }
  llvm::Expected<Config> C = readConfigFile(Path);
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->RuleFiles, (std::vector<std::string>{(Dir + "/local.json").str()}));
  llvm::sys::fs::remove(Path);
  llvm::sys::fs::remove(Dir);
}

TEST(Config, TheUpperLayerWins) {
  Config File;
  File.Roots = {{"cb", "camera"}};
  File.RuleFiles = {"/cfg/a.json"};
  File.Threshold = FailOn::None;
  File.ReportUnknown = false;
  Config Flags;
  Flags.Roots = {{"cb", "audio"}};
  Flags.RuleFiles = {"b.json"};
  Flags.Threshold = FailOn::Warning;

  Config Merged = File;
  Merged.merge(Flags);
  // The first root naming a function gives its context: the flags' root comes first.
  ASSERT_EQ(Merged.Roots.size(), 2u);
  EXPECT_EQ(Merged.Roots[0].Context, "audio");
  // Later rules files override earlier ones: the flags' file comes last.
  EXPECT_EQ(Merged.RuleFiles, (std::vector<std::string>{"/cfg/a.json", "b.json"}));
  EXPECT_EQ(Merged.failOn(), FailOn::Warning);
  // What the upper layer leaves unset shows through.
  EXPECT_FALSE(Merged.reportUnknown());
}

TEST(Config, RootSpecsAndThresholdNames) {
  llvm::Expected<RootSpec> R = parseRootSpec("Engine::process=camera");
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(R->Name, "Engine::process");
  EXPECT_EQ(R->Context, "camera");
  llvm::Expected<RootSpec> Bad = parseRootSpec("=audio");
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()), "--root needs a function name");
  EXPECT_EQ(parseFailOn("none"), FailOn::None);
  EXPECT_EQ(parseFailOn("Error"), std::nullopt);
}

TEST(Config, CompilerArgumentsAndTheRootMark) {
  llvm::Expected<Config> C = parseConfig(
      R"({"extra_args": ["-DRT=1"], "extra_args_before": ["--target=arm-none-eabi"], "root": true})",
      "c.json");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->ExtraArgs, (std::vector<std::string>{"-DRT=1"}));
  EXPECT_EQ(C->ExtraArgsBefore, (std::vector<std::string>{"--target=arm-none-eabi"}));
  EXPECT_TRUE(C->StopsDiscovery);
  Config Below;
  Below.merge(*C);
  EXPECT_FALSE(Below.StopsDiscovery) << "the mark belongs to the file that says it";
  EXPECT_EQ(errorOf(parseConfig(R"({"extra_args": "-DX"})", "c.json")),
            "c.json: 'extra_args' must be an array of strings");
  EXPECT_EQ(errorOf(parseConfig(R"({"root": 1})", "c.json")),
            "c.json: 'root' must be true or false");
}

TEST(Config, TheDumpReadsBackAsTheSameSettings) {
  llvm::Expected<Config> C = parseConfig(
      R"({"roots": ["a", "b=camera"], "rules": ["/r.json"], "unknown": false, "extra_args": ["-DX"]})",
      "/p/c.json");
  ASSERT_TRUE(bool(C));
  llvm::json::Object Dump = dumpConfig(*C);
  EXPECT_EQ(Dump.getString("fail_on"), "error") << "defaults are filled in";
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::json::Value(std::move(Dump));
  llvm::Expected<Config> Back = parseConfig(Text, "/elsewhere/c.json");
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->Roots.size(), 2u);
  EXPECT_EQ(Back->Roots[1].Context, "camera");
  EXPECT_EQ(Back->RuleFiles, C->RuleFiles);
  EXPECT_EQ(Back->failOn(), FailOn::Error);
  EXPECT_FALSE(Back->reportUnknown());
  EXPECT_EQ(Back->ExtraArgs, C->ExtraArgs);
}
