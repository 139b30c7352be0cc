// The samples' console-style log: unbuffered, so every line is one write(2), as on a terminal or
// a serial console. That is what the legacy variants' logging costs inside a callback.
#pragma once

#include <cstdio>
#include <string>

namespace rtsample {

// Opens `path` for writing, unbuffered; prints one error line and returns null when it cannot.
inline std::FILE *open_console_log(const std::string &path) {
  std::FILE *log = std::fopen(path.c_str(), "w");
  if (!log) {
    std::fprintf(stderr, "error: cannot open log '%s'\n", path.c_str());
    return nullptr;
  }
  std::setvbuf(log, nullptr, _IONBF, 0);
  return log;
}

} // namespace rtsample
