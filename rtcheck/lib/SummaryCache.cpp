//===- SummaryCache.cpp - content-addressed cache of TU summaries ---------===//
#include "rtcheck/SummaryCache.h"

#include "rtcheck/AtomicFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <algorithm>
#include <chrono>

using namespace llvm;

namespace rtcheck {
namespace {

/// Bumped when the layout or the entries' wrapping changes; the summary format has its own.
constexpr int CacheFormatVersion = 1;
/// A manifest remembers this many header states per command (switching branches back and forth
/// keeps hitting), newest first.
constexpr size_t ManifestEntries = 4;
/// Temporary files of a run that died are removed by eviction once they are this old.
constexpr auto StaleTemporary = std::chrono::hours(1);

/// What identifies the analyzer that made a summary: its version, the summary format, Clang's
/// version and the executable's own contents (a rebuilt analyzer may extract differently even
/// when its version string is the same).
const std::string &toolIdentity() {
  static const std::string Identity = [] {
    std::string Id = std::string(RTCHECK_VERSION) + "/summary-" +
                     std::to_string(SummaryFormatVersion) + "/llvm-" + LLVM_VERSION_STRING;
    // Read in pieces: mapping the whole executable (tens of MB) would count in the peak memory.
    Expected<sys::fs::file_t> File =
        sys::fs::openNativeFileForRead(sys::fs::getMainExecutable(nullptr, nullptr));
    if (!File) {
      consumeError(File.takeError());
      return Id;
    }
    BLAKE3 Hasher;
    std::vector<char> Piece(1 << 20);
    while (true) {
      Expected<size_t> N = sys::fs::readNativeFile(*File, Piece);
      if (!N) {
        consumeError(N.takeError());
        break;
      }
      if (*N == 0)
        break;
      Hasher.update(ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(Piece.data()), *N));
    }
    sys::fs::closeFile(*File);
    Id += "/" + toHex(Hasher.final<16>(), /*LowerCase=*/true);
    return Id;
  }();
  return Identity;
}

std::optional<json::Value> readJSON(StringRef Path, bool &Missing) {
  auto Buf = MemoryBuffer::getFile(Path);
  Missing = !Buf;
  if (!Buf)
    return std::nullopt;
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V) {
    consumeError(V.takeError());
    return std::nullopt;
  }
  return std::move(*V);
}

/// Marks an entry as used now: eviction removes the least recently used first.
void touch(StringRef Path) {
  int FD;
  if (sys::fs::openFileForWrite(Path, FD, sys::fs::CD_OpenExisting, sys::fs::OF_Append))
    return;
  sys::fs::setLastAccessAndModificationTime(FD, std::chrono::system_clock::now());
  sys::Process::SafelyCloseFileDescriptor(FD);
}

std::string fullKey(StringRef CommandKey, ArrayRef<CacheInput> Inputs) {
  std::string Text = CommandKey.str();
  for (const CacheInput &In : Inputs)
    Text += "\n" + In.Path + "\t" + In.Hash;
  return contentHash(Text);
}

json::Array inputsJSON(ArrayRef<CacheInput> Inputs) {
  json::Array A;
  for (const CacheInput &In : Inputs)
    A.push_back(json::Array{In.Path, In.Hash});
  return A;
}

} // namespace

std::string contentHash(StringRef Data) {
  BLAKE3Result<16> R = BLAKE3::hash<16>(arrayRefFromStringRef(Data));
  return toHex(R, /*LowerCase=*/true);
}

std::string defaultCacheDir() {
  SmallString<256> P;
  if (std::optional<std::string> Xdg = sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && sys::path::is_absolute(*Xdg)) {
    P = *Xdg;
  } else if (sys::path::home_directory(P)) {
    sys::path::append(P, ".cache");
  } else {
    return {};
  }
  sys::path::append(P, "rtcheck");
  return std::string(P);
}

Expected<uint64_t> parseCacheSize(StringRef Text) {
  StringRef Digits = Text.rtrim("KMGkmg");
  uint64_t N;
  if (Digits.empty() || Digits.getAsInteger(10, N) || Text.size() - Digits.size() > 1)
    return createStringError(inconvertibleErrorCode(),
                             "--cache-max-size: '%s' is not a size (a number of bytes, or with "
                             "K, M or G)",
                             Text.str().c_str());
  unsigned Shift = 0;
  switch (Text.size() > Digits.size() ? toLower(Text.back()) : ' ') {
  case 'k':
    Shift = 10;
    break;
  case 'm':
    Shift = 20;
    break;
  case 'g':
    Shift = 30;
    break;
  default:
    break;
  }
  if (Shift && N > (UINT64_MAX >> Shift))
    return createStringError(inconvertibleErrorCode(), "--cache-max-size: '%s' is too large",
                             Text.str().c_str());
  return N << Shift;
}

