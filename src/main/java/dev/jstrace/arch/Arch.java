package dev.jstrace.arch;

import dev.jstrace.arch.gen.Aarch64Syscalls;
import dev.jstrace.arch.gen.Riscv64Syscalls;
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
    X86_64(0xC000003E, X86_64Syscalls.NAMES, X86_64Syscalls.STRACE_6_1_KNOWN, "amd64", "x86_64") {
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
        public long signalMaskOffset() {
            // The handler's ret popped pretcode: sp points at struct ucontext, whose mask
            // follows uc_flags, uc_link, uc_stack (24) and uc_mcontext (256).
            return 296;
        }

        @Override
        public SyscallRegisters syscallRegisters() {
            // struct user_regs_struct through PTRACE_POKEUSER: orig_rax at 120, rax at 80.
            return new SyscallRegisters(SyscallRegisters.Slot.user(120), SyscallRegisters.Slot.user(80));
        }

        @Override
        public boolean sigactionHasRestorer() {
            return true; // arch/x86/include/uapi/asm/signal.h: SA_RESTORER 0x04000000
        }

        @Override
        public boolean kvmHasX86Registers() {
            return true; // arch/x86/include/uapi/asm/kvm.h: struct kvm_regs, kvm_sregs, kvm_cpuid2
        }
    },
    /** aarch64 (AUDIT_ARCH_AARCH64). */
    AARCH64(0xC00000B7, Aarch64Syscalls.NAMES, Aarch64Syscalls.STRACE_6_1_KNOWN, "aarch64") {
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
            return backwardsClone(logical);
        }

        @Override
        public long signalMaskOffset() {
            return rtSigframeMaskOffset();
        }

        @Override
        public SyscallRegisters syscallRegisters() {
            // The number is its own regset, NT_ARM_SYSTEM_CALL (an int); the return value is x0,
            // offset 0 of NT_PRSTATUS (struct user_pt_regs, 34 longs). No PTRACE_POKEUSER on arm64.
            return new SyscallRegisters(SyscallRegisters.Slot.regset(SyscallRegisters.NT_ARM_SYSTEM_CALL, 4, 0, 4),
                    SyscallRegisters.Slot.regset(SyscallRegisters.NT_PRSTATUS, 34 * 8, 0, 8));
        }

        @Override
        public boolean sigactionHasRestorer() {
            return true; // arch/arm64/include/uapi/asm/signal.h: SA_RESTORER 0x04000000
        }
    },
    /** riscv64 (AUDIT_ARCH_RISCV64: EM_RISCV, 64-bit, little-endian). */
    RISCV64(0xC00000F3, Riscv64Syscalls.NAMES, Riscv64Syscalls.STRACE_6_1_KNOWN, "riscv64") {
        @Override
        public StatLayout statLayout() {
            return StatLayout.ASM_GENERIC; // arch/riscv/include/uapi/asm has no stat.h of its own
        }

        @Override
        public int epollEventSize() {
            return 16; // naturally aligned (EPOLL_PACKED is x86-64's alone)
        }

        @Override
        public int cloneRegister(int logical) {
            return backwardsClone(logical); // arch/riscv/Kconfig selects CLONE_BACKWARDS
        }

        @Override
        public long signalMaskOffset() {
            return rtSigframeMaskOffset(); // arch/riscv/kernel/signal.c: struct rt_sigframe { info; uc; }
        }

        @Override
        public SyscallRegisters syscallRegisters() {
            // No PTRACE_POKEUSER on riscv: NT_PRSTATUS is struct user_regs_struct (pc, then x1..x31,
            // 32 longs); the kernel re-reads a7 (x17) after the entry stop and returns in a0 (x10).
            return new SyscallRegisters(SyscallRegisters.Slot.regset(SyscallRegisters.NT_PRSTATUS, 32 * 8, 17 * 8, 8),
                    SyscallRegisters.Slot.regset(SyscallRegisters.NT_PRSTATUS, 32 * 8, 10 * 8, 8));
        }

        @Override
        public boolean sigactionHasRestorer() {
            return false; // no SA_RESTORER: asm-generic's struct sigaction is handler, flags, mask
        }
    };

    /** Which {@code struct stat} the arch's fstat family writes. */
    public enum StatLayout {
        /** arch/x86/include/uapi/asm/stat.h (144 bytes, nlink before mode). */
        X86_64,
        /** include/uapi/asm-generic/stat.h (128 bytes). */
        ASM_GENERIC
    }

    /** The {@code struct stat} layout. */
    public abstract StatLayout statLayout();

    /**
     * {@return whether KVM's vcpu registers and cpuid are x86's struct kvm_regs, kvm_sregs and
     * kvm_cpuid2, which strace's arch_kvm.c decodes (no other arch's asm/kvm.h has them)}
     */
    public boolean kvmHasX86Registers() {
        return false;
    }

    /** {@code sizeof(struct epoll_event)}. */
    public abstract int epollEventSize();

    /**
     * Which argument register holds clone's {@code logical} argument (0 flags, 1 stack,
     * 2 parent_tid, 3 child_tid, 4 tls).
     */
    public abstract int cloneRegister(int logical);

    /** Where {@code uc_sigmask} lies above the stack pointer at rt_sigreturn's entry. */
    public abstract long signalMaskOffset();

    /**
     * Where the syscall number and the return value are written in a stopped tracee, for
     * kernels without {@code PTRACE_SET_SYSCALL_INFO} (before 6.16): the tampering fallback.
     */
    public abstract SyscallRegisters syscallRegisters();

    /**
     * Whether the kernel's {@code struct sigaction} has {@code sa_restorer} (between sa_flags and
     * sa_mask) and SA_RESTORER is a flag.
     */
    public abstract boolean sigactionHasRestorer();

    /** CONFIG_CLONE_BACKWARDS (most arches but x86-64): tls (3) before child_tid (4). */
    private static int backwardsClone(int logical) {
        return logical == 3 ? 4 : logical == 4 ? 3 : logical;
    }

    /**
     * sp points at {@code struct rt_sigframe} = siginfo (128) then ucontext, whose mask follows
     * uc_flags, uc_link and uc_stack (24): 168 (arm64 and riscv).
     */
    private static long rtSigframeMaskOffset() {
        return 128 + 8 + 8 + 24;
    }

    private final int auditArch;
    private final String[] names;
    /** strace 6.1's numbers for this arch, inclusive ranges (the generated STRACE_6_1_KNOWN). */
    private final int[] straceKnown;
    private final java.util.Map<String, Integer> numbers;
    /** The JVM's {@code os.arch} values for this ABI. */
    private final java.util.List<String> osArch;

    Arch(int auditArch, String[] names, int[] straceKnown, String... osArch) {
        this.auditArch = auditArch;
        this.names = names;
        this.straceKnown = straceKnown;
        this.osArch = java.util.List.of(osArch);
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

    /** The AUDIT_ARCH_* macro's name, as strace prints it: {@code AUDIT_ARCH_AARCH64}. */
    public String auditArchName() {
        return "AUDIT_ARCH_" + name();
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
        return n != null ? n : rawName(nr);
    }

    /** strace's {@code syscall_%#lx} of the 64-bit number ({@code %#lx}: no 0x prefix for zero). */
    private static String rawName(int nr) {
        return nr == 0 ? "syscall_0" : "syscall_0x" + Long.toHexString(nr);
    }

    /**
     * Whether strace 6.1 knows the number on this arch (its own src/linux/ARCH/syscallent.h, generated into
     * the table's {@code STRACE_6_1_KNOWN}). strace 6.1 prints a call it does not know whatever
     * {@code -e trace=} says ({@code get_scno}: {@code QUAL_RAW | DEFAULT_QUAL_FLAGS}), raw, as
     * {@code syscall_0x102(a1, ..., a6)}; the kernel tables here are newer and name some of those numbers
     * (riscv64's {@code riscv_hwprobe}, every arch's {@code cachestat} and later). The strace-text path
     * follows this set ({@link #straceName}); the Java objects keep the kernel's name.
     */
    public boolean straceKnows(int nr) {
        for (int i = 0; i < straceKnown.length; i += 2) {
            if (nr >= straceKnown[i] && nr <= straceKnown[i + 1]) return true;
        }
        return false;
    }

    /**
     * The name strace 6.1 prints for the number: {@link #displayName}, or for a number it does not know
     * ({@link #straceKnows}) its {@code syscall_0x1c3} even where the kernel's table names it.
     */
    public String straceName(int nr) {
        return straceKnows(nr) ? displayName(nr) : rawName(nr);
    }

    /** Whether {@code name} is strace's name for a call it does not know: {@code syscall_0x1c3}. */
    public static boolean isRawName(String name) {
        return name.startsWith("syscall_");
    }

    /**
     * Every kernel name that strace 6.1 does not know on one arch at least ({@code cachestat}, riscv64's
     * {@code riscv_hwprobe}): what a trace filter must stop at too, so that such calls print whatever
     * {@code -e trace=} says, as strace 6.1's do.
     */
    public static java.util.Set<String> namesStraceLacks() {
        return NamesStraceLacks.ALL;
    }

    /**
     * Of {@link #namesStraceLacks}, those past the end of strace 6.1's table on their arch
     * ({@code cachestat} and later): what strace's {@code --seccomp-bpf} filter stops at whatever
     * {@code -e trace=} says ({@code if (nr >= max_nr) return RET_TRACE}). A hole inside its table
     * (riscv64's {@code riscv_hwprobe}, x86-64's {@code uretprobe}) stops there only when the trace set
     * has it, so with the filter strace prints it only then.
     */
    public static java.util.Set<String> namesPastStracesTable() {
        return NamesStraceLacks.PAST_ITS_TABLE;
    }

    /** Holder: computed once, on first use. */
    private static final class NamesStraceLacks {
        static final java.util.Set<String> ALL = compute(false);
        static final java.util.Set<String> PAST_ITS_TABLE = compute(true);

        private static java.util.Set<String> compute(boolean pastItsTableOnly) {
            java.util.Set<String> s = new java.util.TreeSet<>();
            for (Arch a : values()) {
                int end = a.straceKnown[a.straceKnown.length - 1];
                for (int nr = pastItsTableOnly ? end + 1 : 0; nr < a.names.length; nr++) {
                    if (a.names[nr] != null && !a.straceKnows(nr)) s.add(a.names[nr]);
                }
            }
            return java.util.Collections.unmodifiableSet(s);
        }
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
        String os = System.getProperty("os.arch");
        for (Arch a : values()) {
            if (a.osArch.contains(os)) return a;
        }
        throw new UnsupportedOperationException("jstrace supports x86-64, aarch64 and riscv64, not " + os);
    }
}
