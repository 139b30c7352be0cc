/* Declaration-only subset of arduino-esp32 2.x HardwareSerial.h. */
#ifndef HardwareSerial_h
#define HardwareSerial_h

#include <stdint.h>
#include "Stream.h"

#define SERIAL_8N1 0x800001c

class HardwareSerial : public Stream {
public:
  HardwareSerial(int uart_nr);
  ~HardwareSerial();

  void begin(unsigned long baud, uint32_t config = SERIAL_8N1, int8_t rxPin = -1,
             int8_t txPin = -1, bool invert = false, unsigned long timeout_ms = 20000UL,
             uint8_t rxfifo_full_thrhd = 112);
  void end(bool fullyTerminate = true);
  int available(void) override;
  int availableForWrite(void);
  int peek(void) override;
  int read(void) override;
  size_t read(uint8_t *buffer, size_t size);
  void flush(void) override;
  void flush(bool txOnly);
  size_t write(uint8_t) override;
  size_t write(const uint8_t *buffer, size_t size) override;
  using Print::write;
};

extern HardwareSerial Serial;
extern HardwareSerial Serial1;

#endif
