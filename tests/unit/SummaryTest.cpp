// Summaries survive a JSON round trip; malformed or foreign documents are rejected clearly.
#include "rtcheck/Summary.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include <gtest/gtest.h>

using namespace rtcheck;

TEST(Summary, ACallToAnUnlistedFunctionIsMalformed) {
  Summary S;
  S.MainFile = "/src/a.cpp";
  Function F;
  F.USR = "c:@F@cb";
  F.Name = "cb";
  CallSite C;
  C.Callee = "c:@F@nowhere";
  F.Calls.push_back(C);
  S.Functions.push_back(F);
  llvm::Expected<Summary> Back = summaryFromJSON(toJSON(S));
  ASSERT_FALSE(bool(Back));
  EXPECT_EQ(llvm::toString(Back.takeError()),
            "malformed summary: functions[0].calls[0]: callee 'c:@F@nowhere' is not among the "
            "summary's functions");
  // An indirect call names a type, not a function.
  S.Functions[0].Calls[0].Kind = CallKind::Indirect;
  llvm::Expected<Summary> Indirect = summaryFromJSON(toJSON(S));
  EXPECT_TRUE(bool(Indirect)) << llvm::toString(Indirect.takeError());
}

TEST(Summary, RoundTripsThroughJSON) {
  Summary S;
  S.MainFile = "/src/a.cpp";
  Function F;
  F.USR = "c:@F@cb";
  F.Name = "cb";
  F.Loc = {"/src/a.cpp", 3, 6};
  F.HasBody = true;
  F.RootContext = "audio";
  F.RootOrigin = "annotation";
  CallSite C;
  C.Kind = CallKind::Virtual;
  C.Callee = "c:@S@V@F@run#";
  C.Loc = {"/src/a.cpp", 4, 3};
  C.Note = "destructor of 'v'";
  C.ConstArgs = {{1, -1}};
  C.FunctionArgs = {{0, "c:@F@isr"}};
  C.ObjectArgs = {{1, "c:@F@main@attr"}};
  C.CallArgs = {{0, "pthread_self"}};
  C.Receiver = "c:@S@A";
  C.Checked = true;
  C.InRange = true;
  F.Class = "c:@S@Base";
  F.Calls.push_back(C);
  S.Functions.push_back(F);
  // Every callee is listed, as the extractor lists it (a declaration without a body).
  Function Run;
  Run.USR = "c:@S@V@F@run#";
  Run.Name = "V::run";
  S.Functions.push_back(Run);
  S.AddressTakenFunctions.push_back({"c:@F@isr", "void (void)"});
  S.Suppressions.push_back({"/src/a.cpp", 4, {"alloc", "lock"}, "vetted"});
  S.FieldStores.push_back({"pw_stream_events::process", "c:@F@on_process"});
  S.Classes.push_back({"c:@S@A", {"c:@S@Base"}, true, {"c:@S@A@F@A#I#"}});

  llvm::Expected<Summary> Back = summaryFromJSON(toJSON(S));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->Functions.size(), 2u);
  const Function &G = Back->Functions[0];
  EXPECT_EQ(G.RootContext, "audio");
  ASSERT_EQ(G.Calls.size(), 1u);
  EXPECT_EQ(G.Calls[0].Kind, CallKind::Virtual);
  EXPECT_EQ(G.Calls[0].Loc.Line, 4u);
  EXPECT_EQ(G.Calls[0].ConstArgs, C.ConstArgs);
  EXPECT_EQ(G.Calls[0].FunctionArgs, C.FunctionArgs);
  EXPECT_EQ(G.Calls[0].Note, C.Note);
  EXPECT_EQ(G.Calls[0].ObjectArgs, C.ObjectArgs);
  EXPECT_EQ(G.Calls[0].CallArgs, C.CallArgs);
  EXPECT_EQ(G.Calls[0].Receiver, "c:@S@A");
  EXPECT_TRUE(G.Calls[0].Checked);
  EXPECT_TRUE(G.Calls[0].InRange);
  EXPECT_EQ(G.Class, "c:@S@Base");
  ASSERT_EQ(Back->Classes.size(), 1u);
  EXPECT_EQ(Back->Classes[0].Bases, (std::vector<std::string>{"c:@S@Base"}));
  EXPECT_TRUE(Back->Classes[0].LibraryClass);
  EXPECT_EQ(Back->Classes[0].CtorsWithoutBody, (std::vector<std::string>{"c:@S@A@F@A#I#"}));
  EXPECT_EQ(Back->Suppressions[0].Categories.size(), 2u);
  EXPECT_EQ(Back->FieldStores[0].Field, "pw_stream_events::process");
  EXPECT_EQ(Back->AddressTakenFunctions[0].TypeKey, "void (void)");
}

