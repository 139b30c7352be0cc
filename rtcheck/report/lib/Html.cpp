// The HTML report: one self-contained file (inline CSS and SVG, no script, nothing fetched). The
// claims table comes first; then per callback its runtime figures and plots, and its static
// findings and runtime violations as collapsible <details> with the source of every step.
#include "Internal.h"

#include <sstream>

namespace rtcheck::report {

using namespace detail;

namespace {

const char *Style = R"(
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#1d232a;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid #ccd}
h3{font-size:15px;margin:16px 0 4px}
.verdict{font-size:16px;font-weight:600;padding:8px 12px;border-radius:4px;margin:10px 0}
.verdict.fail{background:#fde2e1;color:#8a1010}.verdict.pass{background:#dff5e3;color:#11602a}
.verdict.nm{background:#eef0f3}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #d5d9e0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f8}
td.status{font-weight:600;white-space:nowrap}
.pass .status,td.status.pass{color:#11602a}.fail .status,td.status.fail{color:#b3141b}
td.status.nm{color:#5b6470}
code,pre{font:12px/1.4 ui-monospace,monospace}
pre.src{background:#f7f7f9;border-left:3px solid #ccd;margin:2px 0 6px;padding:4px 8px;overflow:auto}
pre.src mark{background:#ffe8a3}
details{margin:4px 0}summary{cursor:pointer}
.tag{font-size:11px;font-weight:600;border-radius:3px;padding:1px 5px;margin-left:4px}
.tag.confirmed{background:#fde2e1;color:#8a1010}.tag.miss{background:#ffe8a3;color:#6b4a00}
.tag.known{background:#eef0f3;color:#5b6470}
.plots{display:flex;flex-wrap:wrap;gap:16px}
svg text{font:11px system-ui,sans-serif;fill:#1d232a}svg .title{font-weight:600}
svg .grid{stroke:#e3e6eb}svg .axis{stroke:#5b6470}svg .bar{fill:#6a8fd0}
svg .line{fill:none;stroke:#6a8fd0;stroke-width:2}svg .point{fill:#2a56a8}svg .point.over{fill:#b3141b}
svg .budget{stroke:#b3141b;stroke-dasharray:5 3;stroke-width:1.5}svg .budget-label{fill:#b3141b}
svg .limit{stroke:#c77700;stroke-width:3}
.notes li,.caption{color:#5b6470}.caption{font-size:12px}
)";

const char *statusClass(Status S) {
  return S == Status::Pass ? "pass" : S == Status::Fail ? "fail" : "nm";
}

// Three lines of source around a step, the step's line marked; nothing if the file is gone.
void sourceSnippet(std::ostringstream &O, const Location &L) {
  if (L.File.empty() || L.Line <= 0)
    return;
  std::vector<std::string> Lines = sourceLines(L.File, L.Line - 1, L.Line + 1);
  if (Lines.empty())
    return;
  O << "<pre class=\"src\">";
  int First = std::max(L.Line - 1, 1);
  for (size_t I = 0; I < Lines.size(); ++I) {
    int N = First + static_cast<int>(I);
    std::string Text = std::to_string(N) + "  " + htmlEscape(Lines[I]);
    O << (N == L.Line ? "<mark>" + Text + "</mark>" : Text) << "\n";
  }
  O << "</pre>";
}

void findingDetails(std::ostringstream &O, const Report &R, const Finding &F) {
  O << "<details class=\"finding\"><summary><code>" << htmlEscape(locationText(F.Loc)) << "</code> "
    << htmlEscape(F.Severity) << ": " << htmlEscape(F.Message) << " [" << htmlEscape(F.Rule) << "]";
  if (!F.ConfirmedBy.empty())
    O << "<span class=\"tag confirmed\">confirmed at run time</span>";
  if (F.Known)
    O << "<span class=\"tag known\">known (baseline)</span>";
  O << "</summary><ol class=\"chain\">";
  for (const ChainStep &S : F.Chain) {
    O << "<li><code>" << htmlEscape(S.Function) << "</code> <span>"
      << htmlEscape(locationText(S.Loc)) << "</span>";
    if (!S.Note.empty())
      O << " — " << htmlEscape(S.Note);
    sourceSnippet(O, S.Loc);
    O << "</li>";
  }
  O << "</ol>";
  if (!F.Reason.empty())
    O << "<p>" << htmlEscape(F.Leaf) << ": " << htmlEscape(F.Reason) << "</p>";
  for (size_t K : F.ConfirmedBy)
    O << "<p>observed at run time: <code>" << htmlEscape(R.Sites[K].Function) << "</code> x"
      << R.Sites[K].Count << " in scope <code>" << htmlEscape(R.Sites[K].Scope) << "</code></p>";
  O << "</details>";
}

void siteDetails(std::ostringstream &O, const Report &R, const Callback &C, const Site &S) {
  O << "<details class=\"site\"><summary>" << htmlEscape(S.Category) << ": <code>"
    << htmlEscape(S.Function) << "</code> called " << S.Count << " time(s)";
  if (S.Confirms)
    O << "<span class=\"tag confirmed\">confirms "
      << htmlEscape(locationText(R.Findings[*S.Confirms].Loc)) << "</span>";
  else if (C.RootIndex && hasSourceLines(S))
    O << "<span class=\"tag miss\">analyzer miss</span>";
  else if (C.RootIndex)
    O << "<span class=\"tag known\">not matched: no source lines</span>";
  O << "</summary><ol class=\"stack\">";
  for (const Frame &F : S.Stack) {
    O << "<li><code>" << htmlEscape(F.Function.empty() ? F.Raw : F.Function) << "</code> ";
    if (!F.Loc.File.empty())
      O << "<span>" << htmlEscape(locationText(F.Loc)) << "</span>";
    else
      O << "<span>" << htmlEscape(baseName(F.Module)) << "</span>";
    if (F.Inlined)
      O << " (inlined)";
    if (F.Loc.File.rfind("/usr/", 0) != 0)
      sourceSnippet(O, F.Loc);
    O << "</li>";
  }
  O << "</ol></details>";
}

void callbackSection(std::ostringstream &O, const Report &R, const Callback &C, size_t Index) {
  O << "<section class=\"callback\" id=\"cb-" << Index << "\"><h2>" << htmlEscape(C.Name)
    << "</h2><p>evidence: " << htmlEscape(C.Coverage);
  if (!C.Context.empty())
    O << "; context <code>" << htmlEscape(C.Context) << "</code>";
  if (C.RootIndex)
    O << "; static root at <code>" << htmlEscape(locationText(R.Roots[*C.RootIndex].Loc))
      << "</code> (" << htmlEscape(R.Roots[*C.RootIndex].Origin) << ")";
  O << "</p>";
  O << "<table class=\"claims\"><tr><th>claim</th><th>status</th><th>reason</th><th>evidence</th>"
       "<th>from</th></tr>";
  for (const Claim &Cl : C.Claims)
    O << "<tr class=\"" << statusClass(Cl.St) << "\"><td>" << htmlEscape(Cl.Text)
      << "</td><td class=\"status " << statusClass(Cl.St) << "\">" << statusName(Cl.St)
      << "</td><td>" << htmlEscape(Cl.Reason) << "</td><td>" << htmlEscape(Cl.Evidence)
      << "</td><td>" << htmlEscape(Cl.Origin) << "</td></tr>";
  O << "</table>";
  if (C.ScopeIndex) {
    const Scope &S = R.Scopes[*C.ScopeIndex];
    O << "<h3>Run time: scope <code>" << htmlEscape(S.Name) << "</code></h3><p>";
    if (!S.Function.empty())
      O << "opened in <code>" << htmlEscape(S.Function) << "</code> "
        << htmlEscape(locationText(S.Loc)) << "; ";
    O << S.Calls << " calls on " << S.Threads << " thread(s); mean " << formatMs(S.Lat.Mean)
      << ", max " << formatMs(S.Lat.Max) << "; budget "
      << (C.BudgetNs ? formatMs(C.BudgetNs) : std::string("none")) << "; " << S.Misses
      << " deadline misses";
    if (S.Per.Count)
      O << "; period " << formatMs(S.Per.Mean) << ", jitter " << formatMs(S.Per.JitterMax);
    O << "</p>";
    if (S.Calls)
      O << "<div class=\"plots\">" << latencyHistogramSvg(S, C.BudgetNs)
        << percentilePlotSvg(S, C.BudgetNs, C.LatencyLimitsMs)
        << "</div><p class=\"caption\">Left: the intervals between min, p50, p90, p99, p99.9 and "
           "max hold 50, 40, 9, 0.9 and 0.1% of the calls (from the runtime report's "
           "percentiles). Right: the percentiles against the budget (dashed) and any claimed "
           "limits (orange).</p>";
  }
  if (!C.Findings.empty()) {
    O << "<h3>Static findings (" << C.Findings.size() << ")</h3>";
    for (size_t K : C.Findings)
      findingDetails(O, R, R.Findings[K]);
  }
  if (!C.Sites.empty()) {
    O << "<h3>Runtime violations (" << C.Sites.size() << " sites)</h3>";
    for (size_t K : C.Sites)
      siteDetails(O, R, C, R.Sites[K]);
  }
  O << "</section>";
}

} // namespace

std::string renderHtml(const Report &R) {
  std::ostringstream O;
  std::string Title =
      "rtcheck validation report" + (R.Opts.Title.empty() ? "" : ": " + R.Opts.Title);
  O << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
    << htmlEscape(Title) << "</title><style>" << Style << "</style></head><body>";
  O << "<h1>" << htmlEscape(Title) << "</h1>";
  const char *VClass = R.Failed ? "fail" : R.Passed ? "pass" : "nm";
  O << "<p class=\"verdict " << VClass << "\" id=\"verdict\">" << htmlEscape(verdictLine(R))
    << "</p>";
  O << "<table class=\"summary\" id=\"summary\"><thead><tr><th>callback</th><th>evidence</th>"
       "<th>claim</th><th>status</th><th>reason</th></tr></thead><tbody>";
  for (size_t I = 0; I < R.Callbacks.size(); ++I) {
    const Callback &C = R.Callbacks[I];
    for (size_t J = 0; J < C.Claims.size(); ++J) {
      const Claim &Cl = C.Claims[J];
      O << "<tr class=\"" << statusClass(Cl.St) << "\">";
      if (J == 0)
        O << "<td rowspan=\"" << C.Claims.size() << "\"><a href=\"#cb-" << I << "\"><code>"
          << htmlEscape(C.Name) << "</code></a></td><td rowspan=\"" << C.Claims.size() << "\">"
          << htmlEscape(C.Coverage) << "</td>";
      O << "<td>" << htmlEscape(Cl.Text) << "</td><td class=\"status " << statusClass(Cl.St)
        << "\">" << statusName(Cl.St) << "</td><td>" << htmlEscape(Cl.Reason) << "</td></tr>";
    }
  }
  O << "</tbody></table>";
  if (!R.Notes.empty()) {
    O << "<ul class=\"notes\">";
    for (const std::string &N : R.Notes)
      O << "<li>" << htmlEscape(N) << "</li>";
    O << "</ul>";
  }
  for (size_t I = 0; I < R.Callbacks.size(); ++I)
    if (R.Callbacks[I].RootIndex || R.Callbacks[I].ScopeIndex)
      callbackSection(O, R, R.Callbacks[I], I);
  O << "<footer><p>Inputs:";
  if (!R.Opts.StaticPath.empty())
    O << " static <code>" << htmlEscape(R.Opts.StaticPath) << "</code>;";
  for (const std::string &P : R.Opts.RuntimePaths)
    O << " runtime <code>" << htmlEscape(P) << "</code>;";
  if (!R.Opts.ClaimsPath.empty())
    O << " claims <code>" << htmlEscape(R.Opts.ClaimsPath) << "</code>;";
  if (!R.Opts.BaselinePath.empty())
    O << " baseline <code>" << htmlEscape(R.Opts.BaselinePath) << "</code>;";
  O << " percentiles are histogram estimates (within 3.1%); merged runs keep each percentile's "
       "worst value. Generated by <code>rtcheck report</code>.</p></footer></body></html>\n";
  return O.str();
}

} // namespace rtcheck::report
