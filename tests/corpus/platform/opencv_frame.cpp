// OpenCV in an annotated camera callback: VideoCapture I/O is driver, image-processing calls that (re)allocate their output are alloc, GUI and file output are syscall; tick counts and direct pixel access are not findings.
#include <opencv2/opencv.hpp>
#include <rtcheck/realtime.h>

cv::VideoCapture g_cap;
cv::Mat g_frame, g_gray, g_small, g_copy;
long g_bright;

RTCHECK_REALTIME(camera) void on_frame() {
  const cv::int64 t0 = cv::getTickCount();
  if (!g_cap.read(g_frame)) // expect: driver
    return;
  cv::cvtColor(g_frame, g_gray, cv::COLOR_BGR2GRAY); // expect: alloc
  cv::resize(g_gray, g_small, cv::Size(320, 240)); // expect: alloc
  if (!g_small.empty()) {
    const uchar *row = g_small.ptr(0);
    g_bright = row[0] + row[1];
  }
  g_copy = g_small.clone(); // expect: alloc
  g_cap.set(cv::CAP_PROP_EXPOSURE, 10.0); // expect: driver
  cv::imshow("preview", g_small); // expect: alloc, syscall
  cv::waitKey(1); // expect: syscall
  const double ms = (cv::getTickCount() - t0) * 1000.0 / cv::getTickFrequency();
  if (ms > 30.0)
    cv::imwrite("slow.png", g_frame); // expect: alloc, syscall
}
