//===- SummaryCache.h - content-addressed cache of TU summaries -*- C++ -*-===//
//
// `rtcheck check` keeps each translation unit's summary in a directory shared by runs (and by CI
// jobs), addressed by what the extraction depended on, so that an unchanged TU is not parsed
// again. Two levels, like ccache's direct mode:
//
//   manifests/<command key>.json   command key = the compile command after flag mapping, its
//                                  directory, the main file's contents, the tool build and the
//                                  rules; lists every file the TU read with its content hash
//   summaries/<full key>.json      full key = command key + those files and hashes
//
// A lookup hashes the main file and the files the manifest lists (not a parse); a store writes
// the summary, then the manifest, each to a temporary file renamed into place, so concurrent runs
// need no locks and a reader never sees half a file. A corrupt or truncated entry is a miss with
// a note, and is rewritten. Entries are touched on use; after a run that stored entries, the
// least recently used are removed until the directory is under its size limit.
// See docs/analyzer.md "Summary cache".
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_SUMMARYCACHE_H
#define RTCHECK_SUMMARYCACHE_H

#include "rtcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace rtcheck {

/// Hex digest of Data (BLAKE3, 128 bits): file contents and keys alike.
std::string contentHash(llvm::StringRef Data);

/// A file a translation unit read, and the hash of the contents it was parsed with.
struct CacheInput {
  std::string Path;
  std::string Hash;
};

/// The default cache directory: $XDG_CACHE_HOME/rtcheck, else ~/.cache/rtcheck; empty when
/// neither is known.
std::string defaultCacheDir();

/// 2 GiB: room for the summaries of several large code bases (a summary is 20 KB to 2 MB).
inline constexpr uint64_t DefaultCacheMaxBytes = uint64_t(2) << 30;

/// Parses a size such as `500M`, `2G`, `1048576` (bytes; K, M, G are powers of 1024).
llvm::Expected<uint64_t> parseCacheSize(llvm::StringRef Text);

struct CacheCounts {
  unsigned Hits = 0;
  unsigned Misses = 0;
  unsigned Stored = 0;
  /// Entries that could not be read back (truncated, corrupt): rebuilt.
  unsigned Corrupt = 0;
  unsigned Evicted = 0;
};

class SummaryCache {
public:
  /// Salt: whatever else the summaries depend on that is the same for every TU of the run (the
  /// rules' contents); the tool's build is always part of the key.
  SummaryCache(std::string Dir, uint64_t MaxBytes, std::string Salt);

  /// Makes the directory; an error when it cannot be made.
  llvm::Error prepare();

  /// The command key of one TU: its compile command after flag mapping (Args), the directory it
  /// runs in and the main file. Empty when the main file cannot be read (nothing to cache).
  std::string commandKey(llvm::ArrayRef<std::string> Args, llvm::StringRef Directory,
                         llvm::StringRef MainFile);

  /// The summary stored for CommandKey whose inputs all still have the hashes they had; Notes
  /// receives one line when an entry was corrupt. Counts a hit or a miss.
  std::optional<Summary> lookup(llvm::StringRef CommandKey, std::vector<std::string> &Notes);

  /// Records S as the summary of CommandKey read from Inputs (the main file and every header).
  /// Failures to write are notes, never errors: the run goes on without the cache.
  void store(llvm::StringRef CommandKey, llvm::ArrayRef<CacheInput> Inputs, const Summary &S,
             std::vector<std::string> &Notes);

  /// Removes the least recently used entries until the directory holds at most MaxBytes (down
  /// to 90% of it, so that the next runs do not evict again at once). Returns entries removed.
  unsigned evict();

  /// The hash of Path's contents as they are now, memoised for the run; empty if unreadable.
  std::string hashFileNow(llvm::StringRef Path);

  CacheCounts counts() const;
  llvm::StringRef directory() const { return Dir; }

private:
  std::string entryPath(llvm::StringRef Kind, llvm::StringRef Key) const;

  std::string Dir;
  uint64_t MaxBytes;
  std::string Salt;
  std::mutex HashesMutex;
  llvm::StringMap<std::string> Hashes;
  std::atomic<unsigned> Hits{0}, Misses{0}, Stored{0}, Corrupt{0}, Evicted{0};
};

} // namespace rtcheck

#endif
