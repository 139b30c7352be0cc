/* Declaration-only subset of zephyr/sys/printk.h. */
#ifndef ZEPHYR_INCLUDE_SYS_PRINTK_H_
#define ZEPHYR_INCLUDE_SYS_PRINTK_H_

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);

#ifdef __cplusplus
}
#endif

#endif
