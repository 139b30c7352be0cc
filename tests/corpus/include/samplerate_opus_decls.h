/* Minimal libsamplerate and libopus declarations (as in <samplerate.h>, <opus/opus_custom.h>) so cases need neither library's headers. */
#ifndef RTCHECK_CORPUS_SAMPLERATE_OPUS_DECLS_H
#define RTCHECK_CORPUS_SAMPLERATE_OPUS_DECLS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct SRC_STATE_tag SRC_STATE;
typedef struct {
  const float *data_in;
  float *data_out;
  long input_frames, output_frames;
  long input_frames_used, output_frames_gen;
  int end_of_input;
  double src_ratio;
} SRC_DATA;

SRC_STATE *src_new(int converter_type, int channels, int *error);
SRC_STATE *src_delete(SRC_STATE *state);
int src_process(SRC_STATE *state, SRC_DATA *data);
int src_set_ratio(SRC_STATE *state, double new_ratio);
int src_reset(SRC_STATE *state);

typedef struct OpusCustomMode OpusCustomMode;
typedef struct OpusCustomEncoder OpusCustomEncoder;
typedef struct OpusCustomDecoder OpusCustomDecoder;

OpusCustomDecoder *opus_custom_decoder_create(const OpusCustomMode *mode, int channels, int *error);
int opus_custom_encode_float(OpusCustomEncoder *st, const float *pcm, int frame_size,
                             unsigned char *compressed, int max_data_bytes);
int opus_custom_decode_float(OpusCustomDecoder *st, const unsigned char *data, int len, float *pcm,
                             int frame_size);

#ifdef __cplusplus
}
#endif

#endif /* RTCHECK_CORPUS_SAMPLERATE_OPUS_DECLS_H */
