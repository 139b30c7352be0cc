// A test of a local copied from a member or a global is a test of that variable: a callback pointer the program only ever stores null into, and a level nothing raises, keep their branches off the audio path; a member the program does set keeps its branch reported.
#include <stdio.h>
#include <rtcheck/realtime.h>

typedef void (*ErrorCallback)(const char *message);

static int g_verbosity = 0;

class Stream {
public:
  explicit Stream(ErrorCallback onError) : m_onError(onError), m_warn(nullptr) {}
  void setWarningSink(ErrorCallback sink) { m_warn = sink; }
  void process(int frames) {
    ErrorCallback report = m_onError;
    if (report)
      report("overrun");
    const int verbosity = g_verbosity;
    if (verbosity > 1)
      printf("process %d\n", frames);
    ErrorCallback warn = m_warn;
    if (warn)
      warn("late");
  }

private:
  ErrorCallback m_onError;
  ErrorCallback m_warn;
};

static void print_warning(const char *message) { fprintf(stderr, "%s\n", message); } // expect: syscall

static Stream *g_stream;

RTCHECK_REALTIME(audio) void audio_callback(int frames) { g_stream->process(frames); }

int main() {
  g_stream = new Stream(nullptr);
  g_stream->setWarningSink(print_warning);
  audio_callback(64);
  return 0;
}
