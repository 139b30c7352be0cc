/* Declaration-only subset of zephyr/irq.h for ARM Cortex-M: IRQ_CONNECT places the ISR in the
 * .intList section through Z_ISR_DECLARE (struct _isr_list), as in include/zephyr/sw_isr_table.h
 * and arch/arm/irq.h; irq_connect_dynamic installs one at run time. */
#ifndef ZEPHYR_INCLUDE_IRQ_H_
#define ZEPHYR_INCLUDE_IRQ_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct _isr_list {
  int32_t irq;
  int32_t flags;
  void *func;
  const void *param;
};

void z_arm_irq_priority_set(unsigned int irq, unsigned int prio, uint32_t flags);
void arch_irq_enable(unsigned int irq);
int irq_connect_dynamic(unsigned int irq, unsigned int priority, void (*routine)(const void *parameter),
                        const void *parameter, uint32_t flags);
unsigned int irq_lock(void);
void irq_unlock(unsigned int key);

#define _CONCAT(x, y) x##y
#define _MK_ISR_NAME(x, y) _CONCAT(__isr_##x##_irq_, y)
#define Z_ISR_DECLARE(irq, flags, func, param)                                                   \
  static __attribute__((section(".intList"))) __attribute__((used)) struct _isr_list            \
      _MK_ISR_NAME(func, __COUNTER__) = {irq, flags, (void *)&func, (const void *)param}
#define ARCH_IRQ_CONNECT(irq_p, priority_p, isr_p, isr_param_p, flags_p)                         \
  {                                                                                              \
    Z_ISR_DECLARE(irq_p, 0, isr_p, isr_param_p);                                                 \
    z_arm_irq_priority_set(irq_p, priority_p, flags_p);                                          \
  }
#define IRQ_CONNECT(irq_p, priority_p, isr_p, isr_param_p, flags_p)                              \
  ARCH_IRQ_CONNECT(irq_p, priority_p, isr_p, isr_param_p, flags_p)
#define irq_enable(irq) arch_irq_enable(irq)

#ifdef __cplusplus
}
#endif

#endif
