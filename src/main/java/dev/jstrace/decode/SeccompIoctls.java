package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The seccomp user-notification requests (linux/seccomp.h) as strace's seccomp_ioctl
 * (src/seccomp_ioctl.c) prints them: the notification a supervisor receives (printed at
 * entry too unless the buffer is all zero, then {@code =>} and the kernel's), the
 * response it sends, the fd it adds, and the id it checks.
 */
final class SeccompIoctls implements IoctlFamily {
    private static final long RECV = IoctlRequests.code("SECCOMP_IOCTL_NOTIF_RECV"),
            SEND = IoctlRequests.code("SECCOMP_IOCTL_NOTIF_SEND"),
            ID_VALID = IoctlRequests.code("SECCOMP_IOCTL_NOTIF_ID_VALID"),
            ADDFD = IoctlRequests.code("SECCOMP_IOCTL_NOTIF_ADDFD"),
            /** strace's SECCOMP_IOR(2, __u64): the id check as older headers numbered it. */
            ID_VALID_WRONG_DIR = (long) IoctlRequests.IOC_READ << 30 | 8L << 16 | '!' << 8 | 2;
    /** struct seccomp_notif, seccomp_notif_resp, seccomp_notif_addfd. */
    private static final int NOTIF = 80, RESP = 24, ADDFD_SIZE = 24;

    static final ConstTable RESP_FLAGS = ConstTable.flags("SECCOMP_USER_NOTIF_FLAG_???",
            "SECCOMP_USER_NOTIF_FLAG_CONTINUE");
    static final ConstTable ADDFD_FLAGS = ConstTable.flags("SECCOMP_ADDFD_FLAG_???",
            "SECCOMP_ADDFD_FLAG_SETFD SECCOMP_ADDFD_FLAG_SEND");
    /** AUDIT_ARCH_* (linux/audit.h), every one the headers define. */
    static final ConstTable AUDIT_ARCHES = auditArches();

    private static ConstTable auditArches() {
        StringBuilder names = new StringBuilder();
        for (dev.jstrace.arch.gen.Constants.Named n : dev.jstrace.arch.gen.Constants.AUDIT_ARCHES) {
            names.append(n.name()).append(' ');
        }
        return ConstTable.enumHex("AUDIT_ARCH_???", names.toString());
    }

    @Override
    public boolean decodes(long req) {
        return req == RECV || req == SEND || req == ID_VALID || req == ADDFD || req == ID_VALID_WRONG_DIR;
    }

    private static int size(long req) {
        return req == RECV ? NOTIF : req == SEND ? RESP : req == ADDFD ? ADDFD_SIZE : 8;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        Snapshot.Region r = mem.bytes(arg, size(req));
        if (req == ADDFD && opt.capturesFdPaths() && r.readable() && r.data().length >= ADDFD_SIZE) {
            mem.fdPath(MemoryView.s32(r.data(), 12));
        }
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && req == RECV) mem.bytes(arg, NOTIF);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        byte[] in = IoctlFields.struct(c.in, a, size(req));
        if (req != RECV) {
            if (in == null) return IoctlFields.addr(a);
            if (req == SEND) return resp(c, in);
            if (req == ADDFD) return addfd(c, in);
            return new Value.Array(List.of(new Value.Num(MemoryView.u64(in, 0), Value.Radix.HEX)), false);
        }
        if (in == null) return IoctlFields.addr(a);
        // An all-zero buffer (what a supervisor passes) is not printed at entry.
        String entry = IoctlFields.zero(in, 0, NOTIF) ? "" : c.text(notif(c, in)) + " => ";
        if (!c.returned) return new Value.Text(entry);
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, NOTIF) : null;
        return new Value.Text(entry + c.text(out == null ? IoctlFields.addr(a) : notif(c, out)));
    }

    private static Value notif(CallContext c, byte[] b) {
        List<Value.Field> data = new ArrayList<>();
        data.add(new Value.Field("nr", syscallName(c, MemoryView.u32(b, 16), (int) MemoryView.u32(b, 20))));
        data.add(IoctlFields.flags32("arch", AUDIT_ARCHES, b, 20));
        data.add(new Value.Field("instruction_pointer", new Value.Ptr(MemoryView.u64(b, 24))));
        List<Value> args = new ArrayList<>(6);
        for (int i = 0; i < 6; i++) args.add(new Value.Num(MemoryView.u64(b, 32 + 8 * i), Value.Radix.HEX));
        data.add(new Value.Field("args", new Value.Array(args, false)));
        return IoctlFields.struct(List.of(IoctlFields.x64("id", b, 0),
                new Value.Field("pid", c.pid(MemoryView.s32(b, 8), PidNamespaces.Kind.TGID)),
                IoctlFields.x32("flags", b, 12), new Value.Field("data", IoctlFields.struct(data))));
    }

    /**
     * strace's PRINT_FIELD_SYSCALL_NAME: for the traced ABI's own audit arch, {@code __NR_gettid}
     * (the number, then the name in a comment, under {@code -X verbose}; the number under raw);
     * the number alone for an arch or number jstrace has no table for.
     */
    private static Value syscallName(CallContext c, long nr, int auditArch) {
        Value num = new Value.Num(nr, Value.Radix.UDEC);
        Arch arch = Arch.fromAudit(auditArch);
        String name = arch == c.arch && nr < Integer.MAX_VALUE ? arch.syscallName((int) nr) : null;
        if (name == null) return num;
        return new Value.Sym(nr, Value.Radix.UDEC, List.of("__NR_" + name), 0, null);
    }

    private static Value resp(CallContext c, byte[] b) {
        int error = MemoryView.s32(b, 16);
        Errno e = error < 0 ? new Errno(-error) : null;
        Value err = e != null && e.known()
                ? new Value.Sym(error, Value.Radix.DEC, List.of("-" + e.name()), 0, null)
                : new Value.Num(error, Value.Radix.DEC);
        return IoctlFields.struct(List.of(IoctlFields.x64("id", b, 0), IoctlFields.s64("val", b, 8),
                new Value.Field("error", err), IoctlFields.flags32("flags", RESP_FLAGS, b, 20)));
    }

    private static Value addfd(CallContext c, byte[] b) {
        return IoctlFields.struct(List.of(IoctlFields.x64("id", b, 0), IoctlFields.flags32("flags", ADDFD_FLAGS, b, 8),
                new Value.Field("srcfd", c.fd(MemoryView.s32(b, 12))), IoctlFields.s32("newfd", b, 16),
                new Value.Field("newfd_flags", c.sym(Constants.openFlags(c.arch), MemoryView.u32(b, 20)))));
    }
}
