/* V4L2 in an annotated camera loop: every ioctl (VIDIOC_DQBUF/QBUF/S_CTRL) and libv4l2's v4l2_ioctl is a driver call, waiting with poll is a syscall, libv4lconvert allocates; processing the mapped frame is not a finding. */
// compile-flags: -std=gnu11
#include <libv4l2.h>
#include <libv4lconvert.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <rtcheck/realtime.h>
#include <string.h>
#include <sys/ioctl.h>

struct cam {
  int fd;
  void *maps[4];
  struct v4lconvert_data *conv;
  struct v4l2_format src_fmt, dst_fmt;
  unsigned char rgb[640 * 480 * 3];
  unsigned long luma_sum;
};

static void process_frame(struct cam *c, const unsigned char *yuyv, size_t bytes) {
  unsigned long sum = 0;
  for (size_t i = 0; i < bytes; i += 2)
    sum += yuyv[i];
  c->luma_sum = sum;
}

RTCHECK_REALTIME(camera) int grab_one(struct cam *c) {
  struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
  poll(&pfd, 1, 100); // expect: syscall
  struct v4l2_buffer buf;
  memset(&buf, 0, sizeof buf);
  buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  buf.memory = V4L2_MEMORY_MMAP;
  if (ioctl(c->fd, VIDIOC_DQBUF, &buf) < 0) // expect: driver
    return -1;
  process_frame(c, c->maps[buf.index], buf.bytesused);
  if (c->luma_sum < 1000) {
    struct v4l2_control ctrl = {.id = V4L2_CID_EXPOSURE_ABSOLUTE, .value = 500};
    v4l2_ioctl(c->fd, VIDIOC_S_CTRL, &ctrl); // expect: driver
  }
  v4lconvert_convert(c->conv, &c->src_fmt, &c->dst_fmt, c->maps[buf.index], buf.bytesused, c->rgb, sizeof c->rgb); // expect: alloc
  return ioctl(c->fd, VIDIOC_QBUF, &buf); // expect: driver
}
