package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.s32;
import static dev.jstrace.decode.MemoryView.u32;
import static dev.jstrace.decode.MemoryView.u64;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * struct msghdr as strace 6.1's print_struct_msghdr (msghdr.c) prints it: the name cut to the
 * length the caller gave, {@code msg_namelen=110 => 36}, the iovecs up to the data size, and the
 * control messages (decode_msg_control) with SOL_SOCKET's and SOL_IP's payloads decoded.
 */
final class MsghdrDecoder {
    /** sizeof(struct cmsghdr) on a 64-bit tracee, and the word a message is aligned to. */
    private static final int CMSG = MsghdrLayouts.CMSG_SIZE, WORD = 8;
    static final int SOL_SOCKET = (int) HeaderValues.common("SOL_SOCKET");
    static final ConstTable SCM = ConstTable.enumHex("SCM_???", """
            SCM_RIGHTS SCM_CREDENTIALS SCM_SECURITY SO_WIFI_STATUS SO_TXTIME SO_TIMESTAMP_OLD SO_TIMESTAMPNS_OLD
            SO_TIMESTAMPING_OLD SO_TIMESTAMP_NEW SO_TIMESTAMPNS_NEW SO_TIMESTAMPING_NEW SCM_TIMESTAMPING_OPT_STATS
            SCM_TIMESTAMPING_PKTINFO""");
    static final ConstTable IP_CMSG = ConstTable.enumHex("IP_???", """
            IP_TOS IP_TTL IP_RECVOPTS IP_RETOPTS IP_PKTINFO IP_RECVERR IP_ORIGDSTADDR IP_CHECKSUM SCM_SECURITY""");
    private static final int SCM_RIGHTS = v("SCM_RIGHTS"), SCM_CREDENTIALS = v("SCM_CREDENTIALS"),
            SCM_SECURITY = v("SCM_SECURITY"), TS_OLD = v("SO_TIMESTAMP_OLD"), TSNS_OLD = v("SO_TIMESTAMPNS_OLD"),
            TSING_OLD = v("SO_TIMESTAMPING_OLD"), TS_NEW = v("SO_TIMESTAMP_NEW"), TSNS_NEW = v("SO_TIMESTAMPNS_NEW"),
            TSING_NEW = v("SO_TIMESTAMPING_NEW"), IP_TOS = v("IP_TOS"), IP_TTL = v("IP_TTL"),
            IP_RECVOPTS = v("IP_RECVOPTS"), IP_RETOPTS = v("IP_RETOPTS"), IP_PKTINFO = v("IP_PKTINFO"),
            IP_RECVERR = v("IP_RECVERR"), IP_ORIGDSTADDR = v("IP_ORIGDSTADDR"), IP_CHECKSUM = v("IP_CHECKSUM");
    /** The 64-bit timeval and timespec the SO_TIMESTAMP* messages carry (their second fields at one offset). */
    private static final int TIMEVAL_SIZE = StructLayouts.size(StructLayouts.TIMEVAL),
            TIMESPEC_SIZE = StructLayouts.size(StructLayouts.TIMESPEC);
    private static final StructLayouts.Member TV_SEC = StructLayouts.Member.of(StructLayouts.TIMESPEC, "tv_sec"),
            TV_FRAC = StructLayouts.Member.of(StructLayouts.TIMESPEC, "tv_nsec");
    private static volatile int optmemMax;

    private MsghdrDecoder() {}

    private static int v(String name) {
        return (int) HeaderValues.common(name);
    }

    /** get_optmem_max: net.core.optmem_max rounded up to 8, else strace's fallback; the most control read. */
    static int optmemMax() {
        int m = optmemMax;
        if (m == 0) {
            try {
                // A stream, not Files.readString: /proc reports a size of 0 and readString stops early.
                try (var in = Files.newInputStream(Path.of("/proc/sys/net/core/optmem_max"))) {
                    m = Integer.parseInt(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim());
                }
            } catch (Exception e) {
                m = 0;
            }
            m = m <= 0 ? 8 * (2 * 1024 + 512) : (m + 7) & ~7;
            optmemMax = m;
        }
        return m;
    }

