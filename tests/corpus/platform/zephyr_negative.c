/* A Zephyr GPIO callback and timer expiry function that only toggle pins, read cycles, give semaphores, submit work and restart the timer (all documented ISR-safe): no finding. */
#include <zephyr/drivers/gpio.h>
#include <zephyr/kernel.h>

K_SEM_DEFINE(edge_sem, 0, 1);

static const struct device *s_port;
static struct gpio_callback s_cb;
static struct k_timer s_blink;
static struct k_work s_log_work;
static volatile uint32_t s_last_cycles;

static void on_edge(const struct device *port, struct gpio_callback *cb, gpio_port_pins_t pins) {
  (void)cb;
  (void)pins;
  s_last_cycles = k_cycle_get_32();
  gpio_pin_toggle(port, 13);
  k_sem_give(&edge_sem);
  k_work_submit(&s_log_work);
}

static void on_blink(struct k_timer *t) {
  gpio_pin_set(s_port, 12, gpio_pin_get(s_port, 12) ? 0 : 1);
  k_timer_start(t, K_MSEC(500), K_NO_WAIT);
}

static void log_work(struct k_work *w) {
  (void)w;
  printk("edge at %u\n", s_last_cycles);
}

void setup(const struct device *port) {
  s_port = port;
  k_work_init(&s_log_work, log_work);
  gpio_init_callback(&s_cb, on_edge, BIT(11));
  gpio_add_callback(port, &s_cb);
  k_timer_init(&s_blink, on_blink, NULL);
}
