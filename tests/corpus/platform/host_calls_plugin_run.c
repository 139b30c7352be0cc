/* #10 causes (7, rules): a host's calls into the plugin through LV2_Descriptor::run / connect_port (jalv via lilv_instance_run) and the worker's end_run are the plugin's real-time entries by contract: no `indirect` finding when no target is in the program (jalv: 3 of 20 findings; fluidsynth's LADSPA run likewise). */
// compile-flags: -std=gnu11
#include <lv2/core/lv2.h>
#include <lv2/worker/worker.h>
#include <jack_decls.h>

struct host {
  const LV2_Descriptor *desc;
  LV2_Handle handle;
  const LV2_Worker_Interface *worker;
  float buf[1024];
};

static int process(jack_nframes_t n, void *arg) {
  struct host *h = (struct host *)arg;
  h->desc->connect_port(h->handle, 0, h->buf);
  h->desc->run(h->handle, n);
  if (h->worker && h->worker->end_run)
    h->worker->end_run(h->handle);
  return 0;
}

int host_start(jack_client_t *client, struct host *h) { return jack_set_process_callback(client, process, h); }
