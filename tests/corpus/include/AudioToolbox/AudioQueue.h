/* Declaration-only subset of AudioToolbox/AudioQueue.h (macOS SDK). */
#ifndef AudioToolbox_AudioQueue_h
#define AudioToolbox_AudioQueue_h

#include <CoreAudio/CoreAudioTypes.h>
#include <CoreFoundation/CoreFoundation.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct OpaqueAudioQueue *AudioQueueRef;

typedef struct AudioQueueBuffer {
  const UInt32 mAudioDataBytesCapacity;
  void *const mAudioData;
  UInt32 mAudioDataByteSize;
  void *mUserData;
  const UInt32 mPacketDescriptionCapacity;
  AudioStreamPacketDescription *const mPacketDescriptions;
  UInt32 mPacketDescriptionCount;
} AudioQueueBuffer;
typedef AudioQueueBuffer *AudioQueueBufferRef;

typedef void (*AudioQueueOutputCallback)(void *inUserData, AudioQueueRef inAQ,
                                         AudioQueueBufferRef inBuffer);
typedef void (*AudioQueueInputCallback)(void *inUserData, AudioQueueRef inAQ,
                                        AudioQueueBufferRef inBuffer,
                                        const AudioTimeStamp *inStartTime,
                                        UInt32 inNumberPacketDescriptions,
                                        const AudioStreamPacketDescription *inPacketDescs);

OSStatus AudioQueueNewOutput(const AudioStreamBasicDescription *inFormat,
                             AudioQueueOutputCallback inCallbackProc, void *inUserData,
                             CFRunLoopRef inCallbackRunLoop, CFStringRef inCallbackRunLoopMode,
                             UInt32 inFlags, AudioQueueRef *outAQ);
OSStatus AudioQueueNewInput(const AudioStreamBasicDescription *inFormat,
                            AudioQueueInputCallback inCallbackProc, void *inUserData,
                            CFRunLoopRef inCallbackRunLoop, CFStringRef inCallbackRunLoopMode,
                            UInt32 inFlags, AudioQueueRef *outAQ);
OSStatus AudioQueueAllocateBuffer(AudioQueueRef inAQ, UInt32 inBufferByteSize,
                                  AudioQueueBufferRef *outBuffer);
OSStatus AudioQueueEnqueueBuffer(AudioQueueRef inAQ, AudioQueueBufferRef inBuffer,
                                 UInt32 inNumPacketDescs,
                                 const AudioStreamPacketDescription *inPacketDescs);
OSStatus AudioQueueStart(AudioQueueRef inAQ, const AudioTimeStamp *inStartTime);
OSStatus AudioQueueStop(AudioQueueRef inAQ, Boolean inImmediate);
OSStatus AudioQueueDispose(AudioQueueRef inAQ, Boolean inImmediate);

#ifdef __cplusplus
}
#endif

#endif
