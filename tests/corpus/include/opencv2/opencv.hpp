/* Declaration-only subset of the OpenCV 4.6 umbrella header. */
#ifndef OPENCV_ALL_HPP
#define OPENCV_ALL_HPP
#pragma GCC system_header

#include "opencv2/core.hpp"
#include "opencv2/highgui.hpp"
#include "opencv2/imgcodecs.hpp"
#include "opencv2/imgproc.hpp"
#include "opencv2/videoio.hpp"

#endif
