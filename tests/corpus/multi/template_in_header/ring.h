// A user template instantiated in two TUs; its site is on this header's line, reported once.
#ifndef CORPUS_TEMPLATE_IN_HEADER_RING_H
#define CORPUS_TEMPLATE_IN_HEADER_RING_H

#include <stdlib.h>

template <typename T> struct Ring {
  void grow(unsigned n) {
    data = static_cast<T *>(realloc(data, n * sizeof(T)));  // expect: alloc
  }
  T *data = nullptr;
};

#endif
