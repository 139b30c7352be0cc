/* Declaration-only subset of CLAP 1.1 (clap/plugin.h, clap/process.h, clap/ext/params.h,
 * clap/entry.h): the plugin and params-extension vtables as plain function-pointer structs. */
#ifndef CLAP_CLAP_H
#define CLAP_CLAP_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CLAP_ABI
#define CLAP_EXPORT __attribute__((visibility("default")))
#define CLAP_EXT_PARAMS "clap.params"

typedef int32_t clap_process_status;
enum { CLAP_PROCESS_ERROR = 0, CLAP_PROCESS_CONTINUE = 1, CLAP_PROCESS_SLEEP = 4 };

typedef struct clap_audio_buffer {
  float **data32;
  double **data64;
  uint32_t channel_count;
  uint32_t latency;
  uint64_t constant_mask;
} clap_audio_buffer_t;

typedef struct clap_input_events {
  void *ctx;
  uint32_t(CLAP_ABI *size)(const struct clap_input_events *list);
} clap_input_events_t;
typedef struct clap_output_events {
  void *ctx;
} clap_output_events_t;

typedef struct clap_process {
  int64_t steady_time;
  uint32_t frames_count;
  const void *transport;
  const clap_audio_buffer_t *audio_inputs;
  clap_audio_buffer_t *audio_outputs;
  uint32_t audio_inputs_count;
  uint32_t audio_outputs_count;
  const clap_input_events_t *in_events;
  const clap_output_events_t *out_events;
} clap_process_t;

typedef struct clap_plugin_descriptor {
  const char *id;
  const char *name;
} clap_plugin_descriptor_t;

typedef struct clap_plugin {
  const clap_plugin_descriptor_t *desc;
  void *plugin_data;
  bool(CLAP_ABI *init)(const struct clap_plugin *plugin);
  void(CLAP_ABI *destroy)(const struct clap_plugin *plugin);
  bool(CLAP_ABI *activate)(const struct clap_plugin *plugin, double sample_rate, uint32_t min_frames_count,
                           uint32_t max_frames_count);
  void(CLAP_ABI *deactivate)(const struct clap_plugin *plugin);
  bool(CLAP_ABI *start_processing)(const struct clap_plugin *plugin);
  void(CLAP_ABI *stop_processing)(const struct clap_plugin *plugin);
  void(CLAP_ABI *reset)(const struct clap_plugin *plugin);
  clap_process_status(CLAP_ABI *process)(const struct clap_plugin *plugin, const clap_process_t *process);
  const void *(CLAP_ABI *get_extension)(const struct clap_plugin *plugin, const char *id);
  void(CLAP_ABI *on_main_thread)(const struct clap_plugin *plugin);
} clap_plugin_t;

typedef struct clap_plugin_params {
  uint32_t(CLAP_ABI *count)(const clap_plugin_t *plugin);
  bool(CLAP_ABI *get_value)(const clap_plugin_t *plugin, uint32_t param_id, double *out_value);
  void(CLAP_ABI *flush)(const clap_plugin_t *plugin, const clap_input_events_t *in,
                        const clap_output_events_t *out);
} clap_plugin_params_t;

typedef struct clap_host clap_host_t;

typedef struct clap_plugin_factory {
  uint32_t(CLAP_ABI *get_plugin_count)(const struct clap_plugin_factory *factory);
  const clap_plugin_t *(CLAP_ABI *create_plugin)(const struct clap_plugin_factory *factory,
                                                 const clap_host_t *host, const char *plugin_id);
} clap_plugin_factory_t;

typedef struct clap_version {
  uint32_t major, minor, revision;
} clap_version_t;

typedef struct clap_plugin_entry {
  clap_version_t clap_version;
  bool(CLAP_ABI *init)(const char *plugin_path);
  void(CLAP_ABI *deinit)(void);
  const void *(CLAP_ABI *get_factory)(const char *factory_id);
} clap_plugin_entry_t;

#ifdef __cplusplus
}
#endif

#endif
