package dev.jstrace.decode;

import static dev.jstrace.decode.DeclaredIoctls.d;
import static dev.jstrace.decode.DeclaredIoctls.f;
import static dev.jstrace.decode.DeclaredIoctls.u;
import static dev.jstrace.decode.DeclaredIoctls.x;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * SG_IO's two headers as strace 6.1's src/sg_io_v3.c (struct sg_io_hdr, interface id 'S') and
 * src/sg_io_v4.c (struct sg_io_v4, guard 'Q') print them: the request's fields at entry, then,
 * read again after the call whatever it returned, the response's (the data read from the
 * device cut by the residue, the sense buffer); when the header cannot be read after the call,
 * the pointers strace kept from entry. Buffers print in hex, or as iovecs when the header says.
 */
final class SgIoHeaders {
    private SgIoHeaders() {}

    /** {@code struct sg_io_hdr} (scsi/sg.h). */
    static final StructLayout V3 = structLayout(JAVA_INT.withName("interface_id"),
            JAVA_INT.withName("dxfer_direction"), JAVA_BYTE.withName("cmd_len"), JAVA_BYTE.withName("mx_sb_len"),
            JAVA_SHORT.withName("iovec_count"), JAVA_INT.withName("dxfer_len"), JAVA_LONG.withName("dxferp"),
            JAVA_LONG.withName("cmdp"), JAVA_LONG.withName("sbp"), JAVA_INT.withName("timeout"),
            JAVA_INT.withName("flags"), JAVA_INT.withName("pack_id"), paddingLayout(4), JAVA_LONG.withName("usr_ptr"),
            JAVA_BYTE.withName("status"), JAVA_BYTE.withName("masked_status"), JAVA_BYTE.withName("msg_status"),
            JAVA_BYTE.withName("sb_len_wr"), JAVA_SHORT.withName("host_status"),
            JAVA_SHORT.withName("driver_status"), JAVA_INT.withName("resid"), JAVA_INT.withName("duration"),
            JAVA_INT.withName("info"), paddingLayout(4)).withName("struct sg_io_hdr");
    /** {@code struct sg_io_v4} (linux/bsg.h). */
    static final StructLayout V4 = structLayout(JAVA_INT.withName("guard"), JAVA_INT.withName("protocol"),
            JAVA_INT.withName("subprotocol"), JAVA_INT.withName("request_len"), JAVA_LONG.withName("request"),
            JAVA_LONG.withName("request_tag"), JAVA_INT.withName("request_attr"),
            JAVA_INT.withName("request_priority"), JAVA_INT.withName("request_extra"),
            JAVA_INT.withName("max_response_len"), JAVA_LONG.withName("response"),
            JAVA_INT.withName("dout_iovec_count"), JAVA_INT.withName("dout_xfer_len"),
            JAVA_INT.withName("din_iovec_count"), JAVA_INT.withName("din_xfer_len"), JAVA_LONG.withName("dout_xferp"),
            JAVA_LONG.withName("din_xferp"), JAVA_INT.withName("timeout"), JAVA_INT.withName("flags"),
            JAVA_LONG.withName("usr_ptr"), JAVA_INT.withName("spare_in"), JAVA_INT.withName("driver_status"),
            JAVA_INT.withName("transport_status"), JAVA_INT.withName("device_status"),
            JAVA_INT.withName("retry_delay"), JAVA_INT.withName("info"), JAVA_INT.withName("duration"),
            JAVA_INT.withName("response_len"), JAVA_INT.withName("din_resid"), JAVA_INT.withName("dout_resid"),
            JAVA_LONG.withName("generated_tag"), JAVA_INT.withName("spare_out"),
            JAVA_INT.withName("padding")).withName("struct sg_io_v4");

    /** The layouts with their headers, for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(
            new CallStructLayouts.Declared(V3, "#include <scsi/sg.h>\n"),
            new CallStructLayouts.Declared(V4, "#include <linux/bsg.h>\n"));

    private static final int V3_SIZE = StructLayouts.size(V3), V4_SIZE = StructLayouts.size(V4);
    /** Where the fields after the interface id (the guard) begin: strace reads from there. */
    private static final int V3_SKIP = StructLayouts.offset(V3, "dxfer_direction"),
            V4_SKIP = StructLayouts.offset(V4, "protocol");

