// A std::string temporary built from a long literal allocates (and may throw) on the full-expression's line.
#include <rtcheck/realtime.h>
#include <string>

static unsigned length_of(const std::string &s) { return static_cast<unsigned>(s.size()); }

RTCHECK_REALTIME(audio) unsigned process() {
  unsigned n = 0;
  n += length_of(std::string("this literal does not fit the small string buffer"));  // expect: alloc
  return n;
}
