/* A thread whose start routine raises itself through a helper (sched_setscheduler(0, SCHED_FIFO) as FluidSynth's fluid_thread_self_set_prio does with pthread_setschedparam) is a real-time root; a thread that never raises itself is not. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

static volatile int g_running = 1;

static void make_realtime(int prio) {
  struct sched_param p = {.sched_priority = prio};
  sched_setscheduler(0, SCHED_FIFO, &p);
}

static void *midi_thread(void *arg) {
  (void)arg;
  make_realtime(70);
  while (g_running)
    puts("midi event"); // expect: syscall
  return NULL;
}

static void *disk_thread(void *arg) {
  (void)arg;
  while (g_running)
    free(malloc(64));
  return NULL;
}

int main(void) {
  pthread_t midi, disk;
  pthread_create(&midi, NULL, midi_thread, NULL);
  pthread_create(&disk, NULL, disk_thread, NULL);
  pthread_join(midi, NULL);
  pthread_join(disk, NULL);
  return 0;
}