SummaryCache::SummaryCache(std::string Dir, uint64_t MaxBytes, std::string Salt)
    : Dir(std::move(Dir)), MaxBytes(MaxBytes), Salt(std::move(Salt)) {}

Error SummaryCache::prepare() {
  for (StringRef Kind : {"manifests", "summaries"}) {
    SmallString<256> P(Dir);
    sys::path::append(P, Kind);
    if (std::error_code EC = sys::fs::create_directories(P))
      return createStringError(EC, "%s: cannot create the cache directory: %s", Dir.c_str(),
                               EC.message().c_str());
  }
  return Error::success();
}

std::string SummaryCache::entryPath(StringRef Kind, StringRef Key) const {
  // Two hex digits of fan-out keep each directory to a few hundred entries at 100,000 TUs.
  SmallString<256> P(Dir);
  sys::path::append(P, Kind, Key.take_front(2), Key + ".json");
  return std::string(P);
}

std::string SummaryCache::hashFileNow(StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(HashesMutex);
    if (auto It = Hashes.find(Path); It != Hashes.end())
      return It->second;
  }
  std::string Hash;
  if (auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false, /*RequiresNullTerminator=*/false))
    Hash = contentHash((*Buf)->getBuffer());
  std::lock_guard<std::mutex> Lock(HashesMutex);
  Hashes[Path] = Hash;
  return Hash;
}

std::string SummaryCache::commandKey(ArrayRef<std::string> Args, StringRef Directory,
                                     StringRef MainFile) {
  std::string MainHash = hashFileNow(MainFile);
  if (MainHash.empty())
    return {};
  std::string Text = "rtcheck-cache-" + std::to_string(CacheFormatVersion) + "\n" +
                     toolIdentity() + "\n" + Salt + "\n" + Directory.str() + "\n" +
                     MainFile.str() + "\t" + MainHash + "\n";
  for (const std::string &A : Args)
    Text += A + "\n";
  return contentHash(Text);
}

std::optional<Summary> SummaryCache::lookup(StringRef CommandKey,
                                            std::vector<std::string> &Notes) {
  auto Miss = [&]() -> std::optional<Summary> {
    ++Misses;
    return std::nullopt;
  };
  auto Broken = [&](StringRef Path, StringRef Why) -> std::optional<Summary> {
    Notes.push_back("summary cache: " + Path.str() + ": " + Why.str() +
                    "; ignored, the summary is made again");
    ++Corrupt;
    sys::fs::remove(Path);
    return Miss();
  };
  std::string ManifestPath = entryPath("manifests", CommandKey);
  bool Missing;
  std::optional<json::Value> Manifest = readJSON(ManifestPath, Missing);
  if (Missing)
    return Miss();
  const json::Array *Entries = Manifest && Manifest->getAsObject()
                                   ? Manifest->getAsObject()->getArray("entries")
                                   : nullptr;
  if (!Entries)
    return Broken(ManifestPath, "not a manifest (truncated or corrupt)");
  std::string Key;
  for (const json::Value &E : *Entries) {
    const json::Object *O = E.getAsObject();
    const json::Array *Inputs = O ? O->getArray("inputs") : nullptr;
    std::optional<StringRef> EntryKey = O ? O->getString("key") : std::nullopt;
    if (!Inputs || !EntryKey)
      return Broken(ManifestPath, "not a manifest (truncated or corrupt)");
    std::vector<CacheInput> Now;
    bool Same = true;
    for (const json::Value &In : *Inputs) {
      const json::Array *Pair = In.getAsArray();
      if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsString() || !(*Pair)[1].getAsString())
        return Broken(ManifestPath, "not a manifest (truncated or corrupt)");
      std::string Path = (*Pair)[0].getAsString()->str();
      if (hashFileNow(Path) != *(*Pair)[1].getAsString()) {
        Same = false;
        break;
      }
      Now.push_back({Path, (*Pair)[1].getAsString()->str()});
    }
    // The key is recomputed: a manifest cannot point a command at another command's summary.
    if (Same && fullKey(CommandKey, Now) == *EntryKey) {
      Key = EntryKey->str();
      break;
    }
  }
  if (Key.empty())
    return Miss();
  std::string SummaryPath = entryPath("summaries", Key);
  std::optional<json::Value> Entry = readJSON(SummaryPath, Missing);
  if (Missing)
    return Miss(); // evicted
  const json::Object *O = Entry ? Entry->getAsObject() : nullptr;
  const json::Value *Body = O ? O->get("summary") : nullptr;
  if (!Body || O->getString("key") != StringRef(Key))
    return Broken(SummaryPath, "not a cached summary (truncated or corrupt)");
  Expected<Summary> S = summaryFromJSON(*Body);
  if (!S)
    return Broken(SummaryPath, toString(S.takeError()));
  touch(ManifestPath);
  touch(SummaryPath);
  ++Hits;
  return std::move(*S);
}

