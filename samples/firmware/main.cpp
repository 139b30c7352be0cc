// firmware_sim_{legacy,fixed}: runs the dual-core LED/audio firmware on the host RTOS layer.
//   firmware_sim_fixed [--seconds 2] [--button-ms 100] [--console FILE]
// Prints one summary line: FPS of the render core, audio blocks analysed, audio-to-render latency
// p50/p95/max, seqlock retries/failures, torn reads, button interrupts handled.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "firmware.h"
#include "rtos/esp_host.h"
#include "rtos/freertos_host.h"
#include "rtsample/args.h"
#include "rtsample/stats.h"

int main(int argc, char **argv) {
  rtsample::Args args(argc, argv);
  const double seconds = args.number("--seconds", 2.0);
  const double button_ms = args.number("--button-ms", 100.0);
  const std::string console = args.value("--console", "");
  if (seconds <= 0 || button_ms <= 0) {
    std::fprintf(stderr, "error: --seconds and --button-ms must be positive\n");
    return 2;
  }
  host_console_open(console.empty() ? nullptr : console.c_str());

  fw::FirmwareConfig config;
  config.button_interval_us = uint32_t(button_ms * 1000.0);
  config.max_frames = size_t(seconds * 1000.0) + 256; // FPS cannot exceed 1 kHz here
  fw::app_main(config);
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  fw::app_stop();
  host_stop_interrupts();
  host_join_tasks();

  const fw::Telemetry &t = fw::telemetry();
  const size_t frames = t.frames.load();
  const size_t kept = std::min(frames, t.latency_us.size());
  const rtsample::Summary lat = rtsample::summarize(
      std::vector<uint32_t>(t.latency_us.begin() + 1, t.latency_us.begin() + long(kept)));
  const rtsample::Summary render = rtsample::summarize(
      std::vector<uint32_t>(t.render_ns.begin(), t.render_ns.begin() + long(kept)));
  std::printf("firmware_sim_%s: %.1f s, render core 0 %.1f FPS (%zu frames, render_frame p99 "
              "%.3f ms max %.3f ms), audio core 1 %llu blocks, audio-to-render latency p50 %.2f "
              "ms p95 %.2f ms max %.2f ms, seqlock retries %llu failures %llu, torn reads %llu, "
              "%llu button ISRs, %llu button events handled\n",
              fw::kVariant, seconds, double(frames) / seconds, frames, render.p99 / 1e6,
              render.max / 1e6, (unsigned long long)t.chunks.load(), lat.p50 / 1e3, lat.p95 / 1e3,
              lat.max / 1e3, (unsigned long long)t.seqlock_retries.load(),
              (unsigned long long)t.seqlock_failures.load(), (unsigned long long)t.torn.load(),
              (unsigned long long)t.isr_count.load(), (unsigned long long)t.button_events.load());
  return t.torn.load() == 0 ? 0 : 1;
}
