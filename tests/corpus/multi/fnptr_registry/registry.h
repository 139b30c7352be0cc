// A tiny callback registry: plugins register handlers, the root calls them.
#ifndef CORPUS_FNPTR_REGISTRY_H
#define CORPUS_FNPTR_REGISTRY_H

using NoteHandler = void (*)(int note, float velocity);

void registry_add(NoteHandler h);
void registry_dispatch(int note, float velocity);

#endif
