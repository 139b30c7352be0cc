// POSIX implementation of esp_host.h. See the header for the mapping.
#include "esp_host.h"

#include "rtsample/clock.h"

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using rtsample::now_ns;
using rtsample::sleep_until_ns;

const int64_t boot_ns = now_ns();

// Console: the UART is shared by every core, so lines are serialised, and each takes the time
// its bytes take at 115200 baud (8N1: 10 bits per byte, ~86.8 us).
std::mutex console_mutex;
FILE *console = nullptr;

struct IsrSlot {
  gpio_isr_t handler = nullptr;
  void *arg = nullptr;
};
IsrSlot isr_table[64];
std::atomic<bool> interrupts_running{false};
std::vector<std::thread> interrupt_threads;

uint32_t i2s_rate = 16000;
uint64_t i2s_position = 0;
int64_t i2s_next_ns = 0;

} // namespace

extern "C" {

int64_t esp_timer_get_time(void) { return (now_ns() - boot_ns) / 1000; }

void esp_log_write(esp_log_level_t, const char *, const char *format, ...) {
  char line[256];
  va_list args;
  va_start(args, format);
  const int n = std::vsnprintf(line, sizeof line, format, args);
  va_end(args);
  const size_t bytes = n < 0 ? 0 : size_t(n) < sizeof line ? size_t(n) : sizeof line - 1;
  std::lock_guard<std::mutex> lock(console_mutex);
  const int64_t done = now_ns() + int64_t(bytes) * 86'806;
  if (console)
    std::fwrite(line, 1, bytes, console);
  sleep_until_ns(done);
}

void host_console_open(const char *path) {
  std::lock_guard<std::mutex> lock(console_mutex);
  console = path ? std::fopen(path, "w") : nullptr;
}

esp_err_t gpio_install_isr_service(int) { return ESP_OK; }

esp_err_t gpio_isr_handler_add(gpio_num_t gpio_num, gpio_isr_t isr_handler, void *args) {
  if (gpio_num < 0 || gpio_num >= 64)
    return ESP_FAIL;
  isr_table[gpio_num] = IsrSlot{isr_handler, args};
  return ESP_OK;
}

void host_gpio_simulate_presses(gpio_num_t gpio_num, uint32_t interval_us) {
  interrupts_running.store(true);
  interrupt_threads.emplace_back([gpio_num, interval_us] {
    uint32_t rng = 0x9e3779b9u ^ uint32_t(gpio_num);
    int64_t next = now_ns();
    while (interrupts_running.load()) {
      rng = rng * 1664525u + 1013904223u;
      const double jitter = 0.75 + 0.5 * double(rng >> 8) / double(1u << 24);
      next += int64_t(double(interval_us) * 1000.0 * jitter);
      sleep_until_ns(next);
      const IsrSlot slot = isr_table[gpio_num];
      if (slot.handler && interrupts_running.load())
        slot.handler(slot.arg);
    }
  });
}

void host_stop_interrupts(void) {
  interrupts_running.store(false);
  for (std::thread &t : interrupt_threads)
    t.join();
  interrupt_threads.clear();
}

void host_i2s_configure(uint32_t sample_rate) { i2s_rate = sample_rate; }

// A stand-in for a microphone at a party: a kick drum at 120 BPM (a decaying 60 Hz burst) over a
// sustained A-major chord, in 16-bit mono.
esp_err_t i2s_read(i2s_port_t, void *dest, size_t size, size_t *bytes_read, TickType_t) {
  const size_t count = size / sizeof(int16_t);
  if (i2s_next_ns == 0)
    i2s_next_ns = now_ns();
  i2s_next_ns += int64_t(count) * 1'000'000'000 / i2s_rate;
  sleep_until_ns(i2s_next_ns); // the DMA block completes in real time
  auto *out = static_cast<int16_t *>(dest);
  for (size_t i = 0; i < count; ++i, ++i2s_position) {
    const double t = double(i2s_position) / i2s_rate;
    const double beat = std::fmod(t, 0.5);
    double s = 0.6 * std::exp(-beat * 18.0) * std::sin(2.0 * M_PI * 60.0 * beat);
    s += 0.1 * (std::sin(2.0 * M_PI * 440.0 * t) + std::sin(2.0 * M_PI * 554.37 * t) +
                std::sin(2.0 * M_PI * 659.26 * t));
    out[i] = int16_t(std::lround(s * 32767.0 * 0.9));
  }
  if (bytes_read)
    *bytes_read = count * sizeof(int16_t);
  return ESP_OK;
}

void host_led_strip_show(const uint8_t *, size_t count) {
  sleep_until_ns(now_ns() + int64_t(count) * 30'000);
}

} // extern "C"
