package dev.jstrace.arch.gen;

/** PLACEHOLDER until scripts/ generates it: the syscall names by number. */
public final class Aarch64Syscalls {
    private Aarch64Syscalls() {}

    /** Names indexed by number; null where none. */
    public static final String[] NAMES = new String[222];
    static {
        NAMES[56] = "openat";
        NAMES[57] = "close";
        NAMES[63] = "read";
        NAMES[64] = "write";
        NAMES[93] = "exit";
        NAMES[94] = "exit_group";
        NAMES[220] = "clone";
        NAMES[221] = "execve";
    }
}
