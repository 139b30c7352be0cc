// Interface shared by the three translation units of this case; declarations only.
#ifndef CORPUS_THREE_TU_VIRTUAL_BASE_H
#define CORPUS_THREE_TU_VIRTUAL_BASE_H

struct Processor {
  virtual ~Processor() = default;
  virtual void process_block(float *buf, int n) = 0;
};

// engine.cpp: runs the current processor over one block.
void engine_render(Processor *p, float *buf, int n);

#endif
