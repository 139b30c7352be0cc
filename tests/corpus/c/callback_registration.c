/* C: a callback stored through a registration function is reached when the root calls the pointer. */
#include <rtcheck/realtime.h>
#include <unistd.h>

typedef void (*tick_cb)(void *ctx);

static tick_cb g_cb;
static void *g_ctx;

void register_tick(tick_cb cb, void *ctx) {
  g_cb = cb;
  g_ctx = ctx;
}

static void blink(void *ctx) {
  (void)ctx;
  write(1, "*", 1); // expect: syscall
}

void setup(void) { register_tick(blink, 0); }

RTCHECK_REALTIME(firmware_task) void on_tick(void) {
  if (g_cb)
    g_cb(g_ctx);
}
