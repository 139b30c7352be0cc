// A logger whose level starts from a private static default (Rubber Band's Log): only its own methods can change either.
#ifndef CORPUS_LEVEL_LOG_H
#define CORPUS_LEVEL_LOG_H

namespace levels {

class Log {
public:
  Log() : m_level(s_defaultLevel) {}
  int level() const { return m_level; }
  void setLevel(int level) { m_level = level; }
  static void setDefaultLevel(int level) { s_defaultLevel = level; }

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
