// Core Audio registration APIs: AudioUnitAddRenderNotify, AudioDeviceCreateIOProcID, AudioDeviceAddIOProc, AudioQueueNewOutput and AudioQueueNewInput make their callbacks audio roots.
#include <AudioToolbox/AudioToolbox.h>
#include <CoreAudio/CoreAudio.h>
#include <mach/mach_time.h>
#include <cstdio>
#include <cstring>
#include <vector>

static std::vector<UInt64> g_cycle_times;
static AudioQueueRef g_out_queue;
static AudioUnit g_unit;

static OSStatus pre_render_notify(void *, AudioUnitRenderActionFlags *, const AudioTimeStamp *ts,
                                  UInt32, UInt32, AudioBufferList *) {
  g_cycle_times.push_back(ts->mHostTime); // expect: alloc
  return noErr;
}

static OSStatus device_io(AudioObjectID device, const AudioTimeStamp *, const AudioBufferList *in,
                          const AudioTimeStamp *, AudioBufferList *out, const AudioTimeStamp *, void *) {
  std::memcpy(out->mBuffers[0].mData, in->mBuffers[0].mData, out->mBuffers[0].mDataByteSize);
  AudioObjectPropertyAddress addr{0x6e737274 /* 'nsrt' */, 0x676c6f62 /* 'glob' */, 0};
  Float64 rate = 0;
  UInt32 size = sizeof rate;
  AudioObjectGetPropertyData(device, &addr, 0, nullptr, &size, &rate); // expect: syscall
  return noErr;
}

static OSStatus legacy_io(AudioObjectID device, const AudioTimeStamp *, const AudioBufferList *,
                          const AudioTimeStamp *, AudioBufferList *, const AudioTimeStamp *, void *proc) {
  AudioDeviceStop(device, reinterpret_cast<AudioDeviceIOProcID>(proc)); // expect: driver
  return noErr;
}

static void queue_output(void *, AudioQueueRef aq, AudioQueueBufferRef buf) {
  std::memset(buf->mAudioData, 0, buf->mAudioDataBytesCapacity);
  buf->mAudioDataByteSize = buf->mAudioDataBytesCapacity;
  AudioQueueEnqueueBuffer(aq, buf, 0, nullptr); // expect: lock
}

static void queue_input(void *, AudioQueueRef aq, AudioQueueBufferRef buf, const AudioTimeStamp *,
                        UInt32, const AudioStreamPacketDescription *) {
  std::printf("captured %u bytes\n", static_cast<unsigned>(buf->mAudioDataByteSize)); // expect: syscall
  AudioQueueEnqueueBuffer(aq, buf, 0, nullptr); // expect: lock
}

int main() {
  AudioDeviceIOProcID proc = nullptr;
  AudioObjectID dev = 42;
  AudioUnitAddRenderNotify(g_unit, pre_render_notify, nullptr);
  AudioDeviceCreateIOProcID(dev, device_io, nullptr, &proc);
  AudioDeviceAddIOProc(dev, legacy_io, nullptr);
  AudioStreamBasicDescription fmt{};
  fmt.mSampleRate = 48000;
  fmt.mFormatID = kAudioFormatLinearPCM;
  AudioQueueNewOutput(&fmt, queue_output, nullptr, nullptr, nullptr, 0, &g_out_queue);
  AudioQueueRef in_queue = nullptr;
  AudioQueueNewInput(&fmt, queue_input, nullptr, CFRunLoopGetCurrent(), kCFRunLoopCommonModes, 0, &in_queue);
  AudioDeviceStart(dev, proc);
  return 0;
}
