/* dlsym, interposed so a plug-in host that looks up `lv2_descriptor`, `ladspa_descriptor` or
 * `clap_entry` in a library it dlopen'ed gets a wrapped entry point (autoscope_plugins.c,
 * autoscope_clap.c).
 *
 * glibc's dlsym takes its caller's return address to resolve RTLD_NEXT and RTLD_DEFAULT relative
 * to the calling object (glibc 2.36 dlfcn/dlsym.c, DL_CALLER). A C wrapper calling the real dlsym
 * would make the shim the caller and change what RTLD_NEXT means for the program (and for every
 * other preloaded library). So `dlsym` is a few instructions of assembly that ask
 * rtcheck_dlsym_route where to go and *jump* there with the arguments and the return address
 * untouched: to the real dlsym for every lookup but a plug-in entry point in a library handle.
 * The shim's own dlsym(RTLD_NEXT, ...) calls pass through the same jump and keep their meaning.
 * x86-64 only; elsewhere dlsym is not interposed and plug-ins are not wrapped. */
#include "interceptor.h" /* first: it decides how glibc headers define stdio */
#include "autoscope.h"

#include <dlfcn.h>
#include <link.h>
#include <string.h>

typedef void *(*dlsym_fn)(void *, const char *);
static dlsym_fn real_dlsym;

/* Defined in autoscope_plugins.c: the wrapped entry point for `entry` (the plug-in's own), or
 * `entry` itself when it cannot be wrapped. */
void *rtcheck_autoscope_plugin_entry(const char *symbol, void *entry);

static dlsym_fn get_real_dlsym(void) {
  dlsym_fn f = __atomic_load_n(&real_dlsym, __ATOMIC_ACQUIRE);
  if (RTCHECK_LIKELY(f != 0))
    return f;
  /* dlvsym is not interposed; GLIBC_2.34 is the current version of dlsym (libc.so.6), 2.2.5 the
   * one before libdl was merged into libc. */
  rtcheck_thread.resolving++;
  f = (dlsym_fn)dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.34");
  if (!f)
    f = (dlsym_fn)dlvsym(RTLD_NEXT, "dlsym", "GLIBC_2.2.5");
  rtcheck_thread.resolving--;
  __atomic_store_n(&real_dlsym, f, __ATOMIC_RELEASE);
  return f;
}

static int is_plugin_entry(const char *name) {
  return name && (strcmp(name, "lv2_descriptor") == 0 || strcmp(name, "ladspa_descriptor") == 0 ||
                  strcmp(name, "clap_entry") == 0);
}

/* The wrapped lookup: the plug-in's entry point from the real dlsym (the handle names a library,
 * so the caller does not matter), then its wrapper. dlerror's state is the real call's. */
static void *plugin_dlsym(void *handle, const char *name) {
  void *p = get_real_dlsym()(handle, name);
  if (!p)
    return p;
  return rtcheck_autoscope_plugin_entry(name, p);
}

/* Called by the dlsym stub: where to jump with the caller's arguments. */
__attribute__((used)) void *rtcheck_dlsym_route(void *handle, const char *name) {
  if (handle != RTLD_NEXT && handle != RTLD_DEFAULT && rtcheck_thread.guard == 0 &&
      is_plugin_entry(name))
    return (void *)plugin_dlsym;
  return (void *)get_real_dlsym();
}

#if defined(__x86_64__)
/* dlsym(handle, name): save the two arguments (keeping the stack 16-byte aligned for the call),
 * ask the router, restore them, and jump: the callee sees the program's return address. */
__asm__(".text\n"
        ".globl dlsym\n"
        ".type dlsym, @function\n"
        "dlsym:\n"
        "  .cfi_startproc\n"
        "  pushq %rdi\n"
        "  .cfi_adjust_cfa_offset 8\n"
        "  pushq %rsi\n"
        "  .cfi_adjust_cfa_offset 8\n"
        "  subq $8, %rsp\n"
        "  .cfi_adjust_cfa_offset 8\n"
        "  call rtcheck_dlsym_route\n"
        "  addq $8, %rsp\n"
        "  .cfi_adjust_cfa_offset -8\n"
        "  popq %rsi\n"
        "  .cfi_adjust_cfa_offset -8\n"
        "  popq %rdi\n"
        "  .cfi_adjust_cfa_offset -8\n"
        "  jmp *%rax\n"
        "  .cfi_endproc\n"
        ".size dlsym, .-dlsym\n");
#endif

/* --- Finding the real registration functions ---------------------------------------------------
 * A JACK or PortAudio library dlopen'ed with RTLD_LOCAL (by a plug-in or a backend loader) is not
 * in the global scope, so RTLD_NEXT does not find it although its callers reach the shim's
 * definition first. Then each loaded object is asked in turn. */

typedef struct resolve_query {
  const char *name;
  void *found;
} resolve_query;

static int resolve_in_object(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  resolve_query *q = data;
  if (!info->dlpi_name || !info->dlpi_name[0] ||
      (rtcheck_shim_base && (const void *)info->dlpi_addr == rtcheck_shim_base))
    return 0;
  void *h = dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD);
  if (!h)
    return 0;
  void *p = get_real_dlsym()(h, q->name);
  Dl_info where;
  if (p && dladdr(p, &where) && where.dli_fbase != rtcheck_shim_base)
    q->found = p;
  dlclose(h);
  return q->found != 0;
}

void *rtcheck_autoscope_resolve(const char *name) {
  rtcheck_thread.resolving++;
  void *p = get_real_dlsym()(RTLD_NEXT, name);
  rtcheck_thread.resolving--;
  if (p)
    return p;
  resolve_query q = {name, 0};
  rtcheck_thread.guard++;
  dl_iterate_phdr(resolve_in_object, &q);
  rtcheck_thread.guard--;
  return q.found;
}

/* The registration functions the shim defines (autoscopes.def, "export"). */
static const char *const exported_registrations[] = {
#define RTCHECK_AUTOSCOPE(id, registration, slot, how) how[0] == 'e' ? registration : 0,
#include "autoscopes.def"
};

int rtcheck_autoscope_in_audio_library(const void *addr) {
  Dl_info info;
  if (!dladdr(addr, &info) || !info.dli_fname || !info.dli_fname[0] ||
      info.dli_fbase == rtcheck_shim_base)
    return 0;
  void *h = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
  if (!h)
    return 0;
  int found = 0;
  for (size_t i = 0; i < sizeof exported_registrations / sizeof *exported_registrations && !found;
       i++) {
    if (!exported_registrations[i])
      continue;
    void *p = get_real_dlsym()(h, exported_registrations[i]);
    Dl_info where;
    found = p && dladdr(p, &where) && where.dli_fbase == info.dli_fbase;
  }
  dlclose(h);
  return found;
}
