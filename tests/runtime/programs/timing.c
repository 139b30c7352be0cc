/* Scopes of known length, each also timed by the program itself with CLOCK_MONOTONIC: inside the
 * scope (its body) and around it (begin to end). The first spins start at once, before the shim's
 * TSC calibration (20 ms after start), the rest after a 30 ms pause.
 *   timing.spin3  20 x a 3 ms spin, budget 2 ms: a deadline miss each
 *   timing.spin1  10 x a 1 ms spin, budget 5 ms: a miss only if preempted for 4 ms
 *   timing.sleep4  5 x nanosleep(4 ms) (an interposed call: the first captures its stack)
 * Prints per scope: "NAME body_min body_max around_min around_max body_over around_over", the
 * last two counting the calls longer than the budget. */
#include <rtcheck/realtime.h>

#include <stdint.h>
#include <stdio.h>
#include <time.h>

typedef struct timing {
  const char *name;
  uint64_t budget_ns;
  uint64_t body_min, body_max, around_min, around_max;
  int body_over, around_over;
} timing;

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void spin(uint64_t ns) {
  uint64_t end = now_ns() + ns;
  while (now_ns() < end)
    ;
}

static void rest(uint64_t ns) {
  struct timespec ts = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
  nanosleep(&ts, 0);
}

static void note(timing *t, uint64_t body, uint64_t around) {
  if (!t->body_min || body < t->body_min)
    t->body_min = body;
  if (body > t->body_max)
    t->body_max = body;
  if (!t->around_min || around < t->around_min)
    t->around_min = around;
  if (around > t->around_max)
    t->around_max = around;
  t->body_over += body > t->budget_ns;
  t->around_over += around > t->budget_ns;
}

static void one(timing *t, void (*body)(uint64_t), uint64_t ns) {
  uint64_t a = now_ns();
  RTCHECK_SCOPE_BEGIN(t->name, t->budget_ns);
  uint64_t b = now_ns();
  body(ns);
  uint64_t c = now_ns();
  RTCHECK_SCOPE_END();
  uint64_t d = now_ns();
  note(t, c - b, d - a);
}

static void print(const timing *t) {
  printf("%s %llu %llu %llu %llu %d %d\n", t->name, (unsigned long long)t->body_min,
         (unsigned long long)t->body_max, (unsigned long long)t->around_min,
         (unsigned long long)t->around_max, t->body_over, t->around_over);
}

int main(void) {
  timing spin3 = {"timing.spin3", 2000000}, spin1 = {"timing.spin1", 5000000},
         sleep4 = {"timing.sleep4", 1000000000};
  for (int i = 0; i < 10; i++)
    one(&spin3, spin, 3000000);
  rest(30000000);
  for (int i = 0; i < 10; i++)
    one(&spin3, spin, 3000000);
  for (int i = 0; i < 10; i++)
    one(&spin1, spin, 1000000);
  for (int i = 0; i < 5; i++)
    one(&sleep4, rest, 4000000);
  print(&spin3);
  print(&spin1);
  print(&sleep4);
  return 0;
}
