/* C: a call to a declared-only function with no rule is an unknown finding. */
#include <opaque.h>
#include <rtcheck/realtime.h>

extern int hal_read_adc(int channel);

RTCHECK_REALTIME(firmware_isr) int on_adc(int channel) {
  corpus_opaque(channel); // expect: unknown
  return hal_read_adc(channel); // expect: unknown
}
