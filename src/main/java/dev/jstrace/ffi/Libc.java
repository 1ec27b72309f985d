package dev.jstrace.ffi;

import static dev.jstrace.ffi.RawSyscall.syscall6;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Bindings for the libc calls jstrace needs outside ptrace itself. Each
 * wrapper is named after its C function and returns the C result, or
 * {@code -errno} on failure (see {@link NativeSupport}).
 *
 * <p>Each goes to the kernel through {@link RawSyscall}'s one shared
 * downcall rather than a handle of its own: every distinct downcall costs
 * start-up time (see there), and these are all plain system calls.
 */
public final class Libc {
    private Libc() {}

    // <signal.h>
    /** SIGKILL. */
    public static final int SIGKILL = 9;
    /** SIGSTOP. */
    public static final int SIGSTOP = 19;
    /** SIGCONT. */
    public static final int SIGCONT = 18;
    /** SIGTRAP. */
    public static final int SIGTRAP = 5;
    /** SIGCHLD. */
    public static final int SIGCHLD = 17;

    // <fcntl.h>
    /** O_CLOEXEC. */
    public static final int O_CLOEXEC = 0x80000;
    /** O_NONBLOCK. */
    public static final int O_NONBLOCK = 0x800;

    // <sys/mman.h>
    /** PROT_READ. */
    public static final int PROT_READ = 1;
    /** PROT_WRITE. */
    public static final int PROT_WRITE = 2;
    /** PROT_EXEC. */
    public static final int PROT_EXEC = 4;
    /** MAP_PRIVATE. */
    public static final int MAP_PRIVATE = 0x02;
    /** MAP_ANONYMOUS. */
    public static final int MAP_ANONYMOUS = 0x20;

    // <linux/prctl.h>
    /** PR_SET_PTRACER: lets the named process ptrace us where Yama's scope is 1. */
    public static final int PR_SET_PTRACER = 0x59616d61;
    /** PR_SET_PDEATHSIG. */
    public static final int PR_SET_PDEATHSIG = 1;
    /** PR_SET_NO_NEW_PRIVS. */
    public static final int PR_SET_NO_NEW_PRIVS = 38;

    // <sys/wait.h> and <linux/wait.h>
    /** WNOHANG. */
    public static final int WNOHANG = 1;
    /** WUNTRACED (WSTOPPED). */
    public static final int WUNTRACED = 2;
    /** __WNOTHREAD: wait only for this thread's children and tracees, never the JDK's. */
    public static final int __WNOTHREAD = 0x20000000;
    /** __WALL: clone children and threads too. */
    public static final int __WALL = 0x40000000;

    /** {@code ssize_t read(int fd, void *buf, size_t count)}. */
    public static long read(int fd, MemorySegment buf, long count) {
        return syscall6(RawSyscall.READ, fd, buf.address(), count, 0, 0, 0);
    }

    /** {@code ssize_t write(int fd, const void *buf, size_t count)}. */
    public static long write(int fd, MemorySegment buf, long count) {
        return syscall6(RawSyscall.WRITE, fd, buf.address(), count, 0, 0, 0);
    }

    // <time.h> (<linux/time.h>)
    /** CLOCK_REALTIME. */
    public static final int CLOCK_REALTIME = 0;
    /** CLOCK_MONOTONIC: {@link System#nanoTime()}'s clock on Linux. */
    public static final int CLOCK_MONOTONIC = 1;
    /** CLOCK_BOOTTIME: CLOCK_MONOTONIC plus time spent suspended. */
    public static final int CLOCK_BOOTTIME = 7;

