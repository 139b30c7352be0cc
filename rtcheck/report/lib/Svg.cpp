// Inline SVG plots of a scope's latency for the HTML report: a distribution drawn from the
// percentiles the runtime report carries, and the percentiles against the budget. Both use a
// logarithmic latency axis: callback times span microseconds to the budget's milliseconds.
#include "Internal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace rtcheck::report::detail {

namespace {

struct Axis {
  double Lo, Hi; // ns, on a log scale
  double P0, P1; // pixels
  double at(double Ns) const {
    double V = std::log10(std::max(Ns, 1.0));
    return P0 + (V - std::log10(Lo)) / (std::log10(Hi) - std::log10(Lo)) * (P1 - P0);
  }
};

std::string num(double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.1f", V);
  return Buf;
}

std::string durationLabel(double Ns) {
  char Buf[32];
  if (Ns >= 1e6)
    std::snprintf(Buf, sizeof Buf, "%g ms", Ns / 1e6);
  else if (Ns >= 1e3)
    std::snprintf(Buf, sizeof Buf, "%g µs", Ns / 1e3);
  else
    std::snprintf(Buf, sizeof Buf, "%g ns", Ns);
  return Buf;
}

Axis latencyAxis(const Scope &S, uint64_t BudgetNs, double P0, double P1) {
  double Lo = static_cast<double>(std::max<uint64_t>(S.Lat.Min, 1));
  double Hi = static_cast<double>(std::max({S.Lat.Max, BudgetNs, S.Lat.Min + 1}));
  Lo = std::pow(10, std::floor(std::log10(Lo)));
  Hi = std::pow(10, std::ceil(std::log10(Hi * 1.05)));
  return {Lo, Hi, P0, P1};
}

// Decade grid lines and labels along a horizontal (Vertical=false) or vertical axis.
void decades(std::ostringstream &O, const Axis &A, bool Vertical, double From, double To) {
  for (double D = A.Lo; D <= A.Hi * 1.0001; D *= 10) {
    double P = A.at(D);
    if (Vertical) {
      O << "<line class=\"grid\" x1=\"" << num(From) << "\" x2=\"" << num(To) << "\" y1=\""
        << num(P) << "\" y2=\"" << num(P) << "\"/>";
      O << "<text class=\"tick\" x=\"" << num(From - 4) << "\" y=\"" << num(P + 4)
        << "\" text-anchor=\"end\">" << durationLabel(D) << "</text>";
    } else {
      O << "<line class=\"grid\" x1=\"" << num(P) << "\" x2=\"" << num(P) << "\" y1=\"" << num(From)
        << "\" y2=\"" << num(To) << "\"/>";
      O << "<text class=\"tick\" x=\"" << num(P) << "\" y=\"" << num(To + 14)
        << "\" text-anchor=\"middle\">" << durationLabel(D) << "</text>";
    }
  }
}

} // namespace

std::string latencyHistogramSvg(const Scope &S, uint64_t BudgetNs) {
  const double W = 560, H = 220, L = 40, R = 20, T = 24, B = 40;
  Axis X = latencyAxis(S, BudgetNs, L, W - R);
  // Each interval between consecutive percentiles holds a known share of the calls.
  // The labels use the measured integers: a double of a value near 2^64 rounds past the
  // largest uint64_t and would not convert back.
  const uint64_t EdgeNs[] = {S.Lat.Min, S.Lat.P50, S.Lat.P90, S.Lat.P99, S.Lat.P999, S.Lat.Max};
  double Edge[6];
  for (int I = 0; I < 6; ++I)
    Edge[I] = double(EdgeNs[I]);
  const double Share[] = {50, 40, 9, 0.9, 0.1};
  const char *Name[] = {"min–p50", "p50–p90", "p90–p99", "p99–p99.9", "p99.9–max"};
  double Px0[5], Px1[5], Density[5], MaxDensity = 0;
  for (int I = 0; I < 5; ++I) {
    Px0[I] = X.at(Edge[I]);
    Px1[I] = std::max(X.at(Edge[I + 1]), Px0[I] + 3); // a point interval still gets a bar
    Density[I] = Share[I] / (Px1[I] - Px0[I]);
    MaxDensity = std::max(MaxDensity, Density[I]);
  }
  std::ostringstream O;
  O << "<svg class=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << W << " "
    << H << "\" width=\"" << W << "\" height=\"" << H << "\" role=\"img\" aria-label=\"latency "
    << "distribution of " << htmlEscape(S.Name) << "\">";
  O << "<text class=\"title\" x=\"" << L << "\" y=\"14\">latency distribution of " << S.Calls
    << " calls (area = share of calls)</text>";
  decades(O, X, false, T, H - B);
  for (int I = 0; I < 5; ++I) {
    double Hgt = (H - B - T - 14) * Density[I] / MaxDensity; // room for the share label
    O << "<rect class=\"bar\" x=\"" << num(Px0[I]) << "\" y=\"" << num(H - B - Hgt) << "\" width=\""
      << num(Px1[I] - Px0[I]) << "\" height=\"" << num(Hgt) << "\"><title>" << Name[I] << ": "
      << Share[I] << "% of calls, " << formatMs(EdgeNs[I]) << " to " << formatMs(EdgeNs[I + 1])
      << "</title></rect>";
    O << "<text class=\"share\" x=\"" << num((Px0[I] + Px1[I]) / 2) << "\" y=\""
      << num(H - B - Hgt - 3) << "\" text-anchor=\"middle\">" << Share[I] << "%</text>";
  }
  O << "<line class=\"axis\" x1=\"" << L << "\" x2=\"" << W - R << "\" y1=\"" << H - B << "\" y2=\""
    << H - B << "\"/>";
  if (BudgetNs) {
    double P = X.at(double(BudgetNs));
    O << "<line class=\"budget\" x1=\"" << num(P) << "\" x2=\"" << num(P) << "\" y1=\"" << T
      << "\" y2=\"" << H - B << "\"/><text class=\"budget-label\" x=\"" << num(P - 3) << "\" y=\""
      << T + 10 << "\" text-anchor=\"end\">budget " << formatMs(BudgetNs) << "</text>";
  }
  O << "</svg>";
  return O.str();
}

