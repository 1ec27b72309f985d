package dev.jstrace.ffi;

import static dev.jstrace.ffi.NativeSupport.C_INT;
import static dev.jstrace.ffi.NativeSupport.C_LONG;
import static dev.jstrace.ffi.NativeSupport.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Bindings for the libc calls jstrace needs outside ptrace itself. Each
 * wrapper is named after its C function and returns the C result, or
 * {@code -errno} on failure (see {@link NativeSupport}).
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

    private static final MethodHandle READ = NativeSupport.downcallWithErrno("read",
            FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG));
    private static final MethodHandle WRITE = NativeSupport.downcallWithErrno("write",
            FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG));
    private static final MethodHandle CLOSE = NativeSupport.downcallWithErrno("close",
            FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle PIPE2 = NativeSupport.downcallWithErrno("pipe2",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT));
    private static final MethodHandle KILL = NativeSupport.downcallWithErrno("kill",
            FunctionDescriptor.of(C_INT, C_INT, C_INT));
    private static final MethodHandle TGKILL = NativeSupport.downcallWithErrno("tgkill",
            FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT));
    private static final MethodHandle GETPID = NativeSupport.downcall("getpid",
            FunctionDescriptor.of(C_INT));
    private static final MethodHandle GETTID = NativeSupport.downcall("gettid",
            FunctionDescriptor.of(C_INT));
    private static final MethodHandle MMAP = NativeSupport.downcallWithErrno("mmap",
            FunctionDescriptor.of(C_POINTER, C_POINTER, C_LONG, C_INT, C_INT, C_INT, C_LONG));
    private static final MethodHandle MPROTECT = NativeSupport.downcallWithErrno("mprotect",
            FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT));
    private static final MethodHandle MUNMAP = NativeSupport.downcallWithErrno("munmap",
            FunctionDescriptor.of(C_INT, C_POINTER, C_LONG));
    // int prctl(int option, ...): variadic after the first argument.
    private static final MethodHandle PRCTL = NativeSupport.downcallWithErrno("prctl",
            FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_LONG, C_LONG, C_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle WAIT4 = NativeSupport.downcallWithErrno("wait4",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_POINTER));
    private static final MethodHandle PROCESS_VM_READV = NativeSupport.downcallWithErrno("process_vm_readv",
            FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_POINTER, C_LONG, C_LONG));

    /** {@code ssize_t read(int fd, void *buf, size_t count)}. */
    public static long read(int fd, MemorySegment buf, long count) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return NativeSupport.result((long) READ.invokeExact(st, fd, buf, count), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code ssize_t write(int fd, const void *buf, size_t count)}. */
    public static long write(int fd, MemorySegment buf, long count) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return NativeSupport.result((long) WRITE.invokeExact(st, fd, buf, count), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code int close(int fd)}. */
    public static int close(int fd) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return (int) NativeSupport.result((int) CLOSE.invokeExact(st, fd), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /**
     * {@code int pipe2(int pipefd[2], int flags)}.
     *
     * @return {@code {readEnd, writeEnd}}
     * @throws NativeException when the kernel refuses
     */
    public static int[] pipe2(int flags) {
        MemorySegment st = NativeSupport.captureState();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            long r = NativeSupport.result((int) PIPE2.invokeExact(st, fds, flags), st);
            NativeException.check(r, "pipe2");
            return new int[] {fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)};
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code int kill(pid_t pid, int sig)}. */
    public static int kill(int pid, int sig) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return (int) NativeSupport.result((int) KILL.invokeExact(st, pid, sig), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code int tgkill(pid_t tgid, pid_t tid, int sig)}. */
    public static int tgkill(int tgid, int tid, int sig) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return (int) NativeSupport.result((int) TGKILL.invokeExact(st, tgid, tid, sig), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code pid_t getpid(void)}. */
    public static int getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code pid_t gettid(void)}: the OS thread id of the calling thread. */
    public static int gettid() {
        try {
            return (int) GETTID.invokeExact();
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /**
     * {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}.
     *
     * @return the mapping, sized {@code length}
     * @throws NativeException when the kernel refuses
     */
    public static MemorySegment mmap(long length, int prot, int flags, int fd, long offset) {
        MemorySegment st = NativeSupport.captureState();
        try {
            MemorySegment p = (MemorySegment) MMAP.invokeExact(st, MemorySegment.NULL, length, prot, flags, fd, offset);
            if (p.address() == -1L) throw new NativeException("mmap", NativeSupport.errno(st));
            return p.reinterpret(length);
        } catch (NativeException e) {
            throw e;
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code int mprotect(void *addr, size_t len, int prot)}. */
    public static int mprotect(MemorySegment addr, long len, int prot) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return (int) NativeSupport.result((int) MPROTECT.invokeExact(st, addr, len, prot), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code int munmap(void *addr, size_t len)}. */
    public static int munmap(MemorySegment addr, long len) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return (int) NativeSupport.result((int) MUNMAP.invokeExact(st, addr, len), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /** {@code int prctl(int option, unsigned long arg2, arg3, arg4, arg5)}. */
    public static int prctl(int option, long arg2, long arg3, long arg4, long arg5) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return (int) NativeSupport.result((int) PRCTL.invokeExact(st, option, arg2, arg3, arg4, arg5), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /**
     * {@code pid_t wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage)}.
     *
     * @param status a 4-byte segment that receives the wait status
     * @param rusage a {@code struct rusage} segment, or {@link MemorySegment#NULL}
     */
    public static int wait4(int pid, MemorySegment status, int options, MemorySegment rusage) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return (int) NativeSupport.result((int) WAIT4.invokeExact(st, pid, status, options, rusage), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }

    /**
     * {@code ssize_t process_vm_readv(pid_t pid, const struct iovec *local_iov, unsigned long liovcnt,
     * const struct iovec *remote_iov, unsigned long riovcnt, unsigned long flags)}.
     */
    public static long process_vm_readv(int pid, MemorySegment localIov, long localCount,
                                        MemorySegment remoteIov, long remoteCount) {
        MemorySegment st = NativeSupport.captureState();
        try {
            return NativeSupport.result((long) PROCESS_VM_READV.invokeExact(st, pid, localIov, localCount,
                    remoteIov, remoteCount, 0L), st);
        } catch (Throwable t) {
            throw NativeSupport.rethrow(t);
        }
    }
}
