/* netjack/alsa_in pattern: libsamplerate conversion (src_process, src_set_ratio, src_reset) and Opus frame coding in a JACK process callback work in preallocated state, so they are not findings; creating or deleting a converter or a codec state allocates. */
#include <rtcheck/realtime.h>
#include <stddef.h>

#include "samplerate_opus_decls.h"

static SRC_STATE *g_src;
static OpusCustomEncoder *g_enc;
static OpusCustomDecoder *g_dec;
static const OpusCustomMode *g_mode;
static float g_in[256], g_out[512];
static unsigned char g_packet[128];

RTCHECK_REALTIME(audio) int process(unsigned nframes, double ratio, int reset) {
  SRC_DATA d = {g_in, g_out, (long)nframes, 512, 0, 0, 0, ratio};
  if (reset)
    src_reset(g_src);
  src_set_ratio(g_src, ratio);
  src_process(g_src, &d);
  int len = opus_custom_encode_float(g_enc, g_out, 128, g_packet, sizeof g_packet);
  opus_custom_decode_float(g_dec, g_packet, len, g_out, 128);
  if (!g_dec)
    g_dec = opus_custom_decoder_create(g_mode, 1, NULL); // expect: alloc
  if (ratio > 4.0) {
    src_delete(g_src); // expect: alloc
    g_src = src_new(0, 1, NULL); // expect: alloc
  }
  return 0;
}
