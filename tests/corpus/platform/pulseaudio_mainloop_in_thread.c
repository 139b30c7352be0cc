/* PulseAudio: pa_threaded_mainloop_in_thread only compares the calling thread with the loop's; a stream callback (run on the loop's thread) that tests it before locking is not reported for the test, only for what it guards (libsoundio's outstream_pause_pa). */
// compile-flags: -std=gnu11
#include <pulse/pulseaudio.h>

static pa_threaded_mainloop *g_loop;

static void on_write(pa_stream *s, size_t nbytes, void *userdata) {
  (void)nbytes, (void)userdata;
  if (!pa_threaded_mainloop_in_thread(g_loop))
    pa_threaded_mainloop_lock(g_loop); // expect: lock
  pa_stream_cork(s, 1, NULL, NULL); // expect: syscall
}

void start(pa_stream *s) { pa_stream_set_write_callback(s, on_write, NULL); }
