// Done-criterion: an unannotated ESP-IDF GPIO ISR (gpio_isr_handler_add) is a firmware-isr root; logging, heap and blocking FreeRTOS calls are reported, the *FromISR API is not.
#include "driver/gpio.h"
#include "esp_heap_caps.h"
#include "esp_log.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"
#include "freertos/semphr.h"

static const char *TAG = "button";
static QueueHandle_t s_events;
static SemaphoreHandle_t s_done;
static void *s_buf;

struct ButtonEvent {
  int level;
  int64_t when_us;
};

static void button_isr(void *arg) {
  const gpio_num_t pin = static_cast<gpio_num_t>(reinterpret_cast<intptr_t>(arg));
  ButtonEvent ev{gpio_get_level(pin), esp_timer_get_time()};
  BaseType_t woken = pdFALSE;
  xQueueSendFromISR(s_events, &ev, &woken);
  xSemaphoreGiveFromISR(s_done, &woken);
  ESP_LOGI(TAG, "button %d -> %d", static_cast<int>(pin), ev.level); // expect: syscall
  s_buf = heap_caps_malloc(64, MALLOC_CAP_INTERNAL); // expect: alloc
  xSemaphoreTake(s_done, portMAX_DELAY); // expect: lock
  portYIELD_FROM_ISR(woken);
}

extern "C" void app_main(void) {
  s_events = xQueueCreate(8, sizeof(ButtonEvent));
  s_done = xSemaphoreCreateBinary();
  gpio_config_t io = {};
  io.pin_bit_mask = 1ULL << GPIO_NUM_0;
  io.mode = GPIO_MODE_INPUT;
  io.intr_type = GPIO_INTR_NEGEDGE;
  gpio_config(&io);
  gpio_install_isr_service(0);
  gpio_isr_handler_add(GPIO_NUM_0, button_isr, reinterpret_cast<void *>(GPIO_NUM_0));
}
