/* libsoundio: functions stored into SoundIoOutStream::write_callback / SoundIoInStream::read_callback (and their underflow/overflow callbacks) are audio roots of a program that uses the installed library; begin/end write and read and the ring buffer are safe there, printing, pausing the stream and flushing events are reported. */
#include <soundio/soundio.h>
#include <stdio.h>
#include <string.h>

static struct SoundIoRingBuffer *ring;

static void write_callback(struct SoundIoOutStream *outstream, int frame_count_min, int frame_count_max) {
  (void)frame_count_min;
  struct SoundIoChannelArea *areas;
  int frames = frame_count_max;
  if (soundio_outstream_begin_write(outstream, &areas, &frames))
    return;
  int available = soundio_ring_buffer_fill_count(ring) / outstream->bytes_per_frame;
  if (available < frames) {
    fprintf(stderr, "underrun\n"); // expect: syscall
    soundio_outstream_pause(outstream, true); // expect: driver
    return;
  }
  memcpy(areas[0].ptr, soundio_ring_buffer_read_ptr(ring), (size_t)(frames * outstream->bytes_per_frame));
  soundio_ring_buffer_advance_read_ptr(ring, frames * outstream->bytes_per_frame);
  soundio_outstream_end_write(outstream);
}

static void underflow_callback(struct SoundIoOutStream *outstream) {
  soundio_flush_events(outstream->device->soundio); // expect: lock
}

static void read_callback(struct SoundIoInStream *instream, int frame_count_min, int frame_count_max) {
  (void)frame_count_min;
  struct SoundIoChannelArea *areas;
  int frames = frame_count_max;
  if (soundio_instream_begin_read(instream, &areas, &frames))
    return;
  memcpy(soundio_ring_buffer_write_ptr(ring), areas[0].ptr, (size_t)(frames * instream->bytes_per_frame));
  soundio_ring_buffer_advance_write_ptr(ring, frames * instream->bytes_per_frame);
  soundio_instream_end_read(instream);
}

int main(void) {
  struct SoundIo *soundio = soundio_create();
  if (!soundio || soundio_connect(soundio))
    return 1;
  soundio_flush_events(soundio);
  struct SoundIoDevice *device = soundio_get_output_device(soundio, soundio_default_output_device_index(soundio));
  ring = soundio_ring_buffer_create(soundio, 1 << 16);
  struct SoundIoOutStream *outstream = soundio_outstream_create(device);
  outstream->format = SoundIoFormatFloat32LE;
  outstream->write_callback = write_callback;
  outstream->underflow_callback = underflow_callback;
  struct SoundIoInStream *instream = soundio_instream_create(device);
  instream->read_callback = read_callback;
  if (soundio_outstream_open(outstream) || soundio_instream_open(instream) || soundio_outstream_start(outstream))
    return 1;
  for (;;)
    soundio_wait_events(soundio);
}
