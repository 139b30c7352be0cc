/* File-system interceptors: the stat family (the glibc 2.33+ functions and the __xstat ABI that
 * programs built against older glibc call), access checks, directory reads and walks, links,
 * renames, ownership and times, file locks and space, temporary files, terminals, and the
 * line-reading stdio calls (categories from rules/libc.json). */
#include "interceptor.h"

#include <dirent.h>
#include <fcntl.h>
#include <fts.h>
#include <ftw.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ipc.h>
#include <sys/mount.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <termios.h>
#include <unistd.h>
#include <utime.h>

/* --- stat ------------------------------------------------------------------------------------- */
WRAP(int, stat, (const char *path, struct stat *st), (path, st))
WRAP(int, stat64, (const char *path, struct stat64 *st), (path, st))
WRAP(int, lstat, (const char *path, struct stat *st), (path, st))
WRAP(int, lstat64, (const char *path, struct stat64 *st), (path, st))
WRAP(int, fstat, (int fd, struct stat *st), (fd, st))
WRAP(int, fstat64, (int fd, struct stat64 *st), (fd, st))
WRAP(int, fstatat, (int dirfd, const char *path, struct stat *st, int flags),
     (dirfd, path, st, flags))
WRAP(int, fstatat64, (int dirfd, const char *path, struct stat64 *st, int flags),
     (dirfd, path, st, flags))
WRAP(int, statx, (int dirfd, const char *path, int flags, unsigned mask, struct statx *st),
     (dirfd, path, flags, mask, st))

/* The stat ABI before glibc 2.33 (still exported): programs built against an older glibc call
 * these; the headers no longer declare them. */
int __xstat(int ver, const char *path, struct stat *st);
int __xstat64(int ver, const char *path, struct stat64 *st);
int __lxstat(int ver, const char *path, struct stat *st);
int __lxstat64(int ver, const char *path, struct stat64 *st);
int __fxstat(int ver, int fd, struct stat *st);
int __fxstat64(int ver, int fd, struct stat64 *st);
int __fxstatat(int ver, int dirfd, const char *path, struct stat *st, int flags);
int __fxstatat64(int ver, int dirfd, const char *path, struct stat64 *st, int flags);
WRAP(int, __xstat, (int ver, const char *path, struct stat *st), (ver, path, st))
WRAP(int, __xstat64, (int ver, const char *path, struct stat64 *st), (ver, path, st))
WRAP(int, __lxstat, (int ver, const char *path, struct stat *st), (ver, path, st))
WRAP(int, __lxstat64, (int ver, const char *path, struct stat64 *st), (ver, path, st))
WRAP(int, __fxstat, (int ver, int fd, struct stat *st), (ver, fd, st))
WRAP(int, __fxstat64, (int ver, int fd, struct stat64 *st), (ver, fd, st))
WRAP(int, __fxstatat, (int ver, int dirfd, const char *path, struct stat *st, int flags),
     (ver, dirfd, path, st, flags))
WRAP(int, __fxstatat64, (int ver, int dirfd, const char *path, struct stat64 *st, int flags),
     (ver, dirfd, path, st, flags))

WRAP(int, statfs, (const char *path, struct statfs *st), (path, st))
WRAP(int, fstatfs, (int fd, struct statfs *st), (fd, st))
WRAP(int, statvfs, (const char *path, struct statvfs *st), (path, st))
WRAP(int, fstatvfs, (int fd, struct statvfs *st), (fd, st))

/* --- Access checks ---------------------------------------------------------------------------- */
WRAP(int, access, (const char *path, int mode), (path, mode))
WRAP(int, faccessat, (int dirfd, const char *path, int mode, int flags), (dirfd, path, mode, flags))
WRAP(int, euidaccess, (const char *path, int mode), (path, mode))
WRAP(int, eaccess, (const char *path, int mode), (path, mode))

/* --- Directories ------------------------------------------------------------------------------ */
WRAP(DIR *, opendir, (const char *path), (path))
WRAP(DIR *, fdopendir, (int fd), (fd))
WRAP(int, closedir, (DIR * d), (d))
WRAP(struct dirent *, readdir, (DIR * d), (d))
WRAP(struct dirent64 *, readdir64, (DIR * d), (d))
WRAP_VOID(rewinddir, (DIR * d), (d))
WRAP_VOID(seekdir, (DIR * d, long pos), (d, pos))
WRAP(long, telldir, (DIR * d), (d))
WRAP(int, scandir,
     (const char *path, struct dirent ***list, int (*filter)(const struct dirent *),
      int (*cmp)(const struct dirent **, const struct dirent **)),
     (path, list, filter, cmp))
WRAP(int, scandir64,
     (const char *path, struct dirent64 ***list, int (*filter)(const struct dirent64 *),
      int (*cmp)(const struct dirent64 **, const struct dirent64 **)),
     (path, list, filter, cmp))
WRAP(int, glob, (const char *pattern, int flags, int (*err)(const char *, int), glob_t *g),
     (pattern, flags, err, g))
