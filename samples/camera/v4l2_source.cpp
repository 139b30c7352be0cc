// V4L2 capture: memory-mapped streaming I/O, YUYV or GREY, nearest-neighbour scaled to the
// analysis size. The capture thread dequeues a buffer, converts it, calls the frame callback and
// re-queues the buffer; only the callback runs in the real-time scope.
#include "source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rtsample/clock.h"

namespace camera {
namespace {

int xioctl(int fd, unsigned long request, void *arg) {
  int r;
  do
    r = ioctl(fd, request, arg);
  while (r == -1 && errno == EINTR);
  return r;
}

class V4l2Source final : public FrameSource {
public:
  V4l2Source(std::string device, double fps, uint64_t max_frames)
      : FrameSource(max_frames), device_(std::move(device)), fps_(fps) {}
  ~V4l2Source() override {
    stop();
    for (Buffer &b : buffers_)
      munmap(b.data, b.length);
    if (fd_ >= 0)
      close(fd_);
  }

  bool open_device() {
    fd_ = ::open(device_.c_str(), O_RDWR | O_NONBLOCK);
    if (fd_ < 0)
      return fail("open");
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    fmt.fmt.pix.width = 320;
    fmt.fmt.pix.height = 240;
    fmt.fmt.pix.pixelformat = V4L2_PIX_FMT_YUYV;
    fmt.fmt.pix.field = V4L2_FIELD_NONE;
    if (xioctl(fd_, VIDIOC_S_FMT, &fmt) < 0)
      return fail("VIDIOC_S_FMT");
    if (fmt.fmt.pix.pixelformat != V4L2_PIX_FMT_YUYV &&
        fmt.fmt.pix.pixelformat != V4L2_PIX_FMT_GREY) {
      std::fprintf(stderr, "v4l2: %s offers neither YUYV nor GREY\n", device_.c_str());
      return false;
    }
    width_ = fmt.fmt.pix.width;
    height_ = fmt.fmt.pix.height;
    stride_ = fmt.fmt.pix.bytesperline;
    step_ = fmt.fmt.pix.pixelformat == V4L2_PIX_FMT_YUYV ? 2 : 1;
    v4l2_streamparm parm{};
    parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    parm.parm.capture.timeperframe = {1, unsigned(fps_)};
    xioctl(fd_, VIDIOC_S_PARM, &parm); // best effort: not every driver sets the rate

    v4l2_requestbuffers req{};
    req.count = 4;
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (xioctl(fd_, VIDIOC_REQBUFS, &req) < 0 || req.count < 2)
      return fail("VIDIOC_REQBUFS");
    for (unsigned i = 0; i < req.count; ++i) {
      v4l2_buffer buf{};
      buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      buf.memory = V4L2_MEMORY_MMAP;
      buf.index = i;
      if (xioctl(fd_, VIDIOC_QUERYBUF, &buf) < 0)
        return fail("VIDIOC_QUERYBUF");
      void *data = mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, buf.m.offset);
      if (data == MAP_FAILED)
        return fail("mmap");
      buffers_.push_back(Buffer{data, buf.length});
      if (xioctl(fd_, VIDIOC_QBUF, &buf) < 0)
        return fail("VIDIOC_QBUF");
    }
    return true;
  }

  bool start(FrameFn fn, void *user) override {
    v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd_, VIDIOC_STREAMON, &type) < 0)
      return fail("VIDIOC_STREAMON");
    running_.store(true, std::memory_order_release);
    thread_ = std::thread([this, fn, user] { run(fn, user); });
    return true;
  }

  void stop() override {
    running_.store(false, std::memory_order_release);
    if (thread_.joinable()) {
      thread_.join();
      v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      xioctl(fd_, VIDIOC_STREAMOFF, &type);
    }
  }

  std::string describe() const override {
    char text[128];
    std::snprintf(text, sizeof text, "v4l2 %s %ux%u scaled to %dx%d", device_.c_str(), width_,
                  height_, kWidth, kHeight);
    return text;
  }

private:
  struct Buffer {
    void *data;
    size_t length;
  };

  bool fail(const char *what) {
    std::fprintf(stderr, "v4l2: %s on %s: %s\n", what, device_.c_str(), std::strerror(errno));
    return false;
  }

  void run(FrameFn fn, void *user) {
    auto frame = std::make_unique<Frame>();
    for (uint64_t i = 0; running_.load(std::memory_order_acquire);) {
      pollfd pfd{fd_, POLLIN, 0};
      if (poll(&pfd, 1, 100) <= 0)
        continue;
      v4l2_buffer buf{};
      buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      buf.memory = V4L2_MEMORY_MMAP;
      if (xioctl(fd_, VIDIOC_DQBUF, &buf) < 0)
        continue;
      const auto *src = static_cast<const uint8_t *>(buffers_[buf.index].data);
      for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
          const size_t sy = size_t(y) * height_ / kHeight, sx = size_t(x) * width_ / kWidth;
          frame->luma[size_t(y * kWidth + x)] = src[sy * stride_ + sx * step_];
        }
      frame->index = i++;
      const int64_t t0 = rtsample::now_ns();
      frame->capture_ns = t0;
      fn(user, *frame);
      record(uint32_t(rtsample::now_ns() - t0));
      xioctl(fd_, VIDIOC_QBUF, &buf);
    }
  }

  std::string device_;
  double fps_;
  int fd_ = -1;
  unsigned width_ = 0, height_ = 0, stride_ = 0, step_ = 2;
  std::vector<Buffer> buffers_;
  std::atomic<bool> running_{false};
  std::thread thread_;
};

} // namespace

std::unique_ptr<FrameSource> open_v4l2(const std::string &device, double fps, uint64_t max_frames) {
  auto source = std::make_unique<V4l2Source>(device, fps, max_frames);
  if (!source->open_device())
    return nullptr;
  return source;
}

} // namespace camera
