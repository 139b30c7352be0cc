/* Subset of ESP-IDF esp_attr.h (v5.x): IRAM_ATTR / DRAM_ATTR place code and data in internal RAM
 * through a numbered section, exactly as the real macros do. */
#ifndef __ESP_ATTR_H__
#define __ESP_ATTR_H__

#define _COUNTER_STRINGIFY(COUNTER) #COUNTER
#define _SECTION_ATTR_IMPL(SECTION, COUNTER)                                                     \
  __attribute__((section(SECTION "." _COUNTER_STRINGIFY(COUNTER))))

#define IRAM_ATTR _SECTION_ATTR_IMPL(".iram1", __COUNTER__)
#define DRAM_ATTR _SECTION_ATTR_IMPL(".dram1", __COUNTER__)

#endif /* __ESP_ATTR_H__ */
