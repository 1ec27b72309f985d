package dev.jstrace.proc;

import dev.jstrace.arch.Arch;

/**
 * The syscalls a spawn table uses. Their numbers on each ABI are that ABI's
 * generated table's ({@link Arch#syscallNumber}), from the kernel headers;
 * {@code SpawnSyscallTest} checks them against the cross compilers' headers.
 */
public enum SpawnSyscall {
    /** {@code write(fd, buf, count)}. */
    WRITE,
    /** {@code clone(flags, newsp, ...)}; the stub makes it itself. */
    CLONE,
    /** {@code exit_group(status)}. */
    EXIT_GROUP,
    /** {@code rt_sigprocmask(how, set, oldset, sigsetsize)}. */
    RT_SIGPROCMASK,
    /** {@code dup3(oldfd, newfd, flags)}: the generic table has no dup2. */
    DUP3,
    /** {@code chdir(path)}. */
    CHDIR,
    /** {@code close_range(first, last, flags)} (Linux 5.9; CLOSE_RANGE_CLOEXEC from 5.11). */
    CLOSE_RANGE,
    /** {@code getpid()}. */
    GETPID,
    /** {@code kill(pid, sig)}. */
    KILL,
    /** {@code execve(path, argv, envp)}. */
    EXECVE,
    /** {@code prctl(option, arg2, arg3, arg4, arg5)}. */
    PRCTL,
    /** {@code seccomp(operation, flags, args)}. */
    SECCOMP,
    /** {@code rt_sigaction(sig, act, oldact, sigsetsize)}: the caller's dispositions in a launched child. */
    RT_SIGACTION,
    /** {@code prlimit64(pid, resource, new, old)}: the caller's limits in a launched child. */
    PRLIMIT64,
    /** {@code statx(dirfd, path, flags, mask, buf)}: one struct layout on every ABI. */
    STATX,
    /** {@code getcwd(buf, size)}. */
    GETCWD,
    /** {@code ppoll(fds, nfds, tmo, sigmask, sigsetsize)}: with no fds and no timeout, sleeps until a signal. */
    PPOLL;

    /** The numbers by ABI, looked up once. */
    private final int[] numbers = new int[Arch.values().length];

    SpawnSyscall() {
        String name = name().toLowerCase(java.util.Locale.ROOT);
        for (Arch a : Arch.values()) {
            numbers[a.ordinal()] = a.syscallNumber(name);
            if (numbers[a.ordinal()] < 0) throw new IllegalStateException(a + " has no " + name);
        }
    }

    /** The number on {@code arch}. */
    public int number(Arch arch) {
        return numbers[arch.ordinal()];
    }
}
