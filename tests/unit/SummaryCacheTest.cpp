// The summary cache hits only when the command and every file the TU read are unchanged, never
// serves a corrupt entry, survives concurrent writers and stays under its size limit.
#include "rtcheck/SummaryCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

#include <fstream>
#include <thread>

using namespace rtcheck;

namespace {

class SummaryCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rtcheck-cache", Dir));
    CacheDir = path("cache");
    Main = path("engine.c");
    Header = path("engine.h");
    write(Main, "#include \"engine.h\"\nvoid process(void) {}\n");
    write(Header, "void process(void);\n");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
  static void write(const std::string &Path, const std::string &Text) {
    std::ofstream(Path, std::ios::trunc) << Text;
  }
  static std::string read(const std::string &Path) {
    std::ifstream In(Path);
    return std::string(std::istreambuf_iterator<char>(In), {});
  }

  /// A new cache object is a new run: file hashes are memoised per run.
  std::unique_ptr<SummaryCache> run(uint64_t MaxBytes = DefaultCacheMaxBytes) {
    auto C = std::make_unique<SummaryCache>(CacheDir, MaxBytes, "rules-v1");
    EXPECT_FALSE(static_cast<bool>(C->prepare()));
    return C;
  }
  std::vector<CacheInput> inputs(SummaryCache &C) {
    return {{Main, C.hashFileNow(Main)}, {Header, C.hashFileNow(Header)}};
  }
  static Summary summary(const std::string &File) {
    Summary S;
    S.MainFile = File;
    Function F;
    F.USR = "c:@F@process";
    F.Name = "process";
    S.Functions.push_back(F);
    return S;
  }
  /// Extracts (stores) the TU in a fresh run.
  std::string storeNow(const std::vector<std::string> &Args = {"cc", "-c", "engine.c"}) {
    auto C = run();
    std::string Key = C->commandKey(Args, Dir.str(), Main);
    std::vector<std::string> Notes;
    C->store(Key, inputs(*C), summary(Main), Notes);
    EXPECT_TRUE(Notes.empty());
    EXPECT_EQ(C->counts().Stored, 1u);
    return Key;
  }
  /// Looks the TU up in a fresh run.
  std::optional<Summary> lookupNow(std::vector<std::string> &Notes,
                                   const std::vector<std::string> &Args = {"cc", "-c",
                                                                           "engine.c"}) {
    auto C = run();
    return C->lookup(C->commandKey(Args, Dir.str(), Main), Notes);
  }
  std::vector<std::string> entries(llvm::StringRef Kind) {
    std::vector<std::string> Out;
    std::error_code EC;
    llvm::SmallString<256> P(CacheDir);
    llvm::sys::path::append(P, Kind);
    for (llvm::sys::fs::recursive_directory_iterator It(P, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::sys::fs::is_regular_file(It->path()))
        Out.push_back(It->path());
    return Out;
  }

  llvm::SmallString<256> Dir;
  std::string CacheDir, Main, Header;
};

TEST_F(SummaryCacheTest, CommandKeyCoversArgumentsDirectoryAndMainFile) {
  auto C = run();
  std::string Key = C->commandKey({"cc", "-c", "engine.c"}, Dir.str(), Main);
  EXPECT_EQ(Key.size(), 32u);
  EXPECT_EQ(Key, C->commandKey({"cc", "-c", "engine.c"}, Dir.str(), Main));
  EXPECT_NE(Key, C->commandKey({"cc", "-DX", "-c", "engine.c"}, Dir.str(), Main));
  EXPECT_NE(Key, C->commandKey({"cc", "-c", "engine.c"}, "/elsewhere", Main));
  SummaryCache OtherRules(CacheDir, DefaultCacheMaxBytes, "rules-v2");
  EXPECT_NE(Key, OtherRules.commandKey({"cc", "-c", "engine.c"}, Dir.str(), Main));
  write(Main, "void process(void) { /* edited */ }\n");
  EXPECT_NE(Key, run()->commandKey({"cc", "-c", "engine.c"}, Dir.str(), Main));
  EXPECT_EQ(C->commandKey({"cc"}, Dir.str(), path("missing.c")), "");
}

TEST_F(SummaryCacheTest, UnchangedInputsHit) {
  std::vector<std::string> Notes;
  EXPECT_FALSE(lookupNow(Notes)); // cold
  storeNow();
  std::optional<Summary> S = lookupNow(Notes);
  ASSERT_TRUE(S);
  EXPECT_EQ(S->MainFile, Main);
  ASSERT_EQ(S->Functions.size(), 1u);
  EXPECT_EQ(S->Functions[0].USR, "c:@F@process");
  EXPECT_TRUE(Notes.empty());
  // Other flags are another command.
  EXPECT_FALSE(lookupNow(Notes, {"cc", "-O2", "-c", "engine.c"}));
}

TEST_F(SummaryCacheTest, EditedHeaderMissesAndItsOldStateStillHits) {
  storeNow();
  std::string Old = read(Header);
  write(Header, "void process(void);\nvoid other(void);\n");
  std::vector<std::string> Notes;
  EXPECT_FALSE(lookupNow(Notes));
  storeNow();
  EXPECT_TRUE(lookupNow(Notes));
  // Back to the first state (a branch switched back): the manifest still lists it.
  write(Header, Old);
  EXPECT_TRUE(lookupNow(Notes));
  EXPECT_EQ(entries("manifests").size(), 1u);
  EXPECT_EQ(entries("summaries").size(), 2u);
}

TEST_F(SummaryCacheTest, DeletedHeaderMisses) {
  storeNow();
  llvm::sys::fs::remove(Header);
  std::vector<std::string> Notes;
  EXPECT_FALSE(lookupNow(Notes));
}

TEST_F(SummaryCacheTest, TruncatedSummaryIsIgnoredWithANoteAndRebuilt) {
  storeNow();
  std::vector<std::string> Summaries = entries("summaries");
  ASSERT_EQ(Summaries.size(), 1u);
  std::string Text = read(Summaries[0]);
  write(Summaries[0], Text.substr(0, Text.size() / 2));
  std::vector<std::string> Notes;
  auto C = run();
  EXPECT_FALSE(C->lookup(C->commandKey({"cc", "-c", "engine.c"}, Dir.str(), Main), Notes));
  ASSERT_EQ(Notes.size(), 1u);
  EXPECT_NE(Notes[0].find(Summaries[0]), std::string::npos) << Notes[0];
  EXPECT_NE(Notes[0].find("corrupt"), std::string::npos) << Notes[0];
  EXPECT_EQ(C->counts().Corrupt, 1u);
  EXPECT_EQ(C->counts().Misses, 1u);
  storeNow();
  Notes.clear();
  EXPECT_TRUE(lookupNow(Notes));
  EXPECT_TRUE(Notes.empty());
}

TEST_F(SummaryCacheTest, ValidJSONOfTheWrongShapeIsCorrupt) {
  storeNow();
  std::vector<std::string> Notes;
  ASSERT_EQ(entries("summaries").size(), 1u);
  write(entries("summaries")[0], "{\"format\": 1, \"key\": \"0\", \"summary\": {}}");
  EXPECT_FALSE(lookupNow(Notes));
  EXPECT_EQ(Notes.size(), 1u);
  storeNow();
  ASSERT_EQ(entries("manifests").size(), 1u);
  write(entries("manifests")[0], "[1, 2, 3]");
  Notes.clear();
  EXPECT_FALSE(lookupNow(Notes));
  EXPECT_EQ(Notes.size(), 1u);
  // The corrupt manifest was removed; an empty one next.
  EXPECT_TRUE(entries("manifests").empty());
  storeNow();
  ASSERT_EQ(entries("manifests").size(), 1u);
  write(entries("manifests")[0], "");
  Notes.clear();
  EXPECT_FALSE(lookupNow(Notes));
  EXPECT_EQ(Notes.size(), 1u);
}

TEST_F(SummaryCacheTest, ConcurrentWritersLeaveAReadableEntry) {
  std::vector<std::thread> Writers;
  for (int I = 0; I < 8; ++I)
    Writers.emplace_back([&] {
      for (int J = 0; J < 10; ++J)
        storeNow();
    });
  std::vector<std::string> Notes;
  for (int J = 0; J < 20; ++J)
    lookupNow(Notes); // a reader never sees a half-written file
  for (std::thread &T : Writers)
    T.join();
  EXPECT_TRUE(Notes.empty()) << Notes.front();
  EXPECT_TRUE(lookupNow(Notes));
  for (const std::string &F : entries(""))
    EXPECT_EQ(F.find(".tmp-"), std::string::npos) << F;
}

TEST_F(SummaryCacheTest, EvictionRemovesTheLeastRecentlyUsed) {
  // Three commands, stored a second apart, then the oldest used again.
  std::vector<std::vector<std::string>> Commands = {
      {"cc", "-DA", "-c", "engine.c"}, {"cc", "-DB", "-c", "engine.c"},
      {"cc", "-DC", "-c", "engine.c"}};
  for (const auto &Args : Commands) {
    storeNow(Args);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  }
  std::vector<std::string> Notes;
  ASSERT_TRUE(lookupNow(Notes, Commands[0]));
  uint64_t Total = 0;
  for (const std::string &F : entries("")) {
    uint64_t Size;
    ASSERT_FALSE(llvm::sys::fs::file_size(F, Size));
    Total += Size;
  }
  // Room for about two of the three entries: B, the least recently used, goes.
  auto C = run(Total * 3 / 4);
  EXPECT_GE(C->evict(), 2u);
  EXPECT_TRUE(lookupNow(Notes, Commands[0]));
  EXPECT_FALSE(lookupNow(Notes, Commands[1]));
  EXPECT_TRUE(Notes.empty());
  // Under the limit nothing goes.
  EXPECT_EQ(run()->evict(), 0u);
}

TEST_F(SummaryCacheTest, EvictionTouchesOnlyTheCachesFiles) {
  storeNow();
  // A cache directory named by mistake: what is not the cache's own stays.
  write(CacheDir + "/notes.txt", std::string(4096, 'x'));
  write(CacheDir + "/summaries/readme.txt", std::string(4096, 'x'));
  EXPECT_EQ(run(1)->evict(), 2u);
  EXPECT_TRUE(llvm::sys::fs::exists(CacheDir + "/notes.txt"));
  EXPECT_TRUE(llvm::sys::fs::exists(CacheDir + "/summaries/readme.txt"));
  EXPECT_TRUE(entries("manifests").empty());
}

TEST_F(SummaryCacheTest, Sizes) {
  EXPECT_EQ(*parseCacheSize("1048576"), 1048576u);
  EXPECT_EQ(*parseCacheSize("500M"), 500u << 20);
  EXPECT_EQ(*parseCacheSize("2G"), uint64_t(2) << 30);
  EXPECT_EQ(*parseCacheSize("64k"), 64u << 10);
  for (const char *Bad : {"", "G", "2GB", "-1", "1.5G", "lots"}) {
    llvm::Expected<uint64_t> N = parseCacheSize(Bad);
    EXPECT_FALSE(static_cast<bool>(N)) << Bad;
    if (!N)
      llvm::consumeError(N.takeError());
  }
}

TEST_F(SummaryCacheTest, DefaultDirectoryFollowsXdg) {
  const char *Old = getenv("XDG_CACHE_HOME");
  std::string Saved = Old ? Old : "";
  setenv("XDG_CACHE_HOME", "/var/cache/ci", 1);
  EXPECT_EQ(defaultCacheDir(), "/var/cache/ci/rtcheck");
  // A relative XDG_CACHE_HOME is invalid by the specification: the home directory's is used.
  setenv("XDG_CACHE_HOME", "relative", 1);
  EXPECT_NE(defaultCacheDir().find(".cache/rtcheck"), std::string::npos);
  if (Old)
    setenv("XDG_CACHE_HOME", Saved.c_str(), 1);
  else
    unsetenv("XDG_CACHE_HOME");
}

} // namespace
