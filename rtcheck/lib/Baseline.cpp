//===- Baseline.cpp - findings recorded so that only new ones fail --------===//
#include "rtcheck/Baseline.h"

#include "rtcheck/AtomicFile.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <tuple>

using namespace llvm;

namespace rtcheck {
namespace {

/// The format version this build writes and the newest it reads.
constexpr int64_t BaselineVersion = 1;

Error baselineError(StringRef Path, const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Path + ": " + Message);
}

std::string siteFile(const Finding &F, StringRef SourceRoot) {
  StringRef Relative = relativeToRoot(F.Site.File, SourceRoot);
  return Relative.empty() ? F.Site.File : Relative.str();
}

std::string fingerprintOf(const Finding &F) {
  return F.Fingerprint.empty() ? fingerprint(F) : F.Fingerprint;
}

Expected<BaselineEntry> parseEntry(const json::Value &V, size_t Index, StringRef Path) {
  const json::Object *O = V.getAsObject();
  std::optional<StringRef> Print = O ? O->getString("fingerprint") : std::nullopt;
  if (!Print || Print->empty())
    return baselineError(Path, "findings[" + Twine(Index) + "] has no \"fingerprint\"");
  BaselineEntry E;
  E.Fingerprint = Print->str();
  auto Text = [&](StringRef Key) { return O->getString(Key).value_or("").str(); };
  E.Rule = Text("rule");
  E.File = Text("file");
  E.Function = Text("function");
  E.Callee = Text("callee");
  E.Message = Text("message");
  E.Line = unsigned(O->getInteger("line").value_or(0));
  return E;
}

} // namespace

Baseline makeBaseline(ArrayRef<Finding> Findings, StringRef SourceRoot) {
  Baseline B;
  for (const Finding &F : Findings)
    B.Entries.push_back({fingerprintOf(F), ruleId(F.Cat), siteFile(F, SourceRoot), F.Site.Line,
                         F.SiteFunction, F.Callee, describe(F).Message});
  llvm::sort(B.Entries, [](const BaselineEntry &A, const BaselineEntry &B) {
    return std::tie(A.File, A.Line, A.Rule, A.Fingerprint) <
           std::tie(B.File, B.Line, B.Rule, B.Fingerprint);
  });
  return B;
}

Error writeBaselineFile(const Baseline &B, StringRef Path) {
  json::Array Entries;
  for (const BaselineEntry &E : B.Entries)
    Entries.push_back(json::Object{{"fingerprint", E.Fingerprint},
                                   {"rule", E.Rule},
                                   {"file", E.File},
                                   {"line", E.Line},
                                   {"function", E.Function},
                                   {"callee", E.Callee},
                                   {"message", E.Message}});
  json::Object Doc{{"rtcheck_baseline", BaselineVersion},
                   {"tool_version", RTCHECK_VERSION},
                   {"findings", std::move(Entries)}};
  return writeFileAtomically(
      Path, [&](raw_ostream &OS) { OS << formatv("{0:2}", json::Value(std::move(Doc))) << "\n"; });
}

Expected<Baseline> readBaselineFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return baselineError(Path, "cannot read baseline: " + Buf.getError().message());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    return baselineError(Path, "invalid JSON: " + toString(V.takeError()));
  const json::Object *Doc = V->getAsObject();
  std::optional<int64_t> Version = Doc ? Doc->getInteger("rtcheck_baseline") : std::nullopt;
  if (!Version)
    return baselineError(Path, "not an rtcheck baseline (no \"rtcheck_baseline\" version)");
  if (*Version < 1 || *Version > BaselineVersion)
    return baselineError(Path, "baseline format version " + Twine(*Version) +
                                   " is not supported (this rtcheck reads 1 to " +
                                   Twine(BaselineVersion) + ")");
  const json::Array *Findings = Doc->getArray("findings");
  if (!Findings)
    return baselineError(Path, "\"findings\" must be an array");
  Baseline B;
  for (size_t I = 0; I < Findings->size(); ++I) {
    Expected<BaselineEntry> E = parseEntry((*Findings)[I], I, Path);
    if (!E)
      return E.takeError();
    B.Entries.push_back(std::move(*E));
  }
  return B;
}

void applyBaseline(const Baseline &B, StringRef File, Report &R) {
  BaselineOutcome Out;
  Out.File = File.str();
  StringMap<std::vector<size_t>> Unused; // per fingerprint, the entries not matched yet
  for (size_t I = 0; I < B.Entries.size(); ++I)
    Unused[B.Entries[I].Fingerprint].push_back(I);
  std::vector<Finding> &Findings = R.Link.Findings;
  std::vector<bool> Matched(Findings.size());
  // First the findings still at their recorded place, so that when a fingerprint's findings
  // outnumber its entries, the one reported as new is the one that was not there before.
  for (int ExactPass = 1; ExactPass >= 0; --ExactPass)
    for (size_t I = 0; I < Findings.size(); ++I) {
      if (Matched[I])
        continue;
      auto It = Unused.find(fingerprintOf(Findings[I]));
      if (It == Unused.end() || It->second.empty())
        continue;
      std::vector<size_t> &Entries = It->second;
      std::string Where = siteFile(Findings[I], R.SourceRoot);
      auto Entry = find_if(Entries, [&](size_t E) {
        return !ExactPass ||
               (B.Entries[E].File == Where && B.Entries[E].Line == Findings[I].Site.Line);
      });
      if (Entry == Entries.end())
        continue;
      Entries.erase(Entry);
      Matched[I] = true;
    }
  std::vector<Finding> New;
  for (size_t I = 0; I < Findings.size(); ++I)
    (Matched[I] ? Out.Matched : New).push_back(std::move(Findings[I]));
  Findings = std::move(New);
  for (const auto &E : Unused)
    Out.Absent += E.second.size();
  R.Baseline = std::move(Out);
}

} // namespace rtcheck
