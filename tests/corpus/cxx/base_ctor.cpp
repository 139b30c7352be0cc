// Base constructors run for derived objects, explicit (`: Base(n)`) or implicit: sites in base bodies.
#include <new>
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

struct Allocating {
  explicit Allocating(unsigned n) {
    mem = malloc(n);  // expect: alloc
  }
  void *mem;
};

struct Announcing {
  Announcing() {
    puts("constructed");  // expect: syscall
  }
};

struct Node : Allocating, Announcing {
  Node() : Allocating(32) {}
};

alignas(Node) unsigned char g_storage[sizeof(Node)];

RTCHECK_REALTIME(audio) void process() {
  new (g_storage) Node();
}
