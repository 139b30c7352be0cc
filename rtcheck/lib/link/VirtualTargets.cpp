//===- VirtualTargets.cpp - virtual calls resolved by the receiver --------===//
#include "rtcheck/link/VirtualTargets.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace rtcheck {

void ClassHierarchy::add(const ClassInfo &C) {
  std::vector<std::string> &B = Bases[C.USR];
  for (const std::string &Base : C.Bases)
    if (!is_contained(B, Base))
      B.push_back(Base);
}

bool ClassHierarchy::derivesFrom(StringRef Derived, StringRef Base) const {
  std::vector<StringRef> Work{Derived};
  StringSet<> Seen;
  while (!Work.empty()) {
    StringRef C = Work.back();
    Work.pop_back();
    if (C == Base)
      return true;
    if (!Seen.insert(C).second)
      continue;
    if (auto It = Bases.find(C); It != Bases.end())
      append_range(Work, It->second);
  }
  return false;
}

void ClassHierarchy::markCreated(StringRef USR) {
  Created.push_back(USR.str());
  WithObjectsValid = false;
}

bool ClassHierarchy::hasObjects(StringRef USR) {
  if (!WithObjectsValid) {
    WithObjects.clear();
    std::vector<StringRef> Work(Created.begin(), Created.end());
    while (!Work.empty()) {
      StringRef C = Work.back();
      Work.pop_back();
      if (!WithObjects.insert(C).second)
        continue;
      if (auto It = Bases.find(C); It != Bases.end())
        append_range(Work, It->second);
    }
    WithObjectsValid = true;
  }
  return WithObjects.contains(USR);
}

template <typename Id>
std::vector<Id> filterByCreatedClasses(ArrayRef<Id> Candidates, ArrayRef<StringRef> Class,
                                       StringRef CalleeClass, ClassHierarchy &H) {
  if (CalleeClass.empty() || !H.known(CalleeClass) ||
      (!H.closedWorld() && !H.hasObjects(CalleeClass)))
    return Candidates.vec();
  std::vector<Id> Out;
  for (size_t I = 0; I < Candidates.size(); ++I)
    if (Class[I].empty() || !H.known(Class[I]) || H.hasObjects(Class[I]))
      Out.push_back(Candidates[I]);
  return Out;
}

template std::vector<unsigned> filterByCreatedClasses<unsigned>(ArrayRef<unsigned>,
                                                                ArrayRef<StringRef>, StringRef,
                                                                ClassHierarchy &);

template <typename Id>
std::vector<Id> filterByReceiver(ArrayRef<Id> Candidates, ArrayRef<StringRef> Class,
                                 StringRef Receiver, const ClassHierarchy &H) {
  if (!H.known(Receiver))
    return Candidates.vec();
  // Inherited candidates: declared in a proper base of the receiver's class.
  SmallVector<size_t, 4> Inherited;
  for (size_t I = 0; I < Candidates.size(); ++I)
    if (!Class[I].empty() && H.known(Class[I]) && Class[I] != Receiver &&
        H.derivesFrom(Receiver, Class[I]))
      Inherited.push_back(I);
  std::vector<Id> Out;
  for (size_t I = 0; I < Candidates.size(); ++I) {
    bool Keep;
    if (Class[I].empty() || !H.known(Class[I]))
      Keep = true; // no hierarchy to judge by
    else if (H.derivesFrom(Class[I], Receiver))
      Keep = true; // in the receiver's subtree
    else if (is_contained(Inherited, I))
      // The final overrider the receiver inherits: no other inherited candidate overrides it.
      Keep = none_of(Inherited, [&](size_t J) {
        return J != I && Class[J] != Class[I] && H.derivesFrom(Class[J], Class[I]);
      });
    else
      Keep = false; // a sibling's or an unrelated class's override
    if (Keep)
      Out.push_back(Candidates[I]);
  }
  return Out;
}

template std::vector<unsigned> filterByReceiver<unsigned>(ArrayRef<unsigned>, ArrayRef<StringRef>,
                                                          StringRef, const ClassHierarchy &);

} // namespace rtcheck
