/* Declaration-only subset of ESP-IDF esp_log.h (v5.x): ESP_LOGx expand to esp_log_write (with
 * esp_log_timestamp), ESP_EARLY_LOGx and ESP_DRAM_LOGx to esp_rom_printf, as in the real header. */
#ifndef __ESP_LOG_H__
#define __ESP_LOG_H__

#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  ESP_LOG_NONE,
  ESP_LOG_ERROR,
  ESP_LOG_WARN,
  ESP_LOG_INFO,
  ESP_LOG_DEBUG,
  ESP_LOG_VERBOSE
} esp_log_level_t;

#ifndef LOG_LOCAL_LEVEL
#define LOG_LOCAL_LEVEL ESP_LOG_INFO
#endif

void esp_log_level_set(const char *tag, esp_log_level_t level);
uint32_t esp_log_timestamp(void);
uint32_t esp_log_early_timestamp(void);
void esp_log_write(esp_log_level_t level, const char *tag, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
void esp_log_writev(esp_log_level_t level, const char *tag, const char *format, va_list args);
int esp_rom_printf(const char *fmt, ...);

#define LOG_FORMAT(letter, format) #letter " (%" PRIu32 ") %s: " format "\n"
#define _ESP_LOG_DRAM_LOG_FORMAT(letter, format) #letter " %s: " format "\n"

#define ESP_LOG_LEVEL(level, tag, format, ...)                                                   \
  do {                                                                                           \
    if (level == ESP_LOG_ERROR) {                                                                \
      esp_log_write(ESP_LOG_ERROR, tag, LOG_FORMAT(E, format), esp_log_timestamp(), tag,         \
                    ##__VA_ARGS__);                                                              \
    } else if (level == ESP_LOG_WARN) {                                                          \
      esp_log_write(ESP_LOG_WARN, tag, LOG_FORMAT(W, format), esp_log_timestamp(), tag,          \
                    ##__VA_ARGS__);                                                              \
    } else if (level == ESP_LOG_DEBUG) {                                                         \
      esp_log_write(ESP_LOG_DEBUG, tag, LOG_FORMAT(D, format), esp_log_timestamp(), tag,         \
                    ##__VA_ARGS__);                                                              \
    } else if (level == ESP_LOG_VERBOSE) {                                                       \
      esp_log_write(ESP_LOG_VERBOSE, tag, LOG_FORMAT(V, format), esp_log_timestamp(), tag,       \
                    ##__VA_ARGS__);                                                              \
    } else {                                                                                     \
      esp_log_write(ESP_LOG_INFO, tag, LOG_FORMAT(I, format), esp_log_timestamp(), tag,          \
                    ##__VA_ARGS__);                                                              \
    }                                                                                            \
  } while (0)

#define ESP_LOG_LEVEL_LOCAL(level, tag, format, ...)                                             \
  do {                                                                                           \
    if (LOG_LOCAL_LEVEL >= level)                                                                \
      ESP_LOG_LEVEL(level, tag, format, ##__VA_ARGS__);                                          \
  } while (0)

#define ESP_LOGE(tag, format, ...) ESP_LOG_LEVEL_LOCAL(ESP_LOG_ERROR, tag, format, ##__VA_ARGS__)
#define ESP_LOGW(tag, format, ...) ESP_LOG_LEVEL_LOCAL(ESP_LOG_WARN, tag, format, ##__VA_ARGS__)
#define ESP_LOGI(tag, format, ...) ESP_LOG_LEVEL_LOCAL(ESP_LOG_INFO, tag, format, ##__VA_ARGS__)
#define ESP_LOGD(tag, format, ...) ESP_LOG_LEVEL_LOCAL(ESP_LOG_DEBUG, tag, format, ##__VA_ARGS__)
#define ESP_LOGV(tag, format, ...) ESP_LOG_LEVEL_LOCAL(ESP_LOG_VERBOSE, tag, format, ##__VA_ARGS__)

#define _ESP_LOG_EARLY_ENABLED(log_level) (LOG_LOCAL_LEVEL >= log_level)
#define ESP_LOG_EARLY_IMPL(tag, format, log_level, log_tag_letter, ...)                          \
  do {                                                                                           \
    if (_ESP_LOG_EARLY_ENABLED(log_level)) {                                                     \
      esp_rom_printf(LOG_FORMAT(log_tag_letter, format), esp_log_timestamp(), tag,               \
                     ##__VA_ARGS__);                                                             \
    }                                                                                            \
  } while (0)
#define ESP_EARLY_LOGI(tag, format, ...)                                                         \
  ESP_LOG_EARLY_IMPL(tag, format, ESP_LOG_INFO, I, ##__VA_ARGS__)

#define ESP_DRAM_LOG_IMPL(tag, format, log_level, log_tag_letter, ...)                           \
  do {                                                                                           \
    if (_ESP_LOG_EARLY_ENABLED(log_level)) {                                                     \
      esp_rom_printf(_ESP_LOG_DRAM_LOG_FORMAT(log_tag_letter, format), tag, ##__VA_ARGS__);      \
    }                                                                                            \
  } while (0)
#define ESP_DRAM_LOGE(tag, format, ...)                                                          \
  ESP_DRAM_LOG_IMPL(tag, format, ESP_LOG_ERROR, E, ##__VA_ARGS__)
#define ESP_DRAM_LOGI(tag, format, ...)                                                          \
  ESP_DRAM_LOG_IMPL(tag, format, ESP_LOG_INFO, I, ##__VA_ARGS__)

#ifdef __cplusplus
}
#endif

#endif /* __ESP_LOG_H__ */
