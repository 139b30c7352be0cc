// portaudiocpp (PortAudio's C++ binding): callbacks given to the CFunCallbackStream / FunCallbackStream constructors and open(), to MemFunCallbackStream<T>, and CallbackInterface::paCallbackFun overrides (InterfaceCallbackStream) are audio roots.
#include <portaudiocpp/PortAudioCpp.hxx>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

static void *g_mem;

static int c_callback(const void *, void *, unsigned long frames, const PaStreamCallbackTimeInfo *,
                      PaStreamCallbackFlags, void *) {
  g_mem = std::malloc(frames); // expect: alloc
  return paContinue;
}

static int cpp_callback(const void *, void *, unsigned long, const PaStreamCallbackTimeInfo *, PaStreamCallbackFlags,
                        void *) {
  std::puts("tick"); // expect: syscall
  return paContinue;
}

static int reopened_callback(const void *, void *, unsigned long, const PaStreamCallbackTimeInfo *,
                             PaStreamCallbackFlags, void *) {
  usleep(1); // expect: syscall
  return paContinue;
}

class Synth {
public:
  int generate(const void *, void *out, unsigned long frames, const PaStreamCallbackTimeInfo *, PaStreamCallbackFlags) {
    buffer_ = new float[frames]; // expect: alloc
    (void)out;
    return paContinue;
  }

private:
  float *buffer_ = nullptr;
};

class Meter : public portaudio::CallbackInterface {
public:
  int paCallbackFun(const void *, void *, unsigned long, const PaStreamCallbackTimeInfo *, PaStreamCallbackFlags) override {
    std::free(g_mem); // expect: alloc
    return paContinue;
  }
};

void run(const portaudio::StreamParameters &params) {
  static Synth synth;
  static Meter meter;
  portaudio::CFunCallbackStream a(params, c_callback, nullptr);
  portaudio::FunCallbackStream b(params, cpp_callback, nullptr);
  portaudio::FunCallbackStream c;
  c.open(params, reopened_callback, nullptr);
  portaudio::MemFunCallbackStream<Synth> d(params, synth, &Synth::generate);
  portaudio::InterfaceCallbackStream e(params, meter);
}
