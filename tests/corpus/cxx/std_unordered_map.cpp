// unordered_map::operator[] and std::map::insert may create nodes: alloc, exception on the call line.
#include <map>
#include <rtcheck/realtime.h>
#include <unordered_map>

std::unordered_map<int, float> g_gains;
std::map<int, int> g_notes;

RTCHECK_REALTIME(audio) float process(int id) {
  g_notes.insert({id, 1});  // expect: alloc
  return g_gains[id];  // expect: alloc
}
