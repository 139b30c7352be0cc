/* ESP-IDF ISR registered with esp_intr_alloc: I2S reads (portMAX_DELAY or not), NVS writes, early/DRAM logging are reported; ESP_ERROR_CHECK's failure path ends the program (abort) and is not; GPIO level, esp_timer_get_time and *FromISR calls are not. */
#include "driver/gpio.h"
#include "driver/i2s.h"
#include "esp_err.h"
#include "esp_intr_alloc.h"
#include "esp_log.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"
#include "nvs.h"

#define ETS_I2S0_INTR_SOURCE 32

static const char *TAG = "mic";
static int16_t s_pcm[256];
static QueueHandle_t s_levels;
static nvs_handle_t s_nvs;
static intr_handle_t s_intr;

static void mic_isr(void *arg) {
  (void)arg;
  size_t got = 0;
  BaseType_t woken = pdFALSE;
  int64_t now = esp_timer_get_time();
  int level = gpio_get_level(GPIO_NUM_4);
  i2s_read(I2S_NUM_0, s_pcm, sizeof s_pcm, &got, portMAX_DELAY); // expect: driver
  i2s_read(I2S_NUM_0, s_pcm, sizeof s_pcm, &got, 0); // expect: driver
  xQueueSendFromISR(s_levels, &level, &woken);
  nvs_set_i32(s_nvs, "last_level", level); // expect: driver
  nvs_commit(s_nvs); // expect: driver
  ESP_DRAM_LOGE(TAG, "overrun at %lld", (long long)now); // expect: syscall
  ESP_EARLY_LOGI(TAG, "got %u", (unsigned)got); // expect: syscall
  ESP_ERROR_CHECK(gpio_set_level(GPIO_NUM_5, 1));
  portYIELD_FROM_ISR(woken);
}

void app_main(void) {
  nvs_open("mic", NVS_READWRITE, &s_nvs);
  s_levels = xQueueCreate(16, sizeof(int));
  esp_intr_alloc(ETS_I2S0_INTR_SOURCE, ESP_INTR_FLAG_LEVEL1, mic_isr, NULL, &s_intr);
}