    /** src/xlat/sg_io_dxfer_direction.in, sg_io_flags.in, sg_io_info.in, bsg_*.in. */
    static final ConstTable DIRECTIONS = ConstTable.enumHex("SG_DXFER_???", "SG_DXFER_NONE SG_DXFER_TO_DEV"
            + " SG_DXFER_FROM_DEV SG_DXFER_TO_FROM_DEV");
    static final ConstTable FLAGS = ConstTable.flags("SG_FLAG_???", "SG_FLAG_DIRECT_IO SG_FLAG_UNUSED_LUN_INHIBIT"
            + " SG_FLAG_MMAP_IO SG_FLAG_NO_DXFER SG_FLAG_Q_AT_TAIL SG_FLAG_Q_AT_HEAD");
    static final ConstTable INFO = ConstTable.flags("SG_INFO_???", "SG_INFO_CHECK SG_INFO_DIRECT_IO SG_INFO_MIXED_IO");
    static final ConstTable PROTOCOLS = ConstTable.enumHex("BSG_PROTOCOL_???", "BSG_PROTOCOL_SCSI");
    static final ConstTable SUBPROTOCOLS = ConstTable.enumHex("BSG_SUB_PROTOCOL_???", "BSG_SUB_PROTOCOL_SCSI_CMD"
            + " BSG_SUB_PROTOCOL_SCSI_TMF BSG_SUB_PROTOCOL_SCSI_TRANSPORT");
    static final ConstTable BSG_FLAGS = ConstTable.flags("BSG_FLAG_???", "BSG_FLAG_Q_AT_TAIL BSG_FLAG_Q_AT_HEAD");
    private static final long TO_DEV = HeaderValues.common("SG_DXFER_TO_DEV"),
            FROM_DEV = HeaderValues.common("SG_DXFER_FROM_DEV"), TO_FROM_DEV = HeaderValues.common("SG_DXFER_TO_FROM_DEV");

    private static long m(StructLayout l, String name, byte[] b) {
        return Member.of(l, name).u(b);
    }

    private static long s(StructLayout l, String name, byte[] b) {
        return Member.of(l, name).s(b);
    }

    /**
     * Copies what SG_IO's argument holds (at entry, and again at exit): as much as the larger header
     * (its interface id first, whichever it is), then for 'S' or 'Q' the buffers the header points at.
     */
    static void capture(long arg, boolean exit, TraceeMemory mem, DecodeOptions opt) {
        Snapshot.Region r = mem.bytes(arg, Math.max(V3_SIZE, V4_SIZE));
        if (!r.readable() || r.data().length < 4) return;
        long iid = MemoryView.u32(r.data(), 0);
        boolean v3 = iid == 'S';
        if (!v3 && iid != 'Q') return;
        byte[] b = r.data().length >= (v3 ? V3_SIZE : V4_SIZE) ? r.data().clone() : null;
        if (b == null) return;
        if (v3) {
            long dir = s(V3, "dxfer_direction", b), len = m(V3, "dxfer_len", b), iov = m(V3, "iovec_count", b);
            if (!exit) {
                buffer(mem, m(V3, "cmdp", b), m(V3, "cmd_len", b), 0, opt);
                if (dir == TO_DEV || dir == TO_FROM_DEV) buffer(mem, m(V3, "dxferp", b), len, iov, opt);
            } else {
                if (dir == FROM_DEV || dir == TO_FROM_DEV) buffer(mem, m(V3, "dxferp", b), len, iov, opt);
                buffer(mem, m(V3, "sbp", b), m(V3, "sb_len_wr", b), 0, opt);
            }
        } else if (!exit) {
            buffer(mem, m(V4, "request", b), m(V4, "request_len", b), 0, opt);
            buffer(mem, m(V4, "dout_xferp", b), m(V4, "dout_xfer_len", b), m(V4, "dout_iovec_count", b), opt);
        } else {
            buffer(mem, m(V4, "response", b), m(V4, "response_len", b), 0, opt);
            buffer(mem, m(V4, "din_xferp", b), m(V4, "din_xfer_len", b), m(V4, "din_iovec_count", b), opt);
        }
    }

