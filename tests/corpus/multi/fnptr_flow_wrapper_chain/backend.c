/* The inner wrapper: a local copy of its parameter reaches the registration API. */
#include "audio.h"

static jack_client_t *g_client;

int install_callback(app_process_fn fn, void *arg) {
  app_process_fn chosen = fn;
  return jack_set_process_callback(g_client, chosen, arg);
}
