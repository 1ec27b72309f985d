package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * A call strace prints argument by argument with printers of its own (the new mount API, landlock):
 * each argument one {@link Arg}, which copies what it prints at entry and decodes it, so that a
 * flag set with a table of its own needs no new {@link ArgType}. All arguments print at entry
 * (strace's {@code RVAL_DECODED}); the result is a number or, for {@link #returningFd}, an fd.
 */
final class ArgListFormat implements CallFormat {
    /** One argument's printer. */
    interface Arg {
        /**
         * Copies what the argument prints, at entry.
         *
         * @param a   the register
         * @param mem the tracee's memory
         * @param opt the options
         */
        default void capture(long a, TraceeMemory mem, DecodeOptions opt) {}

        /**
         * {@return the argument's value}
         *
         * @param c the call
         * @param i which argument
         */
        Value decode(CallContext c, int i);
    }

    private final Arg[] args;
    private final boolean fdResult;

    private ArgListFormat(boolean fdResult, Arg... args) {
        this.args = args.clone();
        this.fdResult = fdResult;
    }

    /** {@return a call of these arguments whose result is a number} */
    static ArgListFormat of(Arg... args) {
        return new ArgListFormat(false, args);
    }

    /** {@return a call of these arguments whose result is a new fd (strace's RVAL_FD: {@code -y} decorates it)} */
    static ArgListFormat returningFd(Arg... args) {
        return new ArgListFormat(true, args);
    }

    @Override
    public void captureEntry(Arch arch, long[] regs, TraceeMemory mem, DecodeOptions opt) {
        for (int i = 0; i < args.length; i++) args[i].capture(i < regs.length ? regs[i] : 0, mem, opt);
    }

    @Override
    public void captureExit(Arch arch, long[] regs, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (fdResult && opt.capturesFdPaths()) mem.fdPath((int) rval);
    }

    @Override
    public Decoded decode(CallContext c) {
        List<Value> out = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) out.add(args[i].decode(c, i));
        String result = fdResult && c.succeeded() ? c.text(c.fdAtExit((int) c.rval)) : null;
        return new Decoded(out, out.size(), result);
    }

    /** {@return strace's printfd: a negative number is no descriptor, printed without a path} */
    static Arg fd() {
        return new Arg() {
            @Override
            public void capture(long a, TraceeMemory mem, DecodeOptions opt) {
                if (opt.capturesFdPaths() && (int) a >= 0) mem.fdPath((int) a);
            }

            @Override
            public Value decode(CallContext c, int i) {
                int fd = (int) c.arg(i);
                return fd < 0 ? new Value.Fd(fd, null, null, null) : c.fd(fd);
            }
        };
    }

    /** {@return strace's print_dirfd: {@code AT_FDCWD} or an fd} */
    static Arg dirfd() {
        return new Arg() {
            @Override
            public void capture(long a, TraceeMemory mem, DecodeOptions opt) {
                if (opt.capturesFdPaths() && ((int) a >= 0 || (int) a == ArgDecoder.AT_FDCWD)) mem.fdPath((int) a);
            }

            @Override
            public Value decode(CallContext c, int i) {
                int fd = (int) c.arg(i);
                if (fd < 0 && fd != ArgDecoder.AT_FDCWD) return new Value.Fd(fd, null, null, null);
                return ArgDecoder.decode(ArgType.DIRFD, i, c);
            }
        };
    }

    /**
     * {@return strace's printpath: a path of at most PATH_MAX - 1 bytes (its buffer holds the NUL), printed whole;
     * strace reads PATH_MAX bytes, all of which must be readable unless a NUL comes first}
     */
    static Arg path() {
        return new Arg() {
            @Override
            public void capture(long a, TraceeMemory mem, DecodeOptions opt) {
                if (a != 0) mem.string(a, CapturePlan.PATH_MAX);
            }

            @Override
            public Value decode(CallContext c, int i) {
                return c.string(c.in, c.arg(i), true);
            }
        };
    }

    /** {@return strace's printstr: a C string cut to {@code -s}} */
    static Arg str() {
        return new Arg() {
            @Override
            public void capture(long a, TraceeMemory mem, DecodeOptions opt) {
                if (a != 0) mem.string(a, opt.stringLimit() + 1);
            }

            @Override
            public Value decode(CallContext c, int i) {
                return c.string(c.in, c.arg(i), false);
            }
        };
    }

    /** {@return strace's printflags of an {@code unsigned int} argument} */
    static Arg flags(ConstTable t) {
        return (c, i) -> t.sym(c.arg(i) & 0xffffffffL);
    }

    /** {@return strace's printflags64 of a 64-bit argument} */
    static Arg flags64(ConstTable t) {
        return (c, i) -> t.sym(c.arg(i));
    }

    /** {@return strace's printxval of an {@code unsigned int} argument} */
    static Arg xval(ConstTable t) {
        return (c, i) -> t.sym(c.arg(i) & 0xffffffffL);
    }

    /** {@return strace's PRINT_VAL_X of an {@code unsigned int}: {@code 0x...}} */
    static Arg hex32() {
        return (c, i) -> new Value.Num(c.arg(i) & 0xffffffffL, Value.Radix.HEX);
    }

    /** {@return strace's PRINT_VAL_U of a kernel_ulong_t} */
    static Arg udec() {
        return (c, i) -> new Value.Num(c.arg(i), Value.Radix.UDEC);
    }

    /** {@return strace's PRINT_VAL_D of an {@code int}} */
    static Arg int32() {
        return (c, i) -> new Value.Num((int) c.arg(i), Value.Radix.DEC);
    }

    /** {@return strace's printaddr} */
    static Arg addr() {
        return (c, i) -> new Value.Ptr(c.arg(i));
    }
}
