// Multi-threaded stress of the lock-free pieces the fixed variants rely on, built with
// -fsanitize=thread: the seqlock never yields a torn value, the SPSC ring and the camera's event
// queue deliver every item in order, the host FreeRTOS queue loses nothing between an "ISR"
// producer and a task consumer.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "frame.h"
#include "pipeline.h"
#include "rtos/freertos_host.h"
#include "rtsample/seqlock.h"
#include "rtsample/spsc_ring.h"

namespace {

// Every field derives from one counter, so any mix of two writes is detectable.
struct Payload {
  uint64_t n;
  uint32_t words[13];
  uint64_t n_again;
};

TEST(TsanStress, SeqLockNeverYieldsATornRead) {
  rtsample::SeqLock<Payload> lock;
  std::atomic<bool> done{false};
  std::atomic<uint64_t> reads{0}, torn{0}, failures{0};
  // The writer keeps going until the readers have overlapped it for long enough, however the
  // scheduler runs the threads on a loaded machine (bounded by a deadline).
  constexpr uint64_t kMinWrites = 200'000, kMinReads = 30'000;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::thread writer([&] {
    Payload p{};
    for (uint64_t n = 1; n <= kMinWrites || reads.load() < kMinReads; ++n) {
      p.n = n;
      for (uint32_t i = 0; i < 13; ++i)
        p.words[i] = uint32_t(n * 2654435761u + i);
      p.n_again = n;
      lock.store(p);
      if ((n & 1023) == 0 && std::chrono::steady_clock::now() > deadline)
        break;
    }
    done.store(true);
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r)
    readers.emplace_back([&] {
      uint64_t last = 0;
      while (!done.load()) {
        Payload p;
        if (!lock.load(p, 100)) {
          failures.fetch_add(1);
          continue;
        }
        bool ok = p.n == p.n_again && p.n >= last;
        for (uint32_t i = 0; i < 13 && ok && p.n; ++i)
          ok = p.words[i] == uint32_t(p.n * 2654435761u + i);
        torn.fetch_add(ok ? 0 : 1);
        reads.fetch_add(1);
        last = p.n;
      }
    });
  writer.join();
  for (auto &t : readers)
    t.join();
  EXPECT_EQ(torn.load(), 0u);
  EXPECT_GE(reads.load(), kMinReads);
  RecordProperty("reads", int(reads.load()));
  RecordProperty("bounded_retry_failures", int(failures.load()));
}

TEST(TsanStress, SpscRingDeliversEveryItemInOrder) {
  auto ring = std::make_unique<rtsample::SpscRing<uint64_t, 64>>();
  constexpr uint64_t kItems = 100'000;
  // Both sides yield when the ring is full/empty, so an oversubscribed machine still makes
  // progress.
  std::thread producer([&] {
    for (uint64_t i = 0; i < kItems;) {
      if (ring->try_push(i))
        ++i;
      else
        std::this_thread::yield();
    }
  });
  uint64_t expected = 0;
  while (expected < kItems) {
    uint64_t v;
    if (ring->try_pop(v)) {
      ASSERT_EQ(v, expected);
      ++expected;
    } else {
      std::this_thread::yield();
    }
  }
  producer.join();
}

TEST(TsanStress, CameraEventQueueKeepsFifoPerPriorityUnderConcurrency) {
  auto q = std::make_unique<camera::EventQueue>();
  constexpr uint64_t kEvents = 100'000;
  const camera::EventType types[] = {camera::EventType::Alert, camera::EventType::StatusChange,
                                     camera::EventType::Correction,
                                     camera::EventType::PostureUpdate};
  std::atomic<bool> done{false};
  std::thread producer([&] {
    for (uint64_t i = 0; i < kEvents; ++i) {
      camera::Event e;
      e.type = types[i % 4];
      e.priority = camera::priority_of(e.type);
      e.frame = i;
      q->push(e);
    }
    done.store(true);
  });
  uint64_t last[camera::kPriorities] = {0, 0, 0, 0};
  bool seen[camera::kPriorities] = {};
  uint64_t received = 0;
  camera::Event e;
  for (;;) {
    if (q->pop(e, 1)) {
      const int p = int(e.priority);
      if (seen[p]) {
        ASSERT_GT(e.frame, last[p]);
      }
      seen[p] = true;
      last[p] = e.frame;
      ++received;
    } else if (done.load()) {
      break;
    }
  }
  producer.join();
  while (q->pop(e, 0))
    ++received;
  const camera::QueueStats s = q->stats();
  uint64_t dropped = 0;
  for (int p = 0; p < camera::kPriorities; ++p)
    dropped += s.dropped[p];
  EXPECT_EQ(received + dropped, kEvents);
}

TEST(TsanStress, FreeRtosQueueLosesNothingBetweenIsrAndTask) {
  QueueHandle_t q = xQueueCreate(8, sizeof(uint32_t));
  constexpr uint32_t kItems = 20'000;
  std::thread isr([q] {
    for (uint32_t i = 0; i < kItems;) {
      BaseType_t woken = pdFALSE;
      if (xQueueSendFromISR(q, &i, &woken) == pdPASS)
        ++i;
      else
        std::this_thread::yield();
    }
  });
  for (uint32_t i = 0; i < kItems; ++i) {
    uint32_t v = 0;
    ASSERT_EQ(xQueueReceive(q, &v, portMAX_DELAY), pdTRUE);
    ASSERT_EQ(v, i);
  }
  isr.join();
  vQueueDelete(q);
}

} // namespace
