/* The program InjectDifferentialTest traces: every result it prints depends on
 * what a tampering did to one of its calls. Its report is one write at the end
 * (or, when that fails, its exit status says so). "fork" as argv[1]: a child
 * runs the same calls first, so per-process counting shows. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static char report[4096];
static int used;
static volatile sig_atomic_t usr1;

static void say(const char *what, long r, int err) {
    if (r < 0)
        used += snprintf(report + used, sizeof report - used, "%s: -1 %s\n", what, strerrorname_np(err));
    else
        used += snprintf(report + used, sizeof report - used, "%s: %ld\n", what, r);
}

static void on_usr1(int s) { (void) s; usr1++; }

static void probe(const char *who) {
    long self = syscall(SYS_gettid);
    for (int i = 0; i < 3; i++) {
        long r = syscall(SYS_getpid);
        used += snprintf(report + used, sizeof report - used, "%s getpid %d: %s\n", who, i,
                         r == self ? "real" : r < 0 ? strerrorname_np(errno) : "injected");
        if (r >= 0 && r != self) say("  value", r, 0);
    }
    int fd = open("data.txt", O_RDONLY);
    say("open", fd, errno);
    char buf[32] = {0};
    long n = read(fd, buf, 16);
    say("read", n, errno);
    if (n > 0) used += snprintf(report + used, sizeof report - used, "  data: %.16s\n", buf);
    say("close", close(fd), errno);
    say("write", write(1, "probe\n", 6), errno);
    used += snprintf(report + used, sizeof report - used, "%s usr1: %d\n", who, (int) usr1);
}

int main(int argc, char **argv) {
    signal(SIGUSR1, on_usr1);
    if (argc > 1 && strcmp(argv[1], "fork") == 0) {
        pid_t c = fork();
        if (c == 0) {
            probe("child");
            return write(1, report, used) == used ? 0 : 3;
        }
        int st = 0;
        waitpid(c, &st, 0);
        used += snprintf(report + used, sizeof report - used, "child status: %s %d\n",
                         WIFEXITED(st) ? "exit" : "signal", WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
    }
    probe("main");
    return write(1, report, used) == used ? 0 : 3;
}