    /**
     * {@code int clock_gettime(clockid_t clk, struct timespec *tp)} as nanoseconds, or
     * {@code -errno}. A real system call (no vDSO): slower, but one downcall shape for all.
     */
    public static long clock_gettime(int clock) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ts = arena.allocate(16, 8); // struct timespec { time_t tv_sec; long tv_nsec; }
            long r = syscall6(RawSyscall.CLOCK_GETTIME, clock, ts.address(), 0, 0, 0, 0);
            if (r < 0) {
                return r;
            }
            return ts.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ts.get(ValueLayout.JAVA_LONG, 8);
        }
    }

    /** {@code int close(int fd)}. */
    public static int close(int fd) {
        return (int) syscall6(RawSyscall.CLOSE, fd, 0, 0, 0, 0, 0);
    }

    /**
     * {@code int pipe2(int pipefd[2], int flags)}.
     *
     * @return {@code {readEnd, writeEnd}}
     * @throws NativeException when the kernel refuses
     */
    public static int[] pipe2(int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            long r = syscall6(RawSyscall.PIPE2, fds.address(), flags, 0, 0, 0, 0);
            NativeException.check(r, "pipe2");
            return new int[] {fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)};
        }
    }

    /** {@code int kill(pid_t pid, int sig)}. */
    public static int kill(int pid, int sig) {
        return (int) syscall6(RawSyscall.KILL, pid, sig, 0, 0, 0, 0);
    }

    /** {@code int tgkill(pid_t tgid, pid_t tid, int sig)}. */
    public static int tgkill(int tgid, int tid, int sig) {
        return (int) syscall6(RawSyscall.TGKILL, tgid, tid, sig, 0, 0, 0);
    }

    /** {@code pid_t getpid(void)}. */
    public static int getpid() {
        return (int) syscall6(RawSyscall.GETPID, 0, 0, 0, 0, 0, 0);
    }

    /** {@code pid_t gettid(void)}: the OS thread id of the calling thread. */
    public static int gettid() {
        return (int) syscall6(RawSyscall.GETTID, 0, 0, 0, 0, 0, 0);
    }

    /**
     * {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}.
     *
     * @return the mapping, sized {@code length}
     * @throws NativeException when the kernel refuses
     */
    public static MemorySegment mmap(long length, int prot, int flags, int fd, long offset) {
        long p = syscall6(RawSyscall.MMAP, 0, length, prot, flags, fd, offset);
        // The raw call returns -errno in the top page of the address space, never a mapping there.
        if (p < 0 && p > -4096) throw new NativeException("mmap", (int) -p);
        return MemorySegment.ofAddress(p).reinterpret(length);
    }

    /** {@code int mprotect(void *addr, size_t len, int prot)}. */
    public static int mprotect(MemorySegment addr, long len, int prot) {
        return (int) syscall6(RawSyscall.MPROTECT, addr.address(), len, prot, 0, 0, 0);
    }

    /** {@code int munmap(void *addr, size_t len)}. */
    public static int munmap(MemorySegment addr, long len) {
        return (int) syscall6(RawSyscall.MUNMAP, addr.address(), len, 0, 0, 0, 0);
    }

    /** {@code int prctl(int option, unsigned long arg2, arg3, arg4, arg5)}. */
    public static int prctl(int option, long arg2, long arg3, long arg4, long arg5) {
        return (int) syscall6(RawSyscall.PRCTL, option, arg2, arg3, arg4, arg5, 0);
    }

    /**
     * {@code pid_t wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage)}.
     *
     * @param status a 4-byte segment that receives the wait status
     * @param rusage a {@code struct rusage} segment, or {@link MemorySegment#NULL}
     */
    public static int wait4(int pid, MemorySegment status, int options, MemorySegment rusage) {
        return (int) syscall6(RawSyscall.WAIT4, pid, status.address(), options, rusage.address(), 0, 0);
    }

    /**
     * {@code ssize_t process_vm_readv(pid_t pid, const struct iovec *local_iov, unsigned long liovcnt,
     * const struct iovec *remote_iov, unsigned long riovcnt, unsigned long flags)}.
     */
    public static long process_vm_readv(int pid, MemorySegment localIov, long localCount,
                                        MemorySegment remoteIov, long remoteCount) {
        return syscall6(RawSyscall.PROCESS_VM_READV, pid, localIov.address(), localCount,
                remoteIov.address(), remoteCount, 0);
    }

    /**
     * {@code ssize_t process_vm_writev(pid_t pid, const struct iovec *local_iov, unsigned long liovcnt,
     * const struct iovec *remote_iov, unsigned long riovcnt, unsigned long flags)}.
     */
    public static long process_vm_writev(int pid, MemorySegment localIov, long localCount,
                                         MemorySegment remoteIov, long remoteCount) {
        return syscall6(RawSyscall.PROCESS_VM_WRITEV, pid, localIov.address(), localCount,
                remoteIov.address(), remoteCount, 0);
    }
}
