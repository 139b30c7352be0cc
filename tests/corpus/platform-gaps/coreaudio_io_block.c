/* Core Audio's block-based IOProc (AudioDeviceCreateIOProcIDWithBlock, macOS 10.7+) runs its block on the device's IO thread exactly like an AudioDeviceIOProc: allocation and a semaphore wait inside the block are findings. */
// compile-flags: -std=gnu11 -fblocks
#include <CoreAudio/CoreAudio.h>
#include <dispatch/dispatch.h>
#include <stdlib.h>
#include <string.h>

static void *g_scratch;
static dispatch_semaphore_t g_sem;

OSStatus start_io(AudioObjectID device) {
  AudioDeviceIOProcID proc;
  OSStatus st = AudioDeviceCreateIOProcIDWithBlock(&proc, device, NULL,
      ^(const AudioTimeStamp *inNow, const AudioBufferList *inInputData, const AudioTimeStamp *inInputTime,
        AudioBufferList *outOutputData, const AudioTimeStamp *inOutputTime) {
        (void)inNow, (void)inInputData, (void)inInputTime, (void)inOutputTime;
        memset(outOutputData->mBuffers[0].mData, 0, outOutputData->mBuffers[0].mDataByteSize);
        g_scratch = malloc(outOutputData->mBuffers[0].mDataByteSize); // expect: alloc
        dispatch_semaphore_wait(g_sem, DISPATCH_TIME_FOREVER); // expect: lock
      });
  if (st != noErr)
    return st;
  return AudioDeviceStart(device, proc);
}
