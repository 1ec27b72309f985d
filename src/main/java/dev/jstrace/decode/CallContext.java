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
    /** For the few composite texts a decoder still builds (kept to strace's -x/-X). */
    final StraceRenderer renderer;
    /** The calling thread, by its id in the tracer's pid namespace (0 when unknown). */
    final int tid;
    /** The call's signature, when the catalog has one (an argument's meaning may depend on another's type). */
    Signature sig;

    CallContext(Arch arch, long[] args, Snapshot in, Snapshot out, boolean returned, long rval, boolean error,
                DecodeOptions opt) {
        this(arch, args, in, out, returned, rval, error, opt, 0);
    }

    CallContext(Arch arch, long[] args, Snapshot in, Snapshot out, boolean returned, long rval, boolean error,
                DecodeOptions opt, int tid) {
        this.tid = tid;
        // An ABI jstrace has no tables for (a 32-bit process): decode with the tracer's own.
        this.arch = arch == null ? Arch.current() : arch;
        this.args = args;
        this.in = in == null ? Snapshot.EMPTY : in;
        this.out = out == null ? Snapshot.EMPTY : out;
        this.returned = returned;
        this.rval = rval;
        this.error = error;
        this.opt = opt;
        this.renderer = new StraceRenderer(opt);
    }

    /** strace's rendering of {@code v} under this call's options. */
    String text(Value v) {
        return renderer.render(v);
    }

    /** Whether exit-phase data exists: the call returned successfully. */
    boolean succeeded() {
        return returned && !error;
    }

    long arg(int i) {
        return i < args.length ? args[i] : 0;
    }

    Value fd(int fd) {
        return fd(fd, opt.capturesFdPaths() ? in.fdPath(fd) : null);
    }

    /** An fd the call created (pipe, socketpair): its path was captured at exit. */
    Value fdAtExit(int fd) {
        return fd(fd, opt.capturesFdPaths() ? out.fdPath(fd) : null);
    }

    private Value fd(int fd, String p) {
        if (p != null && p.endsWith(Snapshot.DELETED_MARK)) {
            String name = p.substring(0, p.length() - Snapshot.DELETED_MARK.length());
            return new Value.Fd(fd, null, name, device(name), true);
        }
        return new Value.Fd(fd, null, p, device(p));
    }

    /** Under {@code -yy}, the device a path names ({@code char 1:3}), which strace appends. */
    String device(String path) {
        return opt.fdPaths() >= 2 ? DeviceSuffix.of(path) : null;
    }

    /**
     * A pid of the tracee's namespace (strace's printpid): the number, and under
     * {@code --decode-pids=pidns} strace's {@code /* 1234 in strace's PID NS * /} when the tracer knows
     * it by another number. {@code kind} null is strace's PT_NONE (never translated).
     */
    Value pid(int pid, PidNamespaces.Kind kind) {
        Value n = new Value.Num(pid, Value.Radix.DEC);
        String comment = opt.pidTranslation() ? PidNamespaces.comment(tid, pid, kind) : null;
        return comment == null ? n : new Value.Commented(n, comment);
    }

    /**
     * strace's printpid_tgid_pgid (kill, F_SETOWN, wait4): a positive pid is a process, a pid below -1
     * names the group {@code -pid}, whose translation prints (as a positive number).
     */
    Value tgidPgid(int pid) {
        Value n = new Value.Num(pid, Value.Radix.DEC);
        if (!opt.pidTranslation() || pid == -1 || pid == 0) return n;
        String comment = pid > 0 ? PidNamespaces.comment(tid, pid, PidNamespaces.Kind.TGID)
                : PidNamespaces.comment(tid, -pid, PidNamespaces.Kind.PGID);
        return comment == null ? n : new Value.Commented(n, comment);
    }

    Value sym(ConstTable t, long v) {
        return t.sym(v);
    }

    /**
     * A NUL-terminated string as captured (up to {@code -s}+1 bytes, PATH_MAX for paths);
     * the renderer cuts a plain string to {@code -s}, never a path.
     */
    Value string(Snapshot mem, long addr, boolean path) {
        if (addr == 0) return new Value.Ptr(0);
        Snapshot.Region r = mem.find(addr, Snapshot.Kind.STRING);
        if (r == null || !r.readable()) return new Value.Unreadable(addr);
        if (!path) return Value.Str.string(r.data(), r.complete());
        // strace's printpath reads PATH_MAX bytes into a PATH_MAX buffer and shows at most PATH_MAX - 1 of
        // them: a path with no NUL among them prints its first 4095 bytes and "...".
        byte[] d = r.data();
        if (!r.complete() && d.length > CapturePlan.PATH_MAX - 1) d = java.util.Arrays.copyOf(d, CapturePlan.PATH_MAX - 1);
        return Value.Str.whole(d, !r.complete());
    }

    /** A buffer of {@code len} bytes as captured (its first {@code -s} bytes); {@code hex}: always in hex. */
    Value buffer(Snapshot mem, long addr, long len, boolean hex) {
        if (addr == 0) return new Value.Ptr(0);
        // The text needs the first -s bytes; a timeline sink may have had more copied (captureLimit).
        // len is a size_t: a "negative" one is huge (writev's iov_len=-1 reads -s + 1 bytes).
        long size = len < 0 ? Long.MAX_VALUE : len;
        int needed = (int) Math.min(size, opt.stringLimit());
        int copied = (int) Math.min(size, opt.captureLimit());
        // strace reads zero bytes successfully from any address: an empty read prints "".
        // With -s 0 nothing is read either: strace prints ""... for any non-empty buffer.
        if (copied == 0 && (len == 0 || opt.captureLimit() == 0)) return Value.Str.buffer(new byte[0], len, hex);
        Snapshot.Region r = mem.find(addr, Snapshot.Kind.BYTES);
        // strace's printstr_ex reads min(len, -s + 1) bytes with umoven, which fails as a whole when any of
        // them cannot be read: a capture that asked for that byte more and came back short is unreadable.
        long fetched = Math.min(size, opt.stringLimit() + 1L);
        boolean shortRead = r != null && !r.complete() && r.data().length < fetched;
        if (r == null || !r.readable() || r.data().length < needed || shortRead) {
            // Under -s 0 strace prints ""... whatever the address: the timeline's extra copy must not change that.
            boolean sZero = opt.stringLimit() == 0 && len != 0;
            return sZero ? Value.Str.buffer(new byte[0], len, hex) : new Value.Unreadable(addr);
        }
        byte[] d = r.data();
        // A region read for a longer use of the same address holds bytes beyond this buffer.
        if (len >= 0 && d.length > len) d = java.util.Arrays.copyOf(d, (int) len);
        return Value.Str.buffer(d, len, hex).at(addr);
    }
}