    /** What printing a msghdr reads: the name, the iovecs' data, the control buffer (and under -y its fds). */
    static void capture(TraceeMemory mem, byte[] region, boolean fdPaths, CaptureIovecs iovecs) {
        byte[] d = region.clone(); // a region is reused by the next read
        long name = u64(d, StructLayouts.MSG_NAME);
        int namelen = s32(d, StructLayouts.MSG_NAMELEN);
        if (name != 0) mem.bytes(name, Math.min(Math.max(namelen, 0), SockaddrDecoder.STORAGE));
        iovecs.capture(u64(d, StructLayouts.MSG_IOV), u64(d, StructLayouts.MSG_IOVLEN));
        long control = u64(d, StructLayouts.MSG_CONTROL), len = u64(d, StructLayouts.MSG_CONTROLLEN);
        if (control == 0 || len < CMSG) return;
        var r = mem.bytes(control, (int) Math.min(len, optmemMax()));
        if (fdPaths && r != null && r.readable()) eachRights(r.data().clone(), mem::fdPath);
    }

    /** How a capture planner copies an msghdr's iovecs. */
    interface CaptureIovecs {
        /** Copies what {@code count} iovecs at {@code a} point at. */
        void capture(long a, long count);
    }

    private static void eachRights(byte[] b, java.util.function.IntConsumer fd) {
        for (int at = 0; at + CMSG <= b.length; ) {
            long len = MsghdrLayouts.CMSG_LEN.u(b, at);
            if ((int) MsghdrLayouts.CMSG_LEVEL.s(b, at) == SOL_SOCKET
                    && (int) MsghdrLayouts.CMSG_TYPE.s(b, at) == SCM_RIGHTS) {
                long end = Math.min(at + Math.max(len, 0), b.length);
                for (int p = at + CMSG; p + 4 <= end; p += 4) fd.accept(s32(b, p));
            }
            if (len < CMSG) break;
            long next = (len + WORD - 1) & ~(long) (WORD - 1);
            if (next >= b.length - at) break;
            at += (int) next;
        }
    }

    /**
     * print_struct_msghdr of the msghdr at {@code a}: {@code userNamelen} the length the caller gave
     * (recvmsg's, read at entry) or null, {@code dataSize} how much iovec data prints (-1: all).
     */
    static Value print(CallContext c, Snapshot mem, long a, Integer userNamelen, long dataSize) {
        byte[] b = MemoryView.struct(mem, a, StructLayouts.size(StructLayouts.MSGHDR));
        if (b == null) return a == 0 ? new Value.Ptr(0) : new Value.Unreadable(a);
        int namelen = s32(b, StructLayouts.MSG_NAMELEN);
        int shown = userNamelen != null && namelen > userNamelen ? userNamelen : namelen;
        long name = u64(b, StructLayouts.MSG_NAME);
        List<Value.Field> fs = new ArrayList<>(7);
        fs.add(new Value.Field("msg_name", SockaddrDecoder.decode(c, mem, name, shown)));
        String nl = userNamelen != null && userNamelen != namelen ? userNamelen + " => " + namelen : "" + namelen;
        fs.add(new Value.Field("msg_namelen", new Value.Text(nl)));
        long iov = u64(b, StructLayouts.MSG_IOV), iovlen = u64(b, StructLayouts.MSG_IOVLEN);
        fs.add(new Value.Field("msg_iov", StructDecoders.iovec(c, mem, iov, iovlen, dataSize, false)));
        fs.add(new Value.Field("msg_iovlen", new Value.Num(iovlen, Value.Radix.UDEC)));
        long control = u64(b, StructLayouts.MSG_CONTROL), controllen = u64(b, StructLayouts.MSG_CONTROLLEN);
        if (controllen != 0) fs.add(new Value.Field("msg_control", control(c, mem, control, controllen)));
        fs.add(new Value.Field("msg_controllen", new Value.Num(controllen, Value.Radix.UDEC)));
        fs.add(new Value.Field("msg_flags", c.sym(Constants.MSG_FLAGS, u32(b, StructLayouts.MSG_FLAGS))));
        return new Value.Struct(fs, false);
    }