TEST(Summary, ReturnsAndResultArgumentsRoundTrip) {
  Summary S;
  S.MainFile = "/src/a.c";
  Function F;
  F.USR = "c:@F@find";
  F.Name = "find";
  F.HasBody = true;
  ReturnSite Found;
  Found.Guards = {{GuardAtom{0, "", GuardAtom::Ne, 0}}};
  Found.Result = "()c:@F@lookup@7:12";
  ReturnSite Null;
  Null.Constant = 0;
  ReturnSite Passed;
  Passed.Param = 1;
  F.Returns = {Found, Null, Passed, ReturnSite{}};
  CallSite C;
  C.Callee = "c:@F@find";
  C.Loc = {"/src/a.c", 9, 3};
  C.ResultArgs = {{1, "()c:@F@find@8:20"}};
  F.Calls.push_back(C);
  S.Functions.push_back(F);

  llvm::Expected<Summary> Back = summaryFromJSON(toJSON(S));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  const Function &G = Back->Functions[0];
  ASSERT_EQ(G.Returns.size(), 4u);
  ASSERT_EQ(G.Returns[0].Guards.size(), 1u);
  EXPECT_EQ(G.Returns[0].Guards[0][0].Param, 0);
  EXPECT_EQ(G.Returns[0].Guards[0][0].Op, GuardAtom::Ne);
  EXPECT_EQ(G.Returns[0].Result, Found.Result);
  EXPECT_EQ(G.Returns[1].Constant, std::optional<int64_t>(0));
  EXPECT_EQ(G.Returns[2].Param, 1);
  EXPECT_FALSE(G.Returns[3].known());
  EXPECT_EQ(G.Calls[0].ResultArgs, C.ResultArgs);
}

TEST(Summary, RejectsOtherVersionsAndMalformedDocuments) {
  llvm::json::Value Old = llvm::json::Object{{"rtcheck_summary", 0}, {"main_file", "x"}};
  llvm::Expected<Summary> A = summaryFromJSON(Old);
  ASSERT_FALSE(bool(A));
  EXPECT_NE(llvm::toString(A.takeError()).find("version"), std::string::npos);

  llvm::json::Value Bad = llvm::json::Object{
      {"rtcheck_summary", SummaryFormatVersion},
      {"main_file", "x"},
      {"functions", llvm::json::Array{llvm::json::Object{{"usr", 1}}}}};
  llvm::Expected<Summary> B = summaryFromJSON(Bad);
  ASSERT_FALSE(bool(B));
  EXPECT_NE(llvm::toString(B.takeError()).find("malformed summary"), std::string::npos);
}

TEST(Summary, FilesAreWrittenWholeAndReadBack) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rtcheck-summary-test", Dir));
  std::string Path = (Dir + "/a.rtsum.json").str();
  Summary S;
  S.MainFile = "/src/a.cpp";
  ASSERT_FALSE(writeSummaryFile(S, Path));
  llvm::Expected<Summary> Back = readSummaryFile(Path);
  ASSERT_TRUE(bool(Back));
  EXPECT_EQ(Back->MainFile, "/src/a.cpp");
  // No temporary file is left beside it.
  std::error_code EC;
  unsigned Files = 0;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
    ++Files;
  EXPECT_EQ(Files, 1u);
  llvm::Expected<Summary> Missing = readSummaryFile((Dir + "/none.json").str());
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError()).find("none.json"), std::string::npos);
  llvm::sys::fs::remove_directories(Dir);
}
