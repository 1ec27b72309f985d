/*
 * The traced program of ContextFidelityTest: reports what it sees of its own
 * context, from /proc/self and plain syscalls, into the file "report" in its
 * working directory (so closed or redirected standard descriptors do not
 * matter), then exits with the status given by -x (default 0).
 *
 *   observer [-x STATUS] [--] ARG...            report, exit
 *   observer -e BLOCKHEX IGNHEX -- CMD ARG...   block and ignore the signals in
 *                                               the two masks, then exec CMD (a
 *                                               caller with signals set up)
 *
 * Paths and pipe/socket inode numbers differ from run to run; the test
 * normalises them. Everything else must be identical whatever runs it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

static void hex(FILE *f, const char *s) {
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) fprintf(f, "%02x", *p);
}

static void status_lines(FILE *f) {
    FILE *st = fopen("/proc/self/status", "re");
    char line[512];
    while (st && fgets(line, sizeof line, st)) {
        if (!strncmp(line, "SigBlk:", 7) || !strncmp(line, "SigIgn:", 7) || !strncmp(line, "Umask:", 6)) {
            fputs(line, f);
        }
    }
    if (st) fclose(st);
}

static void fds(FILE *f, int self) {
    DIR *d = opendir("/proc/self/fd");
    int dfd = d ? dirfd(d) : -1;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        int fd = atoi(e->d_name);
        if (fd == dfd || fd == self) continue;
        char path[64], target[4096], line[256];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(path, target, sizeof target - 1);
        target[n < 0 ? 0 : n] = 0;
        /* pipe:[123] and socket:[123]: the kind matters, the inode number does not */
        char *br = strchr(target, '[');
        if (br && (!strncmp(target, "pipe:", 5) || !strncmp(target, "socket:", 7))) *br = 0;
        fprintf(f, "fd %d -> %s", fd, target);
        snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
        FILE *fi = fopen(path, "re");
        while (fi && fgets(line, sizeof line, fi)) {
            if (!strncmp(line, "pos:", 4) || !strncmp(line, "flags:", 6)) {
                line[strcspn(line, "\n")] = 0;
                fprintf(f, " %s", line);
            }
        }
        if (fi) fclose(fi);
        fputc('\n', f);
    }
    if (d) closedir(d);
}

/* A jstrace JVM that keeps hsperfdata is visible to jps: /tmp/hsperfdata_USER/PID of our parent. */
static void perfdata(FILE *f) {
    DIR *d = opendir("/tmp");
    struct dirent *e;
    char path[512];
    struct stat sb;
    int seen = 0;
    while (d && (e = readdir(d))) {
        if (strncmp(e->d_name, "hsperfdata_", 11)) continue;
        snprintf(path, sizeof path, "/tmp/%s/%d", e->d_name, (int) getppid());
        if (stat(path, &sb) == 0) seen = 1;
    }
    if (d) closedir(d);
    fprintf(f, "parent hsperfdata: %s\n", seen ? "yes" : "no");
}

static void devfd_contents(FILE *f, int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "/dev/fd/", 8)) continue;
        char buf[256];
        int fd = open(argv[i], O_RDONLY | O_CLOEXEC);
        ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
        buf[n < 0 ? 0 : n] = 0;
        fprintf(f, "%s holds ", argv[i]);
        hex(f, buf);
        fputc('\n', f);
        if (fd >= 0) close(fd);
    }
}

static int exec_with_signals(char **argv) {
    unsigned long long block = strtoull(argv[2], NULL, 16), ign = strtoull(argv[3], NULL, 16);
    sigset_t set;
    sigemptyset(&set);
    for (int s = 1; s <= 64; s++) {
        if (s == SIGKILL || s == SIGSTOP) continue;
        if (block >> (s - 1) & 1) sigaddset(&set, s);
        if (ign >> (s - 1) & 1) signal(s, SIG_IGN);
    }
    sigprocmask(SIG_SETMASK, &set, NULL);
    execvp(argv[5], argv + 5);
    perror("execvp");
    return 126;
}

int main(int argc, char **argv) {
    if (argc > 5 && !strcmp(argv[1], "-e")) return exec_with_signals(argv);
    int status = 0;
    if (argc > 2 && !strcmp(argv[1], "-x")) status = atoi(argv[2]);
    int out = open("report", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) return 125;
    FILE *f = fdopen(out, "w");
    for (int i = 0; i < argc; i++) {
        fprintf(f, "argv[%d] ", i);
        hex(f, argv[i]);
        fputc('\n', f);
    }
    for (char **e = environ; *e; e++) {
        fputs("env ", f);
        hex(f, *e);
        fputc('\n', f);
    }
    fds(f, out);
    devfd_contents(f, argc, argv);
    status_lines(f);
    for (int r = 0; r < RLIM_NLIMITS; r++) {
        struct rlimit l;
        if (getrlimit(r, &l) == 0) fprintf(f, "rlimit %d %llu %llu\n", r,
                (unsigned long long) l.rlim_cur, (unsigned long long) l.rlim_max);
    }
    char cwd[4096];
    fprintf(f, "cwd %s\n", getcwd(cwd, sizeof cwd) ? cwd : "?");
    fprintf(f, "pgrp %d sid %d tty %s\n", (int) getpgrp(), (int) getsid(0), isatty(0) ? "yes" : "no");
    perfdata(f);
    fclose(f);
    return status;
}
