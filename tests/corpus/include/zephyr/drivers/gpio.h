/* Declaration-only subset of zephyr/drivers/gpio.h (v3.x). gpio_init_callback is a static inline
 * in Zephyr that stores the handler in struct gpio_callback; declared only here. */
#ifndef ZEPHYR_INCLUDE_DRIVERS_GPIO_H_
#define ZEPHYR_INCLUDE_DRIVERS_GPIO_H_

#include <stdint.h>
#include <zephyr/device.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint8_t gpio_pin_t;
typedef uint32_t gpio_port_pins_t;
typedef uint32_t gpio_flags_t;
#define BIT(n) (1UL << (n))
#define GPIO_INPUT (1U << 16)
#define GPIO_OUTPUT (1U << 17)
#define GPIO_INT_EDGE_TO_ACTIVE (0x1U << 21 | 0x1U << 23 | 0x1U << 25)

struct gpio_callback;
typedef void (*gpio_callback_handler_t)(const struct device *port, struct gpio_callback *cb,
                                        gpio_port_pins_t pins);
struct gpio_callback {
  void *node;
  gpio_callback_handler_t handler;
  gpio_port_pins_t pin_mask;
};

int gpio_pin_configure(const struct device *port, gpio_pin_t pin, gpio_flags_t flags);
int gpio_pin_interrupt_configure(const struct device *port, gpio_pin_t pin, gpio_flags_t flags);
int gpio_pin_get(const struct device *port, gpio_pin_t pin);
int gpio_pin_set(const struct device *port, gpio_pin_t pin, int value);
int gpio_pin_toggle(const struct device *port, gpio_pin_t pin);
void gpio_init_callback(struct gpio_callback *callback, gpio_callback_handler_t handler,
                        gpio_port_pins_t pin_mask);
int gpio_add_callback(const struct device *port, struct gpio_callback *callback);

#ifdef __cplusplus
}
#endif

#endif
