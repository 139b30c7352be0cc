/* dlsym is interposed by the shim; RTLD_NEXT must keep meaning "after the calling object". Prints
 * whether dlsym(RTLD_NEXT, "puts") from this program equals the first definition after it
 * (RTLD_DEFAULT: the program defines no puts), and whether a failed lookup still sets dlerror. */
#include <dlfcn.h>
#include <stdio.h>

int main(void) {
  void *next = dlsym(RTLD_NEXT, "puts");
  void *first = dlsym(RTLD_DEFAULT, "puts");
  void *missing = dlsym(RTLD_DEFAULT, "rtcheck_no_such_symbol");
  const char *err = dlerror();
  printf("next==default %d missing %d dlerror %d\n", next == first, missing == NULL, err != NULL);
  return next == first && missing == NULL && err != NULL ? 0 : 1;
}
