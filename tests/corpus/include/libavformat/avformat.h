/* Declaration-only subset of FFmpeg 5.1 libavformat/avformat.h. */
#ifndef AVFORMAT_AVFORMAT_H
#define AVFORMAT_AVFORMAT_H

#include "libavcodec/avcodec.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct AVFormatContext AVFormatContext;
int av_read_frame(AVFormatContext *s, AVPacket *pkt);
int avformat_open_input(AVFormatContext **ps, const char *url, const void *fmt, void **options);

#ifdef __cplusplus
}
#endif

#endif
