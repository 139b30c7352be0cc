// The commands as library calls: database loading and program selection, the check pipeline
// with its configuration layers and exit statuses, extract-then-link, the rules command.
#include "rtcheck/Check.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

/// A scratch directory with files written into it, removed afterwards.
class Scratch : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rtcheck-check-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) const { return (Dir + "/" + Name).str(); }

  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    std::string P = path(Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << P;
    OS << Text;
    return P;
  }

  llvm::SmallString<128> Dir;
};

template <typename T> std::string errorOf(llvm::Expected<T> V) {
  return V ? std::string("(no error)") : llvm::toString(V.takeError());
}

bool contains(llvm::StringRef Haystack, llvm::StringRef Needle) {
  return Haystack.contains(Needle);
}

constexpr llvm::StringRef Callback = R"(extern "C" void *malloc(unsigned long);
void cb() {
  void *p = malloc(16);
  (void)p;
}
)";

CheckOptions checkOf(std::vector<std::string> Files) {
  CheckOptions O;
  O.Analysis.RulesDir = RTCHECK_SOURCE_RULES_DIR;
  O.Database.FixedFlags = std::vector<std::string>{"-std=c++17"};
  O.Files = std::move(Files);
  O.Extract.Jobs = 1;
  return O;
}

std::vector<std::pair<unsigned, std::string>> sites(const Report &R) {
  std::vector<std::pair<unsigned, std::string>> Out;
  for (const Finding &F : R.Link.Findings)
    Out.emplace_back(F.Site.Line, categoryName(F.Cat).str());
  return Out;
}

} // namespace

using CompileDatabaseTest = Scratch;

TEST_F(CompileDatabaseTest, ErrorsNameWhatIsMissing) {
  DatabaseOptions Missing;
  Missing.BuildPath = Dir.str().str();
  std::string E = errorOf(CompileDatabase::load(Missing));
  EXPECT_TRUE(contains(E, path("compile_commands.json") + ": no compilation database")) << E;

  write("compile_commands.json", R"([{"directory": "/tmp", "file": )");
  E = errorOf(CompileDatabase::load(Missing));
  EXPECT_TRUE(contains(E, "compile_commands.json: malformed compilation database")) << E;

  EXPECT_TRUE(contains(errorOf(CompileDatabase::load(DatabaseOptions())), "no input"));
}

TEST_F(CompileDatabaseTest, FrontEndInvocationsGiveWayToTheDriverCommand) {
  // Bear, run over clang, records the `clang -cc1` it spawns next to the driver command: the
  // front end's arguments do not parse as a driver's, so only the driver command is analysed.
  std::string A = write("a.cpp", "void a() {}\n");
  std::string B = write("b.cpp", "void b() {}\n");
  auto Entry = [&](const std::string &File, const std::string &Args) {
    return R"({"directory": ")" + Dir.str().str() + R"(", "file": ")" + File +
           R"(", "arguments": [)" + Args + "]}";
  };
  std::string Driver = R"("clang++", "-c", "-std=c++17")";
  std::string FrontEnd = R"("clang", "-cc1", "-triple", "x86_64-pc-linux-gnu", "-emit-obj")";
  write("compile_commands.json", "[" + Entry(A, Driver) + "," + Entry(A, FrontEnd) + "," +
                                     Entry(B, FrontEnd) + "]");
  DatabaseOptions DO;
  DO.BuildPath = Dir.str().str();
  llvm::Expected<CompileDatabase> DB = CompileDatabase::load(DO);
  ASSERT_TRUE(bool(DB)) << llvm::toString(DB.takeError());

  llvm::Expected<Program> All = DB->selectProgram({}, "");
  ASSERT_TRUE(bool(All));
  ASSERT_EQ(All->Commands.size(), 2u);
  EXPECT_EQ(All->Commands[0].Filename, A);
  EXPECT_FALSE(llvm::is_contained(All->Commands[0].CommandLine, "-cc1"));
  // b.cpp has nothing else: its front-end invocation stays (and fails with its own message).
  EXPECT_EQ(All->Commands[1].Filename, B);
  EXPECT_EQ(All->Merged, 1u);

  llvm::Expected<Program> Named = DB->selectProgram({A}, "");
  ASSERT_TRUE(bool(Named));
  ASSERT_EQ(Named->Commands.size(), 1u);
  EXPECT_FALSE(llvm::is_contained(Named->Commands[0].CommandLine, "-cc1"));
}

