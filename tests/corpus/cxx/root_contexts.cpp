// Every context spelling marks a root: audio, camera, firmware_task, firmware_isr and a user one.
#include <rtcheck/realtime.h>
#include <stdlib.h>
#include <unistd.h>

void *g_mem;

RTCHECK_REALTIME(audio) void on_audio() {
  g_mem = malloc(1);  // expect: alloc
}

RTCHECK_REALTIME(camera) void on_frame() {
  usleep(1);  // expect: syscall
}

RTCHECK_REALTIME(firmware_task) void on_tick() {
  free(g_mem);  // expect: alloc
}

RTCHECK_REALTIME(firmware_isr) void on_irq() {
  g_mem = calloc(1, 1);  // expect: alloc
}

RTCHECK_REALTIME(motor_control) void on_control() {
  sleep(1);  // expect: syscall
}
