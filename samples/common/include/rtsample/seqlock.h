// Single-writer sequence lock for a small trivially copyable value.
//
// The writer never waits; readers retry while a write is in progress, up to a bound, and report
// failure instead of spinning forever (the seed's "100-retry limit"). The payload is stored as
// atomic words, so concurrent reads and writes are not a data race in the C++ memory model (a
// plain-memory seqlock is, and ThreadSanitizer says so). The ordering needs no standalone fence
// (which ThreadSanitizer cannot model), only release stores and acquire loads of the words:
//   writer: seq = odd (relaxed); words (release); seq = even (release)
//   reader: s1 = seq (acquire), retry if odd; words (acquire); s2 = seq (relaxed); ok if s1 == s2
// A reader that sees any word of write k has synchronised with the writer after its odd store of
// write k, so its later load of seq cannot return the even value from before write k.
// Real-time safety: store() is wait-free; load() is lock-free (bounded retries).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace rtsample {

template <class T> class SeqLock {
  static_assert(std::is_trivially_copyable_v<T>);
  static_assert(std::atomic<uint32_t>::is_always_lock_free);
  static constexpr size_t kWords = (sizeof(T) + sizeof(uint32_t) - 1) / sizeof(uint32_t);

public:
  static constexpr int kDefaultRetries = 100;

  // Single writer only.
  void store(const T &value) noexcept {
    std::array<uint32_t, kWords> words{};
    std::memcpy(words.data(), &value, sizeof(T));
    uint32_t s = seq_.load(std::memory_order_relaxed);
    seq_.store(s + 1, std::memory_order_relaxed);
    for (size_t i = 0; i < kWords; ++i)
      words_[i].store(words[i], std::memory_order_release);
    seq_.store(s + 2, std::memory_order_release);
  }

  // Copies a consistent value into `out`; false when `max_retries` attempts all raced a write
  // (out is then unchanged). `retries`, when given, receives the number of failed attempts.
  bool load(T &out, int max_retries = kDefaultRetries, int *retries = nullptr) const noexcept {
    std::array<uint32_t, kWords> words;
    for (int attempt = 0; attempt < max_retries; ++attempt) {
      uint32_t s1 = seq_.load(std::memory_order_acquire);
      if (s1 & 1u)
        continue;
      for (size_t i = 0; i < kWords; ++i)
        words[i] = words_[i].load(std::memory_order_acquire);
      if (seq_.load(std::memory_order_relaxed) == s1) {
        std::memcpy(static_cast<void *>(&out), words.data(), sizeof(T));
        if (retries)
          *retries = attempt;
        return true;
      }
    }
    if (retries)
      *retries = max_retries;
    return false;
  }

  uint32_t sequence() const noexcept { return seq_.load(std::memory_order_acquire); }

private:
  std::atomic<uint32_t> seq_{0};
  std::array<std::atomic<uint32_t>, kWords> words_{};
};

} // namespace rtsample
