/* #10 causes (4): snprintf into a fixed buffer with a constant format without width/precision, positional arguments, %ls or %f cannot reach glibc's malloc cases named by the rule (LV2 eg-params unmap fallback "%u"; fluidsynth's log); a format with a large width still can. */
#include <rtcheck/realtime.h>
#include <stdio.h>

static char g_buf[32];

RTCHECK_REALTIME(audio) void format_urid(unsigned urid) {
  snprintf(g_buf, sizeof g_buf, "%u", urid);
  snprintf(g_buf, sizeof g_buf, "%9000u", urid); // expect: alloc
}
