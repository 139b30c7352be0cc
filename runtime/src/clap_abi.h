/* The parts of the CLAP plug-in ABI (version 1.x, the C ABI published at
 * github.com/free-audio/clap) that the shim wraps and that the runtime tests' own host and plug-in
 * use: the entry point, the plug-in factory, the plug-in, a process call's arguments, the event
 * lists with the parameter value event, the host, and the `clap.params` and `clap.audio-ports`
 * extensions. Written from the specification's facts (field order and types; on x86-64 Linux
 * CLAP_ABI is the default calling convention), so the shim builds without the CLAP headers, which
 * Debian 12 does not ship. Not installed. */
#ifndef RTCHECK_CLAP_ABI_H
#define RTCHECK_CLAP_ABI_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t clap_id;

typedef struct clap_version {
  uint32_t major, minor, revision;
} clap_version_t;

/* What the plug-in library exports as the data symbol `clap_entry`. */
typedef struct clap_plugin_entry {
  clap_version_t clap_version;
  bool (*init)(const char *plugin_path);
  void (*deinit)(void);
  const void *(*get_factory)(const char *factory_id);
} clap_plugin_entry_t;

#define RTCHECK_CLAP_PLUGIN_FACTORY_ID "clap.plugin-factory"

typedef struct clap_plugin_descriptor {
  clap_version_t clap_version;
  const char *id; /* reverse-domain identifier, mandatory */
  const char *name;
  const char *vendor;
  const char *url;
  const char *manual_url;
  const char *support_url;
  const char *version;
  const char *description;
  const char *const *features; /* null-terminated */
} clap_plugin_descriptor_t;

typedef struct clap_event_header {
  uint32_t size; /* of the whole event */
  uint32_t time; /* frame offset in the block */
  uint16_t space_id;
  uint16_t type;
  uint32_t flags;
} clap_event_header_t;

#define RTCHECK_CLAP_CORE_EVENT_SPACE_ID 0
#define RTCHECK_CLAP_EVENT_PARAM_VALUE 5
#define RTCHECK_CLAP_INVALID_ID UINT32_MAX

typedef struct clap_event_param_value {
  clap_event_header_t header;
  clap_id param_id;
  void *cookie;
  int32_t note_id; /* -1: any */
  int16_t port_index, channel, key;
  double value;
} clap_event_param_value_t;

typedef struct clap_input_events {
  void *ctx;
  uint32_t (*size)(const struct clap_input_events *list);
  const clap_event_header_t *(*get)(const struct clap_input_events *list, uint32_t index);
} clap_input_events_t;

typedef struct clap_output_events {
  void *ctx;
  bool (*try_push)(const struct clap_output_events *list, const clap_event_header_t *event);
} clap_output_events_t;

typedef struct clap_audio_buffer {
  float **data32;
  double **data64;
  uint32_t channel_count;
  uint32_t latency;
  uint64_t constant_mask;
} clap_audio_buffer_t;

typedef struct clap_event_transport clap_event_transport_t; /* only passed through */

typedef struct clap_process {
  int64_t steady_time;
  uint32_t frames_count;
  const clap_event_transport_t *transport;
  const clap_audio_buffer_t *audio_inputs;
  clap_audio_buffer_t *audio_outputs;
  uint32_t audio_inputs_count;
  uint32_t audio_outputs_count;
  const clap_input_events_t *in_events;
  const clap_output_events_t *out_events;
} clap_process_t;

typedef int32_t clap_process_status;
enum {
  RTCHECK_CLAP_PROCESS_ERROR = 0,
  RTCHECK_CLAP_PROCESS_CONTINUE = 1,
};

typedef struct clap_host {
  clap_version_t clap_version;
  void *host_data;
  const char *name;
  const char *vendor;
  const char *url;
  const char *version;
  const void *(*get_extension)(const struct clap_host *host, const char *extension_id);
  void (*request_restart)(const struct clap_host *host);
  void (*request_process)(const struct clap_host *host);
  void (*request_callback)(const struct clap_host *host);
} clap_host_t;

/* Every function takes the plug-in pointer the host got from create_plugin. */
typedef struct clap_plugin {
  const clap_plugin_descriptor_t *desc;
  void *plugin_data;
  bool (*init)(const struct clap_plugin *plugin);
  void (*destroy)(const struct clap_plugin *plugin);
  bool (*activate)(const struct clap_plugin *plugin, double sample_rate, uint32_t min_frames_count,
                   uint32_t max_frames_count);
  void (*deactivate)(const struct clap_plugin *plugin);
  bool (*start_processing)(const struct clap_plugin *plugin);
  void (*stop_processing)(const struct clap_plugin *plugin);
  void (*reset)(const struct clap_plugin *plugin);
  clap_process_status (*process)(const struct clap_plugin *plugin, const clap_process_t *process);
  const void *(*get_extension)(const struct clap_plugin *plugin, const char *id);
  void (*on_main_thread)(const struct clap_plugin *plugin);
} clap_plugin_t;

typedef struct clap_plugin_factory {
  uint32_t (*get_plugin_count)(const struct clap_plugin_factory *factory);
  const clap_plugin_descriptor_t *(*get_plugin_descriptor)(
      const struct clap_plugin_factory *factory, uint32_t index);
  const clap_plugin_t *(*create_plugin)(const struct clap_plugin_factory *factory,
                                        const clap_host_t *host, const char *plugin_id);
} clap_plugin_factory_t;

#define RTCHECK_CLAP_EXT_PARAMS "clap.params"
#define RTCHECK_CLAP_NAME_SIZE 256
#define RTCHECK_CLAP_PATH_SIZE 1024

typedef struct clap_param_info {
  clap_id id;
  uint32_t flags;
  void *cookie;
  char name[RTCHECK_CLAP_NAME_SIZE];
  char module[RTCHECK_CLAP_PATH_SIZE];
  double min_value, max_value, default_value;
} clap_param_info_t;

typedef struct clap_plugin_params {
  uint32_t (*count)(const clap_plugin_t *plugin);
  bool (*get_info)(const clap_plugin_t *plugin, uint32_t param_index, clap_param_info_t *info);
  bool (*get_value)(const clap_plugin_t *plugin, clap_id param_id, double *value);
  bool (*value_to_text)(const clap_plugin_t *plugin, clap_id param_id, double value, char *display,
                        uint32_t size);
  bool (*text_to_value)(const clap_plugin_t *plugin, clap_id param_id, const char *display,
                        double *value);
  /* [active ? audio-thread : main-thread] */
  void (*flush)(const clap_plugin_t *plugin, const clap_input_events_t *in,
                const clap_output_events_t *out);
} clap_plugin_params_t;

#define RTCHECK_CLAP_EXT_AUDIO_PORTS "clap.audio-ports"

typedef struct clap_audio_port_info {
  clap_id id;
  char name[RTCHECK_CLAP_NAME_SIZE];
  uint32_t flags;
  uint32_t channel_count;
  const char *port_type;
  clap_id in_place_pair;
} clap_audio_port_info_t;

typedef struct clap_plugin_audio_ports {
  uint32_t (*count)(const clap_plugin_t *plugin, bool is_input);
  bool (*get)(const clap_plugin_t *plugin, uint32_t index, bool is_input,
              clap_audio_port_info_t *info);
} clap_plugin_audio_ports_t;

#ifdef __cplusplus
}
#endif
#endif /* RTCHECK_CLAP_ABI_H */