void SummaryCache::store(StringRef CommandKey, ArrayRef<CacheInput> Inputs, const Summary &S,
                         std::vector<std::string> &Notes) {
  std::vector<CacheInput> Sorted(Inputs.begin(), Inputs.end());
  llvm::sort(Sorted, [](const CacheInput &A, const CacheInput &B) { return A.Path < B.Path; });
  std::string Key = fullKey(CommandKey, Sorted);
  std::string SummaryPath = entryPath("summaries", Key);
  std::string ManifestPath = entryPath("manifests", CommandKey);
  auto Fail = [&](Error E) {
    Notes.push_back("summary cache: " + toString(std::move(E)) + " (not cached)");
  };
  for (StringRef P : {StringRef(SummaryPath), StringRef(ManifestPath)})
    if (std::error_code EC = sys::fs::create_directories(sys::path::parent_path(P)))
      return Fail(createStringError(EC, "%s: %s", P.str().c_str(), EC.message().c_str()));
  // The summary first: a manifest never names a summary that is not there yet.
  json::Object Entry{{"format", CacheFormatVersion}, {"key", Key}, {"summary", toJSON(S)}};
  if (Error E = writeFileAtomically(SummaryPath, [&](raw_ostream &OS) {
        OS << json::Value(std::move(Entry));
      }))
    return Fail(std::move(E));
  json::Array Entries;
  Entries.push_back(json::Object{{"key", Key}, {"inputs", inputsJSON(Sorted)}});
  bool Missing;
  if (std::optional<json::Value> Old = readJSON(ManifestPath, Missing); Old && Old->getAsObject())
    if (json::Array *OldEntries = Old->getAsObject()->getArray("entries"))
      for (json::Value &E : *OldEntries) {
        const json::Object *O = E.getAsObject();
        if (Entries.size() == ManifestEntries || !O)
          break;
        if (O->getString("key") != StringRef(Key))
          Entries.push_back(std::move(E));
      }
  json::Object Manifest{{"format", CacheFormatVersion}, {"entries", std::move(Entries)}};
  if (Error E = writeFileAtomically(ManifestPath, [&](raw_ostream &OS) {
        OS << json::Value(std::move(Manifest));
      }))
    return Fail(std::move(E));
  ++Stored;
}

unsigned SummaryCache::evict() {
  struct File {
    std::string Path;
    uint64_t Size;
    sys::TimePoint<> Used;
  };
  std::vector<File> Files;
  uint64_t Total = 0;
  auto Now = std::chrono::system_clock::now();
  // Only the cache's own files: a directory given by mistake (`--cache-dir .`) loses nothing else.
  for (StringRef Kind : {"manifests", "summaries"}) {
    SmallString<256> Root(Dir);
    sys::path::append(Root, Kind);
    std::error_code EC;
    for (sys::fs::recursive_directory_iterator It(Root, EC), End; It != End && !EC;
         It.increment(EC)) {
      StringRef Name = sys::path::filename(It->path());
      sys::fs::file_status St;
      if (sys::fs::status(It->path(), St) || St.type() != sys::fs::file_type::regular_file)
        continue;
      if (Name.contains(".json.tmp-")) {
        if (Now - St.getLastModificationTime() > StaleTemporary)
          sys::fs::remove(It->path());
        continue;
      }
      if (!Name.ends_with(".json"))
        continue;
      Files.push_back({It->path(), St.getSize(), St.getLastModificationTime()});
      Total += St.getSize();
    }
  }
  if (Total <= MaxBytes)
    return 0;
  llvm::sort(Files, [](const File &A, const File &B) { return A.Used < B.Used; });
  uint64_t Target = MaxBytes / 10 * 9;
  unsigned Removed = 0;
  for (const File &F : Files) {
    if (Total <= Target)
      break;
    if (!sys::fs::remove(F.Path)) {
      Total -= F.Size;
      ++Removed;
    }
  }
  Evicted += Removed;
  return Removed;
}

CacheCounts SummaryCache::counts() const {
  return {Hits.load(), Misses.load(), Stored.load(), Corrupt.load(), Evicted.load()};
}

} // namespace rtcheck
