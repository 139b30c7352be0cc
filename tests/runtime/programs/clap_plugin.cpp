// A small CLAP plug-in library for the shim's tests (rt_clap_plugin.clap), loaded by rt_clap_host.
//   org.rtcheck.test.gain: an object whose first member is its clap_plugin_t; every function,
//     extensions included, casts the pointer it is given back to the object and stops the program
//     when it is not the one create_plugin returned; destroy() stops it when the struct does not
//     hold the plug-in's own functions again. process() multiplies by the gain and, on every
//     fourth block, goes through a heap scratch buffer (Gain::smooth); start_processing() allocates
//     a buffer that stop_processing() frees. Extensions: clap.params (one parameter, "gain", set by
//     events in flush or process) and clap.audio-ports (one stereo port each way).
//   org.rtcheck.test.fixed: one instance whose clap_plugin_t is a static const (read-only memory
//     after relocation); it copies its input.
// The factory alternates between two static factories on each init (both check the pointer they
// are called with), and a preset-discovery factory is exported as rt_clap_preset_factory so the
// host can check it is handed through unchanged.
#include "clap_abi.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#define EXPORT extern "C" __attribute__((visibility("default")))

namespace {

constexpr uint64_t kMagic = 0x7274636865636b21ull;
const char *const kFeatures[] = {"audio-effect", nullptr};

[[noreturn]] void identity_lost(const char *what) {
  std::fprintf(stderr, "rt_clap_plugin: %s called with a pointer it did not create\n", what);
  std::abort();
}

const clap_plugin_descriptor_t kGainDesc = {{1, 2, 0},
                                            "org.rtcheck.test.gain",
                                            "rtcheck test gain",
                                            "rtcheck",
                                            "",
                                            "",
                                            "",
                                            "1.0",
                                            "gain with an allocation on every fourth block",
                                            kFeatures};
const clap_plugin_descriptor_t kFixedDesc = {{1, 2, 0},
                                             "org.rtcheck.test.fixed",
                                             "rtcheck test fixed",
                                             "rtcheck",
                                             "",
                                             "",
                                             "",
                                             "1.0",
                                             "a plug-in struct in read-only memory",
                                             kFeatures};

void copy_audio(const clap_process_t *pr, uint32_t frames, double gain) {
  for (uint32_t c = 0; c < pr->audio_outputs[0].channel_count; c++)
    for (uint32_t i = 0; i < frames; i++)
      pr->audio_outputs[0].data32[c][i] = (float)(pr->audio_inputs[0].data32[c][i] * gain);
}

struct Gain {
  clap_plugin_t plugin; // first: the host's pointer is the object's
  uint64_t magic;
  const clap_host_t *host;
  double gain;
  uint32_t blocks;
  float *held; // from start_processing to stop_processing

  static Gain *self(const clap_plugin_t *p, const char *what) {
    Gain *g = reinterpret_cast<Gain *>(const_cast<clap_plugin_t *>(p));
    if (!p || g->magic != kMagic || p->plugin_data != g)
      identity_lost(what);
    return g;
  }

  void apply(const clap_input_events_t *in) {
    if (!in)
      return;
    for (uint32_t i = 0, n = in->size(in); i < n; i++) {
      const clap_event_header_t *h = in->get(in, i);
      if (h->space_id == RTCHECK_CLAP_CORE_EVENT_SPACE_ID &&
          h->type == RTCHECK_CLAP_EVENT_PARAM_VALUE)
        gain = reinterpret_cast<const clap_event_param_value_t *>(h)->value;
    }
  }

  // The allocation the tests look for: a scratch copy of the input, on the heap.
  __attribute__((noinline)) void smooth(const clap_process_t *pr, uint32_t frames) {
    std::vector<float> scratch(frames);
    for (uint32_t c = 0; c < pr->audio_outputs[0].channel_count; c++) {
      std::memcpy(scratch.data(), pr->audio_inputs[0].data32[c], frames * sizeof(float));
      for (uint32_t i = 0; i < frames; i++)
        pr->audio_outputs[0].data32[c][i] = (float)(scratch[i] * gain);
    }
  }

