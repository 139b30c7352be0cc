/* FreeRTOS calls its application hooks by name, with no registration: vApplicationTickHook runs in the tick interrupt (firmware-isr: only the FromISR API), vApplicationIdleHook in the idle task, which must never block (firmware-task); the error hooks are not real-time. */
#include <stdio.h>
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"
#include "freertos/task.h"

static SemaphoreHandle_t s_sem;
static volatile uint32_t s_ticks;

void vApplicationTickHook(void) {
  BaseType_t woken = pdFALSE;
  s_ticks++;
  xSemaphoreGiveFromISR(s_sem, &woken);
  xSemaphoreGive(s_sem); // expect: lock
  printf("tick\n"); // expect: syscall
}

void vApplicationIdleHook(void) {
  void *scratch = pvPortMalloc(16); // expect: alloc
  vPortFree(scratch); // expect: alloc
  vTaskDelay(1); // expect: syscall
}

void vApplicationMallocFailedHook(void) {
  printf("malloc failed\n");
}

int main(void) {
  s_sem = xSemaphoreCreateBinary();
  for (;;) {
  }
}
