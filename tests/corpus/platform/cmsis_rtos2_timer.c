/* CMSIS-RTOS2: an unannotated osTimerNew callback runs in the timer thread (firmware-task): blocking acquires and delays are reported, zero-timeout operations and releases are not. */
#include "cmsis_os2.h"

static osMutexId_t s_mutex;
static osSemaphoreId_t s_sem;
static osMessageQueueId_t s_queue;
static osThreadId_t s_worker;

static void on_timer(void *argument) {
  uint32_t sample = (uint32_t)(uintptr_t)argument + osKernelGetTickCount();
  if (osSemaphoreAcquire(s_sem, 0) == osOK)
    osSemaphoreRelease(s_sem);
  osMessageQueuePut(s_queue, &sample, 0, 0);
  osThreadFlagsSet(s_worker, 1u);
  osMutexAcquire(s_mutex, osWaitForever); // expect: lock
  osMutexRelease(s_mutex);
  osMessageQueuePut(s_queue, &sample, 0, 10); // expect: lock
  osDelay(2); // expect: syscall
}

void start_sampling(void) {
  s_mutex = osMutexNew(NULL);
  s_sem = osSemaphoreNew(1, 1, NULL);
  s_queue = osMessageQueueNew(8, sizeof(uint32_t), NULL);
  osTimerId_t t = osTimerNew(on_timer, osTimerPeriodic, NULL, NULL);
  osTimerStart(t, 10);
}
