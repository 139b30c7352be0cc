// C++ constructs inside scopes: operator new/delete, arrays, std::mutex, an exception thrown and
// caught inside a scope. Built twice: with the shared libstdc++ and with -static-libstdc++.
#include <rtcheck/realtime.h>

#include <cstdio>
#include <mutex>
#include <stdexcept>

int main() {
  for (int I = 0; I < 3; ++I) {
    RTCHECK_SCOPE("cxx.new", 0);
    int *volatile X = new int(I);
    delete X;
  }
  for (int I = 0; I < 3; ++I) {
    RTCHECK_SCOPE("cxx.array", 0);
    int *volatile A = new int[8];
    delete[] A;
  }
  std::mutex Mu;
  for (int I = 0; I < 3; ++I) {
    RTCHECK_SCOPE("cxx.mutex", 0);
    std::lock_guard<std::mutex> Lock(Mu);
  }
  int Caught = 0;
  for (int I = 0; I < 3; ++I) {
    try {
      RTCHECK_SCOPE("cxx.throw", 0);
      throw std::runtime_error("x");
    } catch (const std::exception &) {
      ++Caught;
    }
  }
  std::printf("caught %d\n", Caught);
  return Caught == 3 ? 0 : 1;
}
