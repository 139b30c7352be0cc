/* Safe, header-defined sinks that keep values alive without producing any finding. */
#ifndef RTCHECK_CORPUS_SINK_H
#define RTCHECK_CORPUS_SINK_H

static inline void corpus_keep(const volatile void *p) { (void)p; }

#endif /* RTCHECK_CORPUS_SINK_H */
