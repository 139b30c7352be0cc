/* Zephyr: GPIO callbacks (gpio_init_callback), timer expiry/stop functions (k_timer_init) and dynamic ISRs (irq_connect_dynamic) run in interrupt context; K_NO_WAIT takes/puts, gives, work submission and GPIO pin access are ISR-safe (Zephyr docs), blocking waits, sleeps, printk, heap and mutexes are not. */
#include <zephyr/drivers/gpio.h>
#include <zephyr/irq.h>
#include <zephyr/kernel.h>

K_SEM_DEFINE(data_ready, 0, 1);
K_MUTEX_DEFINE(cfg_lock);
K_MSGQ_DEFINE(events, sizeof(uint32_t), 16, 4);

static const struct device *s_port;
static struct gpio_callback s_button_cb;
static struct k_timer s_debounce;
static struct k_work s_work;
static void *s_buf;

static void button_pressed(const struct device *port, struct gpio_callback *cb, gpio_port_pins_t pins) {
  (void)cb;
  uint32_t ev = pins;
  k_msgq_put(&events, &ev, K_NO_WAIT);
  k_sem_give(&data_ready);
  k_work_submit(&s_work);
  gpio_pin_toggle(port, 13);
  k_timer_start(&s_debounce, K_MSEC(20), K_NO_WAIT);
  printk("button %u\n", ev); // expect: syscall
}

static void debounce_expired(struct k_timer *t) {
  (void)t;
  int level = gpio_pin_get(s_port, 11);
  if (k_sem_take(&data_ready, K_NO_WAIT) == 0 && level)
    k_busy_wait(5);
  k_sem_take(&data_ready, K_FOREVER); // expect: lock
  k_mutex_lock(&cfg_lock, K_NO_WAIT); // expect: lock
  k_mutex_unlock(&cfg_lock); // expect: lock
}

static void debounce_stopped(struct k_timer *t) {
  (void)t;
  s_buf = k_malloc(32); // expect: alloc
}

static void dma_isr(const void *param) {
  (void)param;
  uint32_t ev = k_cycle_get_32();
  k_msgq_put(&events, &ev, K_MSEC(1)); // expect: lock
  k_msleep(1); // expect: syscall
}

static void work_handler(struct k_work *w) {
  (void)w;
  k_msleep(10);
}

void setup(const struct device *port) {
  s_port = port;
  gpio_pin_configure(port, 11, GPIO_INPUT);
  gpio_pin_interrupt_configure(port, 11, GPIO_INT_EDGE_TO_ACTIVE);
  gpio_init_callback(&s_button_cb, button_pressed, BIT(11));
  gpio_add_callback(port, &s_button_cb);
  k_timer_init(&s_debounce, debounce_expired, debounce_stopped);
  k_work_init(&s_work, work_handler);
  irq_connect_dynamic(27, 2, dma_isr, NULL, 0);
}
