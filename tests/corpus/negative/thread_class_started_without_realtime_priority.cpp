// A thread class whose start method asks for SCHED_FIFO only when its caller passes true (DPF's `Thread::startThread(bool withRealtimePriority = false)`), started with the default and with `false`: no real-time thread is created, so its run() is no root.
#include <pthread.h>
#include <sched.h>
#include <cstdio>

class Thread {
public:
  virtual ~Thread() = default;
  bool startThread(bool withRealtimePriority = false) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    if (withRealtimePriority)
      pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
    return pthread_create(&handle, &attr, entryPoint, this) == 0;
  }
  void join() { pthread_join(handle, nullptr); }

protected:
  virtual void run() = 0;

private:
  static void *entryPoint(void *self) {
    static_cast<Thread *>(self)->run();
    return nullptr;
  }
  pthread_t handle{};
};

class ControlThread : public Thread {
  void run() override { std::printf("loading presets\n"); }
};

int main() {
  ControlThread control, again;
  control.startThread();
  again.startThread(false);
  control.join();
  again.join();
  return 0;
}
