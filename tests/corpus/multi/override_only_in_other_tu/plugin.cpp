// The override the root's TU cannot see; its syscall is reported here.
#include "node.h"
#include <unistd.h>

struct FileNode : Node {
  void pull(float *buf, int n) override {
    read(fd, buf, static_cast<size_t>(n) * sizeof(float));  // expect: syscall
  }
  int fd = 0;
};

Node *make_file_node() { return new FileNode; }
