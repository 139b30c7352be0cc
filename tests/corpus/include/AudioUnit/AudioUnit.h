/* Declaration-only subset of the AudioUnit framework umbrella header (macOS SDK). */
#ifndef AudioUnit_AudioUnit_h
#define AudioUnit_AudioUnit_h

#include <AudioUnit/AudioComponent.h>
#include <AudioUnit/AUComponent.h>
#include <AudioUnit/AudioOutputUnit.h>
#include <AudioUnit/AudioUnitProperties.h>

#endif
