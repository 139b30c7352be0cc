// Stores handlers and calls them through the pointer; the call itself is not a site.
#include "registry.h"

static NoteHandler g_handlers[8];
static int g_count;

void registry_add(NoteHandler h) {
  if (g_count < 8)
    g_handlers[g_count++] = h;
}

void registry_dispatch(int note, float velocity) {
  for (int i = 0; i < g_count; ++i)
    g_handlers[i](note, velocity);
}
