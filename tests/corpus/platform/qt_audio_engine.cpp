// Qt in an annotated audio render function: QMutexLocker, QString building, QList growth, qWarning, queued invokeMethod and QThread::msleep are reported; QElapsedTimer and QAtomicInt are not.
#include <QtCore/QtCore>
#include <rtcheck/realtime.h>

class AudioEngine : public QObject {
public:
  RTCHECK_REALTIME(audio) void render(float *out, int frames) {
    timer_.start();
    for (int i = 0; i < frames; ++i)
      out[i] = 0.0f;
    rendered_.fetchAndAddRelaxed(frames);
    {
      QMutexLocker<QMutex> locker(&mutex_); // expect: lock
      peaks_.append(out[0]); // expect: alloc
    }
    if (timer_.nsecsElapsed() > 1000000) {
      status_ = QString("late by %1 ns").arg(static_cast<int>(timer_.nsecsElapsed())); // expect: alloc
      qWarning("render overrun: %d frames", frames); // expect: syscall
      QMetaObject::invokeMethod(this, "reportOverrun", Qt::QueuedConnection); // expect: alloc
      QThread::msleep(1); // expect: syscall
    }
  }

private:
  QElapsedTimer timer_;
  QAtomicInt rendered_;
  QMutex mutex_;
  QList<float> peaks_;
  QString status_;
};

void drive(AudioEngine &e, float *buf) { e.render(buf, 256); }
