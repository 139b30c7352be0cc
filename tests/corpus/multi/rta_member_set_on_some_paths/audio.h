// Interface of a bundled audio library (RtAudio's shape) whose back-end opening can fail: the fallback may construct any back-end.
#ifndef CORPUS_RTA_MEMBER_SET_ON_SOME_PATHS_AUDIO_H
#define CORPUS_RTA_MEMBER_SET_ON_SOME_PATHS_AUDIO_H

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

class Audio {
public:
  explicit Audio(Api api = API_UNSPECIFIED);
  void start() { impl->start(); }

private:
  void openBackend(Api api);
  Backend *impl = nullptr;
};

#endif
