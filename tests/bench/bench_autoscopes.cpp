// What a wrapped callback costs, per registration API the shim wraps by interposition
// (docs/performance.md). tests/bench/bench_registrations.c stands in for the libraries: it keeps
// what the registration is given, and each loop calls the callback the way the library would (with
// the inputs the budget is computed from). Run without and with LD_PRELOAD=librtcheck_rt.so: the
// difference is the trampoline, the budget and the scope.
#include "clap_abi.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <dlfcn.h>

namespace {

struct Registrations {
  void *Lib = dlopen(RTCHECK_BENCH_REGISTRATIONS, RTLD_NOW | RTLD_GLOBAL);
  const void **Events = Lib ? static_cast<const void **>(dlsym(Lib, "bench_events")) : nullptr;
  void **Callback = Lib ? static_cast<void **>(dlsym(Lib, "bench_callback")) : nullptr;
  void **Data = Lib ? static_cast<void **>(dlsym(Lib, "bench_data")) : nullptr;
  // The registration as the program calls it: the shim's wrapper when it is preloaded.
  template <typename Fn> Fn get(const char *Name) const {
    return Lib ? reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, Name)) : nullptr;
  }
};
const Registrations &registrations() {
  static Registrations R;
  return R;
}

int Sink;
__attribute__((noinline)) void emptyProcess(void *) { benchmark::DoNotOptimize(Sink); }

// The leading part of struct spa_io_position (its clock), 256 frames at 48 kHz.
struct Clock {
  uint32_t Flags, Id;
  char Name[64];
  uint64_t Nsec;
  uint32_t RateNum, RateDenom;
  uint64_t Position, Duration;
  char Rest[256];
} Position{0, 0, {}, 0, 1, 48000, 0, 256, {}};

// pw_stream_events as in PipeWire 0.3.65 (version 2).
struct StreamEvents {
  uint32_t Version;
  void *Destroy, *StateChanged, *ControlInfo;
  void (*IoChanged)(void *, uint32_t, void *, uint32_t);
  void *ParamChanged, *AddBuffer, *RemoveBuffer;
  void (*Process)(void *);
  void *Drained, *Command, *TriggerDone;
};

void BM_WrappedPipeWireStreamProcess(benchmark::State &State) {
  const auto &R = registrations();
  auto Add = R.get<void (*)(void *, void *, const StreamEvents *, void *)>("pw_stream_add_listener");
  if (!Add) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_REGISTRATIONS);
    return;
  }
  static StreamEvents Program{2, {}, {}, {}, nullptr, {}, {}, {}, emptyProcess, {}, {}, {}};
  static int Stream, Hook[8];
  Add(&Stream, Hook, &Program, &Sink);
  auto *Events = static_cast<const StreamEvents *>(*R.Events);
  void *Data = *R.Data;
  if (Events->IoChanged) // the shim's: it learns the position here
    Events->IoChanged(Data, 7, &Position, sizeof Position);
  for (auto _ : State)
    Events->Process(Data);
}
BENCHMARK(BM_WrappedPipeWireStreamProcess);

struct FilterEvents {
  uint32_t Version;
  void *Destroy, *StateChanged, *IoChanged, *ParamChanged, *AddBuffer, *RemoveBuffer;
  void (*Process)(void *, void *);
  void *Drained, *Command;
};
__attribute__((noinline)) void emptyFilterProcess(void *, void *) { benchmark::DoNotOptimize(Sink); }

void BM_WrappedPipeWireFilterProcess(benchmark::State &State) {
  const auto &R = registrations();
  auto Add = R.get<void (*)(void *, void *, const FilterEvents *, void *)>("pw_filter_add_listener");
  if (!Add) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_REGISTRATIONS);
    return;
  }
  static FilterEvents Program{1, {}, {}, {}, {}, {}, {}, emptyFilterProcess, {}, {}};
  static int Filter, Hook[8];
  Add(&Filter, Hook, &Program, &Sink);
  auto *Events = static_cast<const FilterEvents *>(*R.Events);
  void *Data = *R.Data;
  for (auto _ : State)
    Events->Process(Data, &Position);
}
BENCHMARK(BM_WrappedPipeWireFilterProcess);

