// A base class whose only allocating override is defined in a TU the root's TU never mentions.
#ifndef CORPUS_OVERRIDE_OTHER_TU_NODE_H
#define CORPUS_OVERRIDE_OTHER_TU_NODE_H

struct Node {
  virtual ~Node() = default;
  virtual void pull(float *buf, int n);
};

#endif
