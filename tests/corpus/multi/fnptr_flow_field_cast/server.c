/* #10/#9 fields through casts: the audio thread calls unit::calc, which reaches exactly the calc functions stored into that field (whatever their own type), not a same-typed command::run. */
#include "unit.h"
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void run_graph(struct unit **units, int n, int frames) {
  for (int i = 0; i < n; ++i)
    units[i]->calc(units[i], frames);
}
