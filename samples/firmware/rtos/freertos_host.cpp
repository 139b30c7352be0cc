// POSIX implementation of freertos_host.h. See the header for the mapping.
#include "freertos_host.h"

#include "rtsample/clock.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <pthread.h>
#include <sched.h>

namespace {

using rtsample::now_ns;

const int64_t boot_ns = now_ns();

void sleep_ns(int64_t ns) {
  timespec ts{time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

std::mutex tasks_mutex;
std::vector<std::thread> tasks;
thread_local BaseType_t current_core = 0;

} // namespace

// A bounded multi-producer multi-consumer ring (D. Vyukov's design): each slot carries a sequence
// number, so producers and consumers claim slots with one CAS and never take a lock. Blocking
// calls poll it every 100 us.
struct QueueDefinition {
  QueueDefinition(UBaseType_t length, UBaseType_t item_size)
      : capacity(length), size(item_size), slots(new Slot[length]),
        storage(new unsigned char[size_t(length) * item_size]) {
    for (UBaseType_t i = 0; i < length; ++i)
      slots[i].sequence.store(i, std::memory_order_relaxed);
  }
  struct Slot {
    std::atomic<size_t> sequence{0};
  };
  bool try_send(const void *item) noexcept {
    size_t pos = head.load(std::memory_order_relaxed);
    for (;;) {
      Slot &slot = slots[pos % capacity];
      const size_t seq = slot.sequence.load(std::memory_order_acquire);
      const intptr_t diff = intptr_t(seq) - intptr_t(pos);
      if (diff == 0) {
        if (head.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) {
          std::memcpy(&storage[(pos % capacity) * size], item, size);
          slot.sequence.store(pos + 1, std::memory_order_release);
          return true;
        }
      } else if (diff < 0) {
        return false; // full
      } else {
        pos = head.load(std::memory_order_relaxed);
      }
    }
  }
  bool try_receive(void *out) noexcept {
    size_t pos = tail.load(std::memory_order_relaxed);
    for (;;) {
      Slot &slot = slots[pos % capacity];
      const size_t seq = slot.sequence.load(std::memory_order_acquire);
      const intptr_t diff = intptr_t(seq) - intptr_t(pos + 1);
      if (diff == 0) {
        if (tail.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) {
          std::memcpy(out, &storage[(pos % capacity) * size], size);
          slot.sequence.store(pos + capacity, std::memory_order_release);
          return true;
        }
      } else if (diff < 0) {
        return false; // empty
      } else {
        pos = tail.load(std::memory_order_relaxed);
      }
    }
  }
  // For the mutex flavour.
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  bool is_mutex = false;

  const size_t capacity, size;
  std::unique_ptr<Slot[]> slots;
  std::unique_ptr<unsigned char[]> storage;
  alignas(64) std::atomic<size_t> head{0};
  alignas(64) std::atomic<size_t> tail{0};
};

namespace {

// Retries `attempt` until it succeeds or `ticks` have passed (portMAX_DELAY: forever).
template <class F> BaseType_t wait_for(TickType_t ticks, F attempt) {
  if (attempt())
    return pdTRUE;
  const int64_t deadline =
      ticks == portMAX_DELAY ? INT64_MAX : now_ns() + int64_t(ticks) * 1'000'000;
  while (now_ns() < deadline) {
    sleep_ns(100'000);
    if (attempt())
      return pdTRUE;
  }
  return pdFALSE;
}

} // namespace

extern "C" {

BaseType_t xTaskCreatePinnedToCore(TaskFunction_t code, const char *name, uint32_t, void *params,
                                   UBaseType_t, TaskHandle_t *created, BaseType_t core_id) {
  std::lock_guard<std::mutex> lock(tasks_mutex);
  tasks.emplace_back([code, params, core_id, task_name = std::string(name)] {
    pthread_setname_np(pthread_self(), task_name.substr(0, 15).c_str());
    if (core_id != tskNO_AFFINITY) {
      const unsigned cpus = std::thread::hardware_concurrency();
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(unsigned(core_id) % (cpus ? cpus : 1), &set);
      pthread_setaffinity_np(pthread_self(), sizeof set, &set); // best effort
      current_core = core_id;
    }
    code(params);
  });
  if (created)
    *created = reinterpret_cast<TaskHandle_t>(tasks.size());
  return pdPASS;
}

void vTaskDelete(TaskHandle_t) {} // host tasks end by returning from their function

void vTaskDelay(TickType_t ticks) { sleep_ns(int64_t(ticks) * 1'000'000); }

void vTaskDelayUntil(TickType_t *previous_wake, TickType_t increment) {
  *previous_wake += increment;
  const int64_t wake = boot_ns + int64_t(*previous_wake) * 1'000'000;
  const int64_t now = now_ns();
  if (wake > now)
    sleep_ns(wake - now);
}

TickType_t xTaskGetTickCount(void) { return TickType_t((now_ns() - boot_ns) / 1'000'000); }

BaseType_t xPortGetCoreID(void) { return current_core; }

QueueHandle_t xQueueCreate(UBaseType_t length, UBaseType_t item_size) {
  return new QueueDefinition(length, item_size);
}

void vQueueDelete(QueueHandle_t queue) { delete queue; }

BaseType_t xQueueSend(QueueHandle_t q, const void *item, TickType_t ticks) {
  return wait_for(ticks, [&] { return q->try_send(item); });
}

BaseType_t xQueueReceive(QueueHandle_t q, void *buffer, TickType_t ticks) {
  return wait_for(ticks, [&] { return q->try_receive(buffer); });
}

BaseType_t xQueueSendFromISR(QueueHandle_t q, const void *item, BaseType_t *woken) {
  const bool sent = q->try_send(item);
  if (woken)
    *woken = sent ? pdTRUE : *woken;
  return sent ? pdPASS : errQUEUE_FULL;
}

UBaseType_t uxQueueMessagesWaiting(QueueHandle_t q) {
  return UBaseType_t(q->head.load(std::memory_order_acquire) -
                     q->tail.load(std::memory_order_acquire));
}

SemaphoreHandle_t xSemaphoreCreateMutex(void) {
  auto *q = new QueueDefinition(1, 1);
  q->is_mutex = true;
  return q;
}

void vSemaphoreDelete(SemaphoreHandle_t sem) {
  pthread_mutex_destroy(&sem->mutex);
  delete sem;
}

BaseType_t xSemaphoreTake(SemaphoreHandle_t sem, TickType_t ticks) {
  if (ticks == portMAX_DELAY)
    return pthread_mutex_lock(&sem->mutex) == 0 ? pdTRUE : pdFALSE;
  if (ticks == 0)
    return pthread_mutex_trylock(&sem->mutex) == 0 ? pdTRUE : pdFALSE;
  int64_t deadline = 0;
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  deadline = int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec + int64_t(ticks) * 1'000'000;
  ts = {time_t(deadline / 1'000'000'000), long(deadline % 1'000'000'000)};
  return pthread_mutex_timedlock(&sem->mutex, &ts) == 0 ? pdTRUE : pdFALSE;
}

BaseType_t xSemaphoreGive(SemaphoreHandle_t sem) {
  return pthread_mutex_unlock(&sem->mutex) == 0 ? pdTRUE : pdFALSE;
}

void *pvPortMalloc(size_t size) { return std::malloc(size); }

void vPortFree(void *ptr) { std::free(ptr); }

void vPortYieldFromISR(void) {} // the host's "interrupt" is a thread; nothing to switch

void host_join_tasks(void) {
  std::vector<std::thread> joining;
  {
    std::lock_guard<std::mutex> lock(tasks_mutex);
    joining.swap(tasks);
  }
  for (std::thread &t : joining)
    t.join();
}

} // extern "C"
