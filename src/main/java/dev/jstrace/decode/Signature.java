package dev.jstrace.decode;

import java.util.List;

/**
 * One syscall's signature: argument types in order and how the result prints.
 *
 * @param name the syscall's name (arch-neutral)
 * @param args the argument types
 * @param ret  the result's rendering
 */
public record Signature(String name, List<ArgType> args, Ret ret) {
    /** How a syscall's successful result prints. */
    public enum Ret {
        /** Decimal. */ INT,
        /** Hex: addresses (mmap, brk). */ HEX,
        /** A new file descriptor ({@code -y} decorates it). */ FD,
        /** Octal (umask). */ OCT,
        /** The call never returns on success (exit, exit_group): {@code = ?}. */ NONE
    }

    /** {@return how many leading arguments strace prints at entry: those before the first read at exit} */
    public int entryArgCount() {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).atExit()) return i;
        }
        return args.size();
    }
}
