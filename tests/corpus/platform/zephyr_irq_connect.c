/* Zephyr: an ISR installed at build time with IRQ_CONNECT (Z_ISR_DECLARE stores its address in struct _isr_list in .intList) runs in interrupt context like one given to irq_connect_dynamic. */
#include <zephyr/irq.h>
#include <zephyr/kernel.h>

#define UART0_IRQ 5
#define UART0_PRIO 2

static struct k_sem s_rx;

static void uart0_isr(const void *arg) {
  (void)arg;
  k_sem_take(&s_rx, K_FOREVER); // expect: lock
  printk("rx\n"); // expect: syscall
}

int uart0_init(void) {
  k_sem_init(&s_rx, 0, 1);
  IRQ_CONNECT(UART0_IRQ, UART0_PRIO, uart0_isr, NULL, 0);
  irq_enable(UART0_IRQ);
  return 0;
}
