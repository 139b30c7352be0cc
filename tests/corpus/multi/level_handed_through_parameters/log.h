// A logger whose level starts from a private static default (Rubber Band's Log): only its own methods can change either.
#ifndef CORPUS_LEVEL_LOG_H
#define CORPUS_LEVEL_LOG_H

#include <stdio.h>

namespace levels {

class Log {
public:
  Log() : m_level(s_defaultLevel) {}
  int level() const { return m_level; }
  void setLevel(int level) { m_level = level; }
  static void setDefaultLevel(int level) { s_defaultLevel = level; }
  /// Prints messages up to the logger's level: `log(1, ...)` never prints at level 0.
  void log(int level, const char *message) const {
    if (level <= m_level)
      fprintf(stderr, "%s\n", message);
  }

private:
  int m_level;
  static int s_defaultLevel;
};

/// A public static anyone may write: its tests stay live.
class Trace {
public:
  Trace() : m_on(0) {}
  int m_on;
  static int s_verbose;
};

} // namespace levels

#endif
