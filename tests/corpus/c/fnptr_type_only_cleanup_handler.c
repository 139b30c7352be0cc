/* #10 causes (1): a stream's finished-callback field void (*)(void *) reaches only what is stored into that field, not a same-typed thread cleanup handler stored elsewhere (PortAudio: streamFinishedCallback resolved to ALSA's OnExit -> AlsaStop). */
#include <pthread.h>
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

typedef void (*finished_fn)(void *);

struct stream {
  finished_fn finished;
  void *user;
};

static void user_finished(void *user) {
  (void)user;
  puts("stream finished"); // expect: syscall
}

static void thread_cleanup(void *arg) {
  free(arg); /* never stored into stream::finished */
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&m);
}

static finished_fn g_cleanup_handlers[] = {thread_cleanup};

static struct stream g_stream;

void open_stream(void) { g_stream.finished = user_finished; }

void *worker_main(void *arg) {
  g_cleanup_handlers[0](arg);
  return NULL;
}

RTCHECK_REALTIME(audio) void process(void) {
  if (g_stream.finished)
    g_stream.finished(g_stream.user);
}
