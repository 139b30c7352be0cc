// Arduino ESP32 registrations: attachInterruptArg, timerAttachInterrupt (2.x) and timerAttachInterruptArg (3.x) make their handlers firmware-isr roots; a lambda handler too.
#include <Arduino.h>

struct Encoder {
  uint8_t pin;
  volatile long position;
};

Encoder g_enc{4, 0};
hw_timer_t *g_timer = nullptr;
volatile uint32_t g_ticks = 0;

void IRAM_ATTR onEncoder(void *arg) {
  Encoder *e = static_cast<Encoder *>(arg);
  e->position += digitalRead(e->pin) ? 1 : -1;
  Serial.printf("pos %ld\n", e->position); // expect: alloc
}

void IRAM_ATTR onTimer() {
  g_ticks++;
  analogWrite(5, static_cast<int>(g_ticks & 0xff)); // expect: driver
}

void IRAM_ATTR onTimerArg(void *arg) {
  (void)arg;
  uint16_t raw = analogRead(34); // expect: driver
  g_ticks = raw;
}

void setup() {
  pinMode(g_enc.pin, INPUT);
  attachInterruptArg(digitalPinToInterrupt(g_enc.pin), onEncoder, &g_enc, CHANGE);
  attachInterrupt(digitalPinToInterrupt(16), [] { delayMicroseconds(5); tone(25, 440); }, RISING); // expect: driver
  g_timer = timerBegin(0, 80, true);
  timerAttachInterrupt(g_timer, &onTimer, true);
  timerAlarmWrite(g_timer, 1000, true);
  timerAlarmEnable(g_timer);
  hw_timer_t *t1 = timerBegin(1, 80, true);
  timerAttachInterruptArg(t1, onTimerArg, nullptr);
}

void loop() {}
