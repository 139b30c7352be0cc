// #9 entries: RtAudio 6 moved the class into rt::audio; the callback given to rt::audio::RtAudio::openStream (argument 5) is an audio root like RtAudio::openStream's.
#include <cstdio>
#include <cstdlib>
#include <functional>

// Stand-in for the declarations of a current RtAudio.h (6.x): same API, namespaced.
namespace rt {
namespace audio {
typedef unsigned long RtAudioFormat;
typedef unsigned int RtAudioStreamStatus;
typedef int (*RtAudioCallback)(void *outputBuffer, void *inputBuffer, unsigned int nFrames,
                               double streamTime, RtAudioStreamStatus status, void *userData);
enum RtAudioErrorType { RTAUDIO_NO_ERROR = 0 };
typedef std::function<void(RtAudioErrorType type, const char *errorText)> RtAudioErrorCallback;
class RtAudio {
public:
  struct StreamParameters {
    unsigned int deviceId = 0, nChannels = 0, firstChannel = 0;
  };
  struct StreamOptions;
  RtAudio();
  ~RtAudio();
  RtAudioErrorType openStream(StreamParameters *outputParameters, StreamParameters *inputParameters,
                              RtAudioFormat format, unsigned int sampleRate, unsigned int *bufferFrames,
                              RtAudioCallback callback, void *userData = nullptr,
                              StreamOptions *options = nullptr);
  RtAudioErrorType startStream();
};
} // namespace audio
} // namespace rt
using namespace rt::audio;

static float *g_scratch;

static int saw(void *out, void *in, unsigned int nFrames, double t, RtAudioStreamStatus status, void *data) {
  (void)out, (void)in, (void)t, (void)data;
  if (status)
    std::printf("underflow\n"); // expect: syscall
  if (!g_scratch)
    g_scratch = static_cast<float *>(std::malloc(nFrames * sizeof(float))); // expect: alloc
  return 0;
}

int main() {
  rt::audio::RtAudio dac;
  RtAudio::StreamParameters p;
  p.nChannels = 2;
  unsigned int frames = 256;
  dac.openStream(&p, nullptr, 0x10, 44100, &frames, &saw);
  dac.startStream();
  return 0;
}
