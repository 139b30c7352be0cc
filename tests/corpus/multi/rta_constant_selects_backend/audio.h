// Interface of a bundled audio library (RtAudio's shape): the constructor picks a back-end by a constant.
#ifndef CORPUS_RTA_CONSTANT_SELECTS_BACKEND_AUDIO_H
#define CORPUS_RTA_CONSTANT_SELECTS_BACKEND_AUDIO_H

enum Api { API_ALSA, API_PULSE };

struct Backend {
  virtual ~Backend() = default;
  virtual void start() = 0;
};

struct AlsaBackend : Backend {
  void start() override;
};

struct PulseBackend : Backend {
  void start() override;
};

class Audio {
public:
  explicit Audio(Api api);
  void start() { impl->start(); }

private:
  void openBackend(Api api);
  Backend *impl = nullptr;
};

#endif
