// Stopping or aborting a PortAudio stream from the callback is a driver finding.
#include <pa_decls.h>
#include <rtcheck/realtime.h>

PaStream *g_stream;

RTCHECK_REALTIME(audio) void process(bool fatal) {
  if (fatal)
    Pa_AbortStream(g_stream);  // expect: driver
  else
    Pa_StopStream(g_stream);  // expect: driver
}
