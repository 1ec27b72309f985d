package dev.jstrace.arch;

/**
 * Where each ABI keeps the syscall number and the return value in a stopped
 * tracee, for kernels without {@code PTRACE_SET_SYSCALL_INFO} (before 6.16):
 * the tampering fallback. (Per-arch facts for tampering; they belong with the
 * other per-arch descriptions once those are one class.)
 *
 * <ul>
 *   <li>x86-64: {@code PTRACE_POKEUSER} into {@code struct user_regs_struct}:
 *       {@code orig_rax} at 120 (the number the kernel dispatches on), {@code rax} at 80
 *       (the return value).</li>
 *   <li>aarch64: the number is its own regset, {@code NT_ARM_SYSTEM_CALL} (an int);
 *       the return value is {@code x0}, offset 0 of the {@code NT_PRSTATUS} regset
 *       ({@code struct user_pt_regs}, 34 longs).</li>
 * </ul>
 *
 * @param numberUserOffset  PTRACE_POKEUSER offset of the syscall number, or -1 when set by regset
 * @param returnUserOffset  PTRACE_POKEUSER offset of the return value, or -1 when set by regset
 * @param numberRegset      the NT_* regset holding the number (an int), or 0
 * @param returnRegset      the NT_* regset whose first long is the return value, or 0
 * @param returnRegsetSize  that regset's size in bytes
 */
public record SyscallRegisters(long numberUserOffset, long returnUserOffset, int numberRegset, int returnRegset,
                               int returnRegsetSize) {
    /** NT_PRSTATUS (elf.h). */
    public static final int NT_PRSTATUS = 1;
    /** NT_ARM_SYSTEM_CALL (elf.h). */
    public static final int NT_ARM_SYSTEM_CALL = 0x404;

    /** The registers of {@code arch}. */
    public static SyscallRegisters of(Arch arch) {
        return switch (arch) {
            case X86_64 -> new SyscallRegisters(120, 80, 0, 0, 0);
            case AARCH64 -> new SyscallRegisters(-1, -1, NT_ARM_SYSTEM_CALL, NT_PRSTATUS, 34 * 8);
        };
    }
}