// A GstPadProbeInfo handed a buffer of one 30 fps frame (the head of struct _GstBuffer).
struct Buffer {
  size_t Type;
  int Refcount, Lockstate;
  unsigned Flags;
  void *Copy, *Dispose, *Free;
  unsigned PrivUint;
  void *PrivPointer, *Pool;
  uint64_t Pts, Dts, Duration;
} Frame{0, 1, 0, 0, nullptr, nullptr, nullptr, 0, nullptr, nullptr, 0, 0, 33333333};
struct ProbeInfo {
  unsigned Type;
  unsigned long Id;
  void *Data;
} Info{1u << 4, 1, &Frame};
__attribute__((noinline)) int emptyProbe(void *, ProbeInfo *, void *) {
  benchmark::DoNotOptimize(Sink);
  return 1;
}

void BM_WrappedGstPadProbe(benchmark::State &State) {
  const auto &R = registrations();
  auto Add = R.get<unsigned long (*)(void *, unsigned, void *, void *, void (*)(void *))>(
      "gst_pad_add_probe");
  if (!Add) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_REGISTRATIONS);
    return;
  }
  static int Pad;
  Add(&Pad, 1u << 4, reinterpret_cast<void *>(emptyProbe), &Sink, nullptr);
  auto Probe = reinterpret_cast<int (*)(void *, ProbeInfo *, void *)>(*R.Callback);
  void *Data = *R.Data;
  for (auto _ : State)
    benchmark::DoNotOptimize(Probe(&Pad, &Info, Data));
}
BENCHMARK(BM_WrappedGstPadProbe);

struct AppSinkCallbacks {
  void *Eos, *NewPreroll;
  int (*NewSample)(void *, void *);
  void *NewEvent, *Reserved[3];
};
__attribute__((noinline)) int emptySample(void *, void *) {
  benchmark::DoNotOptimize(Sink);
  return 0;
}

// No GStreamer is loaded: the budget (read from the caps once) is 0, the rest as with an appsink.
void BM_WrappedGstAppSinkSample(benchmark::State &State) {
  const auto &R = registrations();
  auto Set = R.get<void (*)(void *, AppSinkCallbacks *, void *, void (*)(void *))>(
      "gst_app_sink_set_callbacks");
  if (!Set) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_REGISTRATIONS);
    return;
  }
  static AppSinkCallbacks Program{nullptr, nullptr, emptySample, nullptr, {}};
  static int AppSink;
  Set(&AppSink, &Program, &Sink, nullptr);
  auto *Callbacks = static_cast<const AppSinkCallbacks *>(*R.Events);
  void *Data = *R.Data;
  for (auto _ : State)
    benchmark::DoNotOptimize(Callbacks->NewSample(&AppSink, Data));
}
BENCHMARK(BM_WrappedGstAppSinkSample);

struct AppSrcCallbacks {
  void (*NeedData)(void *, unsigned, void *);
  void *EnoughData, *SeekData, *Reserved[4];
};
__attribute__((noinline)) void emptyNeedData(void *, unsigned, void *) { benchmark::DoNotOptimize(Sink); }

// No GStreamer is loaded: the caps are read (and give no budget) on the first 8 calls only.
void BM_WrappedGstAppSrcNeedData(benchmark::State &State) {
  const auto &R = registrations();
  auto Set = R.get<void (*)(void *, AppSrcCallbacks *, void *, void (*)(void *))>(
      "gst_app_src_set_callbacks");
  if (!Set) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_REGISTRATIONS);
    return;
  }
  static AppSrcCallbacks Program{emptyNeedData, nullptr, nullptr, {}};
  static int AppSrc;
  Set(&AppSrc, &Program, &Sink, nullptr);
  auto *Callbacks = static_cast<const AppSrcCallbacks *>(*R.Events);
  void *Data = *R.Data;
  for (auto _ : State)
    Callbacks->NeedData(&AppSrc, 4096, Data);
}
BENCHMARK(BM_WrappedGstAppSrcNeedData);

