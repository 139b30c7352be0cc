// Fixed firmware: the "after" of seed 004 done for real. The audio core publishes features
// through a seqlock (release/acquire fences, bounded retry) and never shares a lock with the
// render core; the render loop uses a static LED buffer; the ISR only queues an event FromISR.
#include <cstdio>

#include <rtcheck/realtime.h>

#include "firmware.h"
#include "rtos/esp_host.h"
#include "rtos/freertos_host.h"
#include "rtsample/clock.h"
#include "rtsample/seqlock.h"

namespace fw {

const char *const kVariant = "fixed";

namespace {

struct ButtonEvent {
  int64_t at_us;
  uint32_t gpio;
};

struct Firmware {
  explicit Firmware(const FirmwareConfig &c)
      : config(c), extractor(float(c.sample_rate)), stats(c.max_frames) {}
  FirmwareConfig config;
  FeatureExtractor extractor;
  rtsample::SeqLock<AudioFeatures> features;
  QueueHandle_t buttons = nullptr;
  std::atomic<bool> running{true};
  Telemetry stats;
  // Render-core state (touched by the render task only).
  std::array<uint8_t, 3 * kLeds> leds{};
  AudioFeatures last{};
  int mode = 0;
  // Audio-core state.
  std::array<int16_t, kChunk> samples{};
  uint32_t chunk = 0;
};

Firmware *g_fw = nullptr;

// GPIO ISR: one FromISR queue call. Real-time safety: wait-free.
FIRMWARE_ISR IRAM_ATTR void button_isr(void *arg) {
  RTCHECK_SCOPE("firmware.button_isr", 20'000);
  auto *fw = static_cast<Firmware *>(arg);
  const ButtonEvent e{esp_timer_get_time(), uint32_t(kButtonGpio)};
  BaseType_t woken = pdFALSE;
  xQueueSendFromISR(fw->buttons, &e, &woken);
  fw->stats.isr_count.fetch_add(1, std::memory_order_relaxed);
  portYIELD_FROM_ISR(woken);
}

// Audio core, per I2S block: features out through the seqlock. Real-time safety: wait-free.
FIRMWARE_TASK void process_chunk(Firmware &fw, int64_t captured_us) {
  RTCHECK_SCOPE("firmware.process_chunk", 8'000'000);
  AudioFeatures f;
  fw.extractor.extract(fw.samples.data(), fw.samples.size(), f);
  f.chunk = ++fw.chunk;
  f.captured_us = captured_us;
  f.check = f.chunk ^ 0x5EED5EEDu;
  fw.features.store(f);
  fw.stats.chunks.fetch_add(1, std::memory_order_relaxed);
}

// Render core, per frame: newest features (bounded retry; on failure keep the last ones), button
// events without waiting, paint. Real-time safety: lock-free (bounded retries).
FIRMWARE_TASK void render_frame(Firmware &fw) {
  RTCHECK_SCOPE("firmware.render_frame", 8'000'000);
  int retries = 0;
  AudioFeatures f;
  if (fw.features.load(f, rtsample::SeqLock<AudioFeatures>::kDefaultRetries, &retries)) {
    if (f.chunk != 0 && f.check != (f.chunk ^ 0x5EED5EEDu))
      fw.stats.torn.fetch_add(1, std::memory_order_relaxed);
    fw.last = f;
  } else {
    fw.stats.seqlock_failures.fetch_add(1, std::memory_order_relaxed);
  }
  fw.stats.seqlock_retries.fetch_add(uint64_t(retries), std::memory_order_relaxed);

  ButtonEvent e;
  while (xQueueReceive(fw.buttons, &e, 0) == pdTRUE) {
    fw.mode = (fw.mode + 1) % 3;
    fw.stats.button_events.fetch_add(1, std::memory_order_relaxed);
  }
  paint_leds(fw.last, fw.mode, fw.leds.data(), kLeds);
}

void audio_task(void *arg) {
  auto &fw = *static_cast<Firmware *>(arg);
  while (fw.running.load(std::memory_order_acquire)) {
    size_t got = 0;
    i2s_read(I2S_NUM_0, fw.samples.data(), sizeof fw.samples, &got, portMAX_DELAY);
    process_chunk(fw, esp_timer_get_time());
  }
}

void render_task(void *arg) {
  auto &fw = *static_cast<Firmware *>(arg);
  while (fw.running.load(std::memory_order_acquire)) {
    const int64_t t0 = rtsample::now_ns();
    render_frame(fw);
    const int64_t t1 = rtsample::now_ns();
    const int64_t age = fw.last.chunk ? esp_timer_get_time() - fw.last.captured_us : 0;
    fw.stats.record_frame(uint32_t(age), uint32_t(t1 - t0));
    host_led_strip_show(fw.leds.data(), kLeds);
  }
}

} // namespace

void app_main(const FirmwareConfig &config) {
  g_fw = new Firmware(config);
  host_i2s_configure(config.sample_rate);
  g_fw->buttons = xQueueCreate(16, sizeof(ButtonEvent));
  gpio_install_isr_service(0);
  gpio_isr_handler_add(kButtonGpio, &button_isr, g_fw);
  host_gpio_simulate_presses(kButtonGpio, config.button_interval_us);
  xTaskCreatePinnedToCore(&render_task, "render", 16384, g_fw, 5, nullptr, kRenderCore);
  xTaskCreatePinnedToCore(&audio_task, "audio", 12288, g_fw, 6, nullptr, kAudioCore);
}

void app_stop() { g_fw->running.store(false, std::memory_order_release); }

Telemetry &telemetry() { return g_fw->stats; }

} // namespace fw
