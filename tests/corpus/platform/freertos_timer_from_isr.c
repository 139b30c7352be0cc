/* FreeRTOS 10.x (ESP-IDF v5): xTimerStartFromISR/xTimerStopFromISR are documented interrupt-safe, although they expand to xTimerGenericCommand with a *_FROM_ISR command and no block time. */
#include <rtcheck/realtime.h>
#include "freertos/FreeRTOS.h"
#include "freertos/timers.h"

static TimerHandle_t s_debounce;

RTCHECK_REALTIME(firmware-isr) void button_irq(void *arg) {
  (void)arg;
  BaseType_t woken = pdFALSE;
  xTimerStartFromISR(s_debounce, &woken);
  xTimerStopFromISR(s_debounce, &woken);
  xTimerStart(s_debounce, 0); // expect: lock
  portYIELD_FROM_ISR(woken);
}
