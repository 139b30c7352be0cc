/* Declaration-only subset of the AudioToolbox framework umbrella header (macOS SDK). */
#ifndef AudioToolbox_AudioToolbox_h
#define AudioToolbox_AudioToolbox_h

#include <AudioToolbox/AudioQueue.h>
#include <AudioUnit/AudioUnit.h>

#endif
