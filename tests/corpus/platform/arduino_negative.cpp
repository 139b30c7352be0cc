// An Arduino pin-change ISR that only reads pins, reads micros() and updates volatile state: no finding.
#include <Arduino.h>

const uint8_t kPinA = 2;
const uint8_t kPinB = 3;
volatile long g_position = 0;
volatile unsigned long g_last_us = 0;
volatile uint8_t g_ring[64];
volatile uint8_t g_head = 0;

void IRAM_ATTR onEdge() {
  const unsigned long now = micros();
  if (now - g_last_us < 200)
    return;
  g_last_us = now;
  const int a = digitalRead(kPinA);
  const int b = digitalRead(kPinB);
  g_position += (a == b) ? 1 : -1;
  g_ring[g_head & 63] = static_cast<uint8_t>((a << 1) | b);
  g_head = g_head + 1;
  digitalWrite(13, a);
  delayMicroseconds(2);
}

void setup() {
  pinMode(kPinA, INPUT_PULLUP);
  pinMode(kPinB, INPUT_PULLUP);
  attachInterrupt(digitalPinToInterrupt(kPinA), onEdge, CHANGE);
}

void loop() {
  Serial.println(g_position);
  delay(100);
}
