/* #9 entries: a thread the program starts itself with SCHED_FIFO in its attributes (pthread_attr_setschedpolicy) is a real-time root (ALSA/OSS back-ends of RtAudio, PortAudio). */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

static volatile int g_running = 1;
static float *g_buf;

static void *audio_thread(void *arg) {
  (void)arg;
  while (g_running) {
    if (!g_buf)
      g_buf = malloc(4096); // expect: alloc
    printf("period\n"); // expect: syscall
  }
  return NULL;
}

static void *log_thread(void *arg) {
  (void)arg;
  printf("ordinary thread, not real-time\n");
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  struct sched_param param = {.sched_priority = 70};
  pthread_attr_init(&attr);
  pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
  pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
  pthread_attr_setschedparam(&attr, &param);
  pthread_t rt, other;
  pthread_create(&rt, &attr, audio_thread, NULL);
  pthread_create(&other, NULL, log_thread, NULL);
  pthread_join(rt, NULL);
  pthread_join(other, NULL);
  return 0;
}