    /** decode_msg_control: the control messages, {@code ...} past optmem_max, the address of a cut tail. */
    private static Value control(CallContext c, Snapshot mem, long addr, long inLen) {
        int controlLen = (int) Math.min(Long.compareUnsigned(inLen, optmemMax()) > 0 ? optmemMax() : inLen,
                Integer.MAX_VALUE);
        byte[] buf = controlLen < CMSG ? null : MemoryView.struct(mem, addr, controlLen);
        if (buf == null) return new Value.Ptr(addr);
        List<Value> items = new ArrayList<>();
        int at = 0, left = controlLen;
        while (left >= CMSG) {
            long cmsgLen = MsghdrLayouts.CMSG_LEN.u(buf, at);
            int level = (int) MsghdrLayouts.CMSG_LEVEL.s(buf, at), type = (int) MsghdrLayouts.CMSG_TYPE.s(buf, at);
            List<Value.Field> fs = new ArrayList<>(4);
            fs.add(new Value.Field("cmsg_len", new Value.Text(Long.toUnsignedString(cmsgLen))));
            fs.add(new Value.Field("cmsg_level", c.sym(SockoptValues.LEVELS_CMSG, level & 0xffffffffL)));
            long len = Long.compareUnsigned(cmsgLen, left) > 0 ? left : cmsgLen;
            int dataLen = len > CMSG ? (int) (len - CMSG) : 0;
            typeAndData(c, level, type, Arrays.copyOfRange(buf, at + CMSG, at + CMSG + dataLen), mem == c.out, fs);
            items.add(new Value.Struct(fs, false));
            if (len < CMSG) {
                left -= CMSG;
                break;
            }
            long next = (cmsgLen + WORD - 1) & ~(long) (WORD - 1);
            if (Long.compareUnsigned(next, left) >= 0) {
                left = 0;
                break;
            }
            at += (int) next;
            left -= (int) next;
        }
        boolean more = false;
        if (left != 0) {
            items.add(new Value.Text("... /* 0x" + Long.toHexString(addr + (controlLen - left)) + " */"));
        } else if (controlLen < inLen) {
            more = true;
        }
        return new Value.Array(items, more);
    }

    /** print_cmsg_type_data. */
    private static void typeAndData(CallContext c, int level, int type, byte[] d, boolean atExit,
                                    List<Value.Field> fs) {
        Value data = null;
        if (level == SOL_SOCKET) {
            fs.add(new Value.Field("cmsg_type", c.sym(SCM, type & 0xffffffffL)));
            if (type == SCM_RIGHTS && d.length >= 4) {
                data = ints(c, d, true, atExit);
            } else if (type == SCM_CREDENTIALS && d.length >= MsghdrLayouts.UCRED_SIZE) {
                data = new Value.Struct(List.of(
                        new Value.Field("pid", c.pid((int) MsghdrLayouts.UC_PID.s(d), PidNamespaces.Kind.TGID)),
                        new Value.Field("uid", id(MsghdrLayouts.UC_UID.u(d))),
                        new Value.Field("gid", id(MsghdrLayouts.UC_GID.u(d)))), false);
            } else if (type == SCM_SECURITY && d.length >= 1) {
                data = Value.Str.whole(d, false);
            } else if ((type == TS_OLD || type == TS_NEW) && d.length >= 1) {
                data = d.length < TIMEVAL_SIZE ? new Value.Text("???") : time(d, 0, "tv_usec");
            } else if ((type == TSNS_OLD || type == TSNS_NEW) && d.length >= 1) {
                data = d.length < TIMESPEC_SIZE ? new Value.Text("???") : time(d, 0, "tv_nsec");
            } else if ((type == TSING_OLD || type == TSING_NEW) && d.length >= 1) {
                if (d.length < 3 * TIMESPEC_SIZE) {
                    data = new Value.Text("???");
                } else {
                    data = new Value.Array(List.of(time(d, 0, "tv_nsec"), time(d, TIMESPEC_SIZE, "tv_nsec"),
                            time(d, 2 * TIMESPEC_SIZE, "tv_nsec")), false);
                }
            }
        } else if (level == SockoptValues.SOL_IP) {
            fs.add(new Value.Field("cmsg_type", c.sym(IP_CMSG, type & 0xffffffffL)));
            data = ip(c, type, d);
        } else {
            fs.add(new Value.Field("cmsg_type", SockaddrDecoder.hex(type & 0xffffffffL)));
        }
        if (data != null) fs.add(new Value.Field("cmsg_data", data));
    }

