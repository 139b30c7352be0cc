// The layers between the plug-in's constant and the engine's constructor (Rubber Band's RubberBandStretcher -> Impl -> R2Stretcher).
#include "stretcher.h"

#include "engine.h"
#include "opaque.h"

namespace stretch {

class Stretcher::Impl {
public:
  Impl(int rate, int options) : m_engine(new Engine(rate, options, corpus_opaque_query())) {}
  ~Impl() { delete m_engine; }
  Engine *m_engine;
};

Stretcher::Stretcher(int rate, int options) : m_d(new Impl(rate, options)) {}
Stretcher::~Stretcher() { delete m_d; }
void Stretcher::process(const float *in, int n) { m_d->m_engine->process(in, n); }
void Stretcher::study(const float *in, int n) { m_d->m_engine->study(in, n); }

} // namespace stretch
