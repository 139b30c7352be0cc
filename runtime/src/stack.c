/* Stacks: raw return addresses are collected at the violation (backtrace(), which does not
 * allocate once libgcc_s is loaded - rtcheck_stack_prewarm loads it at start-up); they are turned
 * into text only when printed (trap/log) or written (report), with dladdr, which does not allocate.
 * Names are the dynamic symbols (mangled for C++); module+offset feeds addr2line for the rest. */
#include "rtcheck_internal.h"

#include <dlfcn.h>
#include <execinfo.h>
#include <stdio.h>

/* The shim's own load base (set by init.c); its frames are left out of printed stacks. */
const void *rtcheck_shim_base;

int rtcheck_stack_capture(void **out, int max) { return backtrace(out, max); }

void rtcheck_stack_prewarm(void) {
  void *frames[4];
  (void)backtrace(frames, 4);
}

int rtcheck_stack_format(const void *pc, char *buf, size_t len) {
  Dl_info info;
  /* A return address points after the call; look up the call instruction itself. */
  const char *lookup = (const char *)pc - 1;
  if (!dladdr(lookup, &info) || !info.dli_fname) {
    snprintf(buf, len, "%p", pc);
    return 1;
  }
  if (rtcheck_shim_base && info.dli_fbase == rtcheck_shim_base)
    return 0;
  uintptr_t modoff = (uintptr_t)pc - (uintptr_t)info.dli_fbase;
  if (info.dli_sname && info.dli_saddr)
    snprintf(buf, len, "%p in %s+0x%lx (%s+0x%lx)", pc, info.dli_sname,
             (unsigned long)((uintptr_t)pc - (uintptr_t)info.dli_saddr), info.dli_fname,
             (unsigned long)modoff);
  else
    snprintf(buf, len, "%p (%s+0x%lx)", pc, info.dli_fname, (unsigned long)modoff);
  return 1;
}
