// The public API of the bundled time-stretcher: options are passed down to the engine through an implementation class.
#ifndef CORPUS_MODE_MEMBER_STRETCHER_H
#define CORPUS_MODE_MEMBER_STRETCHER_H

namespace stretch {

enum Option {
  OptionProcessOffline = 0x0,
  OptionProcessRealTime = 0x1,
  OptionHighConsistency = 0x4000000,
  OptionEngineFiner = 0x20000000
};

class Stretcher {
public:
  Stretcher(int rate, int options);
  ~Stretcher();
  void process(const float *in, int n);
  void study(const float *in, int n);

private:
  class Impl;
  Impl *m_d;
};

} // namespace stretch

#endif
