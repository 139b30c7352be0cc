// A local of a user class with an implicit destructor destroys its std::vector member: the site is
// the member's declaration line (as for members destroyed by a user destructor).
#include <rtcheck/realtime.h>
#include <vector>

struct Holder {
  int id = 0;
  std::vector<int> items;  // expect: alloc
};

RTCHECK_REALTIME(audio) int process() {
  Holder local;
  return local.id;
}
