//===- Frontend.cpp - drive Clang over compile commands -------------------===//
//
// Turns each compile command into a syntax-only Clang run whose AST consumer builds the Summary
// (SummaryBuilder.cpp): argument adjusting, a private file system rooted at the command's
// directory, one-line diagnostics, crash recovery per TU (on a stack of its own, so that even a
// stack overflow fails that TU alone) and a thread pool over the TUs.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Extract.h"

#include "CompilerFlags.h"
#include "NestingGuard.h"
#include "SummaryBuilder.h"
#include "rtcheck/SummaryCache.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Driver/Types.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <chrono>
#include <csignal>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <memory>
#include <mutex>

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// Every file the TU read (the main file and each header), with the hash of the contents it was
/// parsed with: the summary cache's key. Hashing the parsed buffers, not the files on disk,
/// keeps an edit made during the parse from being cached under the new contents.
std::vector<CacheInput> filesRead(const SourceManager &SM, StringRef Directory) {
  std::vector<CacheInput> Inputs;
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It) {
    std::optional<MemoryBufferRef> Buffer = It->second->getBufferIfLoaded();
    if (!Buffer)
      continue;
    SmallString<256> Path(It->first.getName());
    if (!sys::path::is_absolute(Path))
      sys::path::make_absolute(Directory, Path);
    // Not "..": through a symbolic link (/lib -> usr/lib) it names another directory than the
    // text before it, and the cache would then hash a file the TU never read.
    sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
    Inputs.push_back({std::string(Path), contentHash(Buffer->getBuffer())});
  }
  return Inputs;
}

class ExtractConsumer : public ASTConsumer {
public:
  ExtractConsumer(Summary &Out, std::string &Failure, std::vector<CacheInput> *Inputs,
                  StringRef Directory)
      : Out(Out), Failure(Failure), Inputs(Inputs), Directory(Directory) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A TU with errors is reported as not parsed and its summary dropped: its recovered AST
    // (untyped calls, invalid declarations) is not walked at all.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Failure = summarizeTranslationUnit(Ctx, Out);
    if (Inputs)
      *Inputs = filesRead(Ctx.getSourceManager(), Directory);
  }

private:
  Summary &Out;
  std::string &Failure;
  std::vector<CacheInput> *Inputs;
  StringRef Directory;
};

/// Every file the preprocessor enters, system headers included: a summary depends on them all
/// (a changed libc header can change what a call resolves to), as `-MD` rather than `-MMD`.
class EveryFileRead : public DependencyCollector {
  bool needSystemDependencies() override { return true; }
};

class ExtractAction : public ASTFrontendAction {
public:
  ExtractAction(Summary &Out, std::string &Failure, bool &ObjC, std::vector<std::string> &Deps,
                std::vector<CacheInput> *Inputs, StringRef Directory)
      : Out(Out), Failure(Failure), ObjC(ObjC), Deps(Deps), Inputs(Inputs), Directory(Directory) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    // The preprocessor exists but has not entered the main file yet: the collector sees it all.
    Reads = std::make_shared<EveryFileRead>();
    Reads->attachToPreprocessor(CI.getPreprocessor());
    // Messages, blocks and ARC are not modelled: an Objective-C TU is reported as not analysed
    // rather than summarised as if its message sends made no calls.
    ObjC = CI.getLangOpts().ObjC;
    if (ObjC)
      return std::make_unique<ASTConsumer>();
    return std::make_unique<ExtractConsumer>(Out, Failure, Inputs, Directory);
  }
  void EndSourceFileAction() override {
    if (Reads)
      Deps.assign(Reads->getDependencies().begin(), Reads->getDependencies().end());
  }

private:
  Summary &Out;
  std::string &Failure;
  bool &ObjC;
  std::vector<std::string> &Deps;
  std::shared_ptr<EveryFileRead> Reads;
  std::vector<CacheInput> *Inputs;
  StringRef Directory;
};

/// The crash-recovery handlers of SIGSEGV and SIGBUS run on an alternate stack: a stack overflow
/// the nesting guard did not foresee (deep recursion inside Clang itself) then fails its TU
/// instead of killing the process, which cannot push a handler frame on a stack that is full.
void recoverOnAlternateStack() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    for (int Signal : {SIGSEGV, SIGBUS}) {
      struct sigaction Action;
      if (sigaction(Signal, nullptr, &Action) == 0 && !(Action.sa_flags & SA_ONSTACK)) {
        Action.sa_flags |= SA_ONSTACK;
        sigaction(Signal, &Action, nullptr);
      }
    }
  });
}

/// This thread's alternate signal stack, for as long as the object lives.
class AlternateSignalStack {
public:
  AlternateSignalStack() : Memory(new char[Size]) {
    stack_t S{};
    S.ss_sp = Memory.get();
    S.ss_size = Size;
    Installed = sigaltstack(&S, nullptr) == 0;
  }
  ~AlternateSignalStack() {
    if (!Installed)
      return;
    stack_t S{};
    S.ss_flags = SS_DISABLE;
    sigaltstack(&S, nullptr);
  }

private:
  // Room for the handler and what it calls (a sanitizer build's frames are large).
  static constexpr size_t Size = 256 << 10;
  std::unique_ptr<char[]> Memory;
  bool Installed = false;
};

