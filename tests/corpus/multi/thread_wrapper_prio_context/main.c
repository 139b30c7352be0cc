/* #10 context-sensitive flow through a thread wrapper: only the functions given with a priority above 0 (directly or through a second wrapper) reach the raised thread's `info->func`; those given with priority 0 run on normal threads. */
#include "app_thread.h"
#include <stdio.h>
#include <stdlib.h>

static void audio_run(void *data) {
  free(malloc(64)); // expect: alloc
  (void)data;
}

static void shell_run(void *data) {
  free(malloc(64)); /* priority 0: a normal thread */
  (void)data;
}

static void rt_worker(void *data) {
  free(malloc(32)); // expect: alloc
  (void)data;
}

static void disk_worker(void *data) {
  free(malloc(32)); /* priority 0 through start_worker */
  (void)data;
}

static void unknown_prio(void *data) {
  free(malloc(16)); // expect: alloc
  (void)data;
}

int main(int argc, char **argv) {
  (void)argv;
  new_app_thread(audio_run, NULL, 70);
  new_app_thread(shell_run, NULL, 0);
  start_worker(rt_worker, 50);
  start_worker(disk_worker, 0);
  new_app_thread(unknown_prio, NULL, argc); /* not a constant: may be raised */
  return 0;
}
