package dev.jstrace.ffi;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Hand-written in jextract's shape; only the fields jstrace reads are named,
 * the rest of the 128 bytes is kept raw for the decoder:
 * <pre>{@code
 * typedef struct {
 *     int si_signo; int si_errno; int si_code;   // then 4 bytes of padding on LP64
 *     union {                                    // at offset 16
 *         struct { pid_t si_pid; uid_t si_uid; } kill;
 *         struct { pid_t si_pid; uid_t si_uid; int si_status; clock_t si_utime, si_stime; } sigchld;
 *         struct { void *si_addr; ... } sigfault;
 *         ...
 *     } _sifields;
 * } siginfo_t;                                   // 128 bytes
 * }</pre>
 */
public final class siginfo_t {
    private siginfo_t() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("si_signo"),
            ValueLayout.JAVA_INT.withName("si_errno"),
            ValueLayout.JAVA_INT.withName("si_code"),
            MemoryLayout.paddingLayout(4),
            MemoryLayout.sequenceLayout(112, ValueLayout.JAVA_BYTE).withName("_sifields")).withName("siginfo_t");

    /** The layout (128 bytes). */
    public static GroupLayout layout() {
        return LAYOUT;
    }

    /** Offset of {@code si_signo}. */
    public static final long SI_SIGNO_OFFSET = 0;
    /** Offset of {@code si_errno}. */
    public static final long SI_ERRNO_OFFSET = 4;
    /** Offset of {@code si_code}. */
    public static final long SI_CODE_OFFSET = 8;
    /** Offset of {@code si_pid} (kill, sigchld, rt). */
    public static final long SI_PID_OFFSET = 16;
    /** Offset of {@code si_uid}. */
    public static final long SI_UID_OFFSET = 20;
    /** Offset of {@code si_status} (sigchld). */
    public static final long SI_STATUS_OFFSET = 24;
    /** Offset of {@code si_addr} (sigfault). */
    public static final long SI_ADDR_OFFSET = 16;

    /** {@code si_signo}. */
    public static int si_signo(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, SI_SIGNO_OFFSET);
    }

    /** {@code si_code}. */
    public static int si_code(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, SI_CODE_OFFSET);
    }
}
