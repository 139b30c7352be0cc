/* PipeWire: pw_data_loop_invoke runs its spa_invoke_func_t "in the context of the thread" of the data loop, i.e. in the real-time thread that also runs the process events; the invoked function is therefore an audio root. */
// compile-flags: -std=gnu11 -I/usr/include/pipewire-0.3 -I/usr/include/spa-0.2 -D_REENTRANT
#include <pipewire/data-loop.h>
#include <pipewire/pipewire.h>
#include <stdlib.h>

struct settings {
  float gain;
  float *table;
};

static struct settings g_rt_settings;

static int apply_settings(struct spa_loop *loop, bool async, uint32_t seq, const void *data, size_t size,
                          void *user_data) {
  (void)loop, (void)async, (void)seq, (void)size, (void)user_data;
  const struct settings *s = data;
  g_rt_settings.gain = s->gain;
  g_rt_settings.table = realloc(g_rt_settings.table, 1024 * sizeof(float)); // expect: alloc
  return 0;
}

void set_gain(struct pw_data_loop *dl, float gain) {
  struct settings s = {.gain = gain};
  pw_data_loop_invoke(dl, apply_settings, 0, &s, sizeof s, false, NULL);
}
