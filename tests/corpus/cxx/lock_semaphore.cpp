// POSIX semaphore wait/post are lock findings.
#include <rtcheck/realtime.h>
#include <semaphore.h>

sem_t g_frames_ready;

RTCHECK_REALTIME(audio) void process() {
  sem_post(&g_frames_ready);  // expect: lock
  sem_wait(&g_frames_ready);  // expect: lock
}
