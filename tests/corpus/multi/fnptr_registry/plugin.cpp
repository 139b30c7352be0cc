// Handlers whose address is taken here (registered); their bodies are the sites.
#include "registry.h"
#include <stdio.h>
#include <stdlib.h>

static void print_note(int note, float velocity) {
  printf("%d %f\n", note, velocity);  // expect: syscall
}

static void store_note(int note, float velocity) {
  int *slot = static_cast<int *>(malloc(sizeof(int)));  // expect: alloc
  *slot = note + static_cast<int>(velocity);
}

static void never_registered(int note, float velocity) {
  printf("unused %d %f\n", note, velocity);
}

void plugin_init() {
  registry_add(print_note);
  registry_add(store_note);
}

void plugin_debug(int note) { never_registered(note, 0.0f); }
