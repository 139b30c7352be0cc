// A libcamera requestCompleted handler that only reads the request's status, buffers, frame metadata and metadata controls into preallocated state: no finding.
// compile-flags: -I/usr/include/libcamera
#include <libcamera/libcamera.h>
#include <array>
#include <atomic>
#include <cstdint>

using namespace libcamera;

struct FrameLog {
  std::array<uint64_t, 64> timestamps{};
  std::atomic<unsigned> head{0};
  std::atomic<unsigned> cancelled{0};
};

static FrameLog g_log;

static void onRequestCompleted(Request *request) {
  if (request->status() == Request::RequestCancelled) {
    g_log.cancelled.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  uint64_t cookie = request->cookie();
  for (const auto &entry : request->buffers()) {
    const FrameMetadata &md = entry.second->metadata();
    const unsigned slot = g_log.head.fetch_add(1, std::memory_order_relaxed) % g_log.timestamps.size();
    g_log.timestamps[slot] = md.timestamp + cookie;
  }
}

void attach(Camera &cam) { cam.requestCompleted.connect(onRequestCompleted); }
