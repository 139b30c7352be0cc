// Interface of a bundled RtAudio, reduced: the constructor opens the requested back-end and falls back to trying every compiled one.
#ifndef CORPUS_RTA_EARLY_RETURN_IN_BRANCH_AUDIO_H
#define CORPUS_RTA_EARLY_RETURN_IN_BRANCH_AUDIO_H

enum Api { API_UNSPECIFIED, API_ALSA, API_PULSE };

struct Backend {
  virtual ~Backend() = default;
  virtual void start() = 0;
  virtual unsigned deviceCount() { return 1; }
};

struct AlsaBackend : Backend {
  void start() override;
};

struct PulseBackend : Backend {
  void start() override;
};

class RtAudio {
public:
  explicit RtAudio(Api api = API_UNSPECIFIED);
  void start() { impl->start(); }

private:
  void openBackend(Api api);
  Backend *impl = nullptr;
};

#endif
