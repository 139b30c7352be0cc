/* ESP32 IRAM: an IRAM_ATTR ISR that calls a user function not placed in IRAM is a driver finding (it faults while the flash cache is disabled); calling an IRAM_ATTR helper is not. */
#include "driver/gpio.h"
#include "esp_attr.h"
#include "esp_intr_alloc.h"

static volatile uint32_t s_edges;
static volatile uint32_t s_filtered;

static IRAM_ATTR uint32_t debounce_in_iram(uint32_t v) { return v & ~1u; }

static uint32_t debounce_in_flash(uint32_t v) { return v | 1u; }

static void IRAM_ATTR edge_isr(void *arg) {
  (void)arg;
  s_edges++;
  s_filtered = debounce_in_iram(s_edges);
  s_filtered = debounce_in_flash(s_edges); // expect: driver
}

void app_main(void) {
  gpio_install_isr_service(ESP_INTR_FLAG_IRAM);
  gpio_isr_handler_add(GPIO_NUM_18, edge_isr, NULL);
}
