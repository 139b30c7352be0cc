/* Core Audio: unannotated render and input callbacks stored in AURenderCallbackStruct.inputProc (initializer and assignment) are audio roots; locks, allocation, property calls and stopping the unit are reported, AudioUnitRender/SetParameter are not. */
#include <AudioUnit/AudioUnit.h>
#include <CoreFoundation/CoreFoundation.h>
#include <os/lock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  AudioUnit unit;
  os_unfair_lock lock;
  float gain;
  float *scratch;
} Player;

static OSStatus render_cb(void *inRefCon, AudioUnitRenderActionFlags *ioActionFlags,
                          const AudioTimeStamp *inTimeStamp, UInt32 inBusNumber,
                          UInt32 inNumberFrames, AudioBufferList *ioData) {
  Player *p = (Player *)inRefCon;
  (void)ioActionFlags;
  (void)inTimeStamp;
  (void)inBusNumber;
  os_unfair_lock_lock(&p->lock); // expect: lock
  float gain = p->gain;
  os_unfair_lock_unlock(&p->lock); // expect: lock
  AudioUnitSetParameter(p->unit, 0, kAudioUnitScope_Global, 0, gain, 0);
  for (UInt32 b = 0; b < ioData->mNumberBuffers; ++b)
    memset(ioData->mBuffers[b].mData, 0, ioData->mBuffers[b].mDataByteSize);
  p->scratch = malloc(inNumberFrames * sizeof(float)); // expect: alloc
  UInt32 size = sizeof(AudioStreamBasicDescription);
  AudioStreamBasicDescription fmt;
  AudioUnitGetProperty(p->unit, kAudioUnitProperty_StreamFormat, kAudioUnitScope_Output, 0, &fmt, &size); // expect: lock
  if (gain == 0.0f) {
    CFStringRef msg = CFStringCreateWithCString(kCFAllocatorDefault, "muted", kCFStringEncodingUTF8); // expect: alloc
    CFRelease(msg); // expect: alloc
    AudioOutputUnitStop(p->unit); // expect: driver
  }
  return noErr;
}

static OSStatus input_cb(void *inRefCon, AudioUnitRenderActionFlags *ioActionFlags,
                         const AudioTimeStamp *inTimeStamp, UInt32 inBusNumber,
                         UInt32 inNumberFrames, AudioBufferList *ioData) {
  Player *p = (Player *)inRefCon;
  (void)ioData;
  OSStatus st = AudioUnitRender(p->unit, ioActionFlags, inTimeStamp, inBusNumber, inNumberFrames, NULL);
  if (st != noErr)
    fprintf(stderr, "render failed: %d\n", (int)st); // expect: syscall
  return st;
}

static Player g_player;

int start_player(void) {
  AudioComponentDescription desc = {kAudioUnitType_Output, kAudioUnitSubType_DefaultOutput,
                                    kAudioUnitManufacturer_Apple, 0, 0};
  AudioComponent comp = AudioComponentFindNext(NULL, &desc);
  AudioComponentInstanceNew(comp, &g_player.unit);
  AURenderCallbackStruct render = {render_cb, &g_player};
  AudioUnitSetProperty(g_player.unit, kAudioUnitProperty_SetRenderCallback, kAudioUnitScope_Input, 0,
                       &render, sizeof render);
  AURenderCallbackStruct input;
  input.inputProc = input_cb;
  input.inputProcRefCon = &g_player;
  AudioUnitSetProperty(g_player.unit, kAudioOutputUnitProperty_SetInputCallback, kAudioUnitScope_Global,
                       0, &input, sizeof input);
  AudioUnitInitialize(g_player.unit);
  return AudioOutputUnitStart(g_player.unit);
}
