/* FFmpeg in an annotated camera frame step: demuxing (av_read_frame) and logging are syscall, send/receive/unref and context (re)creation allocate; sws_scale into preallocated planes, av_rescale_q, av_q2d and av_gettime_relative are not findings. */
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
#include <rtcheck/realtime.h>

typedef struct {
  AVFormatContext *fmt;
  AVCodecContext *dec;
  AVPacket *pkt;
  AVFrame *frame;
  struct SwsContext *sws;
  uint8_t *rgb[4];
  int rgb_stride[4];
  double last_pts_s;
} Decoder;

RTCHECK_REALTIME(camera) int decode_step(Decoder *d) {
  int64_t t0 = av_gettime_relative();
  if (av_read_frame(d->fmt, d->pkt) < 0) // expect: syscall
    return -1;
  avcodec_send_packet(d->dec, d->pkt); // expect: alloc
  av_packet_unref(d->pkt); // expect: alloc
  while (avcodec_receive_frame(d->dec, d->frame) == 0) { // expect: alloc
    d->sws = sws_getCachedContext(d->sws, d->frame->width, d->frame->height, d->dec->pix_fmt, 640, 480, AV_PIX_FMT_RGB24, SWS_BILINEAR, NULL, NULL, NULL); // expect: alloc
    sws_scale(d->sws, (const uint8_t *const *)d->frame->data, d->frame->linesize, 0, d->frame->height, d->rgb, d->rgb_stride);
    d->last_pts_s = av_q2d(d->dec->time_base) * (double)av_rescale_q(d->frame->pts, d->dec->time_base, d->dec->time_base);
    av_frame_unref(d->frame); // expect: alloc
  }
  if (av_gettime_relative() - t0 > 33000)
    av_log(NULL, AV_LOG_WARNING, "slow decode\n"); // expect: syscall
  return 0;
}