/// Returns the pages of the TU's freed AST to the system at once. Each TU is parsed on a thread
/// of its own, and glibc keeps what such a thread freed mapped in its arena, among the summary's
/// strings made there, unless asked to trim (docs/performance.md, "Scale").
void releaseFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

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

/// Why the compiler would not compile Path as a source file (it would find no compile job and
/// say so in its own words), or an empty string. A missing file is left to the compiler.
std::string notASource(StringRef Path, ArrayRef<std::string> Args) {
  sys::fs::file_status St;
  if (sys::fs::status(Path, St))
    return {};
  if (St.type() == sys::fs::file_type::directory_file)
    return "is a directory, not a source file";
  if (St.type() != sys::fs::file_type::regular_file)
    return "is not a regular file (a device, FIFO or socket), not a source file";
  // An explicit language (-x c++, clang-cl's /TP) makes any name a source.
  for (StringRef A : Args)
    if (A.starts_with("-x") || A.starts_with("--language") || A.starts_with("/T") ||
        A.starts_with("-T"))
      return {};
  StringRef Ext = sys::path::extension(Path);
  if (clang::driver::types::lookupTypeForExtension(Ext.drop_front()) ==
      clang::driver::types::TY_INVALID)
    return "the compiler does not know the language of '" + sys::path::filename(Path).str() +
           "' from its extension; give it with -x c or -x c++ among the compiler flags";
  return {};
}

TUResult extractOne(const tooling::CompileCommand &Cmd, const ExtractOptions &Options) {
  TUResult R;
  R.File = Cmd.Filename;
  // Relative paths of the command are relative to its directory: without it they would name
  // whatever happens to sit in rtcheck's own working directory.
  if (!sys::fs::is_directory(Cmd.Directory)) {
    R.Error = "the compile command's directory '" + Cmd.Directory + "' does not exist";
    return R;
  }
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
  if (std::string Why = notASource(Main, Args); !Why.empty()) {
    R.Error = Why;
    return R;
  }

  // The key is over the command as it will be parsed, after every adjustment above.
  std::string CacheKey;
  if (Options.Cache) {
    CacheKey = Options.Cache->commandKey(Args, Cmd.Directory, Main);
    if (!CacheKey.empty())
      if (std::optional<Summary> Cached = Options.Cache->lookup(CacheKey, R.CacheNotes)) {
        R.Result = std::move(*Cached);
        R.FromCache = true;
        return R;
      }
  }

  FirstErrorConsumer Diags;
  std::string Failure;
  bool ObjC = false;
  std::vector<std::string> Deps;
  std::vector<CacheInput> Inputs;
  tooling::ToolInvocation Invocation(
      Args,
      std::make_unique<ExtractAction>(S, Failure, ObjC, Deps,
                                      CacheKey.empty() ? nullptr : &Inputs, Cmd.Directory),
      Files.get());
  Invocation.setDiagnosticConsumer(&Diags);
  bool Ok = false;
  // A fault while parsing one TU (a compiler bug, an exotic construct, a stack overflow) fails
  // that TU only. The TU gets a thread with a large stack; the nesting guard measures from its
  // bottom.
  CrashRecoveryContext Recovery;
  bool Survived = Recovery.RunSafelyOnThread(
      [&] {
        NestingGuard::noteStackBase();
        AlternateSignalStack AltStack;
        Ok = Invocation.run();
      },
      ExtractStackSize);
  releaseFreedMemory();
  if (!Survived) {
    R.Error = "the analyzer crashed while processing this file (please report it with the "
              "file's compile command)";
    return R;
  }
  if (!Failure.empty()) {
    R.Error = Failure;
    return R;
  }
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  if (ObjC) {
    R.Error = "Objective-C is not analysed (only C and C++ are)";
    return R;
  }
  if (!Ok || Diags.getNumErrors()) {
    R.Error = Diags.First.empty() ? "the compiler could not process this file"
                                  : "does not parse: " + Diags.First;
    if (Diags.getNumErrors() > 1)
      R.Error += " (" + std::to_string(Diags.getNumErrors()) + " errors)";
    return R;
  }
  // Only summaries are cached: a TU that failed is tried again by the next run.
  if (!CacheKey.empty())
    Options.Cache->store(CacheKey, Inputs, S, R.CacheNotes);
  R.Result = std::move(S);
  // As spelled in the command or an #include: relative ones are relative to its directory
  // (itself relative to rtcheck's own, as "." is for flags given after `--`).
  SmallString<256> CommandDir(Cmd.Directory);
  sys::fs::make_absolute(CommandDir);
  for (const std::string &D : Deps) {
    SmallString<256> Abs(D);
    if (!sys::path::is_absolute(Abs))
      sys::path::make_absolute(CommandDir, Abs);
    sys::path::remove_dots(Abs, true);
    R.Dependencies.push_back(std::string(Abs));
  }
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
  recoverOnAlternateStack();
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
