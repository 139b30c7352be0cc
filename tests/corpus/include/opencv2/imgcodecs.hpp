/* Declaration-only subset of OpenCV 4.6 imgcodecs.hpp. */
#ifndef OPENCV_IMGCODECS_HPP
#define OPENCV_IMGCODECS_HPP
#pragma GCC system_header

#include "opencv2/core.hpp"

namespace cv {

Mat imread(const String &filename, int flags = 1);
bool imwrite(const String &filename, InputArray img, const std::vector<int> &params = std::vector<int>());
bool imencode(const String &ext, InputArray img, std::vector<uchar> &buf,
              const std::vector<int> &params = std::vector<int>());

} // namespace cv

#endif
