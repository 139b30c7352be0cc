/* Declaration-only subset of ESP-IDF esp_err.h (v5.x). */
#ifndef __ESP_ERR_H__
#define __ESP_ERR_H__

#include <assert.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int esp_err_t;
#define ESP_OK 0
#define ESP_FAIL -1
#define ESP_ERR_NO_MEM 0x101
#define ESP_ERR_INVALID_ARG 0x102
#define ESP_ERR_TIMEOUT 0x107

const char *esp_err_to_name(esp_err_t code);
void _esp_error_check_failed(esp_err_t rc, const char *file, int line, const char *function,
                             const char *expression) __attribute__((__noreturn__));

#define ESP_ERROR_CHECK(x)                                                                       \
  do {                                                                                           \
    esp_err_t err_rc_ = (x);                                                                     \
    if (__builtin_expect(err_rc_ != ESP_OK, 0)) {                                                \
      _esp_error_check_failed(err_rc_, __FILE__, __LINE__, __func__, #x);                        \
    }                                                                                            \
  } while (0)

#ifdef __cplusplus
}
#endif

#endif /* __ESP_ERR_H__ */
