// The automatic-scope core (runtime/src/autoscope.c): the record pool and the name table, used
// from several registering threads at once (also built with ThreadSanitizer), and what the report
// learns from them.
#include "autoscope.h"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

TEST(AutoscopeCore, RecordsAreClaimedOnceAndReusedAfterRelease) {
  std::vector<rtcheck_autoscope *> Held;
  for (int I = 0; I < RTCHECK_AUTOSCOPE_RECORDS; ++I) {
    rtcheck_autoscope *R = rtcheck_autoscope_claim(RTCHECK_AS_jack_process, &Held, nullptr, &I);
    ASSERT_NE(R, nullptr) << "record " << I;
    EXPECT_TRUE(rtcheck_autoscope_owns(R));
    Held.push_back(R);
  }
  EXPECT_EQ(std::set<rtcheck_autoscope *>(Held.begin(), Held.end()).size(), Held.size());
  // Full: the registration goes through unwrapped.
  EXPECT_EQ(rtcheck_autoscope_claim(RTCHECK_AS_jack_process, &Held, nullptr, nullptr), nullptr);
  rtcheck_autoscope_release_owner(&Held, -1, Held[0]);
  rtcheck_autoscope *Again =
      rtcheck_autoscope_claim(RTCHECK_AS_pa_stream, nullptr, nullptr, nullptr);
  ASSERT_NE(Again, nullptr);
  EXPECT_EQ(Again->api, RTCHECK_AS_pa_stream);
  EXPECT_EQ(Again->name, nullptr);
  rtcheck_autoscope_release(Again);
  rtcheck_autoscope_release(Held[0]);
}

TEST(AutoscopeCore, ReleaseOwnerKeepsOtherOwnersAndApis) {
  int A = 0, B = 0;
  rtcheck_autoscope *ProcessA =
      rtcheck_autoscope_claim(RTCHECK_AS_jack_process, &A, nullptr, nullptr);
  rtcheck_autoscope *SyncA = rtcheck_autoscope_claim(RTCHECK_AS_jack_sync, &A, nullptr, nullptr);
  rtcheck_autoscope *ProcessB =
      rtcheck_autoscope_claim(RTCHECK_AS_jack_process, &B, nullptr, nullptr);
  rtcheck_autoscope_release_owner(&A, RTCHECK_AS_jack_process, nullptr);
  EXPECT_EQ(__atomic_load_n(&ProcessA->state, __ATOMIC_RELAXED), 0u);
  EXPECT_EQ(__atomic_load_n(&SyncA->state, __ATOMIC_RELAXED), 2u);
  EXPECT_EQ(__atomic_load_n(&ProcessB->state, __ATOMIC_RELAXED), 2u);
  rtcheck_autoscope_release_owner(&A, -1, nullptr);
  rtcheck_autoscope_release_owner(&B, -1, nullptr);
  EXPECT_EQ(__atomic_load_n(&SyncA->state, __ATOMIC_RELAXED), 0u);
  EXPECT_EQ(__atomic_load_n(&ProcessB->state, __ATOMIC_RELAXED), 0u);
}

TEST(AutoscopeCore, NamesAreStableAndCarryTheirRegistration) {
  const char *P = rtcheck_autoscope_intern("process (client)", RTCHECK_AS_jack_process, "x");
  std::string Copy = "process (client)";
  EXPECT_EQ(rtcheck_autoscope_intern(Copy.c_str(), RTCHECK_AS_jack_process, "x"), P);
  const char *Registration = nullptr, *Slot = nullptr;
  ASSERT_TRUE(rtcheck_autoscope_origin(P, &Registration, &Slot));
  EXPECT_STREQ(Registration, "jack_set_process_callback");
  EXPECT_STREQ(Slot, "argument 1");
  // A scope the program named itself is not an automatic one, even with the same text.
  EXPECT_FALSE(rtcheck_autoscope_origin(Copy.c_str(), &Registration, &Slot));
  std::string Long(400, 'n');
  EXPECT_EQ(std::strlen(rtcheck_autoscope_intern(Long.c_str(), RTCHECK_AS_lv2_run, "x")),
            RTCHECK_AUTOSCOPE_NAME_MAX - 1u);
}

TEST(AutoscopeCore, RegistrationFromSeveralThreads) {
  constexpr int Threads = 8, Rounds = 200;
  std::vector<std::thread> Pool;
  std::vector<const char *> Names(Threads);
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([T, &Names] {
      int Owner = 0;
      for (int I = 0; I < Rounds; ++I) {
        rtcheck_autoscope *R =
            rtcheck_autoscope_claim(RTCHECK_AS_jack_process, &Owner, nullptr, nullptr);
        ASSERT_NE(R, nullptr);
        R->name = rtcheck_autoscope_intern(("shared callback " + std::to_string(I % 4)).c_str(),
                                           RTCHECK_AS_jack_process, "x");
        if (I == 0)
          Names[T] = R->name;
        rtcheck_autoscope_release_owner(&Owner, -1, nullptr);
      }
    });
  for (std::thread &T : Pool)
    T.join();
  for (int T = 1; T < Threads; ++T)
    EXPECT_EQ(Names[T], Names[0]) << "one name for one text, whichever thread interned it";
}

TEST(AutoscopeCore, BudgetIsFramesOverRate) {
  EXPECT_EQ(rtcheck_autoscope_budget(256, 48000), 5333333u);
  EXPECT_EQ(rtcheck_autoscope_budget(1, 48000), 20833u);
  EXPECT_EQ(rtcheck_autoscope_budget(256, 0), 0u) << "unknown rate: no deadline";
}

} // namespace