WRAP(int, glob64, (const char *pattern, int flags, int (*err)(const char *, int), glob64_t *g),
     (pattern, flags, err, g))
WRAP_VOID(globfree, (glob_t * g), (g))
WRAP(int, nftw,
     (const char *path, int (*fn)(const char *, const struct stat *, int, struct FTW *), int fds,
      int flags),
     (path, fn, fds, flags))
WRAP(int, ftw, (const char *path, int (*fn)(const char *, const struct stat *, int), int fds),
     (path, fn, fds))
WRAP(ssize_t, getdents64, (int fd, void *buf, size_t n), (fd, buf, n))
WRAP(char *, getcwd, (char *buf, size_t n), (buf, n))
WRAP(char *, realpath, (const char *path, char *resolved), (path, resolved))
WRAP(int, mkdirat, (int dirfd, const char *path, mode_t mode), (dirfd, path, mode))

/* --- Links, renames, ownership, permissions, times -------------------------------------------- */
WRAP(int, link, (const char *from, const char *to), (from, to))
WRAP(int, linkat, (int fd1, const char *from, int fd2, const char *to, int flags),
     (fd1, from, fd2, to, flags))
WRAP(int, rename, (const char *from, const char *to), (from, to))
WRAP(int, renameat, (int fd1, const char *from, int fd2, const char *to), (fd1, from, fd2, to))
WRAP(int, renameat2, (int fd1, const char *from, int fd2, const char *to, unsigned flags),
     (fd1, from, fd2, to, flags))
WRAP(int, remove, (const char *path), (path))
WRAP(int, chown, (const char *path, uid_t u, gid_t g), (path, u, g))
WRAP(int, fchown, (int fd, uid_t u, gid_t g), (fd, u, g))
WRAP(int, lchown, (const char *path, uid_t u, gid_t g), (path, u, g))
WRAP(int, fchownat, (int dirfd, const char *path, uid_t u, gid_t g, int flags),
     (dirfd, path, u, g, flags))
WRAP(int, fchmodat, (int dirfd, const char *path, mode_t mode, int flags),
     (dirfd, path, mode, flags))
WRAP(int, utime, (const char *path, const struct utimbuf *t), (path, t))
WRAP(int, utimes, (const char *path, const struct timeval t[2]), (path, t))
WRAP(int, utimensat, (int dirfd, const char *path, const struct timespec t[2], int flags),
     (dirfd, path, t, flags))
WRAP(int, futimens, (int fd, const struct timespec t[2]), (fd, t))
WRAP(int, mknod, (const char *path, mode_t mode, dev_t dev), (path, mode, dev))
WRAP(int, mknodat, (int dirfd, const char *path, mode_t mode, dev_t dev), (dirfd, path, mode, dev))
WRAP(int, mkfifoat, (int dirfd, const char *path, mode_t mode), (dirfd, path, mode))

/* --- Locks, space, synchronisation, copies ---------------------------------------------------- */
WRAP(int, flock, (int fd, int op), (fd, op))
WRAP(int, lockf, (int fd, int cmd, off_t len), (fd, cmd, len))
WRAP(int, lockf64, (int fd, int cmd, off64_t len), (fd, cmd, len))
WRAP(int, fallocate, (int fd, int mode, off_t off, off_t len), (fd, mode, off, len))
WRAP(int, fallocate64, (int fd, int mode, off64_t off, off64_t len), (fd, mode, off, len))
WRAP(int, posix_fallocate, (int fd, off_t off, off_t len), (fd, off, len))
WRAP(int, posix_fallocate64, (int fd, off64_t off, off64_t len), (fd, off, len))
WRAP(int, posix_fadvise, (int fd, off_t off, off_t len, int advice), (fd, off, len, advice))
WRAP(int, posix_fadvise64, (int fd, off64_t off, off64_t len, int advice), (fd, off, len, advice))
WRAP(ssize_t, readahead, (int fd, off64_t off, size_t n), (fd, off, n))
WRAP_VOID(sync, (void), ())
WRAP(int, syncfs, (int fd), (fd))
WRAP(int, sync_file_range, (int fd, off64_t off, off64_t n, unsigned flags), (fd, off, n, flags))
WRAP(int, dup3, (int fd, int fd2, int flags), (fd, fd2, flags))
WRAP(ssize_t, preadv2, (int fd, const struct iovec *v, int n, off_t off, int flags),
     (fd, v, n, off, flags))
WRAP(ssize_t, pwritev2, (int fd, const struct iovec *v, int n, off_t off, int flags),
     (fd, v, n, off, flags))
WRAP(ssize_t, sendfile, (int out, int in, off_t *off, size_t n), (out, in, off, n))
WRAP(ssize_t, sendfile64, (int out, int in, off64_t *off, size_t n), (out, in, off, n))
WRAP(ssize_t, splice, (int in, off64_t *inoff, int out, off64_t *outoff, size_t n, unsigned flags),
     (in, inoff, out, outoff, n, flags))
WRAP(ssize_t, tee, (int in, int out, size_t n, unsigned flags), (in, out, n, flags))
WRAP(ssize_t, vmsplice, (int fd, const struct iovec *v, size_t n, unsigned flags),
     (fd, v, n, flags))
