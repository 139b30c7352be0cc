// An RtAudio client on JACK whose stream callback allocates: opens a 256-frame mono output stream,
// runs it half a second and closes it, twice on the same RtAudio object (a client that closes and
// reopens); between the two, an openStream with a device that does not exist must throw
// RtAudioError through the shim's wrapper. The callback checks that it gets the program's own
// userData. Prints "calls N errors E wrong-data W". Unmodified: no scope markers.
#include <RtAudio.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

static int user_data, calls, wrong_data;

static int render(void *output, void *input, unsigned int frames, double stream_time,
                  RtAudioStreamStatus status, void *data) {
  (void)input, (void)stream_time, (void)status;
  wrong_data += data != &user_data;
  free(malloc(64));
  std::memset(output, 0, frames * sizeof(float));
  calls++;
  return 0;
}

static void play(RtAudio &dac) {
  RtAudio::StreamParameters out;
  out.deviceId = dac.getDefaultOutputDevice();
  out.nChannels = 1;
  unsigned int frames = 256;
  dac.openStream(&out, nullptr, RTAUDIO_FLOAT32, 48000, &frames, render, &user_data);
  dac.startStream();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  dac.stopStream();
  dac.closeStream();
}

int main() {
  int errors = 0;
  {
    RtAudio dac(RtAudio::UNIX_JACK);
    if (dac.getDeviceCount() == 0)
      return 2;
    try {
      play(dac);
      RtAudio::StreamParameters missing;
      missing.deviceId = 9999;
      missing.nChannels = 1;
      unsigned int frames = 256;
      try {
        dac.openStream(&missing, nullptr, RTAUDIO_FLOAT32, 48000, &frames, render, &user_data);
      } catch (RtAudioError &) {
        errors++;
      }
      play(dac);
    } catch (RtAudioError &e) {
      std::fprintf(stderr, "%s\n", e.getMessage().c_str());
      return 3;
    }
  }
  std::printf("calls %d errors %d wrong-data %d\n", calls, errors, wrong_data);
  return calls > 0 ? 0 : 4;
}
