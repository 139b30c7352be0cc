// The mixer's arithmetic (gain, pan, mute, solo, master) on known signals, through the variant's
// engine and through the headless device into a WAV file read back with libsndfile.
// Compiled once per variant (SAMPLE_LEGACY / SAMPLE_FIXED): both must mix identically.
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <sndfile.h>

#include "device.h"
#include "engine.h"
#include "track.h"
#include "wav_writer.h"

namespace audio {
namespace {

constexpr float kCentre = 0.70710678f;

std::unique_ptr<Track> constant(float value, size_t frames) {
  auto t = std::make_unique<Track>();
  t->name = "dc";
  t->pcm.assign(frames, value);
  return t;
}

struct Fixture : ::testing::Test {
  EngineConfig config() {
    EngineConfig c;
    c.sample_rate = 48000;
    c.block_frames = 64;
    c.log = log.get();
    return c;
  }
  std::unique_ptr<FILE, int (*)(FILE *)> log{std::fopen("/dev/null", "w"), &std::fclose};
  std::vector<float> out = std::vector<float>(128);
};

TEST_F(Fixture, CentredTrackIsMinusThreeDecibelsPerSide) {
  MixerEngine engine(config());
  engine.add_track(constant(0.5f, 1000));
  engine.track(0).params.gain.store(0.5f);
  engine.process(out.data(), 64);
  for (int f = 0; f < 64; ++f) {
    EXPECT_NEAR(out[2 * f], 0.25f * kCentre, 1e-6f);
    EXPECT_NEAR(out[2 * f + 1], 0.25f * kCentre, 1e-6f);
  }
}

TEST_F(Fixture, PanUsesTheConstantPowerLaw) {
  MixerEngine engine(config());
  engine.add_track(constant(1.0f, 1000));
  engine.add_track(constant(1.0f, 1000));
  engine.track(0).params.set_pan(-1.0f); // hard left
  engine.track(1).params.set_pan(0.5f);
  engine.track(1).params.gain.store(0.0f); // silent: only track 0 counts
  engine.process(out.data(), 64);
  EXPECT_NEAR(out[0], 1.0f, 1e-6f);
  EXPECT_NEAR(out[1], 0.0f, 1e-6f);

  MixerEngine second(config());
  second.add_track(constant(1.0f, 1000));
  second.track(0).params.set_pan(0.5f);
  second.process(out.data(), 64);
  const float angle = 1.5f * float(M_PI) / 4.0f;
  EXPECT_NEAR(out[0], std::cos(angle), 1e-6f);
  EXPECT_NEAR(out[1], std::sin(angle), 1e-6f);
  EXPECT_NEAR(out[0] * out[0] + out[1] * out[1], 1.0f, 1e-5f); // constant power
}

TEST_F(Fixture, TracksSumAndMasterGainScales) {
  MixerEngine engine(config());
  engine.add_track(constant(0.25f, 1000));
  engine.add_track(constant(-0.125f, 1000));
  engine.set_master_gain(2.0f);
  engine.process(out.data(), 64);
  EXPECT_NEAR(out[10], 2.0f * 0.125f * kCentre, 1e-6f);
  EXPECT_NEAR(out[11], 2.0f * 0.125f * kCentre, 1e-6f);
}

TEST_F(Fixture, MuteSilencesAndSoloIsolates) {
  MixerEngine engine(config());
  engine.add_track(constant(0.1f, 1000));
  engine.add_track(constant(0.2f, 1000));
  engine.add_track(constant(0.4f, 1000));
  engine.track(0).params.mute.store(true);
  engine.process(out.data(), 64);
  EXPECT_NEAR(out[0], 0.6f * kCentre, 1e-6f);

  engine.track(2).params.solo.store(true);
  engine.process(out.data(), 64);
  EXPECT_NEAR(out[0], 0.4f * kCentre, 1e-6f);

  engine.track(0).params.solo.store(true); // soloed but muted: mute wins
  engine.process(out.data(), 64);
  EXPECT_NEAR(out[0], 0.4f * kCentre, 1e-6f);

  engine.track(2).params.solo.store(false);
  engine.track(0).params.solo.store(false);
  engine.process(out.data(), 64);
  EXPECT_NEAR(out[0], 0.6f * kCentre, 1e-6f);
}

TEST_F(Fixture, TrackEndsWithSilenceAndRaisesTheFinishedFlag) {
  MixerEngine engine(config());
  engine.add_track(constant(1.0f, 100)); // ends inside the second block
  engine.set_length(128);
  engine.process(out.data(), 64);
  EXPECT_FALSE(engine.finished());
  engine.process(out.data(), 64);
  EXPECT_NEAR(out[2 * 35], kCentre, 1e-6f); // frame 99
  EXPECT_EQ(out[2 * 36], 0.0f);             // frame 100: past the end
  EXPECT_TRUE(engine.finished());
  EXPECT_EQ(engine.stats().callbacks, 2u);
}

TEST_F(Fixture, SineToneHasTheRequestedFrequencyAndAmplitude) {
  auto tone = make_tone("a", 1000.0, 0.5, 0.01, 48000);
  ASSERT_EQ(tone->pcm.size(), 480u);
  EXPECT_NEAR(tone->pcm[12], 0.5f, 1e-6f); // a quarter period (12 samples) in
  EXPECT_NEAR(tone->pcm[24], 0.0f, 1e-5f);
  EXPECT_NEAR(tone->pcm[36], -0.5f, 1e-6f);
}

TEST_F(Fixture, WavTracksAreMixedDownToMonoAndResampled) {
  const std::string path = ::testing::TempDir() + "/in_" + MixerEngine::kVariant + ".wav";
  {
    WavWriter wav(path, 24000, 2);
    ASSERT_TRUE(wav.ok());
    std::vector<float> block(2 * 480);
    for (size_t f = 0; f < 480; ++f) {
      block[2 * f] = 0.2f;
      block[2 * f + 1] = 0.6f;
    }
    for (int i = 0; i < 10; ++i)
      wav.write(block.data(), 480);
  }
  auto track = load_track(path, 48000);
  ASSERT_NE(track, nullptr);
  EXPECT_EQ(track->pcm.size(), 9600u); // 0.2 s at 48 kHz
  for (size_t i = 0; i < track->pcm.size(); i += 97)
    EXPECT_NEAR(track->pcm[i], 0.4f, 1e-6f);
  EXPECT_EQ(load_track(path + ".missing", 48000), nullptr);
  std::remove(path.c_str());
}

TEST_F(Fixture, HeadlessDeviceWritesAReadableWavOfTheRenderedLength) {
  const std::string path = ::testing::TempDir() + "/mix_" + MixerEngine::kVariant + ".wav";
  const unsigned rate = 48000, frames = 128;
  MixerEngine engine(config());
  engine.add_track(constant(0.5f, 48000));
  const uint64_t length = 12000; // 0.25 s
  engine.set_length(length);
  {
    WavWriter wav(path, rate, 2);
    ASSERT_TRUE(wav.ok());
    HeadlessDevice device(rate, frames, 1024, &wav);
#if SAMPLE_LEGACY
    engine.attach(&device, &device);
#endif
    ASSERT_TRUE(device.start(&MixerEngine::render, &engine));
    while (device.running() && !engine.finished())
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    device.stop();
    EXPECT_EQ(wav.frames_written(), (long long)(device.callbacks() * frames));
    EXPECT_GE(device.callbacks(), length / frames);
  }
  SF_INFO info{};
  SNDFILE *file = sf_open(path.c_str(), SFM_READ, &info);
  ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
  EXPECT_EQ(info.channels, 2);
  EXPECT_EQ(info.samplerate, 48000);
  EXPECT_GE(info.frames, sf_count_t(length));
  EXPECT_EQ(info.frames % frames, 0);
  std::vector<float> data(size_t(info.frames) * 2);
  ASSERT_EQ(sf_readf_float(file, data.data(), info.frames), info.frames);
  sf_close(file);
  EXPECT_NEAR(data[0], 0.5f * kCentre, 1e-6f);
  EXPECT_NEAR(data[2 * (length - 1) + 1], 0.5f * kCentre, 1e-6f);
  std::remove(path.c_str());
}

} // namespace
} // namespace audio

#if SAMPLE_FIXED
namespace audio {
namespace {

TEST_F(Fixture, LatencyMonitorIsOffByDefaultAndFillsItsRingWhenOn) {
  MixerEngine quiet(config());
  quiet.add_track(constant(0.1f, 1000));
  quiet.process(out.data(), 64);
  EXPECT_TRUE(quiet.stats().recent_ns.empty());

  EngineConfig c = config();
  c.latency_monitor = true;
  MixerEngine monitored(c);
  monitored.add_track(constant(0.1f, 100000));
  for (size_t i = 0; i < MixerEngine::kRingSize + 10; ++i)
    monitored.process(out.data(), 64);
  const EngineStats s = monitored.stats();
  EXPECT_EQ(s.callbacks, MixerEngine::kRingSize + 10);
  EXPECT_EQ(s.recent_ns.size(), MixerEngine::kRingSize); // a ring: the oldest were overwritten
}

} // namespace
} // namespace audio
#endif