TEST_F(CompileDatabaseTest, SelectsOneProgramOfSeveral) {
  std::string A = write("a.cpp", "void a() {}\n");
  std::string B = write("b.cpp", "void b() {}\n");
  auto Entry = [&](const std::string &File, const std::string &Out) {
    return R"({"directory": ")" + Dir.str().str() + R"(", "file": ")" + File + R"(", "output": ")" +
           Out + R"(", "arguments": ["c++", "-c", ")" + File + R"(", "-o", ")" + Out + R"("]})";
  };
  write("compile_commands.json", "[" + Entry(A, "legacy.dir/a.o") + "," +
                                     Entry(A, "fixed.dir/a.o") + "," + Entry(B, "legacy.dir/b.o") +
                                     "," + Entry(A, "legacy.dir/a.o") + "]");
  DatabaseOptions DO;
  DO.BuildPath = Dir.str().str();
  llvm::Expected<CompileDatabase> DB = CompileDatabase::load(DO);
  ASSERT_TRUE(bool(DB)) << llvm::toString(DB.takeError());

  // Every command: a.cpp twice with different outputs; the exact duplicate is merged and counted.
  llvm::Expected<Program> All = DB->selectProgram({}, "");
  ASSERT_TRUE(bool(All));
  EXPECT_EQ(All->Commands.size(), 3u);
  EXPECT_EQ(All->Merged, 1u);

  llvm::Expected<Program> Legacy = DB->selectProgram({}, "legacy[.]dir");
  ASSERT_TRUE(bool(Legacy));
  ASSERT_EQ(Legacy->Commands.size(), 2u);
  for (const clang::tooling::CompileCommand &C : Legacy->Commands)
    EXPECT_TRUE(llvm::StringRef(C.Output).starts_with("legacy.dir/")) << C.Output;

  // A named file without an accepted command is reported, not fatal.
  llvm::Expected<Program> Fixed = DB->selectProgram({A, B}, "fixed[.]dir");
  ASSERT_TRUE(bool(Fixed));
  ASSERT_EQ(Fixed->Commands.size(), 1u);
  EXPECT_EQ(Fixed->Commands[0].Output, "fixed.dir/a.o");
  ASSERT_EQ(Fixed->Errors.size(), 1u);
  EXPECT_EQ(Fixed->Errors[0].File, B);
  EXPECT_EQ(Fixed->Errors[0].Message, "no compile command for this file matches --select");

  EXPECT_TRUE(contains(errorOf(DB->selectProgram({}, "(")), "--select: bad regular expression"));
  EXPECT_EQ(errorOf(DB->selectProgram({}, "nothing")),
            "no compile command matches --select 'nothing'");
  EXPECT_EQ(errorOf(DB->selectProgram({path("none.cpp")}, "")),
            path("none.cpp") + ": no such file");
}

using CheckTest = Scratch;

TEST_F(CheckTest, ConfigurationLayersDecideTheExitStatus) {
  CheckOptions O = checkOf({write("cb.cpp", Callback)});
  O.Analysis.ConfigFile = write("rtcheck.json", R"({"roots": ["cb"], "fail_on": "none"})");
  llvm::Expected<CheckResult> R = runCheck(O);
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(sites(R->Result), (std::vector<std::pair<unsigned, std::string>>{{3, "alloc"}}));
  EXPECT_EQ(R->Result.Link.Findings[0].Callee, "malloc");
  EXPECT_EQ(R->Result.SourceRoot.empty(), false);
  EXPECT_EQ(exitStatus(*R), ExitOk); // the file's fail_on: none

  O.Analysis.CommandLine.Threshold = FailOn::Error; // a flag outranks the file
  R = runCheck(O);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(exitStatus(*R), ExitFindings);
}

TEST_F(CheckTest, AFailedTranslationUnitDoesNotStopTheOthers) {
  CheckOptions O = checkOf({write("broken.cpp", "int x = ;\n"), write("cb.cpp", Callback)});
  O.Analysis.CommandLine.Roots = {{"cb", "audio"}};
  llvm::Expected<CheckResult> R = runCheck(O);
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->Result.Errors.size(), 1u);
  EXPECT_EQ(R->Result.Errors[0].File, path("broken.cpp"));
  EXPECT_TRUE(contains(R->Result.Errors[0].Message, "does not parse"))
      << R->Result.Errors[0].Message;
  EXPECT_EQ(R->Result.Link.Findings.size(), 1u);
  EXPECT_EQ(exitStatus(*R), ExitInput);
}

