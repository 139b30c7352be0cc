// Rules database: wildcard matching, precedence, fallback entries, validation errors.
#include "rtcheck/Rules.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

class TempRules {
public:
  TempRules() {
    llvm::sys::fs::createUniqueDirectory("rtcheck-rules-test", Dir);
  }
  ~TempRules() { llvm::sys::fs::remove_directories(Dir); }
  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
    return std::string(Path);
  }
  std::string dir() const { return std::string(Dir); }

private:
  llvm::SmallString<256> Dir;
};

std::string loadError(llvm::StringRef Text) {
  TempRules T;
  RuleSet R;
  llvm::Error E = R.loadFile(T.write("bad.json", Text));
  return E ? llvm::toString(std::move(E)) : std::string();
}

} // namespace

TEST(Wildcard, MatchesStarsAndQuestionMarks) {
  EXPECT_TRUE(wildcardMatch("pthread_mutex_*", "pthread_mutex_lock"));
  EXPECT_TRUE(wildcardMatch("std::vector<*>::push_back", "std::vector<float>::push_back"));
  EXPECT_TRUE(wildcardMatch("std::vector<*>::push_back", "std::vector<std::vector<int>>::push_back"));
  EXPECT_FALSE(wildcardMatch("std::vector<*>::push_back", "std::vector<float>::pop_back"));
  EXPECT_TRUE(wildcardMatch("sem_?ait", "sem_wait"));
  EXPECT_FALSE(wildcardMatch("sem_?ait", "sem_timedwait"));
  EXPECT_TRUE(wildcardMatch("*", ""));
  EXPECT_FALSE(wildcardMatch("a*b", "acbx"));
  EXPECT_TRUE(wildcardMatch("*FromISR", "xQueueSendFromISR"));
  EXPECT_TRUE(wildcardMatch("operator new[]", "operator new[]"));
}

TEST(Rules, ExactBeatsGlobAndLaterFilesWin) {
  TempRules T;
  RuleSet R;
  ASSERT_FALSE(R.loadFile(T.write("a.json", R"({"family":"a","functions":[
    {"name":"pthread_*","category":"lock","reason":"threads"},
    {"name":"pthread_self","safe":true,"reason":"reads a register"},
    {"name":"foo","category":"syscall","reason":"first"}]})")));
  ASSERT_FALSE(R.loadFile(T.write("b.json", R"({"family":"b","functions":[
    {"name":"foo","category":"driver","reason":"second"},
    {"name":"pthread_mutex_*","category":"alloc","reason":"more specific"}]})")));
  const FunctionRule *Self = R.match("pthread_self", false);
  ASSERT_TRUE(Self);
  EXPECT_TRUE(Self->isSafe());
  EXPECT_EQ(R.match("foo", false)->Cat, Category::Driver);
  EXPECT_EQ(R.match("pthread_mutex_lock", false)->Cat, Category::Alloc);
  EXPECT_EQ(R.match("pthread_create", false)->Cat, Category::Lock);
  EXPECT_EQ(R.match("unrelated", false), nullptr);
}

