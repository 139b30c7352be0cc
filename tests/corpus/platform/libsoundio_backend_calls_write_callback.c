/* libsoundio built from source: its JACK back-end's process callback calls the stream's write_callback field; in a program that never sets one (the library alone, a recording-only example) that call is the registered callback's own root, not an unresolved indirect call. */
#include <jack/jack.h>
#include <soundio/soundio.h>
#include <stdio.h>

static int outstream_process_callback(jack_nframes_t nframes, void *arg) {
  struct SoundIoOutStream *outstream = (struct SoundIoOutStream *)arg;
  if (nframes == 0)
    fprintf(stderr, "empty cycle\n"); // expect: syscall
  outstream->write_callback(outstream, (int)nframes, (int)nframes);
  return 0;
}

int outstream_open_jack(jack_client_t *client, struct SoundIoOutStream *outstream) {
  return jack_set_process_callback(client, outstream_process_callback, outstream);
}
