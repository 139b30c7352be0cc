// A std::thread whose callable raises its own thread (pthread_setschedparam on pthread_self, SCHED_RR) is a real-time root; a std::thread that does not is not.
#include <pthread.h>
#include <sched.h>
#include <cstdio>
#include <thread>

static int *g_block;

int main() {
  std::thread audio([] {
    sched_param p{};
    p.sched_priority = 50;
    pthread_setschedparam(pthread_self(), SCHED_RR, &p);
    g_block = new int[64]; // expect: alloc
  });
  std::thread worker([] { std::puts("worker: ordinary priority"); });
  audio.join();
  worker.join();
  return 0;
}