__attribute__((noinline)) int emptyRender(void *, void *, unsigned, double, unsigned, void *) {
  benchmark::DoNotOptimize(Sink);
  return 0;
}

void BM_WrappedRtAudioCallback(benchmark::State &State) {
  const auto &R = registrations();
  using Open = void (*)(void *, void *, void *, unsigned long, unsigned, unsigned *, void *, void *,
                        void *, void *);
  auto OpenStream = R.get<Open>(
      "_ZN7RtAudio10openStreamEPNS_16StreamParametersES1_mjPjPFiPvS3_jdjS3_ES3_PNS_13StreamOptions"
      "EPFvN12RtAudioError4TypeERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEE");
  if (!OpenStream) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_REGISTRATIONS);
    return;
  }
  static int Self;
  unsigned Frames = 256;
  OpenStream(&Self, nullptr, nullptr, 0x10, 48000, &Frames, reinterpret_cast<void *>(emptyRender),
             &Sink, nullptr, nullptr);
  auto Render = reinterpret_cast<int (*)(void *, void *, unsigned, double, unsigned, void *)>(
      *R.Callback);
  void *Data = *R.Data;
  for (auto _ : State)
    benchmark::DoNotOptimize(Render(nullptr, nullptr, 256, 0.0, 0, Data));
}
BENCHMARK(BM_WrappedRtAudioCallback);

struct Lv2Descriptor {
  const char *Uri;
  void *(*Instantiate)(const Lv2Descriptor *, double, const char *, const void *const *);
  void *ConnectPort, *Activate, *Run, *Deactivate;
  void (*Cleanup)(void *);
  const void *(*ExtensionData)(const char *);
};
struct Lv2Worker {
  void *Work, *WorkResponse;
  int (*EndRun)(void *);
};

// The plug-in's worker end_run as jalv calls it after each run: through the host's dlsym of
// lv2_descriptor (the shim's wrapped descriptor) and its extension_data.
void BM_WrappedLv2EndRun(benchmark::State &State) {
  const auto &R = registrations();
  auto Entry = R.Lib ? reinterpret_cast<const Lv2Descriptor *(*)(uint32_t)>(dlsym(R.Lib, "lv2_descriptor"))
                     : nullptr;
  const Lv2Descriptor *D = Entry ? Entry(0) : nullptr;
  if (!D) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_REGISTRATIONS);
    return;
  }
  void *H = D->Instantiate(D, 48000, "", nullptr);
  auto *Worker = static_cast<const Lv2Worker *>(
      D->ExtensionData("http://lv2plug.in/ns/ext/worker#interface"));
  for (auto _ : State)
    benchmark::DoNotOptimize(Worker->EndRun(H));
  D->Cleanup(H);
}
BENCHMARK(BM_WrappedLv2EndRun);

// A CLAP plug-in's process as a host calls it: through the host's dlsym of clap_entry (the shim's
// copy), its plug-in factory and the plug-in it creates, activated at 48 kHz; 256 frames a call.
void BM_WrappedClapProcess(benchmark::State &State) {
  const auto &R = registrations();
  auto *Entry =
      R.Lib ? static_cast<const clap_plugin_entry_t *>(dlsym(R.Lib, "clap_entry")) : nullptr;
  if (!Entry || !Entry->init(RTCHECK_BENCH_REGISTRATIONS)) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_REGISTRATIONS);
    return;
  }
  auto *Factory = static_cast<const clap_plugin_factory_t *>(
      Entry->get_factory(RTCHECK_CLAP_PLUGIN_FACTORY_ID));
  const clap_plugin_t *P = Factory->create_plugin(Factory, nullptr, "org.rtcheck.bench.empty");
  P->init(P);
  P->activate(P, 48000, 256, 256);
  P->start_processing(P);
  clap_process_t Process{};
  Process.frames_count = 256;
  for (auto _ : State)
    benchmark::DoNotOptimize(P->process(P, &Process));
  P->stop_processing(P);
  P->deactivate(P);
  P->destroy(P);
  Entry->deinit();
}
BENCHMARK(BM_WrappedClapProcess);

} // namespace

BENCHMARK_MAIN();
