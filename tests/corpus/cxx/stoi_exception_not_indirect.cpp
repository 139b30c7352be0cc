// C++: std::stoi calls __gnu_cxx::__stoa(&strtol, ...): the conversion function passed to the library template resolves (strtol, a library builtin whose address is taken), so the call is an exception site only, not an unresolved indirect call.
#include <rtcheck/realtime.h>
#include <string>

static std::string g_text;
static int g_value;

RTCHECK_REALTIME(audio) void parse() {
  g_value = std::stoi(g_text); // expect: exception
}
