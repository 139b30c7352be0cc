// Calls in unevaluated operands (sizeof, decltype, noexcept) and discarded `if constexpr` branches
// never run: no findings.
#include <rtcheck/realtime.h>
#include <stdlib.h>

template <bool Debug> unsigned checked(unsigned n) {
  if constexpr (Debug)
    free(malloc(n));
  return n;
}

RTCHECK_REALTIME(audio) unsigned process(unsigned n) {
  unsigned a = sizeof(new int);
  using P = decltype(malloc(n));
  bool b = noexcept(new int);
  return a + static_cast<unsigned>(b) + checked<false>(n) + sizeof(P);
}
