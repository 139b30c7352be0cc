/* Declaration-only subset of Arduino.h for the ESP32 core (arduino-esp32 2.x): esp32-hal-gpio,
 * esp32-hal-timer (2.x API, plus 3.x timerAttachInterruptArg), esp32-hal-misc, and for C++ the
 * String / Print / Stream / HardwareSerial classes. No bodies. */
#ifndef Arduino_h
#define Arduino_h

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "esp_attr.h"
#include "freertos/FreeRTOS.h"

#define HIGH 0x1
#define LOW 0x0
#define INPUT 0x01
#define OUTPUT 0x03
#define PULLUP 0x04
#define INPUT_PULLUP 0x05
#define RISING 0x01
#define FALLING 0x02
#define CHANGE 0x03
#define NOT_AN_INTERRUPT -1
#define NUM_DIGITAL_PINS 40
#define digitalPinToInterrupt(p) (((p) < NUM_DIGITAL_PINS) ? (p) : NOT_AN_INTERRUPT)

typedef bool boolean;
typedef uint8_t byte;
typedef struct hw_timer_s hw_timer_t;

#ifdef __cplusplus
extern "C" {
#endif

/* esp32-hal-gpio.h */
void pinMode(uint8_t pin, uint8_t mode);
void digitalWrite(uint8_t pin, uint8_t val);
int digitalRead(uint8_t pin);
void attachInterrupt(uint8_t pin, void (*)(void), int mode);
void attachInterruptArg(uint8_t pin, void (*)(void *), void *arg, int mode);
void detachInterrupt(uint8_t pin);

/* esp32-hal-adc.h, esp32-hal-ledc.h */
uint16_t analogRead(uint8_t pin);
void analogWrite(uint8_t pin, int value);

/* esp32-hal.h / esp32-hal-misc.c */
unsigned long micros(void);
unsigned long millis(void);
void delay(uint32_t);
void delayMicroseconds(uint32_t us);
void yield(void);

/* esp32-hal-timer.h (2.x) */
hw_timer_t *timerBegin(uint8_t timer, uint16_t divider, bool countUp);
void timerAttachInterrupt(hw_timer_t *timer, void (*fn)(void), bool edge);
void timerAlarmWrite(hw_timer_t *timer, uint64_t interruptAt, bool autoreload);
void timerAlarmEnable(hw_timer_t *timer);
uint64_t timerRead(hw_timer_t *timer);
/* esp32-hal-timer.h (3.x) */
void timerAttachInterruptArg(hw_timer_t *timer, void (*userFunc)(void *), void *arg);

#ifdef __cplusplus
}

#include "HardwareSerial.h"
#include "Print.h"
#include "Stream.h"
#include "WString.h"

/* pulseIn / tone are C++ in the core */
unsigned long pulseIn(uint8_t pin, uint8_t state, unsigned long timeout = 1000000L);
void tone(uint8_t _pin, unsigned int frequency, unsigned long duration = 0);
void noTone(uint8_t _pin);
#endif

#endif /* Arduino_h */
