// Shared helpers of the report library (not installed).
#ifndef RTCHECK_REPORT_INTERNAL_H
#define RTCHECK_REPORT_INTERNAL_H

#include "rtcheck/report/Report.h"

#include <set>
#include <string>
#include <string_view>

namespace rtcheck::report::detail {

// The categories, in the project's order (STYLE.md), and the ones the shim can observe.
inline constexpr const char *Categories[] = {"alloc",     "lock",     "syscall", "driver",
                                             "exception", "indirect", "unknown"};
inline constexpr const char *RuntimeCategories[] = {"alloc", "lock", "syscall", "driver"};
bool isCategory(std::string_view C);
bool isRuntimeCategory(std::string_view C);
const char *categoryPhrase(std::string_view C); // "heap allocation", "locking", ...

// --- Loading (Load.cpp) ---
void loadStatic(Report &R, const std::string &Path);
std::set<std::string> loadBaseline(const std::string &Path); // fingerprints
void loadRuntime(Report &R, const std::string &Path);
std::map<std::string, ClaimSpec> loadClaims(const std::string &Path);
// The error-severity categories of a context's profile; nullopt if there is no such profile.
std::optional<std::vector<std::string>> profileErrors(const std::string &RulesDir,
                                                      const std::string &Context);

// --- Stacks (Symbolize.cpp) ---
// Parses "0xADDR in SYM+0xOFF (MODULE+0xOFF)" into a frame.
Frame parseFrame(const std::string &Raw);
std::string demangle(const std::string &Name);
// Resolves every frame's function, file and line with llvm-symbolizer; a note when it cannot.
void symbolize(Report &R);

// --- Joining and claims (Join.cpp, Claims.cpp) ---
void joinCallbacks(Report &R);
void evaluateClaims(Report &R, const std::map<std::string, ClaimSpec> &Specs);

// --- Words shared by the emitters (Words.cpp) ---
std::string formatMs(uint64_t Ns); // "0.159 ms"
std::string formatMsD(double Ms);  // "2.667 ms"
std::string baseName(std::string_view Path);
bool sameFile(std::string_view A,
              std::string_view B);                  // equal, or one is a path suffix of the other
// A static finding's file and a runtime frame's file are one source: sameFile, or the static
// path's part below the analyzer's source root is a path suffix of the runtime one (a binary built
// from another checkout, whose debug information names that checkout's absolute paths).
bool sameSource(std::string_view StaticFile, std::string_view RuntimeFile,
                std::string_view StaticRoot);
std::string unqualified(std::string_view Function); // "A::b<int>(x)" -> "b"
std::string locationText(const Location &L);        // "file.cpp:12"
std::string verdictLine(const Report &R);           // "FAIL: 3 of 12 claims fail, ..."
// Whether any frame of the site was resolved to a source line (else it cannot be matched to a
// static finding, and an unmatched site is not an analyzer miss).
bool hasSourceLines(const Site &S);
// Lines [First, Last] of a source file, empty if it cannot be read (cached per file).
std::vector<std::string> sourceLines(const std::string &File, int First, int Last);

// --- Plots for the HTML report (Svg.cpp) ---
std::string latencyHistogramSvg(const Scope &S, uint64_t BudgetNs);
std::string percentilePlotSvg(const Scope &S, uint64_t BudgetNs,
                              const std::map<std::string, double> &LimitsMs);

// Escaping.
std::string htmlEscape(std::string_view S);
std::string xmlEscape(std::string_view S);
std::string markdownEscape(std::string_view S);

} // namespace rtcheck::report::detail

#endif
