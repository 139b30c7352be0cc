// at() cannot throw where its index is proven below the container's size; elsewhere it stays.
#include <rtcheck/realtime.h>
#include <array>
#include <cstddef>
#include <map>
#include <vector>

void helper() {}  // a call: the proof does not look inside, any call could resize a member
std::vector<float> g_shared(8);

struct Mixer {
  std::vector<float> gains;
  std::map<int, float> byKey;
  int count = 0;

  RTCHECK_REALTIME(audio) float process(std::size_t pick, int key) {
    float sum = 0;
    for (std::size_t c = 0; c < gains.size(); ++c)
      sum += gains.at(c);
    for (int c = 0; c < gains.size(); ++c)
      for (int k = 0; k < 4; ++k)
        sum += gains.at(c) * float(k);
    if (pick < gains.size() && pick > 0)
      sum += gains.at(pick);
    for (int c = 0; c < count; ++c)
      sum += gains.at(c);  // expect: exception
    for (std::size_t c = 0; c <= gains.size(); ++c)
      sum += gains.at(c);  // expect: exception
    for (std::size_t c = 0; c < gains.size(); ++c) {
      helper();
      sum += gains.at(c);  // expect: exception
    }
    for (std::size_t c = 0; c < gains.size(); ++c) {
      ++c;
      sum += gains.at(c);  // expect: exception
    }
    sum += byKey.at(key);  // expect: exception
    return sum + early(pick);
  }

  float early(std::size_t pick) {
    if (pick >= gains.size())
      return 0;
    return gains.at(pick);
  }
};

RTCHECK_REALTIME(audio) float local(std::size_t n) {
  std::array<float, 4> fixed{};
  float sum = fixed.at(3);
  sum += fixed.at(4);  // expect: exception
  for (std::size_t i = 0; i < g_shared.size(); ++i)
    sum += g_shared.at(i);
  for (std::size_t i = 0; i < g_shared.size(); ++i) {
    g_shared.pop_back();
    sum += g_shared.at(i);  // expect: exception
  }
  std::vector<float> &alias = g_shared;
  for (std::size_t i = 0; i < alias.size(); ++i)
    sum += alias.at(i);  // expect: exception
  for (std::size_t i = 0; i < n; ++i)
    if (!(i >= g_shared.size()))
      sum += g_shared.at(i);
  return sum;
}
