// audio_mixer_{legacy,fixed}: renders a multitrack mix through the variant's engine.
//   audio_mixer_fixed [--seconds 2] [--tracks 4] [--wav FILE]... [--out FILE]
//                     [--rate 48000] [--frames 128] [--backend headless|portaudio]
//                     [--monitor] [--log FILE] [--solo N] [--mute N]
// Prints one summary line: seconds rendered, callbacks, callback p50/p99/max against the budget.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include "device.h"
#include "engine.h"
#include "rtsample/args.h"
#include "rtsample/console_log.h"
#include "rtsample/stats.h"
#include "wav_writer.h"

int main(int argc, char **argv) {
  using namespace audio;
  rtsample::Args args(argc, argv);
  const double seconds = args.number("--seconds", 2.0);
  const unsigned rate = unsigned(args.number("--rate", 48000));
  const unsigned frames = unsigned(args.number("--frames", 128));
  const int tone_tracks = int(args.number("--tracks", 4));
  const std::string backend = args.value("--backend", "headless");
  const char *tmp = std::getenv("TMPDIR");
  const std::string out_path =
      args.value("--out", std::string(tmp && *tmp ? tmp : "/tmp") + "/audio_mixer_" +
                              MixerEngine::kVariant + ".wav");
  const std::string log_path = args.value("--log", "/dev/null");
  if (seconds <= 0 || rate == 0 || frames == 0) {
    std::fprintf(stderr, "error: --seconds, --rate and --frames must be positive\n");
    return 2;
  }

  FILE *log = rtsample::open_console_log(log_path);
  if (!log)
    return 2;

  EngineConfig config;
  config.sample_rate = rate;
  config.block_frames = frames;
  config.latency_monitor = args.flag("--monitor");
  config.log = log;
  MixerEngine engine(config);

  // Tone tracks: a chord spread across the stereo field, then any WAV files.
  static const double kChord[] = {220.0, 277.18, 329.63, 440.0, 554.37, 659.26, 880.0, 1108.73};
  for (int i = 0; i < tone_tracks; ++i) {
    auto t = make_tone("tone" + std::to_string(i), kChord[i % 8] * (1 + i / 8), 0.2, seconds, rate);
    t->params.set_pan(tone_tracks > 1 ? -0.8f + 1.6f * float(i) / float(tone_tracks - 1) : 0.0f);
    engine.add_track(std::move(t));
  }
  for (const std::string &path : args.values("--wav")) {
    auto t = load_track(path, rate);
    if (!t)
      return 1;
    engine.add_track(std::move(t));
  }
  if (engine.track_count() == 0) {
    std::fprintf(stderr, "error: no tracks (give --tracks N or --wav FILE)\n");
    return 2;
  }
  const int solo = int(args.number("--solo", -1));
  const int mute = int(args.number("--mute", -1));
  if (solo >= 0 && size_t(solo) < engine.track_count())
    engine.track(size_t(solo)).params.solo.store(true);
  if (mute >= 0 && size_t(mute) < engine.track_count())
    engine.track(size_t(mute)).params.mute.store(true);
  engine.set_master_gain(0.5f);

  const uint64_t total_frames = uint64_t(std::llround(seconds * rate));
  engine.set_length(total_frames);
  const uint64_t max_callbacks = total_frames / frames + 16;

  std::unique_ptr<WavWriter> wav;
  std::unique_ptr<AudioDevice> device;
  [[maybe_unused]] HeadlessDevice *headless = nullptr;
  if (backend == "portaudio") {
    device = std::make_unique<PortAudioDevice>(rate, frames, max_callbacks);
  } else if (backend == "headless") {
    wav = std::make_unique<WavWriter>(out_path, rate, 2);
    if (!wav->ok())
      return 1;
    auto h = std::make_unique<HeadlessDevice>(rate, frames, max_callbacks, wav.get());
    headless = h.get();
    device = std::move(h);
  } else {
    std::fprintf(stderr, "error: --backend is headless or portaudio\n");
    return 2;
  }
#if SAMPLE_LEGACY
  engine.attach(device.get(), headless);
#endif
  if (!device->start(&MixerEngine::render, &engine))
    return 1;

  // Control thread (seed 000 STEP 1 "after"): poll the engine's flag, stop the stream from here.
  // The legacy engine stops the stream from inside its callback instead; this loop then only
  // notices that the device has stopped.
  while (device->running() && !engine.finished())
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  device->stop();
  std::fclose(log);

  const uint64_t callbacks = device->callbacks();
  const rtsample::Summary d = rtsample::summarize(device->durations_ns());
  const double budget_ms = 1e3 * frames / rate;
  const EngineStats stats = engine.stats();
  const double rendered = double(callbacks) * frames / rate;
  std::printf("audio_mixer_%s: rendered %.1f s of audio (%zu tracks, %s%s%s), %llu callbacks, "
              "callback p50 %.3f ms p99 %.3f ms max %.3f ms of a %.2f ms budget, %llu late, "
              "peak %.1f dBFS",
              MixerEngine::kVariant, rendered, engine.track_count(), device->name(),
              wav ? " -> " : "", wav ? out_path.c_str() : "", (unsigned long long)callbacks,
              d.p50 / 1e6, d.p99 / 1e6, d.max / 1e6, budget_ms, (unsigned long long)device->late(),
              stats.peak > 0 ? 20.0 * std::log10(stats.peak) : -120.0);
  if (!stats.recent_ns.empty()) {
    const rtsample::Summary m = rtsample::summarize(stats.recent_ns);
    std::printf("; monitor: %zu samples, p99 %.3f ms, %llu over 80%% budget", m.count, m.p99 / 1e6,
                (unsigned long long)stats.xruns);
  }
  std::printf("\n");
  return 0;
}
