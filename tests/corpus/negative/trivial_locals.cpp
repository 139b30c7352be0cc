// Trivially destructible locals, arrays and aggregates generate no constructor/destructor findings.
#include <rtcheck/realtime.h>

struct Frame {
  float left;
  float right;
};

struct Accum {
  Accum() = default;
  float total = 0.0f;
  void add(const Frame &f) { total += f.left + f.right; }
};

RTCHECK_REALTIME(audio) float process(const Frame *in, int n) {
  Frame tmp[64];
  Accum acc;
  for (int i = 0; i < n && i < 64; ++i) {
    tmp[i] = in[i];
    acc.add(tmp[i]);
  }
  return acc.total;
}
