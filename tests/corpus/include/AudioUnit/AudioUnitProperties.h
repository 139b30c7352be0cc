/* Declaration-only subset of AudioUnitProperties.h (macOS SDK): scopes, the render-callback
 * properties and AURenderCallbackStruct. */
#ifndef AudioUnit_AudioUnitProperties_h
#define AudioUnit_AudioUnitProperties_h

#include <AudioUnit/AUComponent.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  kAudioUnitScope_Global = 0,
  kAudioUnitScope_Input = 1,
  kAudioUnitScope_Output = 2
};

enum {
  kAudioUnitProperty_StreamFormat = 8,
  kAudioUnitProperty_SetRenderCallback = 23,
  kAudioOutputUnitProperty_EnableIO = 2003,
  kAudioOutputUnitProperty_SetInputCallback = 2005
};

typedef struct AURenderCallbackStruct {
  AURenderCallback inputProc;
  void *inputProcRefCon;
} AURenderCallbackStruct;

#ifdef __cplusplus
}
#endif

#endif