WRAP(ssize_t, copy_file_range,
     (int in, off64_t *inoff, int out, off64_t *outoff, size_t n, unsigned flags),
     (in, inoff, out, outoff, n, flags))
WRAP(int, close_range, (unsigned first, unsigned last, int flags), (first, last, flags))
WRAP(int, eventfd_read, (int fd, eventfd_t *v), (fd, v))
WRAP(int, eventfd_write, (int fd, eventfd_t v), (fd, v))

/* --- Temporary files ------------------------------------------------------------------------- */
WRAP(int, mkstemp, (char *tmpl), (tmpl))
WRAP(int, mkostemp, (char *tmpl, int flags), (tmpl, flags))
WRAP(char *, mkdtemp, (char *tmpl), (tmpl))
WRAP(FILE *, tmpfile, (void), ())
WRAP(FILE *, tmpfile64, (void), ())

/* --- Terminals ------------------------------------------------------------------------------- */
WRAP(int, isatty, (int fd), (fd))
WRAP(int, tcgetattr, (int fd, struct termios *t), (fd, t))
WRAP(int, tcsetattr, (int fd, int when, const struct termios *t), (fd, when, t))
WRAP(int, tcdrain, (int fd), (fd))
WRAP(int, tcflush, (int fd, int which), (fd, which))

/* --- Reading lines, and perror ---------------------------------------------------------------- */
WRAP(ssize_t, getline, (char **line, size_t *n, FILE *f), (line, n, f))
WRAP(ssize_t, getdelim, (char **line, size_t *n, int delim, FILE *f), (line, n, delim, f))
WRAP(int, getchar, (void), ())
WRAP(int, ungetc, (int c, FILE *f), (c, f))
WRAP_VOID(perror, (const char *s), (s))

/* --- Less common file-system calls ------------------------------------------------------------ */
WRAP_VOID(closefrom, (int fd), (fd))
WRAP(int, chroot, (const char *path), (path))
WRAP(char *, get_current_dir_name, (void), ())
WRAP(int, futimes, (int fd, const struct timeval t[2]), (fd, t))
WRAP(int, setxattr, (const char *path, const char *name, const void *v, size_t n, int flags),
     (path, name, v, n, flags))
WRAP(ssize_t, getxattr, (const char *path, const char *name, void *v, size_t n), (path, name, v, n))
WRAP(ssize_t, listxattr, (const char *path, char *list, size_t n), (path, list, n))
WRAP(int, removexattr, (const char *path, const char *name), (path, name))
WRAP(int, fsetxattr, (int fd, const char *name, const void *v, size_t n, int flags),
     (fd, name, v, n, flags))
WRAP(ssize_t, fgetxattr, (int fd, const char *name, void *v, size_t n), (fd, name, v, n))
WRAP(int, mount,
     (const char *src, const char *dst, const char *type, unsigned long flags, const void *data),
     (src, dst, type, flags, data))
WRAP(int, umount, (const char *dst), (dst))
WRAP(int, umount2, (const char *dst, int flags), (dst, flags))
WRAP(char *, ttyname, (int fd), (fd))
WRAP(int, ttyname_r, (int fd, char *buf, size_t n), (fd, buf, n))
WRAP(char *, ptsname, (int fd), (fd))
WRAP(int, ptsname_r, (int fd, char *buf, size_t n), (fd, buf, n))
WRAP(int, grantpt, (int fd), (fd))
WRAP(int, unlockpt, (int fd), (fd))
WRAP(int, posix_openpt, (int flags), (flags))
/* Deprecated in glibc's headers but still exported: old programs call it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
WRAP(int, readdir_r, (DIR * d, struct dirent *e, struct dirent **res), (d, e, res))
#pragma GCC diagnostic pop
WRAP(long, pathconf, (const char *path, int name), (path, name))
WRAP(long, fpathconf, (int fd, int name), (fd, name))
WRAP(int, name_to_handle_at,
     (int dirfd, const char *path, struct file_handle *h, int *mount_id, int flags),
     (dirfd, path, h, mount_id, flags))
WRAP(int, open_by_handle_at, (int mount_fd, struct file_handle *h, int flags), (mount_fd, h, flags))
WRAP(key_t, ftok, (const char *path, int id), (path, id))
WRAP(FTS *, fts_open,
     (char *const *paths, int options, int (*cmp)(const FTSENT **, const FTSENT **)),
     (paths, options, cmp))
WRAP(FTSENT *, fts_read, (FTS * fts), (fts))

/* Deprecated or removed from the headers but still exported: old programs call them. */
char *gets(char *s);
char *__gets_chk(char *s, size_t n);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
WRAP(char *, getwd, (char *buf), (buf))
WRAP(char *, mktemp, (char *tmpl), (tmpl))
WRAP(char *, tmpnam, (char buf[L_tmpnam]), (buf))
WRAP(char *, gets, (char *s), (s))
WRAP(char *, __gets_chk, (char *s, size_t n), (s, n))
#pragma GCC diagnostic pop
