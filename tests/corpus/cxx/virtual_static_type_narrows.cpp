// Class-hierarchy analysis starts at the static type: a call through Left* never reaches Right's override.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

struct Shape {
  virtual ~Shape() = default;
  virtual void draw() = 0;
};

struct Left : Shape {
  void draw() override {
    free(malloc(1));  // expect: alloc
  }
};

struct Right : Shape {
  void draw() override { puts("right"); }
};

RTCHECK_REALTIME(audio) void process(Left *l) {
  l->draw();
}

void offline(Shape *s) { s->draw(); }
