/* Declaration-only functions the corpus calls but never defines: each call is an `unknown` finding. */
#ifndef RTCHECK_CORPUS_OPAQUE_H
#define RTCHECK_CORPUS_OPAQUE_H

#ifdef __cplusplus
extern "C" {
#endif

/* No body anywhere in the corpus and no rule: calls are `unknown`. */
void corpus_opaque(int value);
int corpus_opaque_query(void);

#ifdef __cplusplus
}
#endif

#endif /* RTCHECK_CORPUS_OPAQUE_H */
