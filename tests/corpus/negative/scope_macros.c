/* The C scope macros (weak rtcheck_scope_begin/end, trusted) produce no findings. */
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(firmware_task) void on_tick(int *counter) {
  RTCHECK_SCOPE_BEGIN("fw.tick", 1000000);
  ++*counter;
  RTCHECK_SCOPE_END();
}
