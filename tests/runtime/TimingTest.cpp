// Scope latency is honest with either clock: a scope's recorded latency lies between the time its
// body took (a sleep: the time asked for) and the time from before its begin to after its end, both
// measured by the program (programs/timing.c), before and after the TSC calibration; deadline
// misses are counted.
#include "ShimTest.h"

#include <map>

using namespace shimtest;

namespace {

struct Measured {
  uint64_t BodyMin = 0, BodyMax = 0, AroundMin = 0, AroundMax = 0;
  int BodyOver = 0, AroundOver = 0;
};

std::map<std::string, Measured> parse(const std::string &Out) {
  std::map<std::string, Measured> M;
  std::istringstream In(Out);
  std::string Name;
  Measured V;
  while (In >> Name >> V.BodyMin >> V.BodyMax >> V.AroundMin >> V.AroundMax >> V.BodyOver >>
         V.AroundOver)
    M[Name] = V;
  return M;
}

// The clock's conversion error (a calibrated TSC: a few ppm of 4 ms) stays well below 2 us.
constexpr uint64_t SlackNs = 2000;

// Lower bound: the body's own minimum, or for a body whose first interposed call captures a stack
// (the shim leaves that time out of the latency) the time the body is known to take at least.
void expectHonest(const json &R, const std::map<std::string, Measured> &M, const std::string &Name,
                  int Calls, uint64_t AtLeastNs = 0) {
  SCOPED_TRACE(Name);
  const json *S = scope(R, Name);
  ASSERT_NE(S, nullptr);
  ASSERT_EQ(M.count(Name), 1u);
  const Measured &P = M.at(Name);
  EXPECT_EQ(S->at("calls"), Calls);
  const json &L = S->at("latency_ns");
  EXPECT_GE(L.at("min").get<uint64_t>() + SlackNs, AtLeastNs ? AtLeastNs : P.BodyMin);
  EXPECT_LE(L.at("max").get<uint64_t>(), P.AroundMax + SlackNs);
  uint64_t Misses = S->at("deadline_misses").get<uint64_t>();
  EXPECT_GE(Misses, static_cast<uint64_t>(P.BodyOver));
  EXPECT_LE(Misses, static_cast<uint64_t>(P.AroundOver));
}

class TimingTest : public ShimTest, public ::testing::WithParamInterface<const char *> {};

TEST_P(TimingTest, LatencyLiesBetweenBodyAndAroundAndMissesAreCounted) {
  std::string Clock = GetParam();
  Result Run = run({RTCHECK_PROG_TIMING},
                   {{"RTCHECK_OPTIONS", "clock=" + Clock + ":report=" + Dir + "/r.json"}});
  ASSERT_TRUE(Run.exited(0)) << Run.Err;
  json R = report(Dir + "/r.json");
  ASSERT_FALSE(R.is_discarded());
  if (Clock == "monotonic") {
    EXPECT_EQ(R.at("clock"), "CLOCK_MONOTONIC");
  }
  auto M = parse(Run.Out);
  expectHonest(R, M, "timing.spin3", 20);
  expectHonest(R, M, "timing.spin1", 10);
  expectHonest(R, M, "timing.sleep4", 5, 4000000); // nanosleep sleeps at least what it is asked
  // Every 3 ms spin overruns its 2 ms budget, whatever the clock.
  EXPECT_EQ(scope(R, "timing.spin3")->at("deadline_misses"), 20);
  EXPECT_EQ(fn(*scope(R, "timing.sleep4"), "nanosleep"), 5u);
}

INSTANTIATE_TEST_SUITE_P(Clocks, TimingTest, ::testing::Values("tsc", "monotonic"));

} // namespace
