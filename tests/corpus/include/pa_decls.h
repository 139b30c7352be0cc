/* Minimal PortAudio declarations (matching <portaudio.h>) so driver cases need no PortAudio headers. */
#ifndef RTCHECK_CORPUS_PA_DECLS_H
#define RTCHECK_CORPUS_PA_DECLS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef int PaError;
typedef void PaStream;
PaError Pa_StopStream(PaStream *stream);
PaError Pa_AbortStream(PaStream *stream);

#ifdef __cplusplus
}
#endif

#endif /* RTCHECK_CORPUS_PA_DECLS_H */
