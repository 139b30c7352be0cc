/* Stacks: raw return addresses are collected at the violation (backtrace(), which does not
 * allocate once libgcc_s is loaded - rtcheck_stack_prewarm loads it at start-up); they are turned
 * into text only when printed (trap/log) or written (report). Names come from the dynamic symbols
 * (dladdr) and, for functions a program does not export, from the module's own .symtab (the file
 * is mapped read-only the first time one of its frames is printed). C++ names stay mangled in the
 * report (stable, what `frame:` suppressions were written against); the messages printed in trap
 * and log mode demangle them with the process's libstdc++, which allocates (the only allocation
 * here, on those slow paths, with the guard held). module+offset feeds addr2line for frames with
 * no symbol. */
#include "autoscope.h"
#include "rtcheck_internal.h"

#include <dlfcn.h>
#include <elf.h>
#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const void *rtcheck_shim_base;

int rtcheck_stack_capture(void **out, int max) { return backtrace(out, max); }

void rtcheck_stack_prewarm(void) {
  void *frames[4];
  (void)backtrace(frames, 4);
}

/* --- Symbols from .symtab ------------------------------------------------------------------- */

typedef struct module_map {
  uintptr_t base;
  const unsigned char *data; /* the mapped file, or 0 when it has no usable .symtab */
  size_t size;
} module_map;

#define MAX_MODULES 16
static module_map modules[MAX_MODULES];
static int module_count;
static int modules_busy;

typedef struct module_query {
  uintptr_t pc;
  uintptr_t base;
  const char *name;
  int found;
} module_query;

static int find_module(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  module_query *q = data;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD && q->pc >= start && q->pc < start + ph->p_memsz) {
      q->base = info->dlpi_addr;
      q->name = info->dlpi_name;
      q->found = 1;
      return 1;
    }
  }
  return 0;
}

static const module_map *map_module(uintptr_t base, const char *name) {
  for (int i = 0; i < module_count; i++)
    if (modules[i].base == base)
      return &modules[i];
  if (module_count == MAX_MODULES)
    return 0;
  module_map *m = &modules[module_count++];
  m->base = base;
  int fd = open(name && name[0] ? name : "/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return m;
  struct stat st;
  if (fstat(fd, &st) == 0 && (size_t)st.st_size >= sizeof(ElfW(Ehdr))) {
    void *p = mmap(0, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      m->data = p;
      m->size = (size_t)st.st_size;
    }
  }
  close(fd);
  return m;
}

/* The STT_FUNC symbol of the module's .symtab that contains `off` (an address relative to the
 * module's load base); its name and start, or 0. */
static const char *symtab_lookup(const module_map *m, uintptr_t off, uintptr_t *start) {
  if (!m || !m->data)
    return 0;
  const ElfW(Ehdr) *eh = (const ElfW(Ehdr) *)m->data;
  if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_shoff == 0 ||
      eh->e_shoff + (size_t)eh->e_shnum * sizeof(ElfW(Shdr)) > m->size)
    return 0;
  const ElfW(Shdr) *sh = (const ElfW(Shdr) *)(m->data + eh->e_shoff);
  for (int i = 0; i < eh->e_shnum; i++) {
    if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum)
      continue;
    const ElfW(Shdr) *strs = &sh[sh[i].sh_link];
    if (sh[i].sh_offset + sh[i].sh_size > m->size || strs->sh_offset + strs->sh_size > m->size)
      return 0;
    const ElfW(Sym) *sym = (const ElfW(Sym) *)(m->data + sh[i].sh_offset);
    size_t n = sh[i].sh_size / sizeof(ElfW(Sym));
    for (size_t k = 0; k < n; k++) {
      if (ELF64_ST_TYPE(sym[k].st_info) != STT_FUNC || sym[k].st_name >= strs->sh_size)
        continue;
      if (off >= sym[k].st_value && off < sym[k].st_value + sym[k].st_size) {
        *start = sym[k].st_value;
        return (const char *)(m->data + strs->sh_offset + sym[k].st_name);
      }
    }
  }
  return 0;
}

/* --- Demangling ------------------------------------------------------------------------------- */

typedef char *(*demangle_fn)(const char *mangled, char *out, size_t *len, int *status);
static demangle_fn demangler;

static int find_libstdcxx(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  if (!info->dlpi_name || !strstr(info->dlpi_name, "libstdc++"))
    return 0;
  snprintf(data, RTCHECK_PATH_MAX, "%s", info->dlpi_name);
  return 1;
}

/* __cxa_demangle: from the global scope, else from a libstdc++ that a library loaded with
 * RTLD_LOCAL brought in (a C++ plug-in in a C host). Kept once found. */
