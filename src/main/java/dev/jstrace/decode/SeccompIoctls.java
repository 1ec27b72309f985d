package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
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
    /** {@code struct seccomp_notif} (linux/seccomp.h) with its seccomp_data: what NOTIF_RECV fills in. */
    static final StructLayout SECCOMP_NOTIF = structLayout(JAVA_LONG.withName("id"), JAVA_INT.withName("pid"),
            JAVA_INT.withName("flags"), structLayout(JAVA_INT.withName("nr"), JAVA_INT.withName("arch"),
                    JAVA_LONG.withName("instruction_pointer"), sequenceLayout(6, JAVA_LONG).withName("args"))
                    .withName("data")).withName("struct seccomp_notif");
    /** {@code struct seccomp_notif_resp}: NOTIF_SEND's answer. */
    static final StructLayout SECCOMP_NOTIF_RESP = structLayout(JAVA_LONG.withName("id"), JAVA_LONG.withName("val"),
            JAVA_INT.withName("error"), JAVA_INT.withName("flags")).withName("struct seccomp_notif_resp");
    /** {@code struct seccomp_notif_addfd}: NOTIF_ADDFD's fd. */
    static final StructLayout SECCOMP_NOTIF_ADDFD = structLayout(JAVA_LONG.withName("id"), JAVA_INT.withName("flags"),
            JAVA_INT.withName("srcfd"), JAVA_INT.withName("newfd"), JAVA_INT.withName("newfd_flags"))
            .withName("struct seccomp_notif_addfd");
    private static final int NOTIF = StructLayouts.size(SECCOMP_NOTIF), RESP = StructLayouts.size(SECCOMP_NOTIF_RESP),
            ADDFD_SIZE = StructLayouts.size(SECCOMP_NOTIF_ADDFD);
    private static final Member N_ID = Member.of(SECCOMP_NOTIF, "id"), N_PID = Member.of(SECCOMP_NOTIF, "pid"),
            N_FLAGS = Member.of(SECCOMP_NOTIF, "flags"), N_NR = Member.of(SECCOMP_NOTIF, "data.nr"),
            N_ARCH = Member.of(SECCOMP_NOTIF, "data.arch"), N_IP = Member.of(SECCOMP_NOTIF, "data.instruction_pointer"),
            N_ARGS = Member.of(SECCOMP_NOTIF, "data.args");
    private static final Member R_ID = Member.of(SECCOMP_NOTIF_RESP, "id"), R_VAL = Member.of(SECCOMP_NOTIF_RESP, "val"),
            R_ERROR = Member.of(SECCOMP_NOTIF_RESP, "error"), R_FLAGS = Member.of(SECCOMP_NOTIF_RESP, "flags");
    private static final Member A_ID = Member.of(SECCOMP_NOTIF_ADDFD, "id"),
            A_FLAGS = Member.of(SECCOMP_NOTIF_ADDFD, "flags"), A_SRCFD = Member.of(SECCOMP_NOTIF_ADDFD, "srcfd"),
            A_NEWFD = Member.of(SECCOMP_NOTIF_ADDFD, "newfd"), A_NEWFD_FLAGS = Member.of(SECCOMP_NOTIF_ADDFD, "newfd_flags");
    /** NOTIF_ID_VALID's argument: a __u64 id through the pointer. */
    private static final int ID = Long.BYTES;

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
    public List<CallStructLayouts.Declared> layouts() {
        return List.of(new CallStructLayouts.Declared(SECCOMP_NOTIF, "#include <linux/seccomp.h>\n"),
                new CallStructLayouts.Declared(SECCOMP_NOTIF_RESP, "#include <linux/seccomp.h>\n"),
                new CallStructLayouts.Declared(SECCOMP_NOTIF_ADDFD, "#include <linux/seccomp.h>\n"));
    }

    @Override
    public boolean decodes(long req) {
        return req == RECV || req == SEND || req == ID_VALID || req == ADDFD || req == ID_VALID_WRONG_DIR;
    }

    private static int size(long req) {
        return req == RECV ? NOTIF : req == SEND ? RESP : req == ADDFD ? ADDFD_SIZE : ID;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        Snapshot.Region r = mem.bytes(arg, size(req));
        if (req == ADDFD && opt.capturesFdPaths() && r.readable() && r.data().length >= ADDFD_SIZE) {
            mem.fdPath((int) A_SRCFD.s(r.data()));
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
        data.add(new Value.Field("nr", syscallName(c, N_NR.u(b), (int) N_ARCH.u(b))));
        data.add(IoctlFields.flags("arch", AUDIT_ARCHES, b, N_ARCH));
        data.add(new Value.Field("instruction_pointer", new Value.Ptr(N_IP.u(b))));
        int count = N_ARGS.size() / Long.BYTES;
        List<Value> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(new Value.Num(N_ARGS.element(JAVA_LONG, i).u(b), Value.Radix.HEX));
        }
        data.add(new Value.Field("args", new Value.Array(args, false)));
        return IoctlFields.struct(List.of(IoctlFields.x("id", b, N_ID),
                new Value.Field("pid", c.pid((int) N_PID.s(b), PidNamespaces.Kind.TGID)),
                IoctlFields.x("flags", b, N_FLAGS), new Value.Field("data", IoctlFields.struct(data))));
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
        int error = (int) R_ERROR.s(b);
        Errno e = error < 0 ? new Errno(-error) : null;
        Value err = e != null && e.known()
                ? new Value.Sym(error, Value.Radix.DEC, List.of("-" + e.name()), 0, null)
                : new Value.Num(error, Value.Radix.DEC);
        return IoctlFields.struct(List.of(IoctlFields.x("id", b, R_ID), IoctlFields.d("val", b, R_VAL),
                new Value.Field("error", err), IoctlFields.flags("flags", RESP_FLAGS, b, R_FLAGS)));
    }

    private static Value addfd(CallContext c, byte[] b) {
        return IoctlFields.struct(List.of(IoctlFields.x("id", b, A_ID), IoctlFields.flags("flags", ADDFD_FLAGS, b, A_FLAGS),
                new Value.Field("srcfd", c.fd((int) A_SRCFD.s(b))), IoctlFields.d("newfd", b, A_NEWFD),
                new Value.Field("newfd_flags", c.sym(Constants.openFlags(c.arch), A_NEWFD_FLAGS.u(b)))));
    }
}
