/* Declaration-only subset of the CoreAudio framework umbrella header. */
#ifndef CoreAudio_CoreAudio_h
#define CoreAudio_CoreAudio_h

#include <CoreAudio/CoreAudioTypes.h>
#include <CoreAudio/AudioHardware.h>

#endif
