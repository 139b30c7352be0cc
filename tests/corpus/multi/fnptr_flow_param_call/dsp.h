/* A helper that applies the filter it is given. */
#ifndef FNPTR_FLOW_PARAM_CALL_DSP_H
#define FNPTR_FLOW_PARAM_CALL_DSP_H

typedef float (*filter_fn)(float x);

void apply(filter_fn f, float *buf, int n);
filter_fn pick_filter(int steep);

#endif
