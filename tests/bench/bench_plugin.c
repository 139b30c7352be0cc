/* A LADSPA plug-in whose run does nothing: BM_WrappedPluginRun (bench_runtime.cpp) measures what
 * the shim adds to a callback it wraps (the trampoline and the scope around the plug-in's run). */
#include <ladspa.h>

#include <stddef.h>

static int instance;

static LADSPA_Handle instantiate(const LADSPA_Descriptor *d, unsigned long rate) {
  (void)d;
  (void)rate;
  return &instance;
}
static void connect_port(LADSPA_Handle h, unsigned long port, LADSPA_Data *data) {
  (void)h;
  (void)port;
  (void)data;
}
static void run(LADSPA_Handle h, unsigned long frames) {
  __asm__ volatile("" : : "r"(h), "r"(frames) : "memory");
}
static void cleanup(LADSPA_Handle h) { (void)h; }

static const LADSPA_Descriptor descriptor = {
    .UniqueID = 4242,
    .Label = "bench_empty",
    .Properties = LADSPA_PROPERTY_HARD_RT_CAPABLE,
    .Name = "rtcheck benchmark: empty run",
    .Maker = "rtcheck",
    .Copyright = "None",
    .PortCount = 0,
    .instantiate = instantiate,
    .connect_port = connect_port,
    .run = run,
    .cleanup = cleanup,
};

__attribute__((visibility("default"))) const LADSPA_Descriptor *
ladspa_descriptor(unsigned long index) {
  return index == 0 ? &descriptor : NULL;
}