    /** A buffer of {@code len} bytes (up to -s), or the iovecs' data, {@code len} bytes in all. */
    private static void buffer(TraceeMemory mem, long addr, long len, long iovecs, DecodeOptions opt) {
        if (addr == 0) return;
        if (iovecs == 0) {
            if (len > 0) mem.bytes(addr, (int) Math.min(len, opt.captureLimit()));
            return;
        }
        int size = StructLayouts.size(StructLayouts.IOVEC);
        long shown = ArrayDecoder.captureCount(opt, iovecs);
        Snapshot.Region r = mem.bytes(addr, (int) (size * shown));
        if (!r.readable()) return;
        byte[] d = r.data().clone();
        long left = len;
        for (int k = 0; k < shown && size * k + size <= d.length; k++) {
            long l = MemoryView.u64(d, size * k + StructLayouts.IOV_LEN);
            long data = Long.compareUnsigned(l, left) > 0 ? left : l;
            left -= data;
            if (data > 0) mem.bytes(MemoryView.u64(d, size * k + StructLayouts.IOV_BASE), (int) Math.min(data,
                    opt.captureLimit()));
        }
    }

    private static Value buffer(CallContext c, Snapshot mem, long addr, long len, long iovecs) {
        if (iovecs != 0) return StructDecoders.iovec(c, mem, addr, iovecs, len, false);
        return c.buffer(mem, addr, len, true);
    }

    /** The header as strace prints it: {@code iid} is the 'S' or 'Q' read at entry. */
    static Value decode(CallContext c, long iid, long a) {
        boolean v3 = iid == 'S';
        List<Value.Field> fs = new ArrayList<>(32);
        fs.add(f(v3 ? "interface_id" : "guard", new Value.Text(v3 ? "'S'" : "'Q'")));
        byte[] in = IoctlFields.struct(c.in, a, v3 ? V3_SIZE : V4_SIZE);
        if (in == null) {
            fs.add(new Value.Field(null, new Value.Ptr(a + (v3 ? V3_SKIP : V4_SKIP))));
            return new Value.Struct(fs, false);
        }
        if (v3) request3(c, in, fs);
        else request4(c, in, fs);
        if (!c.returned) {
            // The entry's part: the struct stays open until the exit's fields complete it.
            String t = c.text(new Value.Struct(fs, false));
            return new Value.Text(t.substring(0, t.length() - 1));
        }
        byte[] out = IoctlFields.struct(c.out, a, v3 ? V3_SIZE : V4_SIZE);
        if (out == null) {
            if (v3) {
                if (s(V3, "dxfer_direction", in) == FROM_DEV) fs.add(f("dxferp", new Value.Ptr(m(V3, "dxferp", in))));
                fs.add(f("sbp", new Value.Ptr(m(V3, "sbp", in))));
            } else {
                fs.add(f("response", x(m(V4, "response", in))));
                fs.add(f("din_xferp", x(m(V4, "din_xferp", in))));
            }
            return new Value.Struct(fs, false);
        }
        String id = v3 ? "interface_id" : "guard";
        long outId = m(v3 ? V3 : V4, id, out);
        if (outId != iid) {
            // tprint_value_changed: " => interface_id=N" after the request's last field.
            Value.Field last = fs.removeLast();
            fs.add(f(last.name(), new Value.Text(c.text(last.value()) + " => " + id + "=" + outId)));
            return new Value.Struct(fs, false);
        }
        if (v3) response3(c, out, fs);
        else response4(c, out, fs);
        return new Value.Struct(fs, false);
    }

    private static void request3(CallContext c, byte[] b, List<Value.Field> fs) {
        long dir = s(V3, "dxfer_direction", b);
        Value.Sym named = DIRECTIONS.sym(dir);
        fs.add(f("dxfer_direction", new Value.Sym(dir & 0xffffffffL, named.radix(), named.names(), 0, named.unknown())));
        fs.add(f("cmd_len", u(m(V3, "cmd_len", b))));
        fs.add(f("cmdp", buffer(c, c.in, m(V3, "cmdp", b), m(V3, "cmd_len", b), 0)));
        fs.add(f("mx_sb_len", u(m(V3, "mx_sb_len", b))));
        fs.add(f("iovec_count", u(m(V3, "iovec_count", b))));
        fs.add(f("dxfer_len", u(m(V3, "dxfer_len", b))));
        fs.add(f("timeout", u(m(V3, "timeout", b))));
        fs.add(f("flags", FLAGS.sym(m(V3, "flags", b))));
        if (dir == TO_DEV || dir == TO_FROM_DEV) {
            fs.add(f("dxferp", buffer(c, c.in, m(V3, "dxferp", b), m(V3, "dxfer_len", b), m(V3, "iovec_count", b))));
        }
    }

