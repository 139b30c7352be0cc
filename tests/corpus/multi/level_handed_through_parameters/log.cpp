// The definitions of the loggers' statics: the private default starts at 0.
#include "log.h"

namespace levels {

int Log::s_defaultLevel = 0;
int Trace::s_verbose = 0;

} // namespace levels
