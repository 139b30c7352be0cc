// Middle step of the chain: the virtual call site, which has no finding of its own.
#include "base.h"

void engine_render(Processor *p, float *buf, int n) {
  p->process_block(buf, n);
}
