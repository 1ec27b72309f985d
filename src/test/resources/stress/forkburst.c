/* Forks N children at once; each makes K getppid calls, reports "pid count" and exits with i%200. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int n = atoi(argv[1]);
    long k = atol(argv[2]);
    int use_vfork = argc > 3 && strcmp(argv[3], "vfork") == 0;
    pid_t pids[n];
    for (int i = 0; i < n; i++) {
        pid_t p = use_vfork ? vfork() : fork();
        if (p < 0) { perror("fork"); return 1; }
        if (p == 0) {
            long c = 0;
            for (long j = 0; j < k; j++) { syscall(SYS_getppid); c++; }
            if (!use_vfork) {
                char line[64];
                int len = snprintf(line, sizeof line, "%d %ld\n", (int) getpid(), c);
                write(1, line, len);
            }
            _exit(i % 200);
        }
        pids[i] = p;
        if (use_vfork) printf("%d %ld\n", (int) p, k);
    }
    fflush(stdout);
    int bad = 0;
    for (int i = 0; i < n; i++) {
        int st;
        if (waitpid(pids[i], &st, 0) != pids[i] || !WIFEXITED(st) || WEXITSTATUS(st) != i % 200) bad++;
    }
    printf("reaped %d bad %d\n", n, bad);
    return bad ? 1 : 0;
}
