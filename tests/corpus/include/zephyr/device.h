/* Declaration-only subset of zephyr/device.h. */
#ifndef ZEPHYR_INCLUDE_DEVICE_H_
#define ZEPHYR_INCLUDE_DEVICE_H_

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device {
  const char *name;
  const void *config;
  const void *api;
  void *data;
};

bool device_is_ready(const struct device *dev);

#ifdef __cplusplus
}
#endif

#endif
