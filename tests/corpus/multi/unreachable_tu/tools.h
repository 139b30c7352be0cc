// Offline tools API plus one real-time-safe helper shared with the root.
#ifndef CORPUS_UNREACHABLE_TU_TOOLS_H
#define CORPUS_UNREACHABLE_TU_TOOLS_H

void tools_export(const float *buf, int n);
float tools_peak(const float *buf, int n);

#endif
