// RtAudio 5: the unannotated callback given to RtAudio::openStream (argument 5) is an audio root; stopping the stream and the string-returning queries are reported, stream time/latency queries are not.
#include <rtaudio/RtAudio.h>
#include <cstring>
#include <iostream>

static RtAudio *g_dac;
static double g_last_time;

static int tick(void *outputBuffer, void *inputBuffer, unsigned int nFrames, double streamTime,
                RtAudioStreamStatus status, void *userData) {
  (void)inputBuffer;
  (void)userData;
  std::memset(outputBuffer, 0, nFrames * 2 * sizeof(float));
  g_last_time = g_dac->getStreamTime() + g_dac->getStreamLatency();
  if (status & RTAUDIO_OUTPUT_UNDERFLOW)
    std::cerr << "underflow at " << streamTime << '\n'; // expect: syscall
  if (streamTime > 60.0) {
    std::string api = RtAudio::getApiName(g_dac->getCurrentApi()); // expect: alloc
    g_dac->abortStream(); // expect: driver
  }
  return 0;
}

int main() {
  RtAudio dac;
  g_dac = &dac;
  RtAudio::StreamParameters out;
  out.deviceId = dac.getDefaultOutputDevice();
  out.nChannels = 2;
  unsigned int frames = 256;
  dac.openStream(&out, nullptr, RTAUDIO_FLOAT32, 48000, &frames, &tick, nullptr);
  dac.startStream();
  return 0;
}
