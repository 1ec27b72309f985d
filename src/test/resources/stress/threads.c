/* N threads each make K getppid calls through syscall(2) and report "tid count". */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long per_thread;
static pthread_mutex_t out = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
    long n = 0;
    for (long i = 0; i < per_thread; i++) { syscall(SYS_getppid); n++; }
    pthread_mutex_lock(&out);
    printf("%ld %ld\n", (long) syscall(SYS_gettid), n);
    fflush(stdout);
    pthread_mutex_unlock(&out);
    return arg;
}

int main(int argc, char **argv) {
    int threads = atoi(argv[1]);
    per_thread = atol(argv[2]);
    pthread_t t[threads];
    for (int i = 0; i < threads; i++) pthread_create(&t[i], 0, work, 0);
    for (int i = 0; i < threads; i++) pthread_join(t[i], 0);
    printf("done\n");
    return 3;
}
