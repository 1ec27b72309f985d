package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;

/**
 * Everything one call's decoding reads: the entry registers, both snapshots,
 * the result, and the options. Decoding is a pure function of this.
 */
final class CallContext {
    final Arch arch;
    final long[] args;
    final Snapshot in;
    final Snapshot out;
    final boolean returned;
    final long rval;
    final boolean error;
    final DecodeOptions opt;

    CallContext(Arch arch, long[] args, Snapshot in, Snapshot out, boolean returned, long rval, boolean error,
                DecodeOptions opt) {
        this.arch = arch == null ? Arch.X86_64 : arch;
        this.args = args;
        this.in = in == null ? Snapshot.EMPTY : in;
        this.out = out == null ? Snapshot.EMPTY : out;
        this.returned = returned;
        this.rval = rval;
        this.error = error;
        this.opt = opt;
    }

    /** Whether exit-phase data exists: the call returned successfully. */
    boolean succeeded() {
        return returned && !error;
    }

    long arg(int i) {
        return i < args.length ? args[i] : 0;
    }

    Value fd(int fd) {
        String p = opt.fdPaths() > 0 ? in.fdPath(fd) : null;
        return new Value.Fd(fd, null, devices(p));
    }

    /** An fd the call created (pipe, socketpair): its path was captured at exit. */
    Value fdAtExit(int fd) {
        String p = opt.fdPaths() > 0 ? out.fdPath(fd) : null;
        return new Value.Fd(fd, null, devices(p));
    }

    /** Under {@code -yy}, a device's path gains strace's {@code <char 1:3>}. */
    String devices(String path) {
        return opt.fdPaths() >= 2 ? DeviceSuffix.decorate(path) : path;
    }

    Value sym(ConstTable t, long v) {
        return new Value.Sym(v, t.render(v, opt.xlat()));
    }

    /** A NUL-terminated string read with limit {@code -s}+1 (or PATH_MAX for paths). */
    Value string(Snapshot mem, long addr, boolean path) {
        if (addr == 0) return new Value.Ptr(0);
        Snapshot.Region r = mem.find(addr, Snapshot.Kind.STRING);
        if (r == null || !r.readable()) return new Value.Unreadable(addr);
        byte[] d = r.data();
        int limit = path ? 4096 : opt.stringLimit();
        if (d.length > limit) return new Value.Str(java.util.Arrays.copyOf(d, limit), true, opt.hex());
        return new Value.Str(d, !r.complete(), opt.hex());
    }

    /** A buffer of {@code len} bytes of which strace shows {@code -s}. */
    Value buffer(Snapshot mem, long addr, long len, int hex) {
        if (addr == 0) return new Value.Ptr(0);
        int shown = (int) Math.min(Math.max(len, 0), opt.stringLimit());
        // strace reads zero bytes successfully from any address: an empty read prints "".
        if (shown == 0 && len == 0) return new Value.Str(new byte[0], false, hex);
        // With -s 0 nothing is read either: strace prints ""... for any non-empty buffer.
        if (shown == 0 && opt.stringLimit() == 0) return new Value.Str(new byte[0], true, hex);
        Snapshot.Region r = mem.find(addr, Snapshot.Kind.BYTES);
        if (r == null || !r.readable() || r.data().length < shown) return new Value.Unreadable(addr);
        byte[] d = r.data().length == shown ? r.data() : java.util.Arrays.copyOf(r.data(), shown);
        return new Value.Str(d, Long.compareUnsigned(len, opt.stringLimit()) > 0, hex);
    }
}
