package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * clone as strace 6.1 prints it (src/clone.c): {@code child_stack} and {@code flags} at entry; at exit
 * the parent's tid the kernel stored ({@code parent_tid=[1234]}, or the pidfd under CLONE_PIDFD,
 * {@code [4<anon_inode:[pidfd]>]} with {@code -y}), then {@code tls} and {@code child_tidptr}, each only
 * when a flag asks for it. The arguments' registers are the arch's ({@link Arch#cloneRegister}).
 */
final class CloneFormat implements CallFormat {
    private static final long PARENT_SETTID = HeaderValues.common("CLONE_PARENT_SETTID");
    private static final long PIDFD = HeaderValues.common("CLONE_PIDFD");
    private static final long SETTLS = HeaderValues.common("CLONE_SETTLS");
    private static final long CHILD_TID = HeaderValues.common("CLONE_CHILD_SETTID")
            | HeaderValues.common("CLONE_CHILD_CLEARTID");

    private static long reg(Arch arch, long[] args, int logical) {
        int r = SignatureCatalog.cloneRegister(arch, logical);
        return r < args.length ? args[r] : 0;
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        long flags = reg(arch, args, 0), ptid = reg(arch, args, 2);
        if ((flags & (PARENT_SETTID | PIDFD)) == 0 || ptid == 0) return;
        byte[] b = mem.bytes(ptid, Integer.BYTES).data();
        if ((flags & PARENT_SETTID) == 0 && opt.capturesFdPaths() && b.length == Integer.BYTES) {
            mem.fdPath(MemoryView.s32(b, 0));
        }
    }

    @Override
    public Decoded decode(CallContext c) {
        long flags = c.arg(SignatureCatalog.cloneRegister(c.arch, 0));
        List<Value> out = new ArrayList<>(5);
        out.add(new Value.Named("child_stack", new Value.Ptr(c.arg(SignatureCatalog.cloneRegister(c.arch, 1)))));
        out.add(new Value.Named("flags",
                ArgDecoder.decode(ArgType.CLONE_FLAGS, SignatureCatalog.cloneRegister(c.arch, 0), c)));
        if ((flags & (PARENT_SETTID | PIDFD)) != 0) {
            long ptid = c.arg(SignatureCatalog.cloneRegister(c.arch, 2));
            out.add(new Value.Named("parent_tid", parentTid(c, flags, ptid)));
        }
        if ((flags & SETTLS) != 0) {
            out.add(new Value.Named("tls", new Value.Ptr(c.arg(SignatureCatalog.cloneRegister(c.arch, 4)))));
        }
        if ((flags & CHILD_TID) != 0) {
            out.add(new Value.Named("child_tidptr", new Value.Ptr(c.arg(SignatureCatalog.cloneRegister(c.arch, 3)))));
        }
        return new Decoded(out, 2, null);
    }

    /** strace's printnum_pid / printnum_fd: what the kernel stored, the address when it did not. */
    private static Value parentTid(CallContext c, long flags, long ptid) {
        if (ptid == 0) return new Value.Ptr(0);
        byte[] b = c.succeeded() ? MemoryView.struct(c.out, ptid, Integer.BYTES) : null;
        if (b == null) return new Value.Ptr(ptid);
        int v = MemoryView.s32(b, 0);
        Value item = (flags & PARENT_SETTID) != 0 ? c.pid(v, PidNamespaces.Kind.TID) : c.fdAtExit(v);
        return new Value.Array(List.of(item), false);
    }
}
