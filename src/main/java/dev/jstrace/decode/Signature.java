package dev.jstrace.decode;

import java.util.List;

/**
 * One syscall's signature: argument types in order and how the result prints.
 * A struct argument ({@link ArgType#STRUCT_IN}, {@link ArgType#STRUCT_OUT})
 * also has the decoder its catalog token names.
 */
public final class Signature {
    private final String name;
    private final List<ArgType> args;
    private final Ret ret;
    private final StructDecoder[] structs;

    /** How a syscall's successful result prints. */
    public enum Ret {
        /** Decimal. */ INT,
        /** Hex: addresses (mmap, brk). */ HEX,
        /** A new file descriptor ({@code -y} decorates it). */ FD,
        /** Octal (umask). */ OCT,
        /** A thread id (gettid, clone): {@code --decode-pids=pidns} translates it. */ TID,
        /** A process id (getpid, fork, wait4). */ TGID,
        /** A process group id (getpgrp, getpgid). */ PGID,
        /** A session id (getsid). */ SID,
        /** The call never returns on success (exit, exit_group): {@code = ?}. */ NONE
    }

    Signature(String name, List<ArgType> args, Ret ret, StructDecoder[] structs) {
        if (structs.length != args.size()) throw new IllegalArgumentException(name + ": one decoder slot per argument");
        for (int i = 0; i < structs.length; i++) {
            boolean struct = args.get(i) == ArgType.STRUCT_IN || args.get(i) == ArgType.STRUCT_OUT;
            if (struct != (structs[i] != null)) {
                throw new IllegalArgumentException(name + ": argument " + i + " is a struct iff it has a decoder");
            }
        }
        this.name = name;
        this.args = List.copyOf(args);
        this.ret = ret;
        this.structs = structs.clone();
    }

    /** {@return the syscall's name (arch-neutral)} */
    public String name() {
        return name;
    }

    /** {@return the argument types} */
    public List<ArgType> args() {
        return args;
    }

    /** {@return the result's rendering} */
    public Ret ret() {
        return ret;
    }

    /** The decoder of argument {@code i}, or null when it is not a struct. */
    StructDecoder struct(int i) {
        return structs[i];
    }

    /** {@return how many leading arguments strace prints at entry: those before the first read at exit} */
    public int entryArgCount() {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).atExit()) return i;
        }
        return args.size();
    }

    @Override
    public String toString() {
        return "Signature[" + name + ": " + args + " = " + ret + "]";
    }
}