TEST(Rules, QualifiedRulesMatchNamespacedSpellings) {
  EXPECT_EQ(qualifiedSpellings("rt::audio::RtAudio::openStream"),
            (llvm::SmallVector<llvm::StringRef, 4>{"rt::audio::RtAudio::openStream",
                                       "audio::RtAudio::openStream", "RtAudio::openStream"}));
  // `::` inside template arguments is no boundary; a bare last component is never a spelling.
  EXPECT_EQ(qualifiedSpellings("n::V<a::b>::f"), (llvm::SmallVector<llvm::StringRef, 4>{"n::V<a::b>::f", "V<a::b>::f"}));
  EXPECT_EQ(qualifiedSpellings("run"), (llvm::SmallVector<llvm::StringRef, 4>{"run"}));
  EXPECT_TRUE(qualifiedMatch("RtAudio::openStream", "rt::audio::RtAudio::openStream"));
  EXPECT_TRUE(qualifiedMatch("RtApi*::openStream", "rt::audio::RtApiAlsa::openStream"));
  EXPECT_FALSE(qualifiedMatch("RtAudio::openStream", "rt::audio::MyRtAudio::openStream"));
  EXPECT_FALSE(qualifiedMatch("run", "Plugin::run"));
  EXPECT_FALSE(qualifiedMatch("RtAudio::openStream", "RtAudio::openStream::helper"));

  TempRules T;
  RuleSet R;
  ASSERT_FALSE(R.loadFile(T.write("a.json", R"({"family":"a","functions":[
    {"name":"RtAudio::openStream","category":"driver","reason":"class-qualified"},
    {"name":"audio::RtAudio::openStream","category":"syscall","reason":"longer spelling"},
    {"name":"run","category":"alloc","reason":"bare"}]})")));
  EXPECT_EQ(R.match("rt::audio::RtAudio::openStream", false)->Cat, Category::Syscall);
  EXPECT_EQ(R.match("other::RtAudio::openStream", false)->Cat, Category::Driver);
  EXPECT_EQ(R.match("Plugin::run", false), nullptr);
  EXPECT_EQ(R.match("RtAudio::openStreamX", false), nullptr);
  // A body in another namespace is the project's own class, not the library's.
  EXPECT_EQ(R.match("app::RtAudio::openStream", true), nullptr);
  EXPECT_EQ(R.match("RtAudio::openStream", true)->Cat, Category::Driver);
}

TEST(Rules, FallbackAppliesOnlyWithoutBody) {
  TempRules T;
  RuleSet R;
  ASSERT_FALSE(R.loadFile(T.write("f.json", R"({"family":"f","functions":[
    {"name":"std::vector<*>::push_back","category":"alloc","reason":"grows","fallback":true}]})")));
  EXPECT_EQ(R.match("std::vector<int>::push_back", /*HasBody=*/true), nullptr);
  ASSERT_NE(R.match("std::vector<int>::push_back", /*HasBody=*/false), nullptr);
}

TEST(Rules, UnlessArgIsRead) {
  TempRules T;
  RuleSet R;
  ASSERT_FALSE(R.loadFile(T.write("u.json", R"({"family":"u","functions":[
    {"name":"xSemaphoreTake","category":"lock","reason":"waits","unless_arg":{"index":1,"equals":0}}]})")));
  const FunctionRule *Take = R.match("xSemaphoreTake", false);
  ASSERT_TRUE(Take && Take->UnlessArg);
  EXPECT_EQ(Take->UnlessArg->first, 1u);
  EXPECT_EQ(Take->UnlessArg->second, 0);
}

TEST(Rules, WhenArgIsReadAndChecked) {
  TempRules T;
  RuleSet R;
  ASSERT_FALSE(R.loadFile(T.write("w.json", R"({"family":"w","functions":[
    {"name":"vTaskSuspend","category":"syscall","reason":"NULL: the caller","when_arg":{"index":0,"equals":0}}]})")));
  const FunctionRule *Suspend = R.match("vTaskSuspend", false);
  ASSERT_TRUE(Suspend && Suspend->WhenArg && !Suspend->UnlessArg);
  EXPECT_EQ(Suspend->WhenArg->first, 0u);
  EXPECT_EQ(Suspend->WhenArg->second, 0);
  EXPECT_NE(loadError(R"({"family":"x","functions":[{"name":"f","category":"lock","reason":"r","when_arg":{"index":0}}]})")
                .find("'when_arg' must be"),
            std::string::npos);
}

TEST(Rules, ValidationErrorsNameFileAndEntry) {
  std::string E = loadError(R"({"family":"x","functions":[{"name":"f","category":"blocking","reason":"r"}]})");
  EXPECT_NE(E.find("bad.json"), std::string::npos) << E;
  EXPECT_NE(E.find("functions[0] 'f'"), std::string::npos) << E;
  EXPECT_NE(E.find("bad category 'blocking'"), std::string::npos) << E;
  EXPECT_EQ(E.find('\n'), std::string::npos) << "one line: " << E;
}

