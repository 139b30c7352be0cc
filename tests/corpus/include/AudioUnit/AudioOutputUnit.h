/* Declaration-only subset of AudioOutputUnit.h (macOS SDK). */
#ifndef AudioUnit_AudioOutputUnit_h
#define AudioUnit_AudioOutputUnit_h

#include <AudioUnit/AUComponent.h>

#ifdef __cplusplus
extern "C" {
#endif

OSStatus AudioOutputUnitStart(AudioUnit ci);
OSStatus AudioOutputUnitStop(AudioUnit ci);

#ifdef __cplusplus
}
#endif

#endif
