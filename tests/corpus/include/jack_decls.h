/* Minimal JACK declarations (as in <jack/jack.h>) so registration cases need no JACK headers. */
#ifndef RTCHECK_CORPUS_JACK_DECLS_H
#define RTCHECK_CORPUS_JACK_DECLS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _jack_client jack_client_t;
typedef unsigned int jack_nframes_t;
typedef int (*JackProcessCallback)(jack_nframes_t nframes, void *arg);

int jack_set_process_callback(jack_client_t *client, JackProcessCallback process_callback, void *arg);

#ifdef __cplusplus
}
#endif

#endif /* RTCHECK_CORPUS_JACK_DECLS_H */