    private static void response3(CallContext c, byte[] b, List<Value.Field> fs) {
        long dir = s(V3, "dxfer_direction", b);
        if (dir == FROM_DEV || dir == TO_FROM_DEV) {
            long din = m(V3, "dxfer_len", b), resid = s(V3, "resid", b);
            if (resid > 0 && resid <= din) din -= resid;
            Value data = buffer(c, c.out, m(V3, "dxferp", b), din, m(V3, "iovec_count", b));
            if (dir == FROM_DEV) {
                fs.add(f("dxferp", data));
            } else if (din != 0) {
                Value.Field last = fs.removeLast();
                fs.add(f(last.name(), new Value.Text(c.text(last.value()) + " => dxferp=" + c.text(data))));
            }
        }
        fs.add(f("status", x(m(V3, "status", b))));
        fs.add(f("masked_status", x(m(V3, "masked_status", b))));
        fs.add(f("msg_status", x(m(V3, "msg_status", b))));
        fs.add(f("sb_len_wr", u(m(V3, "sb_len_wr", b))));
        fs.add(f("sbp", buffer(c, c.out, m(V3, "sbp", b), m(V3, "sb_len_wr", b), 0)));
        fs.add(f("host_status", x(m(V3, "host_status", b))));
        fs.add(f("driver_status", x(m(V3, "driver_status", b))));
        fs.add(f("resid", d(s(V3, "resid", b))));
        fs.add(f("duration", u(m(V3, "duration", b))));
        fs.add(f("info", INFO.sym(m(V3, "info", b))));
    }

    private static void request4(CallContext c, byte[] b, List<Value.Field> fs) {
        fs.add(f("protocol", PROTOCOLS.sym(m(V4, "protocol", b))));
        fs.add(f("subprotocol", SUBPROTOCOLS.sym(m(V4, "subprotocol", b))));
        fs.add(f("request_len", u(m(V4, "request_len", b))));
        fs.add(f("request", buffer(c, c.in, m(V4, "request", b), m(V4, "request_len", b), 0)));
        fs.add(f("request_tag", x(m(V4, "request_tag", b))));
        for (String n : List.of("request_attr", "request_priority", "request_extra", "max_response_len",
                "dout_iovec_count", "dout_xfer_len", "din_iovec_count", "din_xfer_len")) {
            fs.add(f(n, u(m(V4, n, b))));
        }
        fs.add(f("dout_xferp", buffer(c, c.in, m(V4, "dout_xferp", b), m(V4, "dout_xfer_len", b),
                m(V4, "dout_iovec_count", b))));
        fs.add(f("timeout", u(m(V4, "timeout", b))));
        fs.add(f("flags", BSG_FLAGS.sym(m(V4, "flags", b))));
        fs.add(f("usr_ptr", x(m(V4, "usr_ptr", b))));
    }

    private static void response4(CallContext c, byte[] b, List<Value.Field> fs) {
        fs.add(f("response_len", u(m(V4, "response_len", b))));
        fs.add(f("response", buffer(c, c.out, m(V4, "response", b), m(V4, "response_len", b), 0)));
        long din = m(V4, "din_xfer_len", b), resid = s(V4, "din_resid", b);
        if (resid > 0 && resid <= din) din -= resid;
        fs.add(f("din_xferp", buffer(c, c.out, m(V4, "din_xferp", b), din, m(V4, "din_iovec_count", b))));
        fs.add(f("driver_status", x(m(V4, "driver_status", b))));
        fs.add(f("transport_status", x(m(V4, "transport_status", b))));
        fs.add(f("device_status", x(m(V4, "device_status", b))));
        fs.add(f("retry_delay", u(m(V4, "retry_delay", b))));
        fs.add(f("info", INFO.sym(m(V4, "info", b))));
        fs.add(f("duration", u(m(V4, "duration", b))));
        fs.add(f("response_len", u(m(V4, "response_len", b))));
        fs.add(f("din_resid", d(s(V4, "din_resid", b))));
        fs.add(f("dout_resid", d(s(V4, "dout_resid", b))));
        fs.add(f("generated_tag", x(m(V4, "generated_tag", b))));
    }
}