std::string percentilePlotSvg(const Scope &S, uint64_t BudgetNs,
                              const std::map<std::string, double> &LimitsMs) {
  const double W = 420, H = 220, L = 70, R = 20, T = 24, B = 30;
  Axis Y = latencyAxis(S, BudgetNs, H - B, T);
  for (const auto &[P, Ms] : LimitsMs)
    Y.Hi = std::max(Y.Hi, Ms * 1e6 * 1.5);
  const std::pair<const char *, uint64_t> Points[] = {{"p50", S.Lat.P50},
                                                      {"p90", S.Lat.P90},
                                                      {"p99", S.Lat.P99},
                                                      {"p999", S.Lat.P999},
                                                      {"max", S.Lat.Max}};
  double Step = (W - L - R) / 5;
  std::ostringstream O;
  O << "<svg class=\"percentiles\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << W << " "
    << H << "\" width=\"" << W << "\" height=\"" << H
    << "\" role=\"img\" aria-label=\"latency percentiles of " << htmlEscape(S.Name) << "\">";
  O << "<text class=\"title\" x=\"" << L << "\" y=\"14\">latency percentiles against the "
    << "budget</text>";
  decades(O, Y, true, L, W - R);
  std::string Path;
  for (int I = 0; I < 5; ++I) {
    double X = L + Step * (I + 0.5), V = Y.at(double(Points[I].second));
    Path += (I ? " L" : "M") + num(X) + " " + num(V);
    O << "<text class=\"tick\" x=\"" << num(X) << "\" y=\"" << H - B + 16
      << "\" text-anchor=\"middle\">"
      << (std::string(Points[I].first) == "p999" ? "p99.9" : Points[I].first) << "</text>";
    if (auto It = LimitsMs.find(Points[I].first); It != LimitsMs.end())
      O << "<path class=\"limit\" d=\"M" << num(X - 7) << " " << num(Y.at(It->second * 1e6))
        << " h14\"><title>claimed " << Points[I].first << " limit " << formatMsD(It->second)
        << "</title></path>";
  }
  O << "<path class=\"line\" d=\"" << Path << "\"/>";
  for (int I = 0; I < 5; ++I) {
    double X = L + Step * (I + 0.5), V = Y.at(double(Points[I].second));
    bool Over = BudgetNs && Points[I].second > BudgetNs;
    O << "<circle class=\"" << (Over ? "point over" : "point") << "\" cx=\"" << num(X) << "\" cy=\""
      << num(V) << "\" r=\"4\"><title>" << Points[I].first << " " << formatMs(Points[I].second)
      << "</title></circle>";
    // Labels alternate above and below the line so that neighbours with close values stay apart.
    O << "<text class=\"value\" x=\"" << num(X) << "\" y=\"" << num(I % 2 ? V + 16 : V - 8)
      << "\" text-anchor=\"middle\">" << durationLabel(double(Points[I].second)) << "</text>";
  }
  if (BudgetNs) {
    double P = Y.at(double(BudgetNs));
    O << "<line class=\"budget\" x1=\"" << L << "\" x2=\"" << W - R << "\" y1=\"" << num(P)
      << "\" y2=\"" << num(P) << "\"/><text class=\"budget-label\" x=\"" << L + 4 << "\" y=\""
      << num(P - 4) << "\">budget " << formatMs(BudgetNs) << "</text>";
  }
  O << "</svg>";
  return O.str();
}

} // namespace rtcheck::report::detail
