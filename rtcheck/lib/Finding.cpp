//===- Finding.cpp - a finding's identity and its words -------------------===//
#include "rtcheck/Finding.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"

#include <map>
#include <tuple>

using namespace llvm;

namespace rtcheck {

std::string findingMessage(const Finding &F) {
  if (F.Cat == Category::Indirect && F.Leaf.empty()) {
    if (F.SiteKind == CallKind::Indirect)
      return "indirect call through a pointer to '" + F.PointerType +
             "' has no known target in the analysed program";
    if (F.SiteKind == CallKind::Virtual)
      return "virtual call to '" + F.Callee + "' has no implementation in the analysed program";
  }
  // An implicit call is named by what makes it ("destructor of 'v'"), not by its callee.
  std::string What = F.SiteNote.empty() ? "'" + F.Callee + "'" : F.SiteNote;
  if (F.Cat == Category::Unknown && F.Leaf == F.Callee)
    return What + " has no visible body and no rule";
  std::string M = What + " " + categoryPhrase(F.Cat).str();
  if (F.Leaf != F.Callee && !F.Leaf.empty())
    M += " (reaches '" + F.Leaf + "')";
  return M;
}

std::string placementMessage(StringRef Callee, StringRef Rule) {
  return ("'" + Callee + "' " + Rule).str();
}

std::string indirectCalleeName(StringRef PointerType) { return ("(*)(" + PointerType + ")").str(); }

std::string unresolvedLeaf(CallKind Kind, StringRef Name) {
  if (Kind == CallKind::Indirect)
    return ("indirect call through '" + Name + "'").str();
  return ("virtual '" + Name + "' with no implementation").str();
}

std::string callNote(StringRef ImplicitNote, CallKind Kind) {
  if (Kind == CallKind::Direct)
    return ImplicitNote.str();
  StringRef How = Kind == CallKind::Virtual ? "virtual call" : "indirect call";
  return ImplicitNote.empty() ? How.str() : (ImplicitNote + ", " + How).str();
}

std::string rootNote(StringRef Context, StringRef Origin) {
  return ("real-time root (context '" + Context + "', " + Origin + ")").str();
}

namespace {

/// A chain step as a reader sees it: library-internal steps between two steps worth showing
/// are folded into the next shown step, which counts them.
struct Folded {
  const ChainStep *Step;
  unsigned Hidden = 0;
};

std::vector<Folded> foldLibrarySteps(const std::vector<ChainStep> &Chain) {
  std::vector<Folded> Out;
  for (size_t I = 0; I < Chain.size(); ++I) {
    bool Library = Chain[I].InSystemHeader;
    bool Last = I + 1 == Chain.size();
    if (Library && !Last && Chain[I + 1].InSystemHeader) {
      if (Out.empty() || !Out.back().Step->InSystemHeader || Out.back().Hidden == 0)
        Out.push_back({&Chain[I], 1});
      else
        ++Out.back().Hidden;
      continue;
    }
    if (!Out.empty() && Out.back().Hidden && Library) {
      Out.back().Step = &Chain[I];
      continue;
    }
    Out.push_back({&Chain[I], 0});
  }
  return Out;
}

std::string rootStepText(const ChainStep &S) { return "'" + S.Function + "' is a " + S.Note; }

std::string withNote(std::string Text, const ChainStep &S) {
  if (!S.Note.empty())
    Text += " (" + S.Note + ")";
  return Text;
}

} // namespace

FindingWords describe(const Finding &F) {
  FindingWords W;
  W.Message = F.Message.empty() ? findingMessage(F) : F.Message;
  std::vector<Folded> Steps = foldLibrarySteps(F.Chain);
  for (size_t I = 0; I < Steps.size(); ++I) {
    const ChainStep &S = *Steps[I].Step;
    if (I == 0) {
      std::string Text = rootStepText(S);
      if (F.Roots.size() > 1)
        Text += "; " + std::to_string(F.Roots.size() - 1) + " more root(s) reach this site";
      W.Notes.push_back({S.Loc, std::move(Text)});
      continue;
    }
    std::string Text;
    if (Steps[I].Hidden)
      Text = "through " + std::to_string(Steps[I].Hidden) + " more library call(s), ";
    Text += "'" + Steps[I - 1].Step->Function + "' calls '" + S.Function + "'";
    W.Notes.push_back({S.Loc, withNote(std::move(Text), S)});
  }
  if (!F.LeafReason.empty() && !F.Chain.empty())
    W.Notes.push_back({F.Chain.back().Loc, "'" + F.Leaf + "': " + F.LeafReason + " (" +
                                               sys::path::filename(F.RuleFile).str() + ")"});
  return W;
}

std::vector<std::string> chainStepTexts(const Finding &F) {
  std::vector<std::string> Texts;
  for (size_t I = 0; I < F.Chain.size(); ++I) {
    const ChainStep &S = F.Chain[I];
    Texts.push_back(I == 0 ? rootStepText(S) : withNote("calls '" + S.Function + "'", S));
  }
  return Texts;
}

namespace {

std::string mergedCallText(const Finding::MergedCall &M) {
  std::string Text = M.SiteNote.empty() ? "'" + M.Callee + "'" : M.SiteNote;
  if (!M.Leaf.empty() && M.Leaf != M.Callee)
    Text += " (reaches '" + M.Leaf + "')";
  return Text;
}

void addUnique(std::vector<std::string> &To, const std::vector<std::string> &From) {
  llvm::append_range(To, From);
  llvm::sort(To);
  To.erase(std::unique(To.begin(), To.end()), To.end());
}

} // namespace

void mergeByLine(std::vector<Finding> &Findings) {
  std::vector<Finding> Out;
  std::map<std::tuple<std::string, unsigned, Category>, size_t> First;
  for (Finding &F : Findings) {
    auto [It, Inserted] = First.try_emplace({F.Site.File, F.Site.Line, F.Cat}, Out.size());
    if (Inserted) {
      Out.push_back(std::move(F));
      continue;
    }
    Finding &M = Out[It->second];
    M.Merged.push_back({F.Callee, F.Leaf, F.SiteNote, F.Site.Column});
    M.Sev = std::max(M.Sev, F.Sev);
    addUnique(M.Roots, F.Roots);
    addUnique(M.Contexts, F.Contexts);
    addUnique(M.Programs, F.Programs);
  }
  for (Finding &M : Out) {
    if (M.Merged.empty())
      continue;
    std::vector<std::string> Texts;
    for (const Finding::MergedCall &C : M.Merged)
      Texts.push_back(mergedCallText(C));
    M.Message += "; on the same line also " + join(Texts, ", ");
  }
  Findings = std::move(Out);
}

StringRef relativeToRoot(StringRef Path, StringRef Root) {
  Root = Root.rtrim('/');
  if (Root.empty() || !Path.starts_with(Root) || Path.size() <= Root.size() + 1 ||
      Path[Root.size()] != '/')
    return {};
  return Path.drop_front(Root.size() + 1);
}

namespace {

/// A lambda is named by its place ("lambda at engine.cpp:12:5"); its line and column move with
/// every edit above it, so its identity keeps the file's name only.
std::string withoutLambdaPositions(StringRef Name) {
  static const Regex LambdaAt("lambda at ([^:()]*):[0-9]+:[0-9]+");
  std::string Out = Name.str();
  while (LambdaAt.match(Out))
    Out = LambdaAt.sub("lambda at \\1", Out);
  return Out;
}

} // namespace

std::string fingerprint(const Finding &F) {
  std::string Key = ruleId(F.Cat) + "|" + sys::path::filename(F.Site.File).str() + "|" +
                    withoutLambdaPositions(F.SiteFunction) + "|" +
                    withoutLambdaPositions(F.Callee) + "|" + F.SiteNote + "|" +
                    withoutLambdaPositions(F.Leaf);
  return utohexstr(xxh3_64bits(Key), /*LowerCase=*/true, /*Width=*/16);
}

} // namespace rtcheck
