/* fork and exec under the shim: the parent, the forked child and the image the child execs each
 * keep their own counts and write their own report. */
#include <rtcheck/realtime.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "exec-child") == 0) {
    RTCHECK_SCOPE_BEGIN("fork_exec.exec", 0);
    for (int i = 0; i < 4; i++) {
      void *volatile p = malloc(8);
      free(p);
    }
    RTCHECK_SCOPE_END();
    return 0;
  }
  RTCHECK_SCOPE_BEGIN("fork_exec.parent", 0);
  void *volatile p = malloc(8);
  free(p);
  pid_t child = fork();
  if (child == 0) {
    for (int i = 0; i < 2; i++) {
      p = malloc(8);
      free(p);
    }
    RTCHECK_SCOPE_END();
    char *args[] = {argv[0], "exec-child", NULL};
    execve("/proc/self/exe", args, environ);
    _exit(126);
  }
  RTCHECK_SCOPE_END();
  int status = 0;
  waitpid(child, &status, 0);
  printf("child %d\n", (int)child);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
