package dev.jstrace.arch;

import dev.jstrace.arch.gen.Aarch64Syscalls;
import dev.jstrace.arch.gen.X86_64Syscalls;

/**
 * A syscall ABI jstrace decodes, with the per-arch facts the decoders need.
 * Both are always compiled in; the one a tracee uses is chosen per stop from
 * the {@code arch} field of {@code PTRACE_GET_SYSCALL_INFO} (an AUDIT_ARCH_*
 * value). Each fact is an abstract method, so a new constant that forgets one
 * does not compile; code outside this package asks for the fact, never which
 * arch it is.
 */
public enum Arch {
    /** x86-64 (AUDIT_ARCH_X86_64). */
    X86_64(0xC000003E, X86_64Syscalls.NAMES) {
        @Override
        public StatLayout statLayout() {
            return StatLayout.X86_64;
        }

        @Override
        public int epollEventSize() {
            return 12; // include/uapi/linux/eventpoll.h: EPOLL_PACKED on x86-64
        }

        @Override
        public int cloneRegister(int logical) {
            return logical; // flags, stack, parent_tid, child_tid, tls
        }

        @Override
        public OpenFlagsLayout openFlagsLayout() {
            return OpenFlagsLayout.ASM_GENERIC;
        }
    },
    /** aarch64 (AUDIT_ARCH_AARCH64). */
    AARCH64(0xC00000B7, Aarch64Syscalls.NAMES) {
        @Override
        public StatLayout statLayout() {
            return StatLayout.ASM_GENERIC;
        }

        @Override
        public int epollEventSize() {
            return 16; // naturally aligned
        }

        @Override
        public int cloneRegister(int logical) {
            // CONFIG_CLONE_BACKWARDS: tls before child_tid.
            return logical == 3 ? 4 : logical == 4 ? 3 : logical;
        }

        @Override
        public OpenFlagsLayout openFlagsLayout() {
            return OpenFlagsLayout.ARM64;
        }
    };

    /** Which {@code struct stat} the arch's fstat family writes. */
    public enum StatLayout {
        /** arch/x86/include/uapi/asm/stat.h (144 bytes, nlink before mode). */
        X86_64,
        /** include/uapi/asm-generic/stat.h (128 bytes). */
        ASM_GENERIC
    }

    /** Which values open(2)'s flags have. */
    public enum OpenFlagsLayout {
        /** include/uapi/asm-generic/fcntl.h. */
        ASM_GENERIC,
        /** arch/arm64/include/uapi/asm/fcntl.h: O_DIRECTORY, O_NOFOLLOW, O_DIRECT, O_LARGEFILE moved. */
        ARM64
    }

    /** The {@code struct stat} layout. */
    public abstract StatLayout statLayout();

    /** {@code sizeof(struct epoll_event)}. */
    public abstract int epollEventSize();

    /**
     * Which argument register holds clone's {@code logical} argument (0 flags, 1 stack,
     * 2 parent_tid, 3 child_tid, 4 tls).
     */
    public abstract int cloneRegister(int logical);

    /** The open flag values. */
    public abstract OpenFlagsLayout openFlagsLayout();

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
