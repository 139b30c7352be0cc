// Statistics helpers called from the root; defined in stats.cpp.
#ifndef CORPUS_CROSS_TU_SUPPRESSION_STATS_H
#define CORPUS_CROSS_TU_SUPPRESSION_STATS_H

void stats_record(int frames);

#endif
