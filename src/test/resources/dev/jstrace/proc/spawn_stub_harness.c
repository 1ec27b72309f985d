/*
 * Runs a foreign architecture's spawn stub bytes (read from the file named by argv[1],
 * written there by SpawnStubForeignArchTest from the Java source) under
 * qemu-user, with op tables built from that architecture's real <sys/syscall.h>
 * numbers, and prints one line per child for the test to check:
 *   "<case> stopped=<sig>" for each stop, then
 *   "<case> exit=<status> errno=<n|none>".
 * Built with: aarch64-linux-gnu-gcc (or riscv64-linux-gnu-gcc) -static -O1 -o harness spawn_stub_harness.c
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct op { long nr; long args[6]; long flags; };
_Static_assert(sizeof(struct op) == 64, "the stub walks 64-byte ops");

enum { ARG0_FROM_PREVIOUS = 1, IGNORE_FAILURE = 2 };
typedef long (*stub_fn)(const struct op *table, long count, long errfd);
static stub_fn stub;

static void load(const char *file) {
    static unsigned char code[4096];
    FILE *f = fopen(file, "rb");
    if (!f) { perror(file); exit(2); }
    size_t n = fread(code, 1, sizeof code, f);
    fclose(f);
    void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) { perror("mmap"); exit(2); }
    memcpy(page, code, n);
    if (mprotect(page, 4096, PROT_READ | PROT_EXEC) != 0) { perror("mprotect"); exit(2); }
    __builtin___clear_cache((char *) page, (char *) page + n);
    stub = (stub_fn) page;
}

static void run(const char *name, struct op *ops, long count) {
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) { perror("pipe2"); exit(2); }
    fflush(stdout); /* the child must not inherit unwritten output */
    long pid = stub(ops, count, p[1]);
    close(p[1]);
    if (pid <= 0) { printf("%s clone=%ld\n", name, pid); exit(1); }
    int st;
    for (;;) {
        if (waitpid((pid_t) pid, &st, WUNTRACED) != pid) { perror("waitpid"); exit(2); }
        if (!WIFSTOPPED(st)) break;
        printf("%s stopped=%d\n", name, WSTOPSIG(st));
        fflush(stdout);
        kill((pid_t) pid, SIGCONT);
    }
    int err;
    ssize_t got = read(p[0], &err, sizeof err);
    close(p[0]);
    if (WIFEXITED(st)) printf("%s exit=%d", name, WEXITSTATUS(st));
    else printf("%s signal=%d", name, WTERMSIG(st));
    if (got == sizeof err) printf(" errno=%d\n", err); else printf(" errno=none\n");
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s STUB_BYTES\n", argv[0]); return 2; }
    load(argv[1]);
    static char *const no_args[] = { "missing", NULL };
    static char *const no_env[] = { NULL };

    /* write then exit: the plain walk. */
    struct op write_exit[] = {
        { SYS_write, { 1, (long) "ok\n", 3 }, 0 },
        { SYS_exit_group, { 0 }, 0 },
    };
    run("write", write_exit, 2);

    /* A failure marked ignorable, the previous result as args[0]
       (getpid, then kill(that pid, SIGSTOP)), then a failing execve. */
    struct op flags_execve[] = {
        { SYS_close, { -1 }, IGNORE_FAILURE },
        { SYS_getpid, { 0 }, 0 },
        { SYS_kill, { 0, SIGSTOP }, ARG0_FROM_PREVIOUS },
        { SYS_execve, { (long) "/nonexistent/program", (long) no_args, (long) no_env }, 0 },
    };
    run("flags", flags_execve, 4);

    /* A failure not marked ignorable stops the walk: the write never runs. */
    struct op fail_first[] = {
        { SYS_close, { -1 }, 0 },
        { SYS_write, { 1, (long) "never\n", 6 }, 0 },
        { SYS_exit_group, { 0 }, 0 },
    };
    run("badclose", fail_first, 3);

    /* A table that runs out without exiting: exit 127, nothing written. */
    struct op runs_out[] = { { SYS_getpid, { 0 }, 0 } };
    run("runsout", runs_out, 1);
    return 0;
}
