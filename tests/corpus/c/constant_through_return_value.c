/* #10 (newcode): a constant a callee returns under its caller's constants decides the caller's guards (LV2 eg-params: run() calls save(..., features = NULL), where map_path = lv2_features_data(NULL, uri) is NULL, so store_prop's map_path branch cannot run); a callee that may return something else keeps the branch. */
// compile-flags: -std=gnu11
#include <rtcheck/realtime.h>
#include <stdlib.h>
#include <string.h>

#include "opaque.h"

struct feature {
  const char *uri;
  void *data;
};

struct path_mapper {
  char *(*abstract_path)(void *handle, const char *path);
  void *handle;
};

static char g_out[256];
extern int g_mode;

/* NULL on every path when features is NULL (lv2_features_data). */
static void *features_data(const struct feature *const *features, const char *uri) {
  if (features) {
    for (const struct feature *const *f = features; *f; ++f)
      if (!strcmp(uri, (*f)->uri))
        return (*f)->data;
  }
  return NULL;
}

static void store(const struct path_mapper *map_path, const char *value) {
  if (map_path) {
    char *apath = map_path->abstract_path(map_path->handle, value);
    strncpy(g_out, apath, sizeof g_out - 1);
    free(apath);
  } else {
    strncpy(g_out, value, sizeof g_out - 1);
  }
}

static void save(const struct feature *const *features, const char *value) {
  struct path_mapper *map_path = (struct path_mapper *)features_data(features, "map");
  store(map_path, value);
}

/* The result tested directly in the caller's own condition, one level deeper. */
static int enabled(void) { return 0; }
static int enabled_twice(void) { return enabled(); }

/* Not a constant on every path: the branch it guards stays live. */
static int sometimes(void) {
  if (g_mode)
    return 1;
  return 0;
}

/* Returns its argument: a constant passed in comes back out. */
static int identity(int x) { return x; }

/* Through a pointer: not followed, the branch stays live. */
static int (*g_query)(void) = enabled;

RTCHECK_REALTIME(audio) void run(const char *v) {
  save(NULL, v);
  if (enabled_twice())
    free(malloc(1));
  if (identity(0))
    free(malloc(2));
  if (identity(g_mode))
    free(malloc(3)); // expect: alloc
  if (sometimes())
    free(malloc(4)); // expect: alloc
  int changed = enabled();
  changed += g_mode;
  if (changed)
    free(malloc(7)); // expect: alloc
  if (g_query())
    free(malloc(5)); // expect: alloc
  if (corpus_opaque_query()) // expect: unknown
    free(malloc(6)); // expect: alloc
}

