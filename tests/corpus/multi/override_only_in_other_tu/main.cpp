// The root calls Node::pull; class-hierarchy analysis across TUs adds the override from plugin.cpp.
#include "node.h"
#include <rtcheck/realtime.h>

void Node::pull(float *buf, int n) {
  for (int i = 0; i < n; ++i)
    buf[i] = 0.0f;
}

RTCHECK_REALTIME(audio) void audio_callback(Node &graph, float *buf, int n) {
  graph.pull(buf, n);
}
