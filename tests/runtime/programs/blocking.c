/* Blocking calls the shim interposes beyond RealtimeSanitizer's list, each made once inside a
 * scope; the program checks that return values and errno are what the real functions give and
 * exits non-zero when they are not. Usage: rt_blocking files|process|dlopen|faults|suppress|clean
 */
#include <rtcheck/realtime.h>

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "rt_blocking: check failed: %s (line %d)\n", #cond, __LINE__);               \
      return 10;                                                                                   \
    }                                                                                              \
  } while (0)

static int files(void) {
  struct stat st;
  RTCHECK_SCOPE_BEGIN("blocking.files", 0);
  CHECK(stat("/", &st) == 0 && S_ISDIR(st.st_mode));
  errno = 0;
  CHECK(stat("/nonexistent/rtcheck", &st) == -1 && errno == ENOENT); /* errno is the real one */
  errno = 1234;
  CHECK(lstat("/", &st) == 0 && errno == 1234); /* and left alone on success */
  CHECK(fstatat(AT_FDCWD, "/", &st, 0) == 0);
  CHECK(access("/", R_OK) == 0);
  DIR *d = opendir("/");
  CHECK(d != NULL);
  CHECK(readdir(d) != NULL);
  CHECK(closedir(d) == 0);
  RTCHECK_SCOPE_END();
  return 0;
}

static int process(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  CHECK(pthread_sigmask(SIG_BLOCK, &set, NULL) == 0);
  CHECK(kill(getpid(), SIGUSR1) == 0);
  pid_t child = fork();
  if (child == 0)
    _exit(7);
  static char page[4096];
  RTCHECK_SCOPE_BEGIN("blocking.process", 0);
  int status = 0;
  CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 7);
  pid_t spawned;
  char *argv[] = {"/bin/true", NULL};
  CHECK(posix_spawn(&spawned, "/bin/true", NULL, NULL, argv, environ) == 0);
  CHECK(waitpid(spawned, &status, 0) == spawned && WIFEXITED(status));
  int sig = 0;
  CHECK(sigwait(&set, &sig) == 0 && sig == SIGUSR1);
  CHECK(mlock(page, sizeof page) == 0 || errno == EPERM || errno == ENOMEM);
  munlock(page, sizeof page);
  RTCHECK_SCOPE_END();
  return 0;
}

/* librt_plugin.so is found only through this program's DT_RUNPATH: the shim's dlopen must keep
 * the program as the caller. */
static int load_plugin(void) {
  RTCHECK_SCOPE_BEGIN("blocking.dlopen", 0);
  void *h = dlopen("librt_plugin.so", RTLD_NOW);
  CHECK(h != NULL);
  RTCHECK_SCOPE_END();
  int (*answer)(void) = (int (*)(void))dlsym(h, "rt_plugin_answer");
  CHECK(answer && answer() == 42);
  RTCHECK_SCOPE_BEGIN("blocking.dlopen", 0);
  CHECK(dlclose(h) == 0);
  CHECK(dlopen("librt_no_such_plugin.so", RTLD_NOW) == NULL);
  RTCHECK_SCOPE_END();
  return 0;
}

static int faults(void) {
  size_t n = 64 * 4096;
  char *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(p != MAP_FAILED);
  RTCHECK_SCOPE_BEGIN("blocking.faults", 0);
  for (size_t i = 0; i < n; i += 4096)
    p[i] = 1; /* first touch of each page: a minor fault */
  RTCHECK_SCOPE_END();
  return 0;
}

/* Named in the suppressions file of the process test (frame:rt_logger_*). */
__attribute__((noinline)) void rt_logger_write(const char *s) {
  char *copy = strdup(s);
  free(copy);
}

static int suppress(void) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  for (int i = 0; i < 3; i++) {
    RTCHECK_SCOPE_BEGIN("audio.callback", 0);
    rt_logger_write("tick"); /* strdup + free: suppressed by frame */
    pthread_mutex_lock(&m);  /* suppressed by interceptor */
    pthread_mutex_unlock(&m);
    void *volatile p = malloc(8); /* not suppressed */
    free(p);
    RTCHECK_SCOPE_END();
    RTCHECK_SCOPE_BEGIN("ui.refresh", 0);
    p = malloc(8); /* suppressed by scope */
    free(p);
    RTCHECK_SCOPE_END();
  }
  return 0;
}

static int clean(void) {
  RTCHECK_SCOPE_BEGIN("clean.callback", 0);
  RTCHECK_SCOPE_END();
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  int r = strcmp(mode, "files") == 0      ? files()
          : strcmp(mode, "process") == 0  ? process()
          : strcmp(mode, "dlopen") == 0   ? load_plugin()
          : strcmp(mode, "faults") == 0   ? faults()
          : strcmp(mode, "suppress") == 0 ? suppress()
          : strcmp(mode, "clean") == 0    ? clean()
                                          : 2;
  if (r == 0)
    puts("done");
  return r;
}
