// libcamera Signal::connect variants: a member function on bufferCompleted (Signal<Request *, FrameBuffer *>, argument 1) and a lambda bound to an object on requestCompleted (argument 1) are camera roots.
// compile-flags: -I/usr/include/libcamera
#include <libcamera/libcamera.h>
#include <cstdio>
#include <memory>
#include <string>

using namespace libcamera;

class Recorder {
public:
  void attach(Camera &cam) {
    cam.bufferCompleted.connect(this, &Recorder::onBuffer);
    cam.requestCompleted.connect(this, [this](Request *request) {
      lastStatus_ = std::to_string(request->sequence()); // expect: alloc
    });
  }

private:
  void onBuffer(Request *request, FrameBuffer *buffer) {
    (void)request;
    std::fprintf(stderr, "buffer %u done\n", buffer->metadata().sequence); // expect: syscall
  }

  std::string lastStatus_;
};

void attach(Camera &cam) {
  static Recorder r;
  r.attach(cam);
}
