// #10 item 7: std::visit throws bad_variant_access only on a valueless variant; a variant whose alternatives can never be valueless (trivially copyable ones in libstdc++) makes visit throw nothing, one with an alternative libstdc++ does not treat so (a trivially copyable block over 256 bytes) keeps the exception.
#include <rtcheck/realtime.h>
#include <variant>

struct Gain {
  float db;
};
struct Mute {};
struct Block {
  float samples[128];
};
using Command = std::variant<Gain, Mute>;
using Payload = std::variant<Gain, Block>;

static Command g_command{Gain{0.0f}};
static Payload g_payload{Gain{0.0f}};

struct Apply {
  float operator()(const Gain &g) const { return g.db; }
  float operator()(const Mute &) const { return 0.0f; }
  float operator()(const Block &b) const { return b.samples[0]; }
};

RTCHECK_REALTIME(audio) float apply_command() {
  return std::visit(Apply{}, g_command);
}

RTCHECK_REALTIME(audio) float apply_payload() {
  return std::visit(Apply{}, g_payload); // expect: exception
}
