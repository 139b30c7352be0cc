//===- Frontend.cpp - drive Clang over compile commands -------------------===//
//
// Turns each compile command into a syntax-only Clang run whose AST consumer builds the Summary
// (SummaryBuilder.cpp): argument adjusting, a private file system rooted at the command's
// directory, one-line diagnostics, crash recovery per TU and a thread pool over the TUs.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Extract.h"

#include "CompilerFlags.h"
#include "SummaryBuilder.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <chrono>
#include <mutex>

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

class ExtractConsumer : public ASTConsumer {
public:
  explicit ExtractConsumer(Summary &Out) : Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override { summarizeTranslationUnit(Ctx, Out); }

private:
  Summary &Out;
};

class ExtractAction : public ASTFrontendAction {
public:
  explicit ExtractAction(Summary &Out) : Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    return std::make_unique<ExtractConsumer>(Out);
  }

private:
  Summary &Out;
};

/// Keeps the first error of a TU for a one-line report; prints nothing.
class FirstErrorConsumer : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !First.empty())
      return;
    SmallString<256> Msg;
    Info.FormatDiagnostic(Msg);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid()) {
        First = (Twine(P.getFilename()) + ":" + Twine(P.getLine()) + ":" + Twine(P.getColumn()) +
                 ": " + Msg)
                    .str();
        return;
      }
    }
    First = std::string(Msg);
  }
  std::string First;
};

TUResult extractOne(const tooling::CompileCommand &Cmd, const ExtractOptions &Options) {
  TUResult R;
  R.File = Cmd.Filename;
  auto Start = std::chrono::steady_clock::now();
  std::vector<std::string> Args = Cmd.CommandLine;
  Args = tooling::getClangStripOutputAdjuster()(Args, Cmd.Filename);
  Args = tooling::getClangStripDependencyFileAdjuster()(Args, Cmd.Filename);
  Args = tooling::getClangSyntaxOnlyAdjuster()(Args, Cmd.Filename);
  // Analysis only: warnings are irrelevant and -Werror must not turn them into parse failures.
  // -fno-caret-diagnostics also keeps Clang from printing "N errors generated."
  std::vector<std::string> Extra = {"-w", "-Wno-error", "-ferror-limit=20",
                                    "-fno-caret-diagnostics"};
  if (!Options.ResourceDir.empty())
    Extra.push_back("-resource-dir=" + Options.ResourceDir);
  Extra.insert(Extra.end(), Options.ExtraArgs.begin(), Options.ExtraArgs.end());
  Args = tooling::getInsertArgumentAdjuster(Extra, tooling::ArgumentInsertPosition::END)(
      Args, Cmd.Filename);
  R.DroppedFlags = dropUnknownFlags(Args);

  IntrusiveRefCntPtr<vfs::FileSystem> FS = vfs::createPhysicalFileSystem();
  FS->setCurrentWorkingDirectory(Cmd.Directory);
  auto Files = makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);

  Summary S;
  SmallString<256> Main(Cmd.Filename);
  if (!sys::path::is_absolute(Main))
    sys::path::make_absolute(Cmd.Directory, Main);
  sys::path::remove_dots(Main, true);
  S.MainFile = std::string(Main);
  R.File = S.MainFile;

  FirstErrorConsumer Diags;
  tooling::ToolInvocation Invocation(Args, std::make_unique<ExtractAction>(S), Files.get());
  Invocation.setDiagnosticConsumer(&Diags);
  bool Ok = false;
  // A fault while parsing one TU (a compiler bug, an exotic construct) fails that TU only.
  CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] { Ok = Invocation.run(); })) {
    R.Error = "the analyzer crashed while processing this file (please report it with the "
              "file's compile command)";
    return R;
  }
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  if (!Ok || Diags.getNumErrors()) {
    R.Error = Diags.First.empty() ? "the compiler could not process this file"
                                  : "does not parse: " + Diags.First;
    if (Diags.getNumErrors() > 1)
      R.Error += " (" + std::to_string(Diags.getNumErrors()) + " errors)";
    return R;
  }
  R.Result = std::move(S);
  return R;
}

} // namespace

std::string defaultResourceDir() {
  if (std::optional<std::string> Env = sys::Process::GetEnv("RTCHECK_CLANG_RESOURCE_DIR"))
    return *Env;
  return RTCHECK_CLANG_RESOURCE_DIR;
}

std::vector<TUResult> extractSummaries(ArrayRef<tooling::CompileCommand> Commands,
                                       const ExtractOptions &Options) {
  CrashRecoveryContext::Enable();
  std::vector<TUResult> Results(Commands.size());
  std::mutex DoneMutex;
  unsigned Done = 0;
  auto Extract = [&](size_t I) {
    Results[I] = extractOne(Commands[I], Options);
    if (!Options.OnDone)
      return;
    std::lock_guard<std::mutex> Lock(DoneMutex);
    Options.OnDone(++Done, Commands.size(), Results[I].File);
  };
  unsigned Jobs = Options.Jobs ? Options.Jobs : hardware_concurrency().compute_thread_count();
  if (Jobs <= 1 || Commands.size() <= 1) {
    for (size_t I = 0; I < Commands.size(); ++I)
      Extract(I);
    return Results;
  }
  DefaultThreadPool Pool(hardware_concurrency(Jobs));
  for (size_t I = 0; I < Commands.size(); ++I)
    Pool.async([&, I] { Extract(I); });
  Pool.wait();
  return Results;
}

} // namespace rtcheck
