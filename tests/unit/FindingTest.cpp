// A finding's words and identity: messages, chain notes for every emitter, the fingerprint.
#include "rtcheck/Finding.h"

#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

Finding pushBack(llvm::StringRef Checkout) {
  std::string File = (Checkout + "/dir/a.cpp").str();
  Finding F;
  F.Cat = Category::Alloc;
  F.Site = {File, 5, 5};
  F.SiteFunction = "cb";
  F.Callee = "std::vector<float>::push_back";
  F.Leaf = "operator new";
  F.LeafReason = "may take the allocator lock";
  F.RuleFile = "/rules/cxx-runtime.json";
  F.Roots = {"cb", "other_cb"};
  F.Chain = {{"cb", {File, 3, 6}, false, rootNote("audio", "annotation")},
             {"std::vector<float>::push_back", {File, 5, 5}, false, ""},
             {"std::vector<float>::_M_realloc_insert", {"/usr/include/vector", 10, 1}, true, ""},
             {"std::allocator<float>::allocate",
              {"/usr/include/alloc.h", 20, 1},
              true,
              callNote("", CallKind::Virtual)},
             {"operator new", {"/usr/include/alloc.h", 30, 1}, true, ""}};
  return F;
}

std::vector<std::string> texts(const std::vector<NoteLine> &Notes) {
  std::vector<std::string> Out;
  for (const NoteLine &N : Notes)
    Out.push_back(N.Text);
  return Out;
}

} // namespace

TEST(Finding, MessagesNameTheCallOrWhatMakesItImplicit) {
  Finding F = pushBack("/src");
  EXPECT_EQ(findingMessage(F), "'std::vector<float>::push_back' allocates or frees heap memory "
                               "(reaches 'operator new')");
  F.SiteNote = "destructor of 'v'";
  F.Leaf = F.Callee;
  EXPECT_EQ(findingMessage(F), "destructor of 'v' allocates or frees heap memory");
  Finding Unknown;
  Unknown.Cat = Category::Unknown;
  Unknown.Callee = Unknown.Leaf = "ext";
  EXPECT_EQ(findingMessage(Unknown), "'ext' has no visible body and no rule");
}

TEST(Finding, CallsWithoutTargetSayWhy) {
  Finding F;
  F.Cat = Category::Indirect;
  F.SiteKind = CallKind::Indirect;
  F.PointerType = "void (int)";
  F.Callee = indirectCalleeName(F.PointerType);
  EXPECT_EQ(F.Callee, "(*)(void (int))");
  EXPECT_EQ(findingMessage(F), "indirect call through a pointer to 'void (int)' has no known "
                               "target in the analysed program");
  F.SiteKind = CallKind::Virtual;
  F.Callee = "Plugin::process";
  EXPECT_EQ(findingMessage(F),
            "virtual call to 'Plugin::process' has no implementation in the analysed program");
  EXPECT_EQ(unresolvedLeaf(CallKind::Indirect, "void (*)()"), "indirect call through 'void (*)()'");
  EXPECT_EQ(unresolvedLeaf(CallKind::Virtual, "Base::f"),
            "virtual 'Base::f' with no implementation");
  EXPECT_EQ(placementMessage("in_flash", "is not placed in IRAM"),
            "'in_flash' is not placed in IRAM");
}

TEST(Finding, CallNotesJoinTheImplicitNoteAndTheDispatch) {
  EXPECT_EQ(callNote("", CallKind::Direct), "");
  EXPECT_EQ(callNote("destructor of 'v'", CallKind::Direct), "destructor of 'v'");
  EXPECT_EQ(callNote("", CallKind::Indirect), "indirect call");
  EXPECT_EQ(callNote("destructor of 'v'", CallKind::Virtual), "destructor of 'v', virtual call");
  EXPECT_EQ(rootNote("audio", "annotation"), "real-time root (context 'audio', annotation)");
}

