/* The application's thread wrapper: raises the new thread only when asked for a priority. */
#ifndef THREAD_WRAPPER_PRIO_CONTEXT_APP_THREAD_H
#define THREAD_WRAPPER_PRIO_CONTEXT_APP_THREAD_H
#include <pthread.h>

typedef void (*app_thread_fn)(void *data);

pthread_t new_app_thread(app_thread_fn func, void *data, int prio_level);
pthread_t start_worker(app_thread_fn func, int prio_level);

#endif
