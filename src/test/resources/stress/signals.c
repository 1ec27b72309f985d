/* Signal scenarios, one per mode:
   tick N        print "tick i" N times, 10 ms apart
   restart       a read interrupted by a SA_RESTART handler, one without SA_RESTART, and a
                 nanosleep stopped and continued (restart_syscall); prints what the program saw
   ignore        ignores SIGTERM and SIGINT, blocks SIGUSR1, reads stdin to EOF, reports pending
   block N       N threads and the main thread block in read() forever */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static void on_alarm(int s) { (void) s; handled++; }

static void alarm_in(int ms, int restart) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGALRM, &sa, 0);
    struct itimerval it = {{0, 0}, {0, ms * 1000}};
    setitimer(ITIMER_REAL, &it, 0);
}

static pid_t writer_after(int fd, int ms) {
    pid_t p = fork();
    if (p == 0) { usleep(ms * 1000); write(fd, "hello", 5); _exit(0); }
    return p;
}

static int restart_mode(void) {
    int p[2];
    char buf[16];
    pipe(p);
    alarm_in(100, 1);
    pid_t w = writer_after(p[1], 400);
    ssize_t n = read(p[0], buf, sizeof buf);
    printf("restarted read %zd handled %d\n", n, (int) handled);
    waitpid(w, 0, 0);
    alarm_in(100, 0);
    w = writer_after(p[1], 400);
    n = read(p[0], buf, sizeof buf);
    printf("plain read %zd %s handled %d\n", n, n < 0 ? strerrorname_np(errno) : "", (int) handled);
    read(p[0], buf, sizeof buf);
    waitpid(w, 0, 0);
    pid_t parent = getpid();
    pid_t k = fork();
    if (k == 0) { usleep(100000); kill(parent, SIGSTOP); usleep(150000); kill(parent, SIGCONT); _exit(0); }
    struct timespec ts = {0, 500000000};
    int r = nanosleep(&ts, 0);
    printf("slept %d\n", r);
    waitpid(k, 0, 0);
    return 0;
}

static int ignore_mode(void) {
    signal(SIGTERM, SIG_IGN);
    signal(SIGINT, SIG_IGN);
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, 0);
    printf("ready\n");
    fflush(stdout);
    char buf[64];
    while (read(0, buf, sizeof buf) > 0) { }
    sigpending(&s);
    printf("pending USR1 %d\n", sigismember(&s, SIGUSR1));
    return 0;
}

static int fds[2];
static void *blocker(void *a) { char c; read(fds[0], &c, 1); return a; }

int main(int argc, char **argv) {
    setvbuf(stdout, 0, _IOLBF, 0);
    if (strcmp(argv[1], "tick") == 0) {
        int n = atoi(argv[2]);
        for (int i = 0; i < n; i++) { printf("tick %d\n", i); usleep(10000); }
        return 0;
    }
    if (strcmp(argv[1], "restart") == 0) return restart_mode();
    if (strcmp(argv[1], "ignore") == 0) return ignore_mode();
    if (strcmp(argv[1], "block") == 0) {
        pipe(fds);
        int n = atoi(argv[2]);
        pthread_t t;
        for (int i = 0; i < n; i++) pthread_create(&t, 0, blocker, 0);
        printf("blocked\n");
        blocker(0);
    }
    return 2;
}
