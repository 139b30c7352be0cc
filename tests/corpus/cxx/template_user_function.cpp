// Sites inside a user function template are on the template's lines, once for all reachable instantiations.
#include <rtcheck/realtime.h>
#include <stdio.h>

template <typename T> T *spawn() {
  return new T();  // expect: alloc
}

template <typename T> void report(T value) {
  printf("%d\n", static_cast<int>(value));  // expect: syscall
}

template <typename T> void only_offline(T value) {
  puts(value ? "yes" : "no");
}

void offline() { only_offline(true); }

RTCHECK_REALTIME(audio) void process() {
  int *a = spawn<int>();
  float *b = spawn<float>();
  report(*a);
  report(*b);
}
