// An annotated camera callback that works on preallocated cv::Mat buffers through references and raw row pointers, timing with cv::getTickCount: no finding.
#include <opencv2/core.hpp>
#include <rtcheck/realtime.h>

struct Pipeline {
  cv::Mat gray;
  cv::Mat mask;
  double last_ms = 0;
  long lit = 0;
};

RTCHECK_REALTIME(camera) void threshold_in_place(Pipeline &p, uchar level) {
  const cv::int64 t0 = cv::getTickCount();
  if (p.gray.empty() || p.mask.empty())
    return;
  long lit = 0;
  for (int y = 0; y < p.gray.rows; ++y) {
    const uchar *src = p.gray.ptr(y);
    uchar *dst = p.mask.ptr(y);
    for (int x = 0; x < p.gray.cols; ++x) {
      dst[x] = src[x] > level ? 255 : 0;
      lit += dst[x] != 0;
    }
  }
  p.lit = lit;
  p.last_ms = (cv::getTickCount() - t0) * 1000.0 / cv::getTickFrequency();
}
