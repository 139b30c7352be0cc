// `// rtcheck-allow(...)` comments: which line they cover, what they name, what is not one.
#include "rtcheck/Suppressions.h"

#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

std::vector<Suppression> scan(llvm::StringRef Text) {
  // String literals are null-terminated, as scanSuppressions requires.
  std::vector<Suppression> Out;
  scanSuppressions(llvm::MemoryBufferRef(Text, "/src/a.cpp"), Out);
  return Out;
}

} // namespace

TEST(Suppressions, AloneOnItsLineCoversTheNextLine) {
  std::vector<Suppression> S = scan("void f() {\n"
                                    "\n"
                                    "  // rtcheck-allow(alloc, lock): sized at start-up\n"
                                    "  v.push_back(1);\n"
                                    "  m.lock(); // rtcheck-allow(lock)\n"
                                    "}\n");
  ASSERT_EQ(S.size(), 2u);
  EXPECT_EQ(S[0].File, "/src/a.cpp");
  EXPECT_EQ(S[0].Line, 4u); // blank lines count
  EXPECT_EQ(S[0].Categories, (std::vector<std::string>{"alloc", "lock"}));
  EXPECT_EQ(S[0].Reason, "sized at start-up");
  EXPECT_EQ(S[1].Line, 5u);
  EXPECT_EQ(S[1].Categories, std::vector<std::string>{"lock"});
  EXPECT_EQ(S[1].Reason, "");
}

TEST(Suppressions, OnlyCompleteLineComments) {
  EXPECT_TRUE(scan("f(); /* rtcheck-allow(alloc) */\n").empty());
  EXPECT_TRUE(scan("const char *s = \"rtcheck-allow(alloc)\";\n").empty());
  EXPECT_TRUE(scan("f(); // rtcheck-allow(alloc\n").empty());
  EXPECT_TRUE(scan("").empty());
}

TEST(Suppressions, WindowsLineEndingsAndNoFinalNewline) {
  std::vector<Suppression> S = scan("a();\r\n// rtcheck-allow(syscall): logged once\r\nb();");
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Line, 3u);
  EXPECT_EQ(S[0].Reason, "logged once");
}