  clap_process_status process(const clap_process_t *pr) {
    apply(pr->in_events);
    if (blocks++ % 4 == 3)
      smooth(pr, pr->frames_count);
    else
      copy_audio(pr, pr->frames_count, gain);
    return RTCHECK_CLAP_PROCESS_CONTINUE;
  }
};

bool gain_init(const clap_plugin_t *p) { return Gain::self(p, "init") != nullptr; }
bool gain_activate(const clap_plugin_t *p, double rate, uint32_t, uint32_t);
clap_process_status gain_process(const clap_plugin_t *p, const clap_process_t *pr);
const void *gain_extension(const clap_plugin_t *p, const char *id);
void gain_destroy(const clap_plugin_t *p) {
  Gain *g = Gain::self(p, "destroy");
  // A host's wrapper must hand the struct back as the plug-in made it before it is freed.
  if (p->destroy != gain_destroy || p->process != gain_process || p->activate != gain_activate ||
      p->get_extension != gain_extension) {
    std::fprintf(stderr,
                 "rt_clap_plugin: destroy called on a struct that holds others' functions\n");
    std::abort();
  }
  g->magic = 0;
  delete g;
}
bool gain_activate(const clap_plugin_t *p, double rate, uint32_t, uint32_t) {
  return Gain::self(p, "activate") && rate > 0;
}
void gain_deactivate(const clap_plugin_t *p) { Gain::self(p, "deactivate"); }
bool gain_start(const clap_plugin_t *p) {
  Gain::self(p, "start_processing")->held = static_cast<float *>(std::malloc(64 * sizeof(float)));
  return true;
}
void gain_stop(const clap_plugin_t *p) {
  Gain *g = Gain::self(p, "stop_processing");
  std::free(g->held);
  g->held = nullptr;
}
void gain_reset(const clap_plugin_t *p) { Gain::self(p, "reset")->blocks = 0; }
clap_process_status gain_process(const clap_plugin_t *p, const clap_process_t *pr) {
  return Gain::self(p, "process")->process(pr);
}

uint32_t ports_count(const clap_plugin_t *p, bool) {
  return Gain::self(p, "audio-ports count") ? 1 : 0;
}
bool ports_get(const clap_plugin_t *p, uint32_t index, bool is_input,
               clap_audio_port_info_t *info) {
  Gain::self(p, "audio-ports get");
  if (index != 0)
    return false;
  info->id = is_input ? 0 : 1;
  std::snprintf(info->name, sizeof info->name, "%s", is_input ? "in" : "out");
  info->flags = 1; // main port
  info->channel_count = 2;
  info->port_type = "stereo";
  info->in_place_pair = RTCHECK_CLAP_INVALID_ID;
  return true;
}
const clap_plugin_audio_ports_t kPorts = {ports_count, ports_get};

uint32_t params_count(const clap_plugin_t *p) { return Gain::self(p, "params count") ? 1 : 0; }
bool params_info(const clap_plugin_t *p, uint32_t index, clap_param_info_t *info) {
  Gain::self(p, "params get_info");
  if (index != 0)
    return false;
  std::memset(info, 0, sizeof *info);
  std::snprintf(info->name, sizeof info->name, "gain");
  info->max_value = 2;
  info->default_value = 1;
  return true;
}
bool params_value(const clap_plugin_t *p, clap_id id, double *value) {
  *value = Gain::self(p, "params get_value")->gain;
  return id == 0;
}
bool params_to_text(const clap_plugin_t *p, clap_id, double value, char *out, uint32_t size) {
  Gain::self(p, "params value_to_text");
  return std::snprintf(out, size, "%.3f", value) > 0;
}
bool params_from_text(const clap_plugin_t *p, clap_id, const char *text, double *value) {
  Gain::self(p, "params text_to_value");
  *value = std::atof(text);
  return true;
}
void params_flush(const clap_plugin_t *p, const clap_input_events_t *in,
                  const clap_output_events_t *) {
  Gain::self(p, "params flush")->apply(in);
}
const clap_plugin_params_t kParams = {params_count,   params_info,      params_value,
                                      params_to_text, params_from_text, params_flush};

const void *gain_extension(const clap_plugin_t *p, const char *id) {
  Gain::self(p, "get_extension");
  if (std::strcmp(id, RTCHECK_CLAP_EXT_AUDIO_PORTS) == 0)
    return &kPorts;
  if (std::strcmp(id, RTCHECK_CLAP_EXT_PARAMS) == 0)
    return &kParams;
  return nullptr;
}
void gain_on_main_thread(const clap_plugin_t *p) { Gain::self(p, "on_main_thread"); }

const clap_plugin_t *create_gain(const clap_host_t *host) {
  Gain *g = new Gain{};
  g->plugin = {
      &kGainDesc, g,         gain_init,  gain_destroy, gain_activate,  gain_deactivate,
      gain_start, gain_stop, gain_reset, gain_process, gain_extension, gain_on_main_thread};
  g->magic = kMagic;
  g->host = host;
  g->gain = 1.0;
  return &g->plugin;
}

// --- The read-only plug-in ---------------------------------------------------------------------

bool fixed_in_use;
bool fixed_true(const clap_plugin_t *) { return true; }
void fixed_void(const clap_plugin_t *) {}
void fixed_destroy(const clap_plugin_t *) { fixed_in_use = false; }
bool fixed_activate(const clap_plugin_t *, double, uint32_t, uint32_t) { return true; }
clap_process_status fixed_process(const clap_plugin_t *, const clap_process_t *pr) {
  copy_audio(pr, pr->frames_count, 1.0);
  return RTCHECK_CLAP_PROCESS_CONTINUE;
}
const void *fixed_extension(const clap_plugin_t *, const char *) { return nullptr; }
const clap_plugin_t kFixed = {&kFixedDesc,    nullptr,       fixed_true,      fixed_destroy,
                              fixed_activate, fixed_void,    fixed_true,      fixed_void,
                              fixed_void,     fixed_process, fixed_extension, fixed_void};

// --- Factories and entry -----------------------------------------------------------------------

extern const clap_plugin_factory_t kFactoryA, kFactoryB;

void check_factory(const clap_plugin_factory_t *f) {
  if (f != &kFactoryA && f != &kFactoryB)
    identity_lost("the plug-in factory");
}
uint32_t factory_count(const clap_plugin_factory_t *f) {
  check_factory(f);
  return 2;
}
const clap_plugin_descriptor_t *factory_descriptor(const clap_plugin_factory_t *f, uint32_t index) {
  check_factory(f);
  return index == 0 ? &kGainDesc : index == 1 ? &kFixedDesc : nullptr;
}
const clap_plugin_t *factory_create(const clap_plugin_factory_t *f, const clap_host_t *host,
                                    const char *id) {
  check_factory(f);
  if (std::strcmp(id, kGainDesc.id) == 0)
    return create_gain(host);
  if (std::strcmp(id, kFixedDesc.id) == 0 && !fixed_in_use) {
    fixed_in_use = true;
    return &kFixed;
  }
  return nullptr;
}
const clap_plugin_factory_t kFactoryA = {factory_count, factory_descriptor, factory_create};
const clap_plugin_factory_t kFactoryB = {factory_count, factory_descriptor, factory_create};

unsigned inits, live_inits;
bool entry_init(const char *) {
  inits++;
  live_inits++;
  return true;
}
void entry_deinit() { live_inits--; }

} // namespace

// Another factory, which the host must get back unchanged.
struct preset_factory {
  uint32_t (*count)(const preset_factory *);
};
static uint32_t preset_count(const preset_factory *) { return 0; }
EXPORT const preset_factory rt_clap_preset_factory = {preset_count};

static const void *entry_get_factory(const char *id) {
  if (live_inits == 0)
    return nullptr;
  if (std::strcmp(id, RTCHECK_CLAP_PLUGIN_FACTORY_ID) == 0)
    return inits % 2 ? &kFactoryA : &kFactoryB;
  if (std::strcmp(id, "clap.preset-discovery-factory") == 0)
    return &rt_clap_preset_factory;
  return nullptr;
}

EXPORT const clap_plugin_entry_t clap_entry = {
    {1, 2, 0}, entry_init, entry_deinit, entry_get_factory};