TEST(Finding, NotesFoldLibraryStepsAndEndWithTheRule) {
  Finding F = pushBack("/src");
  F.Message = "kept as the linker worded it";
  FindingWords W = describe(F);
  EXPECT_EQ(W.Message, "kept as the linker worded it");
  EXPECT_EQ(texts(W.Notes),
            (std::vector<std::string>{
                "'cb' is a real-time root (context 'audio', annotation); 1 more root(s) reach "
                "this site",
                "'cb' calls 'std::vector<float>::push_back'",
                "through 2 more library call(s), 'std::vector<float>::push_back' calls "
                "'operator new'",
                "'operator new': may take the allocator lock (cxx-runtime.json)"}));
  EXPECT_EQ(W.Notes[2].Loc.Line, 30u);
  EXPECT_EQ(W.Notes[3].Loc.Line, 30u);
  F.Message.clear();
  EXPECT_EQ(describe(F).Message, findingMessage(F));
}

TEST(Finding, StepTextsKeepEveryStep) {
  std::vector<std::string> T = chainStepTexts(pushBack("/src"));
  ASSERT_EQ(T.size(), 5u);
  EXPECT_EQ(T[0], "'cb' is a real-time root (context 'audio', annotation)");
  EXPECT_EQ(T[1], "calls 'std::vector<float>::push_back'");
  EXPECT_EQ(T[3], "calls 'std::allocator<float>::allocate' (virtual call)");
}

TEST(Finding, PathsRelativeToTheRootOnlyUnderIt) {
  EXPECT_EQ(relativeToRoot("/src/dir/a.cpp", "/src"), "dir/a.cpp");
  EXPECT_EQ(relativeToRoot("/src/dir/a.cpp", "/src/"), "dir/a.cpp");
  EXPECT_EQ(relativeToRoot("/srcx/a.cpp", "/src"), "");
  EXPECT_EQ(relativeToRoot("/src", "/src"), "");
  EXPECT_EQ(relativeToRoot("/src/a.cpp", ""), "");
}

TEST(Finding, FingerprintsAgreeAcrossCheckoutsFolderRenamesAndLineMoves) {
  Finding Laptop = pushBack("/home/me/proj");
  Finding CI = pushBack("/builds/ci/1234/proj");
  EXPECT_EQ(fingerprint(Laptop), fingerprint(CI));
  EXPECT_EQ(fingerprint(Laptop).size(), 16u);
  Finding Moved = Laptop;
  Moved.Site.Line += 10;
  EXPECT_EQ(fingerprint(Moved), fingerprint(Laptop));
  Finding NewFolder = Laptop;
  NewFolder.Site.File = "/home/me/proj/renamed/a.cpp";
  EXPECT_EQ(fingerprint(NewFolder), fingerprint(Laptop));
  for (auto Change :
       {+[](Finding &F) { F.SiteFunction = "cb2"; },
        +[](Finding &F) { F.Callee = "std::vector<float>::emplace_back"; },
        +[](Finding &F) { F.SiteNote = "destructor of 'v'"; },
        +[](Finding &F) { F.Leaf = "malloc"; }, +[](Finding &F) { F.Cat = Category::Lock; },
        +[](Finding &F) { F.Site.File = "/home/me/proj/dir/b.cpp"; }}) {
    Finding Other = Laptop;
    Change(Other);
    EXPECT_NE(fingerprint(Other), fingerprint(Laptop));
  }
}

TEST(Finding, ALambdasPlaceIsNotPartOfItsFingerprint) {
  Finding Before = pushBack("/src");
  Before.SiteFunction = "lambda at a.cpp:12:5";
  Before.Callee = "(lambda at /src/dir/a.cpp:20:7)::operator()";
  Finding After = Before;
  After.SiteFunction = "lambda at a.cpp:40:9";
  After.Callee = "(lambda at /src/dir/a.cpp:48:3)::operator()";
  EXPECT_EQ(fingerprint(Before), fingerprint(After));
  Finding OtherFile = Before;
  OtherFile.SiteFunction = "lambda at b.cpp:12:5";
  EXPECT_NE(fingerprint(OtherFile), fingerprint(Before));
}
