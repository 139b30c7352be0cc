// Only Camera::requestCompleted and Camera::bufferCompleted run in the camera manager's thread: a Signal<Request *> of the application's own (libcamera's cam: FrameSink::requestProcessed, emitted on its event loop) connects a slot that is not a camera root.
// compile-flags: -I/usr/include/libcamera
#include <libcamera/libcamera.h>
#include <cstdio>
#include <vector>

using namespace libcamera;

class Sink {
public:
  Signal<Request *> requestProcessed;
};

class Session {
public:
  void start(Camera &cam, Sink &sink) {
    cam.requestCompleted.connect(this, &Session::onComplete);
    sink.requestProcessed.connect(this, &Session::onProcessed);
  }

private:
  void onComplete(Request *request) {
    pending_.push_back(request); // expect: alloc
  }

  void onProcessed(Request *request) {
    std::printf("processed %u\n", request->sequence());
  }

  std::vector<Request *> pending_;
};

void run(Camera &cam, Sink &sink) {
  static Session session;
  session.start(cam, sink);
}
