package dev.jstrace.ffi;

import static dev.jstrace.ffi.NativeSupport.C_INT;
import static dev.jstrace.ffi.NativeSupport.C_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Bindings for {@code ptrace(2)}. Every request for a tracee must come from
 * the one OS thread that traces it; nothing here enforces that, the event loop does.
 */
public final class Ptrace {
    private Ptrace() {}

    // <sys/ptrace.h> / <linux/ptrace.h>: requests
    /** PTRACE_TRACEME. */
    public static final int PTRACE_TRACEME = 0;
    /** PTRACE_PEEKDATA. */
    public static final int PTRACE_PEEKDATA = 2;
    /** PTRACE_CONT. */
    public static final int PTRACE_CONT = 7;
    /** PTRACE_KILL. */
    public static final int PTRACE_KILL = 8;
    /** PTRACE_ATTACH. */
    public static final int PTRACE_ATTACH = 16;
    /** PTRACE_DETACH. */
    public static final int PTRACE_DETACH = 17;
    /** PTRACE_SYSCALL. */
    public static final int PTRACE_SYSCALL = 24;
    /** PTRACE_SETOPTIONS. */
    public static final int PTRACE_SETOPTIONS = 0x4200;
    /** PTRACE_GETEVENTMSG. */
    public static final int PTRACE_GETEVENTMSG = 0x4201;
    /** PTRACE_GETSIGINFO. */
    public static final int PTRACE_GETSIGINFO = 0x4202;
    /** PTRACE_SEIZE. */
    public static final int PTRACE_SEIZE = 0x4206;
    /** PTRACE_INTERRUPT. */
    public static final int PTRACE_INTERRUPT = 0x4207;
    /** PTRACE_LISTEN. */
    public static final int PTRACE_LISTEN = 0x4208;
    /** PTRACE_GET_SYSCALL_INFO (Linux 5.3). */
    public static final int PTRACE_GET_SYSCALL_INFO = 0x420e;
    /** PTRACE_SET_SYSCALL_INFO (Linux 6.16): change a stop's syscall number, arguments or result. */
    public static final int PTRACE_SET_SYSCALL_INFO = 0x4212;
    /** PTRACE_POKEDATA. */
    public static final int PTRACE_POKEDATA = 5;
    /** PTRACE_POKEUSER. */
    public static final int PTRACE_POKEUSER = 6;
    /** PTRACE_GETREGSET. */
    public static final int PTRACE_GETREGSET = 0x4204;
    /** PTRACE_SETREGSET. */
    public static final int PTRACE_SETREGSET = 0x4205;

    // options
    /** PTRACE_O_TRACESYSGOOD: syscall stops report SIGTRAP|0x80. */
    public static final int PTRACE_O_TRACESYSGOOD = 0x1;
    /** PTRACE_O_TRACEFORK. */
    public static final int PTRACE_O_TRACEFORK = 0x2;
    /** PTRACE_O_TRACEVFORK. */
    public static final int PTRACE_O_TRACEVFORK = 0x4;
    /** PTRACE_O_TRACECLONE. */
    public static final int PTRACE_O_TRACECLONE = 0x8;
    /** PTRACE_O_TRACEEXEC. */
    public static final int PTRACE_O_TRACEEXEC = 0x10;
    /** PTRACE_O_TRACEVFORKDONE. */
    public static final int PTRACE_O_TRACEVFORKDONE = 0x20;
    /** PTRACE_O_TRACEEXIT. */
    public static final int PTRACE_O_TRACEEXIT = 0x40;
    /** PTRACE_O_TRACESECCOMP. */
    public static final int PTRACE_O_TRACESECCOMP = 0x80;
    /** PTRACE_O_EXITKILL: the tracee dies with its tracer. */
    public static final int PTRACE_O_EXITKILL = 0x100000;

    // events, in status >> 16
    /** PTRACE_EVENT_FORK. */
    public static final int PTRACE_EVENT_FORK = 1;
    /** PTRACE_EVENT_VFORK. */
    public static final int PTRACE_EVENT_VFORK = 2;
    /** PTRACE_EVENT_CLONE. */
    public static final int PTRACE_EVENT_CLONE = 3;
    /** PTRACE_EVENT_EXEC. */
    public static final int PTRACE_EVENT_EXEC = 4;
    /** PTRACE_EVENT_VFORK_DONE. */
    public static final int PTRACE_EVENT_VFORK_DONE = 5;
    /** PTRACE_EVENT_EXIT. */
    public static final int PTRACE_EVENT_EXIT = 6;
    /** PTRACE_EVENT_SECCOMP. */
    public static final int PTRACE_EVENT_SECCOMP = 7;
    /** PTRACE_EVENT_STOP: group-stop or PTRACE_INTERRUPT under PTRACE_SEIZE. */
    public static final int PTRACE_EVENT_STOP = 128;

    /**
     * {@code long ptrace(request, pid, addr, data)} for requests whose result is
     * a status (not PEEK*: glibc's wrapper returns the peeked word and leaves
     * errno ambiguous, so {@link #peekData} goes another way). Goes through
     * {@link RawSyscall}'s shared downcall (one stub fewer at start-up); for
     * these requests the raw call and glibc's wrapper agree.
     *
     * @return 0 (or the request's non-negative result), or {@code -errno}
     */
    public static long ptrace(int request, int pid, long addr, long data) {
        return RawSyscall.syscall6(RawSyscall.PTRACE, request, pid, addr, data, 0, 0);
    }

    /**
     * PTRACE_PEEKDATA through the raw request: the kernel stores the word at
     * {@code out} and returns 0, so a word of -1 is not mistaken for an error.
     *
     * @param out an 8-byte segment that receives the word
     * @return 0 or {@code -errno}
     */
    public static long peekData(int pid, long addr, MemorySegment out) {
        return RawSyscall.syscall4(RawSyscall.ptraceNumber(), PTRACE_PEEKDATA, pid, addr, out.address());
    }

    /** Names a request for error messages: {@code PTRACE_SEIZE}. */
    public static String requestName(int request) {
        return switch (request) {
            case PTRACE_TRACEME -> "PTRACE_TRACEME";
            case PTRACE_PEEKDATA -> "PTRACE_PEEKDATA";
            case PTRACE_CONT -> "PTRACE_CONT";
            case PTRACE_KILL -> "PTRACE_KILL";
            case PTRACE_ATTACH -> "PTRACE_ATTACH";
            case PTRACE_DETACH -> "PTRACE_DETACH";
            case PTRACE_SYSCALL -> "PTRACE_SYSCALL";
            case PTRACE_SETOPTIONS -> "PTRACE_SETOPTIONS";
            case PTRACE_GETEVENTMSG -> "PTRACE_GETEVENTMSG";
            case PTRACE_GETSIGINFO -> "PTRACE_GETSIGINFO";
            case PTRACE_SEIZE -> "PTRACE_SEIZE";
            case PTRACE_INTERRUPT -> "PTRACE_INTERRUPT";
            case PTRACE_LISTEN -> "PTRACE_LISTEN";
            case PTRACE_GET_SYSCALL_INFO -> "PTRACE_GET_SYSCALL_INFO";
            case PTRACE_SET_SYSCALL_INFO -> "PTRACE_SET_SYSCALL_INFO";
            default -> "PTRACE_" + request;
        };
    }

    /** Throws a {@link NativeException} named {@code ptrace(PTRACE_X, pid)} for a negative result. */
    public static long check(long result, int request, int pid) {
        if (result < 0) throw new NativeException("ptrace(" + requestName(request) + ", " + pid + ")", (int) -result);
        return result;
    }
}
