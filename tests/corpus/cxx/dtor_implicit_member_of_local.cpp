// A local of a user class with a compiler-generated destructor frees its std::vector member: the
// site is the local's declaration (the generated destructor is not code the user wrote).
#include <rtcheck/realtime.h>
#include <vector>

struct Holder {
  int id = 0;
  std::vector<int> items;
};

RTCHECK_REALTIME(audio) int process() {
  Holder local;  // expect: alloc
  return local.id;
}
