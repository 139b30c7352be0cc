// A call a->init() through an A* where A inherits init() from Base reaches Base::init and the overrides below A, never the override of a sibling class that is no A.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

static int g_count;
static void *g_buf;

struct Base {
  virtual ~Base() = default;
  virtual void init() { ++g_count; }
};

struct A : Base {};

struct ADerived : A {
  void init() override {
    g_buf = malloc(16); // expect: alloc
  }
};

struct Sibling : Base {
  void init() override { puts("sibling is no A"); }
};

RTCHECK_REALTIME(audio) void process(A *a) { a->init(); }

void offline(Base *b) { b->init(); }
