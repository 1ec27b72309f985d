/*
 * A non-leader thread calls execve (ThreadExecveTest). argv[1] says what the
 * leader is doing meanwhile: "sleep" (blocked in nanosleep) or "exit" (gone
 * by exit(2), a zombie until the execve). The thread waits, reading /proc,
 * until the leader is there, so the order of events is always the same.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pid_t leader;
static char **args;
static int sleeping;

/* The leader's state letter and, when it is in a call, the call's number. */
static int leader_state(char *state, long *nr)
{
	char path[64], buf[512];
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", leader);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	char *p = strrchr(buf, ')');
	if (!p || p[1] != ' ')
		return 0;
	*state = p[2];
	*nr = -1;
	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", leader);
	f = fopen(path, "r");
	if (f) {
		if (fscanf(f, "%ld", nr) != 1)
			*nr = -1;
		fclose(f);
	}
	return 1;
}

static void *thread(void *arg)
{
	(void) arg;
	for (;;) {
		char state;
		long nr;
		if (leader_state(&state, &nr)) {
			if (sleeping && state == 'S' && nr == SYS_nanosleep)
				break;
			if (!sleeping && state == 'Z')
				break;
		}
		usleep(1000);
	}
	char *argv[] = { args[0], (char *) "done", NULL };
	execv(args[0], argv);
	_exit(2);
}

int main(int ac, char **av)
{
	if (ac < 2 || !strcmp(av[1], "done"))
		return 0;
	leader = getpid();
	args = av;
	sleeping = !strcmp(av[1], "sleep");
	pthread_t t;
	if (pthread_create(&t, NULL, thread, NULL))
		return 3;
	if (sleeping) {
		struct timespec ts = { .tv_sec = 123 };
		syscall(SYS_nanosleep, &ts, NULL);
	} else {
		syscall(SYS_exit, 42);
	}
	return 1;
}
