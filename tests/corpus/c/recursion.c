/* C: recursion terminates; the site inside the recursive function is reported once. */
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct node {
  struct node *next;
};

static void free_list(struct node *n) {
  if (!n)
    return;
  free_list(n->next);
  free(n); // expect: alloc
}

RTCHECK_REALTIME(audio) void process(struct node *head) {
  free_list(head);
}
