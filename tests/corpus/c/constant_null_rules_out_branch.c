/* #10 causes (4): a NULL constant argument rules out the branch guarded by it (LV2 eg-params: run() calls store_prop(self, NULL, ...), so the map_path->abstract_path and free(apath) branch cannot run on the audio thread). */
// compile-flags: -std=gnu11
#include <rtcheck/realtime.h>
#include <stdlib.h>
#include <string.h>

struct path_mapper {
  char *(*abstract_path)(void *handle, const char *path);
  void *handle;
};

static char g_out[256];

static void store(const struct path_mapper *map_path, const char *value) {
  if (map_path) {
    char *apath = map_path->abstract_path(map_path->handle, value);
    strncpy(g_out, apath, sizeof g_out - 1);
    free(apath);
  } else {
    strncpy(g_out, value, sizeof g_out - 1);
  }
}

static char *mapper_impl(void *handle, const char *path) {
  (void)handle;
  return strdup(path);
}

static struct path_mapper g_mapper = {mapper_impl, 0};

void save_state(const char *v) { store(&g_mapper, v); }

RTCHECK_REALTIME(audio) void run(const char *v) { store(NULL, v); }