    private static Value ip(CallContext c, int type, byte[] d) {
        if (type == IP_PKTINFO && d.length >= MsghdrLayouts.IN_PKTINFO_SIZE) {
            List<Value.Field> fs = new ArrayList<>(3);
            fs.add(new Value.Field("ipi_ifindex", SockaddrDecoder.ifindex(c, MsghdrLayouts.IPI_IFINDEX.u(d))));
            fs.addAll(SockaddrDecoder.inetAddr(c, "ipi_spec_dst", bytes(d, MsghdrLayouts.IPI_SPEC_DST)));
            fs.addAll(SockaddrDecoder.inetAddr(c, "ipi_addr", bytes(d, MsghdrLayouts.IPI_ADDR)));
            return new Value.Struct(fs, false);
        }
        if ((type == IP_TTL || type == IP_CHECKSUM) && d.length >= Integer.BYTES) return ints(c, d, false, false);
        if ((type == IP_TOS || type == IP_RECVOPTS || type == IP_RETOPTS) && d.length >= 1) {
            List<Value> xs = new ArrayList<>(d.length);
            boolean more = false;
            for (byte x : d) {
                if (xs.size() >= arrayLimit(c)) {
                    more = true;
                    break;
                }
                xs.add(SockaddrDecoder.hex(x & 0xff));
            }
            return new Value.Array(xs, more);
        }
        if (type == IP_RECVERR && d.length >= MsghdrLayouts.SOCK_EE_SIZE + MsghdrLayouts.SOCKADDR_IN_SIZE) {
            List<Value.Field> fs = new ArrayList<>(7);
            for (String n : List.of("ee_errno", "ee_origin", "ee_type", "ee_code", "ee_info", "ee_data")) {
                fs.add(new Value.Field(n, new Value.Num(StructLayouts.Member.of(MsghdrLayouts.SOCK_EXTENDED_ERR, n).u(d),
                        Value.Radix.UDEC)));
            }
            int at = MsghdrLayouts.SOCK_EE_SIZE;
            byte[] sa = Arrays.copyOf(Arrays.copyOfRange(d, at, at + MsghdrLayouts.SOCKADDR_IN_SIZE),
                    SockaddrDecoder.STORAGE + 1);
            fs.add(new Value.Field("offender", SockaddrDecoder.print(c, sa, MsghdrLayouts.SOCKADDR_IN_SIZE)));
            return new Value.Struct(fs, false);
        }
        if (type == IP_ORIGDSTADDR && d.length >= MsghdrLayouts.SOCKADDR_IN_SIZE) {
            int n = Math.min(d.length, SockaddrDecoder.STORAGE);
            return SockaddrDecoder.print(c, Arrays.copyOf(Arrays.copyOf(d, n), SockaddrDecoder.STORAGE + 1), n);
        }
        if (type == SCM_SECURITY && d.length >= 1) return Value.Str.whole(d, false);
        return null;
    }

    /** print_local_array of ints: fds ({@code -y} paths) or unsigned numbers, cut as print_local_array cuts. */
    private static Value ints(CallContext c, byte[] d, boolean fds, boolean atExit) {
        int n = d.length / 4, shown = Math.min(n, arrayLimit(c));
        List<Value> xs = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            int at = Integer.BYTES * i;
            xs.add(!fds ? new Value.Num(u32(d, at), Value.Radix.UDEC) : atExit ? c.fdAtExit(s32(d, at)) : c.fd(s32(d, at)));
        }
        return new Value.Array(xs, shown < n);
    }

    /** print_local_array's limit: {@code -s} elements, all of them under {@code -v}. */
    private static int arrayLimit(CallContext c) {
        return c.opt.verbose() ? Integer.MAX_VALUE : c.opt.stringLimit();
    }

    /** PRINT_FIELD_ID: -1 as -1, else unsigned. */
    private static Value id(long v) {
        return new Value.Num(v == 0xffffffffL ? -1 : v, Value.Radix.DEC);
    }

    private static Value time(byte[] d, int at, String frac) {
        return new Value.Struct(List.of(new Value.Field("tv_sec", new Value.Num(TV_SEC.s(d, at), Value.Radix.DEC)),
                new Value.Field(frac, new Value.Text(Long.toUnsignedString(TV_FRAC.u(d, at))))), false);
    }

    private static byte[] bytes(byte[] d, StructLayouts.Member m) {
        return Arrays.copyOfRange(d, m.offset(), m.offset() + m.size());
    }
}
