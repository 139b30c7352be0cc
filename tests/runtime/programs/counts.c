/* A known sequence of interposed calls inside and outside scopes; the process tests assert the
 * report's exact counts. Built with GCC and with Clang, with -fno-builtin so every call is made. */
#include <rtcheck/realtime.h>

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <threads.h>
#include <unistd.h>

static void *other_thread(void *arg) {
  /* Not counted: the scope is open on the main thread, not this one. */
  for (int i = 0; i < 100; i++) {
    void *volatile p = malloc(8);
    free(p);
  }
  return arg;
}

int main(int argc, char **argv) {
  int fd = open("/dev/null", O_WRONLY); /* outside any scope: not counted */
  void *volatile p = malloc(16);
  free(p);
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  int pfd[2];
  if (pipe(pfd) != 0)
    return 1;

  for (int i = 0; i < 10; i++) {
    RTCHECK_SCOPE_BEGIN("counts.callback", 1000000000);
    p = malloc(32);
    p = realloc(p, 64);
    free(p);
    p = calloc(2, 8);
    free(p);
    free(NULL); /* a no-op: not a violation */
    char *s = strdup("x");
    free(s);
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    if (write(fd, "x", 1) != 1)
      return 1;
    int n = 0;
    ioctl(pfd[0], FIONREAD, &n);
    sched_yield();
    RTCHECK_SCOPE_END();
  }

  for (int i = 0; i < 5; i++) {
    RTCHECK_SCOPE_BEGIN("counts.outer", 0);
    void *volatile a = malloc(8);
    RTCHECK_SCOPE_BEGIN("counts.inner", 0);
    void *volatile b = malloc(8);
    void *volatile c = malloc(8);
    free(b);
    free(c);
    RTCHECK_SCOPE_END();
    free(a);
    RTCHECK_SCOPE_END();
  }

  RTCHECK_SCOPE_BEGIN("counts.other_thread", 0);
  pthread_t t;
  pthread_create(&t, NULL, other_thread, NULL);
  pthread_join(t, NULL);
  RTCHECK_SCOPE_END();

  /* C11 threads: glibc implements them without going through pthread_mutex_lock's PLT entry. */
  mtx_t c11;
  mtx_init(&c11, mtx_plain);
  RTCHECK_SCOPE_BEGIN("counts.c11", 0);
  mtx_lock(&c11);
  mtx_unlock(&c11);
  thrd_yield();
  RTCHECK_SCOPE_END();
  mtx_destroy(&c11);

  close(fd);
  fputs("done\n", stdout);
  return argc > 1 && strcmp(argv[1], "exit3") == 0 ? 3 : 0;
}
