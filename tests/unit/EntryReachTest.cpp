// What the program's entries reach (EntryReach.h): registrations count only in code that runs,
// and rapid type analysis counts only the constructor calls that run under the constants.
#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"

#include "ProgramBuilder.h"
#include <gtest/gtest.h>

using namespace rtcheck;

namespace {

const char *Family = R"({"family":"t","functions":[
  {"name":"malloc","category":"alloc","reason":"heap"}],
  "registrations":[{"function":"register_cb","argument":0,"context":"audio","reason":"rt"}]})";

std::vector<std::string> rootNames(const LinkResult &R) {
  std::vector<std::string> Out;
  for (const Root &Root : R.Roots)
    Out.push_back(Root.Function);
  llvm::sort(Out);
  return Out;
}

/// main -> start -> register_cb(cb_used); never_called -> register_cb(cb_unused).
Program registrations(llvm::StringRef EntryName) {
  Program P;
  P.decl("register_cb");
  Program::call(P.def("cb_used"), "malloc", 2);
  Program::call(P.def("cb_unused"), "malloc", 3);
  Program::call(P.def("start"), "register_cb", 4).FunctionArgs = {{0, "u:cb_used"}};
  Program::call(P.def("never_called"), "register_cb", 5).FunctionArgs = {{0, "u:cb_unused"}};
  Program::call(P.def(EntryName), "start", 6);
  P.decl("malloc");
  return P;
}

ClassInfo cls(std::string USR, std::vector<std::string> Bases = {}) {
  return {std::move(USR), std::move(Bases), false, {}};
}

} // namespace

TEST(EntryReach, RegistrationsOnlyInCodeThatRuns) {
  RuleSet Rules = rules(Family);
  EXPECT_EQ(rootNames(link(registrations("main").TUs, Rules, {})),
            std::vector<std::string>{"cb_used"});
  // Without a named entry point (a library alone) every registration counts.
  EXPECT_EQ(rootNames(link(registrations("library_init").TUs, Rules, {})),
            (std::vector<std::string>{"cb_unused", "cb_used"}));
}

TEST(EntryReach, ConstructorsOnlyWhereTheConstantsLetThemRun) {
  // open_backend(kind) constructs A when kind == 0 and B when kind == 1; main passes 0. The root
  // calls Base::run virtually; only B::run allocates.
  auto Build = [](bool PassConstant) {
    Program P;
    P.tu(0).Classes = {cls("c:Base"), cls("c:A", {"c:Base"}), cls("c:B", {"c:Base"})};
    P.tu(0).ConstructedClasses = {"c:A", "c:B"};
    Function &Base = P.def("Base::run");
    Base.Class = "c:Base";
    Base.IsPureVirtual = true;
    Function &A = P.def("A::run");
    A.Class = "c:A";
    A.Overrides = {"u:Base::run"};
    Function &B = P.def("B::run");
    B.Class = "c:B";
    B.Overrides = {"u:Base::run"};
    Program::call(B, "malloc", 20);
    P.def("A::A").Constructs = "c:A";
    P.def("B::B").Constructs = "c:B";
    Function &Open = P.def("open_backend");
    Program::call(Open, "A::A", 30).Guards = {{GuardAtom{0, "", GuardAtom::Eq, 0}}};
    Program::call(Open, "B::B", 31).Guards = {{GuardAtom{0, "", GuardAtom::Eq, 1}}};
    Function &Main = P.def("main");
    CallSite &C = Program::call(Main, "open_backend", 40);
    if (PassConstant)
      C.ConstArgs = {{0, 0}};
    Function &Render = P.def("render");
    Render.RootContext = "audio";
    Render.RootOrigin = "annotation";
    Program::call(Render, "Base::run", 50, CallKind::Virtual);
    P.decl("malloc");
    return P;
  };
  RuleSet Rules = rules(Family);
  EXPECT_TRUE(link(Build(true).TUs, Rules, {}).Findings.empty());
  // Without the constant both branches run: B has objects and B::run allocates.
  LinkResult Both = link(Build(false).TUs, Rules, {});
  ASSERT_EQ(Both.Findings.size(), 1u);
  EXPECT_EQ(Both.Findings[0].Site.Line, 20u);
}
