package dev.jstrace.arch;

/**
 * Where an ABI keeps the syscall number and the return value in a stopped
 * tracee, for kernels without {@code PTRACE_SET_SYSCALL_INFO} (before 6.16):
 * the tampering fallback. Each arch's values are its {@link Arch#syscallRegisters()}.
 *
 * @param number the slot holding the number the kernel dispatches on
 * @param result the slot holding the return value
 */
public record SyscallRegisters(Slot number, Slot result) {
    /** NT_PRSTATUS (elf.h). */
    public static final int NT_PRSTATUS = 1;
    /** NT_ARM_SYSTEM_CALL (elf.h). */
    public static final int NT_ARM_SYSTEM_CALL = 0x404;

    /**
     * One register: either a {@code PTRACE_POKEUSER} offset into {@code struct user}, or a
     * {@code width}-byte field at {@code regsetOffset} of the {@code regset} (an NT_* note) of
     * {@code regsetSize} bytes, written by reading the whole regset, changing the field and
     * writing it back.
     *
     * @param userOffset   the PTRACE_POKEUSER offset, or -1 when the register is set through a regset
     * @param regset       the NT_* regset, or 0
     * @param regsetSize   the regset's size in bytes
     * @param regsetOffset the field's offset in the regset
     * @param width        the field's size: 4 or 8
     */
    public record Slot(long userOffset, int regset, int regsetSize, int regsetOffset, int width) {
        /** A register PTRACE_POKEUSER writes at {@code offset}. */
        public static Slot user(long offset) {
            return new Slot(offset, 0, 0, 0, 8);
        }

        /** A {@code width}-byte field at {@code offset} of regset {@code nt} ({@code size} bytes). */
        public static Slot regset(int nt, int size, int offset, int width) {
            return new Slot(-1, nt, size, offset, width);
        }
    }

    /** The registers of {@code arch}. */
    public static SyscallRegisters of(Arch arch) {
        return arch.syscallRegisters();
    }
}
