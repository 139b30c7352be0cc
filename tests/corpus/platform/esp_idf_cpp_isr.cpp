// ESP-IDF in C++: a static member ISR registered with gpio_isr_handler_add forwards to a member function through its argument; esp_event_isr_post is the ISR-safe way to post an event, esp_event_post and UART writes are reported.
#include "driver/gpio.h"
#include "driver/uart.h"
#include "esp_event.h"
#include "freertos/FreeRTOS.h"

ESP_EVENT_DEFINE_BASE(BUTTON_EVENTS);

class Button {
public:
  explicit Button(gpio_num_t pin) : pin_(pin) {}

  void attach() { gpio_isr_handler_add(pin_, &Button::isr_trampoline, this); }

private:
  static void isr_trampoline(void *arg) { static_cast<Button *>(arg)->on_edge(); }

  void on_edge() {
    const int level = gpio_get_level(pin_);
    BaseType_t woken = pdFALSE;
    esp_event_isr_post(BUTTON_EVENTS, level, nullptr, 0, &woken);
    esp_event_post(BUTTON_EVENTS, level, nullptr, 0, 0); // expect: alloc
    uart_write_bytes(UART_NUM_0, "!", 1); // expect: driver
    count_++;
    portYIELD_FROM_ISR(woken);
  }

  gpio_num_t pin_;
  volatile int count_ = 0;
};

Button g_button(GPIO_NUM_0);

extern "C" void app_main(void) {
  esp_event_loop_create_default();
  gpio_install_isr_service(0);
  g_button.attach();
}
