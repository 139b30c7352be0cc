// __attribute__((nonblocking)) is the GNU spelling of the nonblocking root marker.
#include <stdio.h>

void render(int n) __attribute__((nonblocking)) {
  printf("%d\n", n);  // expect: syscall
}

void prepare(int n) {
  printf("%d\n", n);
}
