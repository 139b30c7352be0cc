/* The outer wrapper: passes its parameter on. */
#include "audio.h"

static app_process_fn g_idle;

void set_idle_handler(app_process_fn fn) { g_idle = fn; }

int start_audio(app_process_fn fn, void *arg) { return install_callback(fn, arg); }
