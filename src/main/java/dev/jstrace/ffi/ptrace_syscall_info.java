package dev.jstrace.ffi;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Hand-written in jextract's shape (see {@code jextract/README.md}):
 * <pre>{@code
 * struct ptrace_syscall_info {
 *     __u8 op;                 // PTRACE_SYSCALL_INFO_*
 *     __u8 reserved;           // pad[3] before Linux 6.16
 *     __u16 flags;
 *     __u32 arch;              // AUDIT_ARCH_*
 *     __u64 instruction_pointer;
 *     __u64 stack_pointer;
 *     union {
 *         struct { __u64 nr; __u64 args[6]; } entry;
 *         struct { __s64 rval; __u8 is_error; } exit;
 *         struct { __u64 nr; __u64 args[6]; __u32 ret_data; } seccomp;
 *     };
 * };
 * }</pre>
 */
@SuppressWarnings("checkstyle:TypeName")
public final class ptrace_syscall_info {
    private ptrace_syscall_info() {}

    /** PTRACE_SYSCALL_INFO_NONE. */
    public static final int PTRACE_SYSCALL_INFO_NONE = 0;
    /** PTRACE_SYSCALL_INFO_ENTRY. */
    public static final int PTRACE_SYSCALL_INFO_ENTRY = 1;
    /** PTRACE_SYSCALL_INFO_EXIT. */
    public static final int PTRACE_SYSCALL_INFO_EXIT = 2;
    /** PTRACE_SYSCALL_INFO_SECCOMP. */
    public static final int PTRACE_SYSCALL_INFO_SECCOMP = 3;

    private static final GroupLayout ENTRY = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("nr"),
            MemoryLayout.sequenceLayout(6, ValueLayout.JAVA_LONG).withName("args")).withName("entry");
    private static final GroupLayout EXIT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("rval"),
            ValueLayout.JAVA_BYTE.withName("is_error"),
            MemoryLayout.paddingLayout(7)).withName("exit");
    private static final GroupLayout SECCOMP = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("nr"),
            MemoryLayout.sequenceLayout(6, ValueLayout.JAVA_LONG).withName("args"),
            ValueLayout.JAVA_INT.withName("ret_data"),
            MemoryLayout.paddingLayout(4)).withName("seccomp");

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_BYTE.withName("op"),
            ValueLayout.JAVA_BYTE.withName("reserved"),
            ValueLayout.JAVA_SHORT.withName("flags"),
            ValueLayout.JAVA_INT.withName("arch"),
            ValueLayout.JAVA_LONG.withName("instruction_pointer"),
            ValueLayout.JAVA_LONG.withName("stack_pointer"),
            MemoryLayout.unionLayout(ENTRY, EXIT, SECCOMP)).withName("ptrace_syscall_info");

    /** The struct's layout (88 bytes). */
    public static GroupLayout layout() {
        return LAYOUT;
    }

    // Offsets are constants, as jextract writes them (a layout-path lookup spins method
    // handles: ~3 ms of start-up); LayoutProbeTest checks each against the C compiler.

    /** Offset of {@code op}. */
    public static final long OP_OFFSET = 0;
    /** Offset of {@code arch}. */
    public static final long ARCH_OFFSET = 4;
    /** Offset of {@code instruction_pointer}. */
    public static final long INSTRUCTION_POINTER_OFFSET = 8;
    /** Offset of {@code stack_pointer}. */
    public static final long STACK_POINTER_OFFSET = 16;
    /** Offset of {@code entry.nr} (also {@code seccomp.nr}). */
    public static final long ENTRY_NR_OFFSET = 24;
    /** Offset of {@code entry.args[0]} (also {@code seccomp.args[0]}). */
    public static final long ENTRY_ARGS_OFFSET = 32;
    /** Offset of {@code exit.rval}. */
    public static final long EXIT_RVAL_OFFSET = 24;
    /** Offset of {@code exit.is_error}. */
    public static final long EXIT_IS_ERROR_OFFSET = 32;
    /** Offset of {@code seccomp.ret_data}. */
    public static final long SECCOMP_RET_DATA_OFFSET = 80;

    /** {@code op}. */
    public static int op(MemorySegment s) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, OP_OFFSET));
    }

    /** {@code arch} (an AUDIT_ARCH_* value). */
    public static int arch(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, ARCH_OFFSET);
    }

    /** {@code instruction_pointer}. */
    public static long instruction_pointer(MemorySegment s) {
        return s.get(ValueLayout.JAVA_LONG, INSTRUCTION_POINTER_OFFSET);
    }

    /** {@code stack_pointer}. */
    public static long stack_pointer(MemorySegment s) {
        return s.get(ValueLayout.JAVA_LONG, STACK_POINTER_OFFSET);
    }

    /** {@code entry.nr} / {@code seccomp.nr}. */
    public static long entry_nr(MemorySegment s) {
        return s.get(ValueLayout.JAVA_LONG, ENTRY_NR_OFFSET);
    }

    /** {@code entry.args[i]} / {@code seccomp.args[i]}. */
    public static long entry_args(MemorySegment s, int i) {
        return s.get(ValueLayout.JAVA_LONG, ENTRY_ARGS_OFFSET + 8L * i);
    }

    /** {@code exit.rval}. */
    public static long exit_rval(MemorySegment s) {
        return s.get(ValueLayout.JAVA_LONG, EXIT_RVAL_OFFSET);
    }

    /** {@code exit.is_error}. */
    public static boolean exit_is_error(MemorySegment s) {
        return s.get(ValueLayout.JAVA_BYTE, EXIT_IS_ERROR_OFFSET) != 0;
    }

    /** {@code seccomp.ret_data}. */
    public static int seccomp_ret_data(MemorySegment s) {
        return s.get(ValueLayout.JAVA_INT, SECCOMP_RET_DATA_OFFSET);
    }

    /** Sets {@code entry.nr} / {@code seccomp.nr} (for PTRACE_SET_SYSCALL_INFO). */
    public static void entry_nr(MemorySegment s, long nr) {
        s.set(ValueLayout.JAVA_LONG, ENTRY_NR_OFFSET, nr);
    }

    /** Sets {@code exit.rval} and {@code exit.is_error} (for PTRACE_SET_SYSCALL_INFO). */
    public static void exit(MemorySegment s, long rval, boolean isError) {
        s.set(ValueLayout.JAVA_LONG, EXIT_RVAL_OFFSET, rval);
        s.set(ValueLayout.JAVA_BYTE, EXIT_IS_ERROR_OFFSET, (byte) (isError ? 1 : 0));
    }
}
