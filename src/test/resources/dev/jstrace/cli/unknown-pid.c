/*
 * Children the tracer does not trace without -f (UnknownPidTest). "parent":
 * a CLONE_PARENT child, a child of the tracer itself, exits 42. "ptrace": a
 * CLONE_PTRACE child starts traced by the tracer; this program kills it with
 * SIGUSR1 and waits for it, which hangs unless the tracer lets it go.
 * Prints the child's pid on standard output.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[65536] __attribute__((aligned(16)));

static int exits(void *arg) { (void) arg; return 42; }

static int pauses(void *arg) { (void) arg; for (;;) pause(); return 0; }

int main(int ac, char **av)
{
	int parent = ac > 1 && !strcmp(av[1], "parent");
	pid_t pid = clone(parent ? exits : pauses, stack + sizeof(stack),
			  (parent ? CLONE_PARENT : CLONE_PTRACE) | SIGCHLD, NULL);
	if (pid < 0)
		return 2;
	printf("%d\n", pid);
	fflush(stdout);
	if (parent) {
		while (!kill(pid, 0))
			usleep(1000);
		return errno == ESRCH ? 0 : 3;
	}
	kill(pid, SIGUSR1);
	int status;
	if (waitpid(pid, &status, 0) != pid)
		return 4;
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1 ? 0 : 5;
}
