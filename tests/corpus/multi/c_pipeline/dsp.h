/* C pipeline: stage functions defined in dsp.c and log.c. */
#ifndef CORPUS_C_PIPELINE_DSP_H
#define CORPUS_C_PIPELINE_DSP_H

void dsp_run(float *buf, int n);
void log_value(float v);

#endif
