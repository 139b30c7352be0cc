/* Declaration-only subset of libsoundio 2.0's <soundio/soundio.h>: the stream structs with their
   callback fields, and the calls a write/read callback and its setup make. */
#ifndef SOUNDIO_SOUNDIO_H
#define SOUNDIO_SOUNDIO_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum SoundIoFormat { SoundIoFormatInvalid, SoundIoFormatFloat32LE = 11 };

struct SoundIoChannelLayout {
  const char *name;
  int channel_count;
};

struct SoundIoChannelArea {
  char *ptr;
  int step;
};

struct SoundIo {
  void *userdata;
};

struct SoundIoDevice {
  struct SoundIo *soundio;
  char *id;
  char *name;
};

struct SoundIoOutStream {
  struct SoundIoDevice *device;
  enum SoundIoFormat format;
  int sample_rate;
  struct SoundIoChannelLayout layout;
  double software_latency;
  void *userdata;
  void (*write_callback)(struct SoundIoOutStream *, int frame_count_min, int frame_count_max);
  void (*underflow_callback)(struct SoundIoOutStream *);
  void (*error_callback)(struct SoundIoOutStream *, int err);
  const char *name;
  int bytes_per_frame;
  int bytes_per_sample;
  int layout_error;
};

struct SoundIoInStream {
  struct SoundIoDevice *device;
  enum SoundIoFormat format;
  int sample_rate;
  struct SoundIoChannelLayout layout;
  double software_latency;
  void *userdata;
  void (*read_callback)(struct SoundIoInStream *, int frame_count_min, int frame_count_max);
  void (*overflow_callback)(struct SoundIoInStream *);
  void (*error_callback)(struct SoundIoInStream *, int err);
  const char *name;
  int bytes_per_frame;
  int bytes_per_sample;
  int layout_error;
};

struct SoundIoRingBuffer;

struct SoundIo *soundio_create(void);
void soundio_destroy(struct SoundIo *soundio);
int soundio_connect(struct SoundIo *soundio);
void soundio_flush_events(struct SoundIo *soundio);
void soundio_wait_events(struct SoundIo *soundio);
void soundio_wakeup(struct SoundIo *soundio);
int soundio_default_output_device_index(struct SoundIo *soundio);
struct SoundIoDevice *soundio_get_output_device(struct SoundIo *soundio, int index);
void soundio_device_unref(struct SoundIoDevice *device);
const char *soundio_strerror(int error);

struct SoundIoOutStream *soundio_outstream_create(struct SoundIoDevice *device);
void soundio_outstream_destroy(struct SoundIoOutStream *outstream);
int soundio_outstream_open(struct SoundIoOutStream *outstream);
int soundio_outstream_start(struct SoundIoOutStream *outstream);
int soundio_outstream_begin_write(struct SoundIoOutStream *outstream,
                                  struct SoundIoChannelArea **areas, int *frame_count);
int soundio_outstream_end_write(struct SoundIoOutStream *outstream);
int soundio_outstream_pause(struct SoundIoOutStream *outstream, bool pause);

struct SoundIoInStream *soundio_instream_create(struct SoundIoDevice *device);
int soundio_instream_open(struct SoundIoInStream *instream);
int soundio_instream_begin_read(struct SoundIoInStream *instream,
                                struct SoundIoChannelArea **areas, int *frame_count);
int soundio_instream_end_read(struct SoundIoInStream *instream);

struct SoundIoRingBuffer *soundio_ring_buffer_create(struct SoundIo *soundio, int requested_capacity);
char *soundio_ring_buffer_write_ptr(struct SoundIoRingBuffer *ring_buffer);
void soundio_ring_buffer_advance_write_ptr(struct SoundIoRingBuffer *ring_buffer, int count);
char *soundio_ring_buffer_read_ptr(struct SoundIoRingBuffer *ring_buffer);
void soundio_ring_buffer_advance_read_ptr(struct SoundIoRingBuffer *ring_buffer, int count);
int soundio_ring_buffer_fill_count(struct SoundIoRingBuffer *ring_buffer);
int soundio_ring_buffer_free_count(struct SoundIoRingBuffer *ring_buffer);

#ifdef __cplusplus
}
#endif

#endif
