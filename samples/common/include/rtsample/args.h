// Tiny command-line reader shared by the sample programs: `--key value` and `--flag`.
// Real-time safety: none needed (start-up only).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace rtsample {

class Args {
public:
  Args(int argc, char **argv) : args_(argv + 1, argv + argc) {}

  // The value after `--name`, or `fallback` when absent.
  std::string value(std::string_view name, std::string fallback) const {
    for (size_t i = 0; i + 1 < args_.size(); ++i)
      if (args_[i] == name)
        return args_[i + 1];
    return fallback;
  }
  // Every value given after a repeated `--name`.
  std::vector<std::string> values(std::string_view name) const {
    std::vector<std::string> out;
    for (size_t i = 0; i + 1 < args_.size(); ++i)
      if (args_[i] == name)
        out.push_back(args_[i + 1]);
    return out;
  }
  double number(std::string_view name, double fallback) const {
    std::string v = value(name, "");
    if (v.empty())
      return fallback;
    char *end = nullptr;
    double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end != '\0') {
      std::fprintf(stderr, "error: %.*s expects a number, got '%s'\n", int(name.size()),
                   name.data(), v.c_str());
      std::exit(2);
    }
    return d;
  }
  bool flag(std::string_view name) const {
    for (const std::string &a : args_)
      if (a == name)
        return true;
    return false;
  }

private:
  std::vector<std::string> args_;
};

} // namespace rtsample
