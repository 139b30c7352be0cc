// Legacy firmware: the "before" of seed 004. The cores share the features under a FreeRTOS mutex
// taken with portMAX_DELAY (and the audio core logs while holding it), the ISR printf()s, and the
// render loop allocates its LED buffer every frame.
#include <cstdio>
#include <cstring>

#include <rtcheck/realtime.h>

#include "firmware.h"
#include "rtos/esp_host.h"
#include "rtos/freertos_host.h"
#include "rtsample/clock.h"

namespace fw {

const char *const kVariant = "legacy";

namespace {

const char *const TAG = "AUDIO SYNC";

struct ButtonEvent {
  int64_t at_us;
  uint32_t gpio;
};

struct Firmware {
  explicit Firmware(const FirmwareConfig &c)
      : config(c), extractor(float(c.sample_rate)), stats(c.max_frames) {}
  FirmwareConfig config;
  FeatureExtractor extractor;
  SemaphoreHandle_t features_mutex = nullptr;
  AudioFeatures features{}; // guarded by features_mutex
  QueueHandle_t buttons = nullptr;
  std::atomic<bool> running{true};
  Telemetry stats;
  AudioFeatures last{};
  int mode = 0;
  std::array<int16_t, kChunk> samples{};
  uint32_t chunk = 0;
};

Firmware *g_fw = nullptr;

FIRMWARE_ISR IRAM_ATTR void button_isr(void *arg) {
  RTCHECK_SCOPE("firmware.button_isr", 20'000);
  auto *fw = static_cast<Firmware *>(arg);
  const ButtonEvent e{esp_timer_get_time(), uint32_t(kButtonGpio)};
  std::printf("[ISR] button on GPIO %d\n", kButtonGpio); // expect: syscall
  BaseType_t woken = pdFALSE;
  xQueueSendFromISR(fw->buttons, &e, &woken);
  fw->stats.isr_count.fetch_add(1, std::memory_order_relaxed);
  portYIELD_FROM_ISR(woken);
}

FIRMWARE_TASK void process_chunk(Firmware &fw, int64_t captured_us) {
  RTCHECK_SCOPE("firmware.process_chunk", 8'000'000);
  xSemaphoreTake(fw.features_mutex, portMAX_DELAY); // expect: lock
  fw.extractor.extract(fw.samples.data(), fw.samples.size(), fw.features);
  fw.features.chunk = ++fw.chunk;
  fw.features.captured_us = captured_us;
  fw.features.check = fw.features.chunk ^ 0x5EED5EEDu;
  const AudioFeatures &f = fw.features;
  ESP_LOGI(TAG, "chunk %u vu %.3f", (unsigned)f.chunk, double(f.vu)); // expect: syscall
  xSemaphoreGive(fw.features_mutex);
  fw.stats.chunks.fetch_add(1, std::memory_order_relaxed);
}

FIRMWARE_TASK void render_frame(Firmware &fw, uint8_t *&leds) {
  RTCHECK_SCOPE("firmware.render_frame", 8'000'000);
  leds = static_cast<uint8_t *>(pvPortMalloc(3 * kLeds)); // expect: alloc
  xSemaphoreTake(fw.features_mutex, portMAX_DELAY);       // expect: lock
  fw.last = fw.features;
  xSemaphoreGive(fw.features_mutex);
  if (fw.last.chunk != 0 && fw.last.check != (fw.last.chunk ^ 0x5EED5EEDu))
    fw.stats.torn.fetch_add(1, std::memory_order_relaxed);

  ButtonEvent e;
  while (xQueueReceive(fw.buttons, &e, 0) == pdTRUE) {
    fw.mode = (fw.mode + 1) % 3;
    fw.stats.button_events.fetch_add(1, std::memory_order_relaxed);
  }
  paint_leds(fw.last, fw.mode, leds, kLeds);
}

void audio_task(void *arg) {
  auto &fw = *static_cast<Firmware *>(arg);
  ESP_LOGI(TAG, "[AUDIO TASK] Running on Core %d", (int)xPortGetCoreID());
  while (fw.running.load(std::memory_order_acquire)) {
    size_t got = 0;
    i2s_read(I2S_NUM_0, fw.samples.data(), sizeof fw.samples, &got, portMAX_DELAY);
    process_chunk(fw, esp_timer_get_time());
  }
}

void render_task(void *arg) {
  auto &fw = *static_cast<Firmware *>(arg);
  ESP_LOGI(TAG, "[GPU TASK] Running on Core %d", (int)xPortGetCoreID());
  while (fw.running.load(std::memory_order_acquire)) {
    uint8_t *leds = nullptr;
    const int64_t t0 = rtsample::now_ns();
    render_frame(fw, leds);
    const int64_t t1 = rtsample::now_ns();
    const int64_t age = fw.last.chunk ? esp_timer_get_time() - fw.last.captured_us : 0;
    fw.stats.record_frame(uint32_t(age), uint32_t(t1 - t0));
    host_led_strip_show(leds, kLeds);
    vPortFree(leds);
  }
}

} // namespace

void app_main(const FirmwareConfig &config) {
  g_fw = new Firmware(config);
  host_i2s_configure(config.sample_rate);
  g_fw->features_mutex = xSemaphoreCreateMutex();
  g_fw->buttons = xQueueCreate(16, sizeof(ButtonEvent));
  gpio_install_isr_service(0);
  gpio_isr_handler_add(kButtonGpio, &button_isr, g_fw);
  host_gpio_simulate_presses(kButtonGpio, config.button_interval_us);
  xTaskCreatePinnedToCore(&render_task, "render", 16384, g_fw, 5, nullptr, kRenderCore);
  xTaskCreatePinnedToCore(&audio_task, "audio", 12288, g_fw, 6, nullptr, kAudioCore);
  ESP_LOGI(TAG, "Initialized successfully");
}

void app_stop() { g_fw->running.store(false, std::memory_order_release); }

Telemetry &telemetry() { return g_fw->stats; }

} // namespace fw
