package dev.jstrace.arch;

import dev.jstrace.arch.gen.Aarch64Syscalls;
import dev.jstrace.arch.gen.X86_64Syscalls;

/**
 * A syscall ABI jstrace decodes. Both are always compiled in; the one a
 * tracee uses is chosen per stop from the {@code arch} field of
 * {@code PTRACE_GET_SYSCALL_INFO} (an AUDIT_ARCH_* value).
 */
public enum Arch {
    /** x86-64 (AUDIT_ARCH_X86_64). */
    X86_64(0xC000003E, X86_64Syscalls.NAMES),
    /** aarch64 (AUDIT_ARCH_AARCH64). */
    AARCH64(0xC00000B7, Aarch64Syscalls.NAMES);

    private final int auditArch;
    private final String[] names;
    private final java.util.Map<String, Integer> numbers;

    Arch(int auditArch, String[] names) {
        this.auditArch = auditArch;
        this.names = names;
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) m.put(names[i], i);
        }
        this.numbers = java.util.Map.copyOf(m);
    }

    /** The AUDIT_ARCH_* value the kernel reports for this ABI. */
    public int auditArch() {
        return auditArch;
    }

    /** The syscall's name, or {@code null} when the number is not in the table. */
    public String syscallName(int nr) {
        return nr >= 0 && nr < names.length ? names[nr] : null;
    }

    /**
     * The name strace prints: the table's, or for a number outside it strace's
     * {@code syscall_%#lx} of the 64-bit number: {@code syscall_0x3e7}. The kernel
     * reports a negative number (seccomp's -1) sign-extended, so -1 prints as
     * {@code syscall_0xffffffffffffffff}. strace then prints all six arguments
     * raw in {@code %#lx}: {@code syscall_0x3e7(0x1, 0x2, 0, 0, 0, 0)}.
     */
    public String displayName(int nr) {
        String n = syscallName(nr);
        if (n != null) return n;
        // %#lx: no 0x prefix for zero.
        return nr == 0 ? "syscall_0" : "syscall_0x" + Long.toHexString(nr);
    }

    /** The number of {@code name}, or -1 where this ABI lacks it (aarch64 has no {@code open}). */
    public int syscallNumber(String name) {
        Integer n = numbers.get(name);
        return n == null ? -1 : n;
    }

    /** One past the highest number in the table. */
    public int tableSize() {
        return names.length;
    }

    /** The ABI for an AUDIT_ARCH_* value, or {@code null} (e.g. a 32-bit process on x86-64). */
    public static Arch fromAudit(int auditArch) {
        for (Arch a : values()) {
            if (a.auditArch == auditArch) return a;
        }
        return null;
    }

    /** The ABI of the JVM running this code. */
    public static Arch current() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64" -> AARCH64;
            default -> throw new UnsupportedOperationException(
                    "jstrace supports x86-64 and aarch64, not " + System.getProperty("os.arch"));
        };
    }
}
