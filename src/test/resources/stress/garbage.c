/* Hostile arguments: N calls from an allow list of harmless syscalls with random registers
   (pointers into PROT_NONE and unmapped pages, strings running to a page edge without a NUL,
   binary buffers, random 64-bit values), then every string argument of a few path and
   buffer calls filled with bytes 0x01..0xff. Brackets the calls with fcntl(-1, F_GETFD, MAGIC)
   so the test can count them; prints "calls N". The working directory should be a temp dir. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static const long allowed[] = {
#ifdef SYS_stat
    SYS_stat, SYS_lstat, SYS_access, SYS_readlink, SYS_time,
#endif
    SYS_fstat, SYS_lseek, SYS_getpid, SYS_getppid, SYS_uname, SYS_getcwd, SYS_gettimeofday,
    SYS_getrlimit, SYS_getrusage, SYS_sysinfo, SYS_times, SYS_getuid, SYS_getgid, SYS_geteuid,
    SYS_statfs, SYS_fstatfs, SYS_getpriority, SYS_sched_getaffinity, SYS_clock_gettime,
    SYS_clock_getres, SYS_newfstatat, SYS_readlinkat, SYS_faccessat, SYS_statx, SYS_getrandom,
    SYS_getgroups, SYS_capget, SYS_getdents64, SYS_getxattr, SYS_lgetxattr, SYS_listxattr,
    SYS_sched_getparam, SYS_sched_getscheduler, SYS_getitimer, SYS_fcntl,
    SYS_pread64, SYS_fgetxattr, SYS_flistxattr, SYS_name_to_handle_at, SYS_inotify_add_watch,
};

static uint64_t state = 88172645463325252ULL;
static uint64_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

static char *page, *none, *gone, *edge, *binary;
static long psz;

static long arg(void) {
    switch (next() % 9) {
    case 0: return 0;
    case 1: return -1;
    case 2: return (long) (next() % 2048);
    case 3: return (long) next();
    case 4: return (long) (none + next() % psz);
    case 5: return (long) (gone + next() % psz);
    case 6: return (long) (edge + psz - 1 - next() % 64);   /* a string ending at the page edge */
    case 7: return (long) (binary + next() % 200);
    default: return (long) (page + next() % 256);          /* writable scratch */
    }
}

static void mark(void) { syscall(SYS_fcntl, -1, F_GETFD, 0x6a737472); }

int main(int argc, char **argv) {
    long n = atol(argv[1]);
    if (argc > 2) state ^= strtoull(argv[2], 0, 10);
    psz = sysconf(_SC_PAGESIZE);
    char *m = mmap(0, psz * 7, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    page = m;
    none = m + psz;
    mprotect(none, psz, PROT_NONE);
    gone = m + 2 * psz;
    munmap(gone, psz);
    edge = m + 3 * psz;
    memset(edge, 'A', psz);
    mprotect(m + 4 * psz, psz, PROT_NONE);
    binary = m + 5 * psz;
    mprotect(m + 6 * psz, psz, PROT_NONE);  /* a guard: long writes into binary stop here */
    for (int i = 0; i < 256; i++) binary[i] = (char) (i + 1);
    binary[255] = 0;
    memset(binary + 256, 0xff, psz - 256);
    int nallowed = sizeof allowed / sizeof allowed[0];
    long made = 0;
    mark();
    for (long i = 0; i < n; i++) {
        long nr = allowed[next() % nallowed];
        long a[6];
        for (int j = 0; j < 6; j++) a[j] = arg();
        if (nr == SYS_getrandom) a[2] &= 1;   /* GRND_RANDOM could block before the pool is ready */
        if (nr == SYS_fcntl) a[1] = F_GETFL;  /* F_SETLKW could block, F_SETFL change our pipes */
        syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        made++;
    }
    /* Binary data in every string argument. */
    int devnull = open("/dev/null", O_WRONLY);
    char *bargv[] = {binary, binary + 100, 0};
    syscall(SYS_faccessat, AT_FDCWD, binary, F_OK, 0);
    syscall(SYS_openat, AT_FDCWD, binary, O_RDONLY);
    syscall(SYS_newfstatat, AT_FDCWD, binary, page, 0);
    syscall(SYS_readlinkat, AT_FDCWD, binary, page, 64);
    syscall(SYS_write, devnull, binary, 256);
    syscall(SYS_write, devnull, edge + psz - 10, 100);  /* a buffer running into PROT_NONE */
    syscall(SYS_getxattr, binary, binary + 1, page, 16);
    syscall(SYS_execve, binary, bargv, bargv);
    syscall(SYS_openat, AT_FDCWD, edge, O_RDONLY);      /* no NUL before the page edge */
    made += 10;
    mark();
    printf("calls %ld\n", made);
    return 0;
}
