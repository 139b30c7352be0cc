/* Declaration-only subset of OpenCV 4.6 videoio.hpp. */
#ifndef OPENCV_VIDEOIO_HPP
#define OPENCV_VIDEOIO_HPP
#pragma GCC system_header

#include "opencv2/core.hpp"

namespace cv {

enum VideoCaptureAPIs { CAP_ANY = 0, CAP_V4L2 = 200 };
enum VideoCaptureProperties { CAP_PROP_FRAME_WIDTH = 3, CAP_PROP_FRAME_HEIGHT = 4, CAP_PROP_FPS = 5, CAP_PROP_EXPOSURE = 15 };

class VideoCapture {
public:
  VideoCapture();
  explicit VideoCapture(int index, int apiPreference = CAP_ANY);
  virtual ~VideoCapture();
  virtual bool open(int index, int apiPreference = CAP_ANY);
  virtual bool isOpened() const;
  virtual void release();
  virtual bool grab();
  virtual bool retrieve(OutputArray image, int flag = 0);
  virtual VideoCapture &operator>>(Mat &image);
  virtual bool read(OutputArray image);
  virtual bool set(int propId, double value);
  virtual double get(int propId) const;
};

class VideoWriter {
public:
  VideoWriter();
  virtual ~VideoWriter();
  virtual void write(InputArray image);
};

} // namespace cv

#endif
