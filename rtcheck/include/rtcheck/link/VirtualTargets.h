//===- VirtualTargets.h - virtual calls resolved by the receiver -*- C++ -*-===//
//
// A virtual call `a->Init()` through an `A *` runs the final overrider of `Init` for the dynamic
// class of `*a`, which is `A` or a class derived from it. Of the candidates (the called method and
// its overriders across the program), it reaches those declared in `A`'s subtree and the one `A`
// inherits (the most derived candidate among `A`'s bases), never a sibling's.
//
// Rapid type analysis then drops the overriders of classes the program never creates an object
// of (itself or a subclass). Classes whose objects may come from code outside the program count
// as created: a library's classes, and classes with a constructor defined nowhere in the program.
// A hierarchy of which the program creates no object at all is left alone: its objects all come
// from elsewhere (a library analysed without its users).
// When the program's entries are known (EntryReach.h) the world is closed: such a hierarchy has
// no objects, and calls into it reach nothing.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_VIRTUALTARGETS_H
#define RTCHECK_LINK_VIRTUALTARGETS_H

#include "rtcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace rtcheck {

/// The classes of every TU, merged by USR.
class ClassHierarchy {
public:
  void add(const ClassInfo &C);
  bool known(llvm::StringRef USR) const { return Bases.count(USR); }
  /// Derived is Base or inherits from it, directly or not.
  bool derivesFrom(llvm::StringRef Derived, llvm::StringRef Base) const;

  /// Objects of the class may exist (created in the program, or possibly outside it).
  void markCreated(llvm::StringRef USR);
  /// Forgets every class marked created.
  void clearCreated() {
    Created.clear();
    WithObjectsValid = false;
  }
  /// The classes marked created are all that have objects, also in a hierarchy of which none
  /// is: the program's entries are known (EntryReach.h).
  void closeWorld() { ClosedWorld = true; }
  bool closedWorld() const { return ClosedWorld; }
  /// The class or a subclass of it may have objects.
  bool hasObjects(llvm::StringRef USR);

private:
  llvm::StringMap<std::vector<std::string>> Bases;
  std::vector<std::string> Created;
  /// Created classes and all their bases; rebuilt after markCreated.
  llvm::StringSet<> WithObjects;
  bool WithObjectsValid = false;
  bool ClosedWorld = false;
};

/// Of Candidates (methods, with Class[i] the USR of Candidates[i]'s class; empty: unknown), those
/// a receiver of static class Receiver can run. Unknown classes are kept.
template <typename Id>
std::vector<Id> filterByReceiver(llvm::ArrayRef<Id> Candidates,
                                 llvm::ArrayRef<llvm::StringRef> Class, llvm::StringRef Receiver,
                                 const ClassHierarchy &H);

/// Rapid type analysis: of Candidates (as above), those whose class or a subclass has objects,
/// unless no class below CalleeClass has any (then all of them, except in a closed world).
template <typename Id>
std::vector<Id> filterByCreatedClasses(llvm::ArrayRef<Id> Candidates,
                                       llvm::ArrayRef<llvm::StringRef> Class,
                                       llvm::StringRef CalleeClass, ClassHierarchy &H);

} // namespace rtcheck

#endif
