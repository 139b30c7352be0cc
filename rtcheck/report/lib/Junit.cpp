// JUnit XML (the Ant/Jenkins dialect, tests/report/junit.xsd): one testsuite per callback, one
// testcase per claim; FAIL is a <failure>, NOT MEASURED a <skipped>.
#include "Internal.h"

#include <sstream>

namespace rtcheck::report {

using namespace detail;

std::string renderJunit(const Report &R) {
  std::ostringstream O;
  O << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  O << "<testsuites name=\"rtcheck report\" tests=\"" << R.Passed + R.Failed + R.NotMeasured
    << "\" failures=\"" << R.Failed << "\" errors=\"0\" skipped=\"" << R.NotMeasured << "\">\n";
  size_t Id = 0;
  for (const Callback &C : R.Callbacks) {
    size_t Fail = 0, Skip = 0;
    for (const Claim &Cl : C.Claims) {
      Fail += Cl.St == Status::Fail;
      Skip += Cl.St == Status::NotMeasured;
    }
    O << "  <testsuite name=\"" << xmlEscape(C.Name) << "\" id=\"" << Id++ << "\" tests=\""
      << C.Claims.size() << "\" failures=\"" << Fail << "\" errors=\"0\" skipped=\"" << Skip
      << "\">\n";
    O << "    <properties>\n";
    O << "      <property name=\"evidence\" value=\"" << xmlEscape(C.Coverage) << "\"/>\n";
    if (!C.Context.empty())
      O << "      <property name=\"context\" value=\"" << xmlEscape(C.Context) << "\"/>\n";
    O << "    </properties>\n";
    for (const Claim &Cl : C.Claims) {
      O << "    <testcase name=\"" << xmlEscape(Cl.Text) << "\" classname=\"rtcheck."
        << xmlEscape(C.Name) << "\">\n";
      if (Cl.St == Status::Fail)
        O << "      <failure message=\"" << xmlEscape(Cl.Reason) << "\" type=\"" << Cl.Id << "\">"
          << xmlEscape(Cl.Evidence) << "</failure>\n";
      else if (Cl.St == Status::NotMeasured)
        O << "      <skipped message=\"" << xmlEscape(Cl.Reason) << "\"/>\n";
      O << "      <system-out>" << xmlEscape("claim from " + Cl.Origin + "; " + Cl.Reason)
        << (Cl.Evidence.empty() ? "" : "; evidence: " + xmlEscape(Cl.Evidence))
        << "</system-out>\n";
      O << "    </testcase>\n";
    }
    O << "  </testsuite>\n";
  }
  O << "</testsuites>\n";
  return O.str();
}

} // namespace rtcheck::report
