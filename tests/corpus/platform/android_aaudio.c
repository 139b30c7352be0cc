/* Android AAudio: the data callback given to AAudioStreamBuilder_setDataCallback runs on the real-time audio thread; stream getters are safe, blocking writes, stopping/closing the stream and logging are reported; the error callback (a separate thread) is not a root. */
#include <aaudio/AAudio.h>
#include <stdio.h>
#include <string.h>

static int32_t g_xruns;

static aaudio_data_callback_result_t render(AAudioStream *stream, void *userData, void *audioData, int32_t numFrames) {
  (void)userData;
  int32_t channels = AAudioStream_getChannelCount(stream);
  memset(audioData, 0, (size_t)numFrames * (size_t)channels * sizeof(float));
  int32_t xruns = AAudioStream_getXRunCount(stream);
  if (xruns != g_xruns) {
    g_xruns = xruns;
    fprintf(stderr, "xrun %d\n", xruns); // expect: syscall
  }
  if (xruns > 100) {
    AAudioStream_requestStop(stream); // expect: driver
    AAudioStream_write(stream, audioData, numFrames, 1000000); // expect: driver
  }
  return AAUDIO_CALLBACK_RESULT_CONTINUE;
}

static void on_error(AAudioStream *stream, void *userData, aaudio_result_t error) {
  (void)userData;
  (void)error;
  AAudioStream_close(stream);
}

AAudioStream *open_output(void) {
  AAudioStreamBuilder *builder;
  AAudioStream *stream = NULL;
  AAudio_createStreamBuilder(&builder);
  AAudioStreamBuilder_setFormat(builder, AAUDIO_FORMAT_PCM_FLOAT);
  AAudioStreamBuilder_setPerformanceMode(builder, AAUDIO_PERFORMANCE_MODE_LOW_LATENCY);
  AAudioStreamBuilder_setDataCallback(builder, render, NULL);
  AAudioStreamBuilder_setErrorCallback(builder, on_error, NULL);
  AAudioStreamBuilder_openStream(builder, &stream);
  AAudioStreamBuilder_delete(builder);
  return stream;
}
