/* PulseAudio: pa_threaded_mainloop_in_thread only compares the calling thread with the loop's, and pa_operation_unref only drops a reference (freeing the operation with the last one): a stream callback doing what libsoundio's outstream_pause_pa does is reported for the lock, the cork command and the free, not for the test. */
// compile-flags: -std=gnu11
#include <pulse/pulseaudio.h>

static pa_threaded_mainloop *g_loop;

static void on_write(pa_stream *s, size_t nbytes, void *userdata) {
  (void)nbytes, (void)userdata;
  if (!pa_threaded_mainloop_in_thread(g_loop))
    pa_threaded_mainloop_lock(g_loop); // expect: lock
  pa_operation *op = pa_stream_cork(s, 1, NULL, NULL); // expect: syscall
  if (op && pa_operation_get_state(op) == PA_OPERATION_RUNNING)
    pa_operation_unref(op); // expect: alloc
}

void start(pa_stream *s) { pa_stream_set_write_callback(s, on_write, NULL); }
