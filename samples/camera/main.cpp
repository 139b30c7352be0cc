// camera_pipeline_{legacy,fixed}: frames -> per-frame analysis -> registered callbacks -> priority
// event queue -> delivery thread, with a stats reader polling the shared state.
//   camera_pipeline_fixed [--seconds 2] [--fps 60] [--source synthetic|v4l2]
//                         [--device /dev/video0] [--log FILE]
// Prints one summary line: frames, frame-callback timing, events by priority, drops, and the
// event delivery latency p50/p95/max (enqueue in the frame callback -> receipt by the consumer).
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "frame.h"
#include "pipeline.h"
#include "rtsample/args.h"
#include "rtsample/console_log.h"
#include "rtsample/clock.h"
#include "rtsample/stats.h"
#include "source.h"

namespace {

// A second registered observer: counts alerts. Real-time safety: wait-free.
void count_alerts(void *ctx, const camera::Event &e) noexcept {
  if (e.type == camera::EventType::Alert)
    static_cast<std::atomic<uint64_t> *>(ctx)->fetch_add(1, std::memory_order_relaxed);
}

} // namespace

int main(int argc, char **argv) {
  using namespace camera;
  rtsample::Args args(argc, argv);
  const double seconds = args.number("--seconds", 2.0);
  const double fps = args.number("--fps", 60.0);
  const std::string source_kind = args.value("--source", "synthetic");
  const std::string log_path = args.value("--log", "/dev/null");
  if (seconds <= 0 || fps <= 0) {
    std::fprintf(stderr, "error: --seconds and --fps must be positive\n");
    return 2;
  }
  FILE *log = rtsample::open_console_log(log_path);
  if (!log)
    return 2;

  PipelineConfig config;
  config.fps = fps;
  config.log = log;
  auto pipeline = std::make_unique<Pipeline>(config);
  std::atomic<uint64_t> alerts_seen{0};
  pipeline->register_callback(&count_alerts, &alerts_seen);

  const uint64_t max_frames = uint64_t(seconds * fps) + 64;
  std::unique_ptr<FrameSource> source;
  if (source_kind == "v4l2")
    source = open_v4l2(args.value("--device", "/dev/video0"), fps, max_frames);
  else if (source_kind == "synthetic")
    source = std::make_unique<SyntheticSource>(fps, max_frames);
  else {
    std::fprintf(stderr, "error: --source is synthetic or v4l2\n");
    return 2;
  }
  if (!source)
    return 1;

  // Delivery thread (the seed's TrayApp consumer): most urgent first, latency per event.
  std::atomic<bool> producing{true};
  std::vector<int64_t> latency_ns;
  latency_ns.reserve(size_t(max_frames) * 4);
  uint64_t by_type[6] = {};
  std::thread consumer([&] {
    Event e;
    for (;;) {
      if (pipeline->queue().pop(e, 20)) {
        latency_ns.push_back(rtsample::now_ns() - e.enqueue_ns);
        ++by_type[int(e.type)];
      } else if (!producing.load(std::memory_order_acquire)) {
        break;
      }
    }
  });
  // Stats reader (the seed's dashboard): polls the shared state and the statistics cache.
  uint64_t reads = 0;
  std::thread reader([&] {
    while (producing.load(std::memory_order_acquire)) {
      const StateSnapshot s = pipeline->state();
      const CachedStats c = pipeline->cached_stats(200'000'000);
      reads += (s.check == s.frames * 2 + 1) && c.frames <= s.frames + 1 ? 1 : 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });

  if (!source->start(&Pipeline::deliver, pipeline.get()))
    return 1;
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  source->stop();
  producing.store(false, std::memory_order_release);
  consumer.join();
  reader.join();
  std::fclose(log);

  const StateSnapshot state = pipeline->state();
  const CachedStats stats = compute_stats(state, rtsample::now_ns());
  const QueueStats q = pipeline->queue().stats();
  uint64_t dropped = 0, delivered = 0;
  for (int p = 0; p < kPriorities; ++p) {
    dropped += q.dropped[p];
    delivered += q.delivered[p];
  }
  const rtsample::Summary cb = rtsample::summarize(source->durations_ns());
  const rtsample::Summary lat = rtsample::summarize(latency_ns);
  std::printf("camera_pipeline_%s: %llu frames (%s, measured %.1f fps) in %.1f s, "
              "frame callback p50 %.3f ms p99 %.3f ms max %.3f ms of a %.2f ms budget; "
              "%llu events delivered (CRITICAL %llu HIGH %llu NORMAL %llu LOW %llu), "
              "%llu dropped, %llu alerts; delivery latency p50 %.3f ms p95 %.3f ms max %.3f ms; "
              "%llu consistent state reads\n",
              Pipeline::kVariant, (unsigned long long)state.frames, source->describe().c_str(),
              stats.fps, seconds, cb.p50 / 1e6, cb.p99 / 1e6, cb.max / 1e6, 1e3 / fps,
              (unsigned long long)delivered, (unsigned long long)q.delivered[0],
              (unsigned long long)q.delivered[1], (unsigned long long)q.delivered[2],
              (unsigned long long)q.delivered[3], (unsigned long long)dropped,
              (unsigned long long)alerts_seen.load(), lat.p50 / 1e6, lat.p95 / 1e6, lat.max / 1e6,
              (unsigned long long)reads);
  return 0;
}
