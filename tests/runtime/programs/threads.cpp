// 8 threads x 10^6 allocations inside scopes: the report's totals must be exact.
#include <rtcheck/realtime.h>

#include <cstdlib>
#include <thread>
#include <vector>

int main() {
  constexpr int Threads = 8, Scopes = 1000, PerScope = 1000;
  std::vector<std::thread> Pool;
  for (int T = 0; T < Threads; ++T)
    Pool.emplace_back([] {
      for (int S = 0; S < Scopes; ++S) {
        RTCHECK_SCOPE("threads.worker", 0);
        for (int I = 0; I < PerScope; ++I) {
          void *volatile P = std::malloc(16);
          std::free(P);
        }
      }
    });
  for (std::thread &T : Pool)
    T.join();
  return 0;
}
