// #10 setup order for thread roots: main calls config() (initialising its static) before it creates the SCHED_FIFO thread, so the thread only reads the initialised static; the thread's own allocation stays a finding.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

struct Config {
  Config() { puts("reading config"); }
  int frames = 64;
};

static Config &config() {
  static Config instance;
  return instance;
}

static void *audio_thread(void *) {
  void *block = malloc(static_cast<size_t>(config().frames)); // expect: alloc
  free(block); // expect: alloc
  return nullptr;
}

int main() {
  config();
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
  pthread_t thread;
  pthread_create(&thread, &attr, audio_thread, nullptr);
  pthread_join(thread, nullptr);
  return 0;
}
