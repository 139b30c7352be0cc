/* The application's audio layer: two wrappers between main() and JACK. */
#ifndef FNPTR_FLOW_WRAPPER_CHAIN_AUDIO_H
#define FNPTR_FLOW_WRAPPER_CHAIN_AUDIO_H
#include <jack_decls.h>

typedef int (*app_process_fn)(jack_nframes_t n, void *arg);

int start_audio(app_process_fn fn, void *arg);
int install_callback(app_process_fn fn, void *arg);
void set_idle_handler(app_process_fn fn);

#endif
