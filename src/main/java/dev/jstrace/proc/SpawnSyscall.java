package dev.jstrace.proc;

import dev.jstrace.arch.Arch;

/**
 * The syscalls a spawn table uses, with their numbers on both ABIs.
 * x86-64 numbers from {@code <asm/unistd_64.h>}, aarch64 numbers from the
 * generic table {@code <asm-generic/unistd.h>}; {@code SpawnSyscallTest}
 * checks both against the real headers.
 */
public enum SpawnSyscall {
    /** {@code write(fd, buf, count)}. */
    WRITE(1, 64),
    /** {@code clone(flags, newsp, ...)}; the stub makes it itself. */
    CLONE(56, 220),
    /** {@code exit_group(status)}. */
    EXIT_GROUP(231, 94),
    /** {@code rt_sigprocmask(how, set, oldset, sigsetsize)}. */
    RT_SIGPROCMASK(14, 135),
    /** {@code dup3(oldfd, newfd, flags)}: aarch64 has no dup2. */
    DUP3(292, 24),
    /** {@code chdir(path)}. */
    CHDIR(80, 49),
    /** {@code close_range(first, last, flags)} (Linux 5.9; CLOSE_RANGE_CLOEXEC from 5.11). */
    CLOSE_RANGE(436, 436),
    /** {@code getpid()}. */
    GETPID(39, 172),
    /** {@code kill(pid, sig)}. */
    KILL(62, 129),
    /** {@code execve(path, argv, envp)}. */
    EXECVE(59, 221),
    /** {@code prctl(option, arg2, arg3, arg4, arg5)}. */
    PRCTL(157, 167),
    /** {@code seccomp(operation, flags, args)}. */
    SECCOMP(317, 277),
    /** {@code rt_sigaction(sig, act, oldact, sigsetsize)}: the caller's dispositions in a launched child. */
    RT_SIGACTION(13, 134),
    /** {@code prlimit64(pid, resource, new, old)}: the caller's limits in a launched child. */
    PRLIMIT64(302, 261),
    /** {@code statx(dirfd, path, flags, mask, buf)}: one struct layout on every ABI. */
    STATX(332, 291),
    /** {@code getcwd(buf, size)}. */
    GETCWD(79, 17);

    private final int x86_64;
    private final int aarch64;

    SpawnSyscall(int x86_64, int aarch64) {
        this.x86_64 = x86_64;
        this.aarch64 = aarch64;
    }

    /** The number on {@code arch}. */
    public int number(Arch arch) {
        return switch (arch) {
            case X86_64 -> x86_64;
            case AARCH64 -> aarch64;
        };
    }
}
