//===- FormatCondition.cpp - printf formats that cannot allocate ----------===//
//
// A small reader of printf conversion specifications, enough to tell whether a literal format
// uses any of the features a rule's `unless_format` names as hazards. glibc's vfprintf formats
// into a fixed work buffer and only allocates for large widths or precisions, positional
// arguments, wide strings and large floating-point values (see rules/libc.json's reasons); which
// of these a rule forbids is data, this file only reads formats.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Rules.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace rtcheck {

bool FormatCondition::safeFor(StringRef Format) const {
  auto Forbidden = [&](StringRef Token) { return is_contained(Forbid, Token); };
  size_t I = 0;
  auto Number = [&] {
    uint64_t N = 0;
    while (I < Format.size() && isDigit(Format[I]))
      N = std::min<uint64_t>(N * 10 + unsigned(Format[I++] - '0'), 1u << 30);
    return N;
  };
  while ((I = Format.find('%', I)) != StringRef::npos) {
    ++I;
    if (I < Format.size() && Format[I] == '%') {
      ++I;
      continue;
    }
    // [N$] flags [width] [.precision] [length] conversion
    size_t Start = I;
    Number();
    if (I < Format.size() && Format[I] == '$') {
      if (Forbidden("$"))
        return false;
      ++I;
    } else {
      I = Start;
    }
    while (I < Format.size() && StringRef("-+ #0'I").contains(Format[I]))
      ++I;
    for (bool Precision : {false, true}) {
      if (Precision) {
        if (I >= Format.size() || Format[I] != '.')
          break;
        ++I;
      }
      if (I < Format.size() && Format[I] == '*') {
        if (Forbidden("*"))
          return false;
        ++I;
        Number(); // *N$
        if (I < Format.size() && Format[I] == '$')
          ++I;
      } else if (Number() > MaxWidth) {
        return false;
      }
    }
    size_t Length = I;
    while (I < Format.size() && StringRef("hlLqjzZt").contains(Format[I]))
      ++I;
    if (I >= Format.size())
      return false; // a truncated specification: not understood
    StringRef Conversion = Format.substr(I, 1);
    StringRef WithLength = Format.slice(Length, I + 1);
    if (Forbidden(Conversion) || Forbidden(WithLength))
      return false;
    ++I;
  }
  return true;
}

Expected<FormatCondition> parseFormatCondition(const json::Value &V) {
  auto Fail = [] {
    return createStringError(inconvertibleErrorCode(),
                             "'unless_format' must be {\"index\": N, \"max_width\": W, "
                             "\"forbid\": [strings]}");
  };
  const json::Object *O = V.getAsObject();
  if (!O || O->size() != 3)
    return Fail();
  std::optional<int64_t> Index = O->getInteger("index");
  std::optional<int64_t> Width = O->getInteger("max_width");
  const json::Array *Forbid = O->getArray("forbid");
  if (!Index || !Width || !Forbid || *Index < 0 || *Width < 0)
    return Fail();
  FormatCondition F;
  F.Index = unsigned(*Index);
  F.MaxWidth = unsigned(*Width);
  for (const json::Value &T : *Forbid) {
    std::optional<StringRef> S = T.getAsString();
    if (!S || S->empty())
      return Fail();
    F.Forbid.push_back(S->str());
  }
  return F;
}

} // namespace rtcheck
