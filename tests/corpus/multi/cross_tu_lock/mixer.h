// Mixer API used by the root; defined in mixer.cpp.
#ifndef CORPUS_CROSS_TU_LOCK_MIXER_H
#define CORPUS_CROSS_TU_LOCK_MIXER_H

float mixer_gain();
void mixer_set_gain(float g);

#endif
