/* C: a JACK process callback registered with jack_set_process_callback is a root (audio). */
#include <jack_decls.h>
#include <pthread.h>

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;

static int process(jack_nframes_t nframes, void *arg) {
  pthread_mutex_lock(&g_mu); // expect: lock
  (void)nframes;
  (void)arg;
  pthread_mutex_unlock(&g_mu); // expect: lock
  return 0;
}

int activate(jack_client_t *client) {
  pthread_mutex_lock(&g_mu);
  pthread_mutex_unlock(&g_mu);
  return jack_set_process_callback(client, process, 0);
}
