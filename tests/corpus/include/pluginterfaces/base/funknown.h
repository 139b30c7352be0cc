/* Declaration-only subset of the VST3 SDK's pluginterfaces/base/funknown.h. */
#ifndef __funknown__
#define __funknown__

#include <cstdint>

#define PLUGIN_API
#define SMTG_OVERRIDE override

namespace Steinberg {

typedef int32_t int32;
typedef uint32_t uint32;
typedef int64_t int64;
typedef uint8_t TBool;
typedef int32 tresult;
typedef char TUID[16];
enum { kResultOk = 0, kResultTrue = 0, kResultFalse = 1, kNotImplemented = 4 };

class FUnknown {
public:
  virtual tresult PLUGIN_API queryInterface(const TUID _iid, void **obj) = 0;
  virtual uint32 PLUGIN_API addRef() = 0;
  virtual uint32 PLUGIN_API release() = 0;
};

} // namespace Steinberg

#endif
