/* Declaration-only subset of Apple's <mach/mach_time.h>. */
#ifndef _MACH_MACH_TIME_H_
#define _MACH_MACH_TIME_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

uint64_t mach_absolute_time(void);
int mach_wait_until(uint64_t deadline);

#ifdef __cplusplus
}
#endif

#endif
