// Arduino (ESP32 core): an unannotated attachInterrupt ISR is a firmware-isr root; Serial printing, delay() and String building are reported, digitalRead/digitalWrite/millis are not.
#include <Arduino.h>

const uint8_t kButtonPin = 2;
const uint8_t kLedPin = 13;
volatile unsigned long g_presses = 0;
volatile unsigned long g_last_ms = 0;
String g_log;

void onButton() {
  unsigned long now = millis();
  g_presses++;
  digitalWrite(kLedPin, digitalRead(kButtonPin));
  Serial.print("press "); // expect: driver
  Serial.println(g_presses); // expect: driver
  Serial.write('\n'); // expect: driver
  String line = String("t=") + now; // expect: alloc
  g_log += line; // expect: alloc
  g_log = "reset"; // expect: alloc
  delay(50); // expect: syscall
  g_last_ms = now;
}

void setup() {
  Serial.begin(115200);
  pinMode(kLedPin, OUTPUT);
  pinMode(kButtonPin, INPUT_PULLUP);
  attachInterrupt(digitalPinToInterrupt(kButtonPin), onButton, FALLING);
}

void loop() {
  Serial.println(g_presses);
  delay(1000);
}
