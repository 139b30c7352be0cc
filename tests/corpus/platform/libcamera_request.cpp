// libcamera: handlers connected to Camera::requestCompleted (member function and free function) and Camera::bufferCompleted run in the camera manager's thread and are camera roots; re-queueing, request reuse, control updates, logging and containers are reported, buffer/metadata access is not.
// compile-flags: -I/usr/include/libcamera
#include <libcamera/libcamera.h>
#include <cstdio>
#include <memory>
#include <vector>

using namespace libcamera;

class Viewer {
public:
  explicit Viewer(std::shared_ptr<Camera> cam) : camera_(std::move(cam)) {
    camera_->requestCompleted.connect(this, &Viewer::onRequestCompleted);
  }

  void onRequestCompleted(Request *request) {
    if (request->status() == Request::RequestCancelled)
      return;
    const Request::BufferMap &buffers = request->buffers();
    for (const auto &[stream, buffer] : buffers) {
      const FrameMetadata &md = buffer->metadata();
      sequences_.push_back(md.sequence); // expect: alloc
    }
    request->reuse(Request::ReuseBuffers); // expect: alloc
    request->controls().set(controls::Brightness, 0.5f); // expect: alloc
    camera_->queueRequest(request); // expect: alloc
  }

private:
  std::shared_ptr<Camera> camera_;
  std::vector<unsigned int> sequences_;
};

static void onBuffer(Request *request, FrameBuffer *buffer) {
  (void)request;
  std::printf("seq %u\n", buffer->metadata().sequence); // expect: syscall
}

static void onRequest(Request *request) {
  std::printf("%s\n", request->toString().c_str()); // expect: alloc, syscall
}

void attach(std::shared_ptr<Camera> cam) {
  static Viewer viewer(cam);
  cam->bufferCompleted.connect(onBuffer);
  cam->requestCompleted.connect(onRequest);
}
