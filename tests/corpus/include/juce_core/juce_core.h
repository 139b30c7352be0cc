/* Declaration-only subset of JUCE 7's juce_core module: String, Logger, locks, Time, Thread, Array,
 * AbstractFifo, HeapBlock. Member functions JUCE defines in its .cpp files (or inline, for the lock
 * guards) are declared only, so the rules database decides what they do. */
#ifndef JUCE_CORE_H_INCLUDED
#define JUCE_CORE_H_INCLUDED

#include <cstddef>
#include <cstdint>

#define JUCE_API
#define JUCE_CALLTYPE

namespace juce {

using int64 = long long;
using uint8 = unsigned char;

class String {
public:
  String() noexcept;
  String(const String &);
  String(String &&) noexcept;
  String(const char *text);
  explicit String(int decimalInteger);
  explicit String(float floatValue);
  explicit String(double doubleValue);
  ~String() noexcept;
  String &operator=(const String &);
  String &operator+=(const String &stringToAppend);
  String &operator+=(const char *textToAppend);
  int length() const noexcept;
  bool isEmpty() const noexcept;
  const char *toRawUTF8() const;
};

JUCE_API String JUCE_CALLTYPE operator+(const char *string1, const String &string2);
JUCE_API String JUCE_CALLTYPE operator+(String string1, const String &string2);
JUCE_API String JUCE_CALLTYPE operator+(String string1, const char *string2);

class JUCE_API Logger {
public:
  virtual ~Logger();
  static void JUCE_CALLTYPE writeToLog(const String &message);
  static void JUCE_CALLTYPE outputDebugString(const String &text);
};

template <class LockType>
class GenericScopedLock {
public:
  explicit GenericScopedLock(const LockType &lock) noexcept;
  ~GenericScopedLock() noexcept;

private:
  const LockType &lock_;
};

template <class LockType>
class GenericScopedTryLock {
public:
  explicit GenericScopedTryLock(const LockType &lock, bool acquireLockOnInitialisation = true) noexcept;
  ~GenericScopedTryLock() noexcept;
  bool isLocked() const noexcept;

private:
  const LockType &lock_;
};

class JUCE_API CriticalSection {
public:
  CriticalSection() noexcept;
  ~CriticalSection() noexcept;
  void enter() const noexcept;
  bool tryEnter() const noexcept;
  void exit() const noexcept;
  using ScopedLockType = GenericScopedLock<CriticalSection>;
  using ScopedTryLockType = GenericScopedTryLock<CriticalSection>;

private:
  alignas(8) unsigned char lock[40];
};
using ScopedLock = CriticalSection::ScopedLockType;
using ScopedTryLock = CriticalSection::ScopedTryLockType;

class JUCE_API SpinLock {
public:
  void enter() const noexcept;
  bool tryEnter() const noexcept;
  void exit() const noexcept;
  using ScopedLockType = GenericScopedLock<SpinLock>;
  using ScopedTryLockType = GenericScopedTryLock<SpinLock>;

private:
  mutable int lock = 0;
};

class JUCE_API Time {
public:
  static double getMillisecondCounterHiRes() noexcept;
  static uint32_t getMillisecondCounter() noexcept;
  static int64 getHighResolutionTicks() noexcept;
};

class JUCE_API Thread {
public:
  static void JUCE_CALLTYPE sleep(int milliseconds);
  static void JUCE_CALLTYPE yield();
};

class JUCE_API AbstractFifo {
public:
  explicit AbstractFifo(int capacity) noexcept;
  int getFreeSpace() const noexcept;
  int getNumReady() const noexcept;
  void prepareToWrite(int numToWrite, int &startIndex1, int &blockSize1, int &startIndex2,
                      int &blockSize2) const noexcept;
  void finishedWrite(int numWritten) noexcept;
};

template <class ElementType, bool throwOnFailure = false>
class HeapBlock {
public:
  HeapBlock() = default;
  ~HeapBlock();
  void malloc(size_t newNumElements, size_t elementSize = sizeof(ElementType));
  void free() noexcept;

private:
  ElementType *data = nullptr;
};

struct DummyCriticalSection {};

template <typename ElementType, typename TypeOfCriticalSectionToUse = DummyCriticalSection,
          int minimumAllocatedSize = 0>
class Array {
public:
  Array() = default;
  ~Array();
  int size() const noexcept;
  void add(const ElementType &newElement);
  void clearQuick();
  void clear();
  ElementType getUnchecked(int index) const;
};

template <typename Value>
class Optional {
public:
  Optional() = default;
  bool hasValue() const noexcept;
  Value orFallback(Value fallback) const;

private:
  Value value{};
  bool valid = false;
};

} // namespace juce

#endif
