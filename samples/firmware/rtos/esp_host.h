/*
 * esp_host.h - the ESP-IDF APIs the firmware sample uses (esp_timer, esp_log, GPIO interrupts,
 * I2S), implemented on a POSIX host. Names and signatures follow ESP-IDF so that
 * rules/esp-idf.json classifies them: ESP_LOGx expand to esp_log_write (a console write: the host
 * models the 115200-baud UART by taking as long as the bytes take to send), esp_timer_get_time is
 * a clock read, i2s_read is a driver call that waits for the next DMA block.
 */
#ifndef ESP_HOST_H
#define ESP_HOST_H

#include <stddef.h>
#include <stdint.h>

#include "freertos_host.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef int esp_err_t;
#define ESP_OK 0
#define ESP_FAIL -1

/* Code that must run while the flash cache is off (ISRs). On the host the section only marks it,
 * so that rtcheck's IRAM check sees what the ESP32 linker would place. */
#define IRAM_ATTR __attribute__((section(".iram1.text"), noinline))

int64_t esp_timer_get_time(void);

typedef enum {
  ESP_LOG_NONE,
  ESP_LOG_ERROR,
  ESP_LOG_WARN,
  ESP_LOG_INFO,
  ESP_LOG_DEBUG,
  ESP_LOG_VERBOSE
} esp_log_level_t;
void esp_log_write(esp_log_level_t level, const char *tag, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
#define ESP_LOGE(tag, format, ...)                                                                 \
  esp_log_write(ESP_LOG_ERROR, tag, "E %s: " format "\n", tag, ##__VA_ARGS__)
#define ESP_LOGW(tag, format, ...)                                                                 \
  esp_log_write(ESP_LOG_WARN, tag, "W %s: " format "\n", tag, ##__VA_ARGS__)
#define ESP_LOGI(tag, format, ...)                                                                 \
  esp_log_write(ESP_LOG_INFO, tag, "I %s: " format "\n", tag, ##__VA_ARGS__)

typedef int gpio_num_t;
typedef void (*gpio_isr_t)(void *arg);
esp_err_t gpio_install_isr_service(int intr_alloc_flags);
esp_err_t gpio_isr_handler_add(gpio_num_t gpio_num, gpio_isr_t isr_handler, void *args);

typedef int i2s_port_t;
#define I2S_NUM_0 0
/* Blocks until the next block of 16-bit mono samples has been "received" (real time). */
esp_err_t i2s_read(i2s_port_t port, void *dest, size_t size, size_t *bytes_read,
                   TickType_t ticks_to_wait);

/* Host only (not ESP-IDF) ---------------------------------------------------------------------- */
/* Console sink for esp_log_write (default: discard, still paced at 115200 baud). */
void host_console_open(const char *path);
/* Sample rate of the simulated I2S microphone. */
void host_i2s_configure(uint32_t sample_rate);
/* Raises `gpio_num`'s interrupt every `interval_us` (+-25 % jitter) from an interrupt thread, until
 * host_stop_interrupts(). */
void host_gpio_simulate_presses(gpio_num_t gpio_num, uint32_t interval_us);
void host_stop_interrupts(void);
/* Sends `count` RGB pixels to the LED strip: WS2812 timing, 30 us per pixel (RMT transmit wait). */
void host_led_strip_show(const uint8_t *rgb, size_t count);

#ifdef __cplusplus
}
#endif

#endif /* ESP_HOST_H */
