// The installed <portaudio.h> declarations are classified the same way as hand-written ones.
#include <portaudio.h>
#include <rtcheck/realtime.h>

PaStream *g_stream;

RTCHECK_REALTIME(audio) void process() {
  Pa_StopStream(g_stream);  // expect: driver
}
