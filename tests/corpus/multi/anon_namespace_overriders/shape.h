// Interface with two overriders, each a class named Impl in an anonymous namespace of its own TU.
#ifndef CORPUS_ANON_NAMESPACE_SHAPE_H
#define CORPUS_ANON_NAMESPACE_SHAPE_H

struct Stage {
  virtual ~Stage() = default;
  virtual void tick() = 0;
};

Stage *make_first();
Stage *make_second();

#endif
