// Instantiates Ring<int>::grow; same header line as the instantiation in main.cpp.
#include "ring.h"

Ring<int> g_ints;

void other_grow(unsigned n) { g_ints.grow(n); }