static demangle_fn get_demangler(void) {
  demangle_fn d = __atomic_load_n(&demangler, __ATOMIC_ACQUIRE);
  if (d)
    return d;
  d = (demangle_fn)dlsym(RTLD_DEFAULT, "__cxa_demangle");
  char path[RTCHECK_PATH_MAX];
  if (!d && dl_iterate_phdr(find_libstdcxx, path)) {
    void *h = dlopen(path, RTLD_LAZY | RTLD_NOLOAD);
    if (h) {
      d = (demangle_fn)dlsym(h, "__cxa_demangle");
      dlclose(h); /* RTLD_NOLOAD: only the reference it took */
    }
  }
  __atomic_store_n(&demangler, d, __ATOMIC_RELEASE);
  return d;
}

const char *rtcheck_demangle(const char *sym, char *buf, size_t len) {
  if (!sym || sym[0] != '_' || sym[1] != 'Z')
    return sym;
  demangle_fn d = get_demangler();
  int status = -1;
  char *out = d ? d(sym, 0, 0, &status) : 0;
  if (out && status == 0)
    snprintf(buf, len, "%s", out);
  free(out);
  return out && status == 0 ? buf : sym;
}

/* --- Formatting ------------------------------------------------------------------------------- */

static int stack_format(const void *pc, char *buf, size_t len, int demangle);

int rtcheck_stack_format(const void *pc, char *buf, size_t len) {
  return stack_format(pc, buf, len, 0);
}

int rtcheck_stack_format_demangled(const void *pc, char *buf, size_t len) {
  return stack_format(pc, buf, len, 1);
}

static int stack_format(const void *pc, char *buf, size_t len, int demangle) {
  char readable[RTCHECK_STACK_SYMBOL_MAX];
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
  if (info.dli_sname && info.dli_saddr) {
    const char *sym =
        demangle ? rtcheck_demangle(info.dli_sname, readable, sizeof readable) : info.dli_sname;
    snprintf(buf, len, "%p in %s+0x%lx (%s+0x%lx)", pc, sym,
             (unsigned long)((uintptr_t)pc - (uintptr_t)info.dli_saddr), info.dli_fname,
             (unsigned long)modoff);
    return 1;
  }
  const char *name = 0;
  uintptr_t start = 0;
  module_query q = {(uintptr_t)lookup, 0, 0, 0};
  while (__atomic_exchange_n(&modules_busy, 1, __ATOMIC_ACQUIRE))
    sched_yield();
  if (dl_iterate_phdr(find_module, &q) && q.found)
    name = symtab_lookup(map_module(q.base, q.name), (uintptr_t)lookup - q.base, &start);
  if (name && demangle)
    name = rtcheck_demangle(name, readable, sizeof readable);
  if (name)
    snprintf(buf, len, "%p in %s+0x%lx (%s+0x%lx)", pc, name,
             (unsigned long)((uintptr_t)pc - q.base - start), info.dli_fname,
             (unsigned long)modoff);
  else
    snprintf(buf, len, "%p (%s+0x%lx)", pc, info.dli_fname, (unsigned long)modoff);
  __atomic_store_n(&modules_busy, 0, __ATOMIC_RELEASE);
  return 1;
}

/* The name of the function at `addr` (not a return address: no -1) for automatic scope names. */
int rtcheck_symbolize(const void *addr, char *sym, size_t symlen, char *module, size_t modlen,
                      uintptr_t *offset) {
  Dl_info info;
  sym[0] = 0;
  if (!dladdr(addr, &info) || !info.dli_fname)
    return 0;
  snprintf(module, modlen, "%s", info.dli_fname);
  *offset = (uintptr_t)addr - (uintptr_t)info.dli_fbase;
  if (info.dli_sname && info.dli_saddr == addr) {
    snprintf(sym, symlen, "%s", info.dli_sname);
    return 1;
  }
  module_query q = {(uintptr_t)addr, 0, 0, 0};
  uintptr_t start = 0;
  while (__atomic_exchange_n(&modules_busy, 1, __ATOMIC_ACQUIRE))
    sched_yield();
  const char *name = 0;
  if (dl_iterate_phdr(find_module, &q) && q.found)
    name = symtab_lookup(map_module(q.base, q.name), (uintptr_t)addr - q.base, &start);
  if (name)
    snprintf(sym, symlen, "%s", name);
  else if (info.dli_sname)
    snprintf(sym, symlen, "%s", info.dli_sname);
  __atomic_store_n(&modules_busy, 0, __ATOMIC_RELEASE);
  return 1;
}
