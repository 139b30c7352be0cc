/* A library whose constructor probes for optional symbols that are not there, as many libraries do:
 * each failed dlsym leaves a dlerror string that the next dlsym frees. Library constructors run
 * before the preloaded shim's, so the shim meets that free before it knows the real one. */
#include <dlfcn.h>
#include <stdio.h>

static int missing;

__attribute__((constructor)) static void probe_optional_symbols(void) {
  missing += dlsym(RTLD_DEFAULT, "rtcheck_test_optional_one") == NULL;
  missing += dlsym(RTLD_DEFAULT, "rtcheck_test_optional_two") == NULL;
  missing += dlsym(RTLD_DEFAULT, "rtcheck_test_optional_three") == NULL;
}

int dlerror_probe_missing(void) { return missing; }
