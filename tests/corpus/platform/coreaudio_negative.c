/* A Core Audio render callback that pulls input with AudioUnitRender, copies, reads mach_absolute_time and publishes through a lock-free atomic: no finding. */
#include <AudioUnit/AudioUnit.h>
#include <mach/mach_time.h>
#include <stdatomic.h>
#include <string.h>

typedef struct {
  AudioUnit unit;
  _Atomic uint64_t last_host_time;
  _Atomic float peak;
} Monitor;

static OSStatus monitor_render(void *inRefCon, AudioUnitRenderActionFlags *ioActionFlags,
                               const AudioTimeStamp *inTimeStamp, UInt32 inBusNumber,
                               UInt32 inNumberFrames, AudioBufferList *ioData) {
  Monitor *m = (Monitor *)inRefCon;
  OSStatus st = AudioUnitRender(m->unit, ioActionFlags, inTimeStamp, 1, inNumberFrames, ioData);
  (void)inBusNumber;
  float peak = 0.0f;
  const float *s = (const float *)ioData->mBuffers[0].mData;
  for (UInt32 i = 0; i < inNumberFrames; ++i)
    peak = s[i] > peak ? s[i] : peak;
  atomic_store_explicit(&m->peak, peak, memory_order_relaxed);
  atomic_store_explicit(&m->last_host_time, mach_absolute_time(), memory_order_release);
  return st;
}

static Monitor g_monitor;

void install_monitor(AudioUnit unit) {
  g_monitor.unit = unit;
  AURenderCallbackStruct cb = {.inputProc = monitor_render, .inputProcRefCon = &g_monitor};
  AudioUnitSetProperty(unit, kAudioUnitProperty_SetRenderCallback, kAudioUnitScope_Input, 0, &cb, sizeof cb);
}
