/* #10 causes (7, rules): CLAP's event lists (clap_input_events size/get, clap_output_events try_push: [audio-thread] in clap/events.h) and clap_host.request_restart ([thread-safe]) are host functions the plugin may call from process(); DPF's CLAP wrapper had 7 `indirect` findings from them. The stand-in clap.h has only size(); the real header's get/try_push need the same rule. */
#include <clap/clap.h>
#include <stdlib.h>

static float *g_scratch;

static clap_process_status my_process(const clap_plugin_t *plugin, const clap_process_t *process) {
  (void)plugin;
  const uint32_t count = process->in_events->size(process->in_events);
  (void)count;
  if (!g_scratch)
    g_scratch = malloc(process->frames_count * sizeof(float)); // expect: alloc
  return CLAP_PROCESS_CONTINUE;
}

void install(clap_plugin_t *p) { p->process = my_process; }
