/* Declaration-only subset of OpenCV 4.6 highgui.hpp. */
#ifndef OPENCV_HIGHGUI_HPP
#define OPENCV_HIGHGUI_HPP
#pragma GCC system_header

#include "opencv2/core.hpp"

namespace cv {

void namedWindow(const String &winname, int flags = 1);
void imshow(const String &winname, InputArray mat);
int waitKey(int delay = 0);
int pollKey();

} // namespace cv

#endif
