/* Declaration-only subset of OpenCV 4.6 core (cvdef.h, types.hpp, mat.hpp, mat.inl.hpp) for the
 * rtcheck corpus (Debian's libopencv-dev pulls ~250 MB). Functions OpenCV defines in its libraries
 * are declared only; the inline members of mat.inl.hpp / types.hpp that user code reaches keep an
 * equivalent inline body (Mat's reference-counting copy/assign/destructor over Mat::release,
 * proxy-array constructors, Size, Mat::empty/ptr). Marked as a system header, as CMake's
 * imported OpenCV targets are (-isystem), so findings land on the caller's line. */
#ifndef OPENCV_CORE_HPP
#define OPENCV_CORE_HPP
#pragma GCC system_header

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

typedef unsigned char uchar;

#define CV_8U 0
#define CV_32F 5
#define CV_CN_SHIFT 3
#define CV_MAKETYPE(depth, cn) ((depth) + (((cn)-1) << CV_CN_SHIFT))
#define CV_8UC1 CV_MAKETYPE(CV_8U, 1)
#define CV_8UC3 CV_MAKETYPE(CV_8U, 3)

namespace cv {

typedef std::string String;
typedef int64_t int64;

template <typename _Tp>
class Size_ {
public:
  Size_() : width(0), height(0) {}
  Size_(_Tp _width, _Tp _height) : width(_width), height(_height) {}
  _Tp width, height;
};
typedef Size_<int> Size2i;
typedef Size2i Size;

struct UMatData {
  int refcount = 0;
};

class Mat {
public:
  Mat() {}
  Mat(int rows, int cols, int type) { create(rows, cols, type); }
  Mat(const Mat &m)
      : flags(m.flags), dims(m.dims), rows(m.rows), cols(m.cols), data(m.data), step(m.step), u(m.u) {
    if (u)
      __atomic_fetch_add(&u->refcount, 1, __ATOMIC_ACQ_REL);
  }
  ~Mat() { release(); }
  Mat &operator=(const Mat &m) {
    if (this != &m) {
      if (m.u)
        __atomic_fetch_add(&m.u->refcount, 1, __ATOMIC_ACQ_REL);
      release();
      flags = m.flags, dims = m.dims, rows = m.rows, cols = m.cols;
      data = m.data, step = m.step, u = m.u;
    }
    return *this;
  }
  Mat &operator=(Mat &&m) {
    if (this != &m) {
      release();
      flags = m.flags, dims = m.dims, rows = m.rows, cols = m.cols;
      data = m.data, step = m.step, u = m.u;
      m.data = nullptr, m.u = nullptr;
    }
    return *this;
  }
  void create(int rows, int cols, int type);
  Mat clone() const;
  void copyTo(Mat &m) const;
  void release();
  bool empty() const { return data == nullptr; }
  uchar *ptr(int i0 = 0) { return data + step * static_cast<size_t>(i0); }
  size_t total() const;

  int flags = 0;
  int dims = 0;
  int rows = 0, cols = 0;
  uchar *data = nullptr;
  size_t step = 0;
  UMatData *u = nullptr;
};

class _InputArray {
public:
  enum { MAT = 1 << 16, ACCESS_READ = 1 << 24, ACCESS_WRITE = 1 << 25 };
  _InputArray() : flags(0), obj(nullptr) {}
  _InputArray(const Mat &m) : flags(MAT + ACCESS_READ), obj(const_cast<Mat *>(&m)) {}
  ~_InputArray() {}

protected:
  int flags;
  void *obj;
};

class _OutputArray : public _InputArray {
public:
  _OutputArray() {}
  _OutputArray(Mat &m) { flags = MAT + ACCESS_WRITE; obj = &m; }
};

typedef const _InputArray &InputArray;
typedef const _OutputArray &OutputArray;

void *fastMalloc(size_t bufSize);
void fastFree(void *ptr);
int64 getTickCount();
double getTickFrequency();
void parallel_for_(const class Range &range, const class ParallelLoopBody &body, double nstripes = -1.);
void setNumThreads(int nthreads);

} // namespace cv

#endif
