// Direct recursion terminates and the finding inside is reported once.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Node {
  Node *left;
  Node *right;
};

static void release_tree(Node *n) {
  if (!n)
    return;
  release_tree(n->left);
  release_tree(n->right);
  free(n);  // expect: alloc
}

RTCHECK_REALTIME(audio) void process(Node *root) {
  release_tree(root);
}
