// Preset loading: setup-time code, never called from the process callback.
#pragma once
#include <string>

std::string load_preset(const std::string &name);
