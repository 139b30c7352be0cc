// What `rtcheck run` needs to know about an ELF file before and after a run: is it a shared object
// that defines the shim's entry points (RTCHECK_RUNTIME may name anything), and is a program
// dynamically linked (a static one cannot be preloaded, so it writes no report).
#include "driver.h"

#include <cstring>
#include <elf.h>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace rtcheck::driver {
namespace {

struct File {
  int Fd;
  explicit File(const std::string &Path) : Fd(open(Path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~File() {
    if (Fd >= 0)
      close(Fd);
  }
  bool read(void *Buf, size_t Size, uint64_t Offset) const {
    return Fd >= 0 &&
           pread(Fd, Buf, Size, static_cast<off_t>(Offset)) == static_cast<ssize_t>(Size);
  }
};

bool readHeader(const File &F, Elf64_Ehdr &H) {
  return F.read(&H, sizeof H, 0) && std::memcmp(H.e_ident, ELFMAG, SELFMAG) == 0 &&
         H.e_ident[EI_CLASS] == ELFCLASS64 && H.e_ident[EI_DATA] == ELFDATA2LSB;
}

// Whether the dynamic symbol table (SHT_DYNSYM and its string table) defines Name.
bool definesDynamicSymbol(const File &F, const Elf64_Ehdr &H, const char *Name) {
  if (H.e_shentsize != sizeof(Elf64_Shdr) || H.e_shnum == 0 || H.e_shnum > 4096)
    return false;
  std::vector<Elf64_Shdr> Sections(H.e_shnum);
  if (!F.read(Sections.data(), Sections.size() * sizeof(Elf64_Shdr), H.e_shoff))
    return false;
  for (const Elf64_Shdr &S : Sections) {
    if (S.sh_type != SHT_DYNSYM || S.sh_link >= Sections.size() ||
        S.sh_entsize != sizeof(Elf64_Sym))
      continue;
    const Elf64_Shdr &Str = Sections[S.sh_link];
    if (S.sh_size > (64u << 20) || Str.sh_size > (64u << 20))
      return false;
    std::vector<Elf64_Sym> Syms(S.sh_size / sizeof(Elf64_Sym));
    std::vector<char> Names(Str.sh_size + 1, '\0');
    if (!F.read(Syms.data(), Syms.size() * sizeof(Elf64_Sym), S.sh_offset) ||
        !F.read(Names.data(), Str.sh_size, Str.sh_offset))
      return false;
    for (const Elf64_Sym &Sym : Syms)
      if (Sym.st_shndx != SHN_UNDEF && Sym.st_name < Str.sh_size &&
          std::strcmp(Names.data() + Sym.st_name, Name) == 0)
        return true;
  }
  return false;
}

// Whether a position-independent executable (ET_DYN like a library, but DT_FLAGS_1 has DF_1_PIE).
bool isPositionIndependentExecutable(const File &F, const Elf64_Ehdr &H) {
  if (H.e_phentsize != sizeof(Elf64_Phdr) || H.e_phnum > 4096)
    return false;
  std::vector<Elf64_Phdr> Segments(H.e_phnum);
  if (!F.read(Segments.data(), Segments.size() * sizeof(Elf64_Phdr), H.e_phoff))
    return false;
  for (const Elf64_Phdr &P : Segments) {
    if (P.p_type != PT_DYNAMIC || P.p_filesz > (1u << 20))
      continue;
    std::vector<Elf64_Dyn> Dynamic(P.p_filesz / sizeof(Elf64_Dyn));
    if (!F.read(Dynamic.data(), Dynamic.size() * sizeof(Elf64_Dyn), P.p_offset))
      return false;
    for (const Elf64_Dyn &D : Dynamic)
      if (D.d_tag == DT_FLAGS_1 && (D.d_un.d_val & DF_1_PIE))
        return true;
  }
  return false;
}

} // namespace

std::string whyNotTheShim(const std::string &Path) {
  File F(Path);
  if (F.Fd < 0)
    return "cannot be opened";
  Elf64_Ehdr H;
  if (!readHeader(F, H))
    return "not a 64-bit ELF file";
  if (H.e_type != ET_DYN || isPositionIndependentExecutable(F, H))
    return "an executable, not a shared library";
  if (!definesDynamicSymbol(F, H, "rtcheck_scope_begin"))
    return "a shared library that does not define rtcheck_scope_begin";
  return "";
}

bool isStaticallyLinked(const std::string &Path) {
  File F(Path);
  Elf64_Ehdr H;
  if (!readHeader(F, H) || H.e_phentsize != sizeof(Elf64_Phdr) || H.e_phnum > 4096)
    return false; // a script or another format: nothing to say
  std::vector<Elf64_Phdr> Segments(H.e_phnum);
  if (!F.read(Segments.data(), Segments.size() * sizeof(Elf64_Phdr), H.e_phoff))
    return false;
  for (const Elf64_Phdr &P : Segments)
    if (P.p_type == PT_INTERP)
      return false;
  return true;
}

} // namespace rtcheck::driver