TEST_F(CheckTest, CodeWithErrorsIsReportedNotWalked) {
  // Clang's recovered AST holds a call of a builtin whose type it never settled (DPF's Window.cpp
  // against a newer pugl): walking it crashed the extraction.
  CheckOptions O = checkOf({write("recovered.cpp", "void f() {\n"
                                                   "  const int size = UNDECLARED_SIZE;\n"
                                                   "  if (__builtin_expect(!(size.width > 0), 0))\n"
                                                   "    return;\n"
                                                   "}\n")});
  llvm::Expected<CheckResult> R = runCheck(O);
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->Result.Errors.size(), 1u);
  EXPECT_TRUE(contains(R->Result.Errors[0].Message, "does not parse"))
      << R->Result.Errors[0].Message;
}

TEST_F(CheckTest, ExtractThenLinkFindsWhatCheckFinds) {
  std::string Cb = write("cb.cpp", Callback);
  ExtractFilesOptions E;
  E.Database.FixedFlags = std::vector<std::string>{"-std=c++17"};
  E.Files = {Cb};
  E.OutputDir = path("sums");
  llvm::Expected<std::vector<InputError>> Failed = runExtract(E);
  ASSERT_TRUE(bool(Failed)) << llvm::toString(Failed.takeError());
  EXPECT_TRUE(Failed->empty());

  LinkFilesOptions L;
  L.Analysis.RulesDir = RTCHECK_SOURCE_RULES_DIR;
  L.Analysis.CommandLine.Roots = {{"cb", "audio"}};
  L.Inputs = {path("sums")};
  llvm::Expected<CheckResult> Linked = runLink(L);
  ASSERT_TRUE(bool(Linked)) << llvm::toString(Linked.takeError());
  CheckOptions C = checkOf({Cb});
  C.Analysis.CommandLine.Roots = L.Analysis.CommandLine.Roots;
  llvm::Expected<CheckResult> Checked = runCheck(C);
  ASSERT_TRUE(bool(Checked));
  EXPECT_EQ(sites(Linked->Result), sites(Checked->Result));
  EXPECT_EQ(sites(Linked->Result).size(), 1u);
}

TEST_F(CheckTest, UsageErrorsAreOneLine) {
  EXPECT_EQ(errorOf(loadRules("", {})),
            "cannot find the bundled rules (set RTCHECK_RULES_DIR or pass --rules-dir)");
  EXPECT_EQ(errorOf(loadRules(path("none"), {})),
            path("none") + ": rules directory does not exist");
  EXPECT_EQ(errorOf(runExtract(ExtractFilesOptions())), "extract: name the files to extract");
  ExtractFilesOptions TwoToOne;
  TwoToOne.Files = {"a.cpp", "b.cpp"};
  TwoToOne.Output = "x.json";
  EXPECT_TRUE(contains(errorOf(runExtract(TwoToOne)), "-o takes one input file"));
  LinkFilesOptions L;
  L.Analysis.RulesDir = RTCHECK_SOURCE_RULES_DIR;
  EXPECT_TRUE(contains(errorOf(runLink(L)), "link: name the summary files"));
  L.Analysis.ConfigFile = path("missing.json");
  EXPECT_TRUE(contains(errorOf(runLink(L)), path("missing.json") + ": cannot read config file"));
}

TEST_F(CheckTest, ReportsAreWrittenWholeOrNotAtAll) {
  CheckResult R;
  OutputOptions O;
  O.Fmt = Format::JSON;
  O.Path = path("report.json");
  ASSERT_FALSE(writeReport(R.Result, O));
  uint64_t Size = 0;
  ASSERT_FALSE(llvm::sys::fs::file_size(O.Path, Size));
  EXPECT_GT(Size, 0u);
  O.Path = path("no-such-dir/report.json");
  llvm::Error E = writeReport(R.Result, O);
  ASSERT_TRUE(bool(E));
  EXPECT_TRUE(contains(llvm::toString(std::move(E)), O.Path));
}

TEST(RulesCommand, ShowsListsAndRejectsUnknownActions) {
  RulesCommandOptions O;
  O.RulesDir = RTCHECK_SOURCE_RULES_DIR;
  O.Action = "show";
  O.Args = {"malloc"};
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  ASSERT_FALSE(runRulesCommand(O, OS));
  EXPECT_TRUE(contains(Out, "malloc: alloc")) << Out;
  O.Args = {"definitely_not_a_function_name"};
  llvm::Error E = runRulesCommand(O, OS);
  ASSERT_TRUE(bool(E));
  EXPECT_EQ(llvm::toString(std::move(E)), "no rule matches 'definitely_not_a_function_name'");
  O.Action = "frobnicate";
  E = runRulesCommand(O, OS);
  ASSERT_TRUE(bool(E));
  EXPECT_TRUE(contains(llvm::toString(std::move(E)), "unknown action 'frobnicate'"));
}
