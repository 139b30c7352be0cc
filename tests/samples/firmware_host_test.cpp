// The firmware's building blocks on the host: the FreeRTOS-like queue and mutex semantics, the
// Goertzel feature extractor, and the seqlock's bounded retry.
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "firmware.h"
#include "rtos/esp_host.h"
#include "rtos/freertos_host.h"
#include "rtsample/seqlock.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

TEST(FreeRtosHost, QueueIsFifoAndBoundedAndFromIsrNeverWaits) {
  QueueHandle_t q = xQueueCreate(4, sizeof(int));
  for (int i = 0; i < 4; ++i)
    ASSERT_EQ(xQueueSend(q, &i, 0), pdTRUE);
  EXPECT_EQ(uxQueueMessagesWaiting(q), 4u);
  int extra = 99;
  BaseType_t woken = pdFALSE;
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(xQueueSendFromISR(q, &extra, &woken), errQUEUE_FULL);
  EXPECT_EQ(xQueueSend(q, &extra, pdMS_TO_TICKS(20)), pdFALSE); // waits its timeout, then fails
  const double waited = seconds_since(t0);
  EXPECT_GE(waited, 0.019);
  EXPECT_LT(waited, 0.5);
  for (int i = 0; i < 4; ++i) {
    int v = -1;
    ASSERT_EQ(xQueueReceive(q, &v, 0), pdTRUE);
    EXPECT_EQ(v, i);
  }
  int v;
  EXPECT_EQ(xQueueReceive(q, &v, 0), pdFALSE);
  EXPECT_EQ(xQueueSendFromISR(q, &extra, &woken), pdPASS);
  EXPECT_EQ(woken, pdTRUE);
  vQueueDelete(q);
}

TEST(FreeRtosHost, ReceiveWithTimeoutWakesWhenAnIsrSends) {
  QueueHandle_t q = xQueueCreate(2, sizeof(int));
  std::thread isr([q] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    const int v = 7;
    xQueueSendFromISR(q, &v, nullptr);
  });
  int v = 0;
  EXPECT_EQ(xQueueReceive(q, &v, portMAX_DELAY), pdTRUE);
  EXPECT_EQ(v, 7);
  isr.join();
  vQueueDelete(q);
}

TEST(FreeRtosHost, MutexTakeTimesOutWhileHeldElsewhere) {
  SemaphoreHandle_t m = xSemaphoreCreateMutex();
  ASSERT_EQ(xSemaphoreTake(m, portMAX_DELAY), pdTRUE);
  std::thread other([m] {
    EXPECT_EQ(xSemaphoreTake(m, 0), pdFALSE);
    EXPECT_EQ(xSemaphoreTake(m, pdMS_TO_TICKS(20)), pdFALSE);
  });
  other.join();
  EXPECT_EQ(xSemaphoreGive(m), pdTRUE);
  vSemaphoreDelete(m);
}

TEST(FreeRtosHost, PinnedTasksRunAndReportTheirCore) {
  static std::atomic<int> cores[2];
  cores[0] = cores[1] = -1;
  auto body = [](void *arg) {
    auto *slot = static_cast<std::atomic<int> *>(arg);
    slot->store(int(xPortGetCoreID()));
  };
  xTaskCreatePinnedToCore(body, "t0", 4096, &cores[0], 1, nullptr, 0);
  xTaskCreatePinnedToCore(body, "t1", 4096, &cores[1], 1, nullptr, 1);
  host_join_tasks();
  EXPECT_EQ(cores[0].load(), 0);
  EXPECT_EQ(cores[1].load(), 1);
}

TEST(FreeRtosHost, DelayUntilKeepsAFixedPeriod) {
  TickType_t wake = xTaskGetTickCount();
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i)
    vTaskDelayUntil(&wake, pdMS_TO_TICKS(10));
  EXPECT_GE(seconds_since(t0), 0.045);
}

TEST(FeatureExtractor, FindsAToneInItsBandAndMeasuresVu) {
  fw::FeatureExtractor extractor(16000.0f);
  std::vector<int16_t> samples(fw::kChunk);
  for (size_t i = 0; i < samples.size(); ++i)
    samples[i] = int16_t(16384.0 * std::sin(2.0 * M_PI * 1000.0 * double(i) / 16000.0));
  fw::AudioFeatures f;
  extractor.extract(samples.data(), samples.size(), f);
  EXPECT_NEAR(f.vu, 0.5f / std::sqrt(2.0f), 0.01f);
  int loudest = 0;
  for (int b = 1; b < fw::kBands; ++b)
    if (f.bands[b] > f.bands[loudest])
      loudest = b;
  EXPECT_EQ(fw::kBandHz[loudest], 1000.0f);
  EXPECT_NEAR(f.bands[loudest], 0.25f, 0.02f); // amplitude / 2 for an integer number of cycles
}

TEST(SeqLock, ReadsWhatWasWrittenAndGivesUpAfterItsRetryBound) {
  struct Payload {
    uint32_t a, b;
  };
  rtsample::SeqLock<Payload> lock;
  lock.store({1, 2});
  Payload p{};
  int retries = -1;
  ASSERT_TRUE(lock.load(p, 100, &retries));
  EXPECT_EQ(p.a, 1u);
  EXPECT_EQ(p.b, 2u);
  EXPECT_EQ(retries, 0);
  EXPECT_EQ(lock.sequence(), 2u);
}

} // namespace
