// An RtAudio callback that copies input to output and reads stream time: no finding.
#include <rtaudio/RtAudio.h>
#include <atomic>
#include <cstring>

static RtAudio *g_audio;
static std::atomic<double> g_time{0.0};

static int passthrough(void *out, void *in, unsigned int nFrames, double streamTime, RtAudioStreamStatus status,
                       void *) {
  if (in)
    std::memcpy(out, in, nFrames * 2 * sizeof(float));
  else
    std::memset(out, 0, nFrames * 2 * sizeof(float));
  g_time.store(status ? g_audio->getStreamTime() : streamTime, std::memory_order_relaxed);
  return 0;
}

void open(RtAudio &audio, RtAudio::StreamParameters &o, RtAudio::StreamParameters &i) {
  g_audio = &audio;
  unsigned int frames = 128;
  audio.openStream(&o, &i, RTAUDIO_FLOAT32, 48000, &frames, &passthrough);
}
