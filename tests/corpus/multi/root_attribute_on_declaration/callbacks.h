// The root attribute is written on the declaration only; the definition is in callbacks.cpp.
#ifndef CORPUS_ROOT_ON_DECL_CALLBACKS_H
#define CORPUS_ROOT_ON_DECL_CALLBACKS_H

#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void on_buffer(float *buf, int n);
void on_idle();

#endif
