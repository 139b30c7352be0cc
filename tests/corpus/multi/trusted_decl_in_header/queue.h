// A queue whose push is marked RTCHECK_TRUSTED on the declaration; the definition is in queue.cpp.
#ifndef CORPUS_TRUSTED_DECL_QUEUE_H
#define CORPUS_TRUSTED_DECL_QUEUE_H

#include <rtcheck/realtime.h>

RTCHECK_TRUSTED("bounded SPSC queue; the lock is never contended by design")
bool queue_push(int v);

void queue_flush();

#endif
