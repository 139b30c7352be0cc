// The camera pipeline's event queue (priority order, FIFO within a priority, the per-priority
// full-queue policy) and the frame path end to end on synthetic frames.
// Compiled once per variant (SAMPLE_LEGACY / SAMPLE_FIXED).
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "frame.h"
#include "pipeline.h"
#include "source.h"

namespace camera {
namespace {

Event make(EventType t, uint64_t frame) {
  Event e;
  e.type = t;
  e.priority = priority_of(t);
  e.frame = frame;
  return e;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

TEST(EventQueue, DeliversMostUrgentFirstAndFifoWithinAPriority) {
  auto q = std::make_unique<EventQueue>();
  const EventType order[] = {EventType::PostureUpdate, EventType::Correction,    EventType::Alert,
                             EventType::StatusChange,  EventType::PostureUpdate, EventType::Error,
                             EventType::CameraState,   EventType::Correction};
  for (uint64_t i = 0; i < 8; ++i)
    ASSERT_TRUE(q->push(make(order[i], i)));
  std::vector<std::pair<Priority, uint64_t>> got;
  Event e;
  while (q->pop(e, 0))
    got.emplace_back(e.priority, e.frame);
  const std::vector<std::pair<Priority, uint64_t>> want = {
      {Priority::Critical, 2}, {Priority::Critical, 5}, {Priority::High, 3}, {Priority::High, 6},
      {Priority::Normal, 1},   {Priority::Normal, 7},   {Priority::Low, 0},  {Priority::Low, 4}};
  EXPECT_EQ(got, want);
  const QueueStats s = q->stats();
  EXPECT_EQ(s.delivered[0] + s.delivered[1] + s.delivered[2] + s.delivered[3], 8u);
}

TEST(EventQueue, LowPriorityIsDroppedAtOnceWhenFull) {
  auto q = std::make_unique<EventQueue>();
  for (size_t i = 0; i < EventQueue::kCapacity; ++i)
    ASSERT_TRUE(q->push(make(EventType::PostureUpdate, i)));
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(q->push(make(EventType::PostureUpdate, 999)));
  EXPECT_LT(seconds_since(t0), 0.05); // never waits
  EXPECT_EQ(q->stats().dropped[int(Priority::Low)], 1u);
  Event e;
  ASSERT_TRUE(q->pop(e, 0));
  EXPECT_EQ(e.frame, 0u); // the queued ones survive; the newest was dropped
}

#if SAMPLE_LEGACY
// The seed's policy as written: a full queue makes CRITICAL wait up to 1 s (HIGH/NORMAL 0.5 s)
// for room, then drop. This wait is what the frame callback must not do.
TEST(EventQueue, LegacyCriticalWaitsForRoomThenDrops) {
  auto q = std::make_unique<EventQueue>();
  for (size_t i = 0; i < EventQueue::kCapacity; ++i)
    ASSERT_TRUE(q->push(make(EventType::PostureUpdate, i)));
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(q->push(make(EventType::StatusChange, 1)));
  EXPECT_GE(seconds_since(t0), 0.45);
  EXPECT_EQ(q->stats().dropped[int(Priority::High)], 1u);

  // A consumer frees a slot while CRITICAL waits: it gets in.
  std::thread consumer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    Event e;
    q->pop(e, 0);
  });
  t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(q->push(make(EventType::Alert, 2)));
  consumer.join();
  EXPECT_GE(seconds_since(t0), 0.05);
  Event e;
  ASSERT_TRUE(q->pop(e, 0));
  EXPECT_EQ(e.priority, Priority::Critical);
}
#else
// The fixed queue keeps the ranking without waiting: each priority has its own ring, so a flood
// of LOW events cannot keep CRITICAL out, and a full CRITICAL ring drops after bounded retries.
TEST(EventQueue, FixedPrioritiesHaveSeparateRoomAndNeverWait) {
  auto q = std::make_unique<EventQueue>();
  for (size_t i = 0; i < EventQueue::kCapacity; ++i)
    ASSERT_TRUE(q->push(make(EventType::PostureUpdate, i)));
  EXPECT_TRUE(q->push(make(EventType::Alert, 1))); // LOW is full, CRITICAL is not
  for (size_t i = 1; i < EventQueue::kCapacity; ++i)
    ASSERT_TRUE(q->push(make(EventType::Alert, i + 1)));
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(q->push(make(EventType::Alert, 9999)));
  EXPECT_LT(seconds_since(t0), 0.05);
  const QueueStats s = q->stats();
  EXPECT_EQ(s.dropped[int(Priority::Critical)], 1u);
  EXPECT_EQ(s.pushed[int(Priority::Critical)], EventQueue::kCapacity);
  Event e;
  ASSERT_TRUE(q->pop(e, 0));
  EXPECT_EQ(e.priority, Priority::Critical);
  EXPECT_EQ(e.frame, 1u);
}
#endif

TEST(Pipeline, FramesRaisePostureUpdatesAlertsAndCorrections) {
  PipelineConfig config;
  config.fps = 60;
  std::unique_ptr<FILE, int (*)(FILE *)> log{std::fopen("/dev/null", "w"), &std::fclose};
  config.log = log.get();
  auto pipeline = std::make_unique<Pipeline>(config);
  uint64_t observed = 0;
  ASSERT_TRUE(pipeline->register_callback(
      [](void *ctx, const Event &) { ++*static_cast<uint64_t *>(ctx); }, &observed));

  // 8 s of synthetic video: two slouch cycles of 4 s, an occlusion every 90 frames.
  auto frame = std::make_unique<Frame>();
  uint64_t counts[6] = {};
  uint64_t delivered = 0;
  Event e;
  for (uint64_t i = 0; i < 480; ++i) {
    SyntheticSource::render(i, 60.0, *frame);
    pipeline->on_frame(*frame);
    while (pipeline->queue().pop(e, 0)) {
      ++counts[int(e.type)];
      ++delivered;
    }
  }
  EXPECT_EQ(counts[int(EventType::PostureUpdate)], 480u);
  EXPECT_EQ(counts[int(EventType::Alert)], 2u);
  EXPECT_EQ(counts[int(EventType::Correction)], 2u);
  EXPECT_GE(counts[int(EventType::CameraState)], 8u); // into and out of each occlusion
  EXPECT_EQ(observed, delivered);                     // every callback saw every event
  const StateSnapshot s = pipeline->state();
  EXPECT_EQ(s.frames, 480u);
  EXPECT_EQ(s.alerts, 2u);
  EXPECT_EQ(s.check, s.frames * 2 + 1);
  EXPECT_EQ(pipeline->cached_stats(0).frames, 480u);
}

TEST(Analysis, MotionAndPostureOfKnownFrames) {
  auto a = std::make_unique<Frame>(), b = std::make_unique<Frame>();
  a->luma.fill(10);
  b->luma.fill(10);
  for (int y = 90; y < 100; ++y)
    for (int x = 0; x < 20; ++x)
      b->luma[size_t(y * kWidth + x)] = 210;
  const Analysis r = analyze(*b, *a);
  EXPECT_NEAR(r.motion, 200.0f * 200 / (kWidth * kHeight), 1e-3f);
  EXPECT_TRUE(r.subject);
  EXPECT_NEAR(r.posture, 94.5f / (kHeight - 1), 1e-4f);
}

} // namespace
} // namespace camera