TEST(Rules, RejectsMalformedEntries) {
  EXPECT_NE(loadError(R"({"family":"x","functions":[{"name":"f","category":"lock"}]})")
                .find("missing 'reason'"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"family":"x","functions":[{"name":"f","category":"lock","reason":"r","colour":1}]})")
                .find("unknown key 'colour'"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"family":"x","functions":[{"name":"f","reason":"r"}]})")
                .find("needs 'category'"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"family":"x","functions":[{"name":"a**","category":"lock","reason":"r"}]})")
                .find("bad glob"),
            std::string::npos);
  EXPECT_NE(loadError("{not json").find("invalid JSON"), std::string::npos);
  EXPECT_NE(loadError(R"({"context":"audio","severity":{"alloc":"fatal"}})").find("severity.alloc"),
            std::string::npos);
}

TEST(Rules, ProfilesAndDirectoryLoading) {
  TempRules T;
  T.write("libc.json", R"({"family":"libc","functions":[{"name":"malloc","category":"alloc","reason":"heap"}]})");
  T.write("profiles/default.json", R"({"context":"default","severity":{"exception":"warning"}})");
  T.write("profiles/camera.json", R"({"context":"camera","severity":{"exception":"allowed","unknown":"allowed"}})");
  RuleSet R;
  ASSERT_FALSE(R.loadDirectory(T.dir()));
  EXPECT_EQ(R.profile("camera").severity(Category::Exception), Severity::Allowed);
  EXPECT_EQ(R.profile("camera").severity(Category::Alloc), Severity::Error);
  EXPECT_EQ(R.profile("my-own-context").Context, "default");
  EXPECT_NE(R.match("malloc", false), nullptr);
}

TEST(Rules, ContextSpellingsAreCanonical) {
  EXPECT_EQ(canonicalContext("firmware_isr"), "firmware-isr");
  EXPECT_EQ(canonicalContext("firmware - task"), "firmware-task");
  EXPECT_EQ(canonicalContext("audio"), "audio");
}

// The linker's policy is data: sections from families, the default context and the throw rule
// from the default profile only; an empty rules directory means no policy.
TEST(Rules, PolicyComesFromTheRules) {
  RuleSet Empty;
  EXPECT_EQ(Empty.policy().DefaultContext, "default");
  EXPECT_TRUE(Empty.policy().Sections.empty());
  EXPECT_FALSE(Empty.policy().ThrowOnlyAlone);

  RuleSet R;
  ASSERT_FALSE(llvm::errorToBool(R.loadText("a.json", R"({"family":"a","functions":[],
      "sections":[{"section":".iram*","category":"driver","reason":"flash is off"}]})")));
  ASSERT_FALSE(llvm::errorToBool(R.loadText("b.json", R"({"family":"b","functions":[],
      "sections":[{"section":".iram*","category":"lock","reason":"replaced"}]})")));
  ASSERT_FALSE(llvm::errorToBool(R.loadText("default.json", R"({"context":"default",
      "default_context":"Audio_Main","throw_beside_hazard":"drop"})")));
  ASSERT_EQ(R.policy().Sections.size(), 1u);
  EXPECT_EQ(R.policy().Sections[0].Cat, Category::Lock);
  EXPECT_EQ(R.policy().Sections[0].File, "b.json");
  EXPECT_EQ(R.policy().DefaultContext, "Audio-Main");
  EXPECT_TRUE(R.policy().ThrowOnlyAlone);

  llvm::Error E = R.loadText("audio.json", R"({"context":"audio","default_context":"audio"})");
  EXPECT_NE(llvm::toString(std::move(E)).find("audio.json"), std::string::npos);
  E = R.loadText("default.json", R"({"context":"default","throw_beside_hazard":"sometimes"})");
  EXPECT_NE(llvm::toString(std::move(E)).find("\"drop\" or \"report\""), std::string::npos);
  E = R.loadText("c.json", R"({"family":"c","functions":[],"sections":[{"section":".x","category":"slow","reason":"r"}]})");
  EXPECT_NE(llvm::toString(std::move(E)).find("bad category 'slow'"), std::string::npos);
}
