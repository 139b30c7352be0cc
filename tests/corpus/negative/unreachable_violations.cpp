// Violations in functions no root reaches (and no roots in this file at all) produce no findings.
#include <mutex>
#include <stdio.h>
#include <stdlib.h>
#include <vector>

std::mutex g_mu;
std::vector<int> g_log;

void load(int v) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_log.push_back(v);
  printf("%d\n", v);
  free(malloc(16));
  throw v;
}

int main() {
  load(1);
  return 0;
}
