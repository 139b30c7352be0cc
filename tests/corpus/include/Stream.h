/* Declaration-only subset of Arduino Stream.h (arduino-esp32 2.x). */
#ifndef Stream_h
#define Stream_h

#include "Print.h"

class Stream : public Print {
public:
  virtual int available() = 0;
  virtual int read() = 0;
  virtual int peek() = 0;

  void setTimeout(unsigned long timeout);
  bool find(const char *target);
  long parseInt();
  float parseFloat();
  size_t readBytes(char *buffer, size_t length);
  size_t readBytesUntil(char terminator, char *buffer, size_t length);
  String readString();
  String readStringUntil(char terminator);
};

#endif
