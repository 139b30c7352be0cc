// Output files are all-or-nothing for regular files and never destroy what they write to: a FIFO,
// a character device and a symbolic link keep their identity after `-o` names them.
#include "rtcheck/AtomicFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace rtcheck;

namespace {

class AtomicFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("rtcheck-atomic", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  std::string path(llvm::StringRef Name) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
  static std::string read(const std::string &Path) {
    std::ifstream In(Path);
    std::stringstream S;
    S << In.rdbuf();
    return S.str();
  }
  static mode_t type(const std::string &Path) {
    struct stat St;
    EXPECT_EQ(lstat(Path.c_str(), &St), 0) << Path;
    return St.st_mode & S_IFMT;
  }
  unsigned entries() {
    std::error_code EC;
    unsigned N = 0;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
      ++N;
    return N;
  }
  llvm::SmallString<256> Dir;
};

TEST_F(AtomicFileTest, ReplacesARegularFileAndKeepsItsMode) {
  std::string F = path("out.json");
  std::ofstream(F) << "old";
  ASSERT_EQ(chmod(F.c_str(), 0640), 0);
  ASSERT_FALSE(llvm::errorToBool(writeFileAtomically(F, "new")));
  EXPECT_EQ(read(F), "new");
  struct stat St;
  ASSERT_EQ(stat(F.c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 0777, 0640u);
  EXPECT_EQ(entries(), 1u) << "no temporary file is left behind";
}

TEST_F(AtomicFileTest, FollowsASymlinkAndKeepsIt) {
  std::string Real = path("real.json"), Link = path("link.json");
  std::ofstream(Real) << "old";
  ASSERT_EQ(symlink("real.json", Link.c_str()), 0);
  ASSERT_FALSE(llvm::errorToBool(writeFileAtomically(Link, "new")));
  EXPECT_EQ(type(Link), S_IFLNK);
  EXPECT_EQ(read(Real), "new");
}

TEST_F(AtomicFileTest, ADanglingSymlinkCreatesItsTarget) {
  std::string Link = path("link.json");
  ASSERT_EQ(symlink("made.json", Link.c_str()), 0);
  ASSERT_FALSE(llvm::errorToBool(writeFileAtomically(Link, "made")));
  EXPECT_EQ(type(Link), S_IFLNK);
  EXPECT_EQ(read(path("made.json")), "made");
}

TEST_F(AtomicFileTest, WritesIntoAFifoWithoutReplacingIt) {
  std::string Fifo = path("pipe");
  ASSERT_EQ(mkfifo(Fifo.c_str(), 0600), 0);
  std::string Got;
  std::thread Reader([&] { Got = read(Fifo); });
  ASSERT_FALSE(llvm::errorToBool(writeFileAtomically(Fifo, "through the pipe")));
  Reader.join();
  EXPECT_EQ(Got, "through the pipe");
  EXPECT_EQ(type(Fifo), S_IFIFO);
}

TEST_F(AtomicFileTest, WritesIntoACharacterDeviceWithoutReplacingIt) {
  // A null device of our own (major 1, minor 3, as /dev/null): the test runs as root in CI.
  std::string Dev = path("null");
  if (mknod(Dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_FAIL() << "mknod needs root (CAP_MKNOD): " << strerror(errno);
  ASSERT_FALSE(llvm::errorToBool(writeFileAtomically(Dev, "discarded")));
  EXPECT_EQ(type(Dev), S_IFCHR);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, ADirectoryIsAnErrorNamingIt) {
  llvm::Error E = writeFileAtomically(Dir, "x");
  ASSERT_TRUE(static_cast<bool>(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find(std::string(Dir)), std::string::npos) << Message;
  EXPECT_NE(Message.find("is a directory"), std::string::npos) << Message;
}

TEST_F(AtomicFileTest, AMissingDirectoryIsAnErrorNamingTheFile) {
  std::string F = path("missing/out.json");
  llvm::Error E = writeFileAtomically(F, "x");
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_NE(llvm::toString(std::move(E)).find(F), std::string::npos);
}

} // namespace
