/* A non-leader thread makes K getppid calls, reports them, then execs this program again as
   "after K2"; the new image makes K2 getppid calls, reports "pid count" and exits with 7. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static char *self;
static long k;

static void *work(void *arg) {
    for (long i = 0; i < k; i++) syscall(SYS_getppid);
    printf("%ld %ld\n", (long) syscall(SYS_gettid), k);
    fflush(stdout);
    char *args[] = {self, "after", "25", 0};
    execv("/proc/self/exe", args);
    perror("execv");
    return arg;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "after") == 0) {
        long n = atol(argv[2]);
        for (long i = 0; i < n; i++) syscall(SYS_getppid);
        printf("%d %ld\n", (int) getpid(), n);
        return 7;
    }
    self = argv[0];
    k = atol(argv[1]);
    pthread_t t;
    pthread_create(&t, 0, work, 0);
    pthread_join(t, 0);
    return 1; /* not reached: the exec replaces every thread */
}
