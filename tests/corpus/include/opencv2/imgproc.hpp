/* Declaration-only subset of OpenCV 4.6 imgproc.hpp. */
#ifndef OPENCV_IMGPROC_HPP
#define OPENCV_IMGPROC_HPP
#pragma GCC system_header

#include "opencv2/core.hpp"

namespace cv {

enum InterpolationFlags { INTER_NEAREST = 0, INTER_LINEAR = 1, INTER_AREA = 3 };
enum ColorConversionCodes { COLOR_BGR2GRAY = 6, COLOR_GRAY2BGR = 8, COLOR_YUV2BGR_YUYV = 115 };
enum ThresholdTypes { THRESH_BINARY = 0, THRESH_OTSU = 8 };

void cvtColor(InputArray src, OutputArray dst, int code, int dstCn = 0);
void resize(InputArray src, OutputArray dst, Size dsize, double fx = 0, double fy = 0,
            int interpolation = INTER_LINEAR);
void GaussianBlur(InputArray src, OutputArray dst, Size ksize, double sigmaX, double sigmaY = 0,
                  int borderType = 4);
double threshold(InputArray src, OutputArray dst, double thresh, double maxval, int type);

} // namespace cv

#endif
