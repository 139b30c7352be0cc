//===- Suppressions.cpp - `// rtcheck-allow(...)` comments ----------------===//
#include "rtcheck/Suppressions.h"

#include "llvm/Support/LineIterator.h"

using namespace llvm;

namespace rtcheck {

void scanSuppressions(MemoryBufferRef Buffer, std::vector<Suppression> &Out) {
  constexpr StringRef Marker = "rtcheck-allow(";
  for (line_iterator It(Buffer, /*SkipBlanks=*/false); !It.is_at_eof(); ++It) {
    StringRef Line = *It;
    size_t At = Line.find(Marker);
    if (At == StringRef::npos)
      continue;
    size_t Comment = Line.take_front(At).rfind("//");
    if (Comment == StringRef::npos)
      continue;
    StringRef Args = Line.substr(At + Marker.size());
    size_t Close = Args.find(')');
    if (Close == StringRef::npos)
      continue;
    Suppression S;
    S.File = Buffer.getBufferIdentifier().str();
    SmallVector<StringRef, 4> Cats;
    Args.take_front(Close).split(Cats, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
    for (StringRef C : Cats)
      S.Categories.push_back(C.trim().str());
    StringRef Reason = Args.drop_front(Close + 1).ltrim();
    if (Reason.consume_front(":"))
      S.Reason = Reason.trim().str();
    unsigned LineNo = unsigned(It.line_number());
    S.Line = Line.take_front(Comment).trim().empty() ? LineNo + 1 : LineNo;
    Out.push_back(std::move(S));
  }
}

} // namespace rtcheck
