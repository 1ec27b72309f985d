package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The socket interface requests on struct ifreq (linux/sockios.h) and the bridge ones,
 * as strace's sock_ioctl (src/sock.c) prints them: a setter's ifreq at entry (the name,
 * then the request's member of the union), a getter's name (or index) at entry and its
 * member after success, the struct left open in between. The simpler socket requests
 * (FIOSETOWN, SIOCATMARK, the address-only ones) are {@link IoctlFamilies}' rules.
 */
final class SockIoctls implements IoctlFamily {
    private static long code(String n) {
        return IoctlRequests.code(n);
    }

    private static final long ADDBR = code("SIOCBRADDBR"), DELBR = code("SIOCBRDELBR"), ADDIF = code("SIOCBRADDIF"),
            DELIF = code("SIOCBRDELIF"), ADDMULTI = code("SIOCADDMULTI"), DELMULTI = code("SIOCDELMULTI"),
            SIFADDR = code("SIOCSIFADDR"), GIFADDR = code("SIOCGIFADDR"), SIFDSTADDR = code("SIOCSIFDSTADDR"),
            GIFDSTADDR = code("SIOCGIFDSTADDR"), SIFBRDADDR = code("SIOCSIFBRDADDR"),
            GIFBRDADDR = code("SIOCGIFBRDADDR"), SIFNETMASK = code("SIOCSIFNETMASK"),
            GIFNETMASK = code("SIOCGIFNETMASK"), SIFFLAGS = code("SIOCSIFFLAGS"), GIFFLAGS = code("SIOCGIFFLAGS"),
            SIFHWADDR = code("SIOCSIFHWADDR"), GIFHWADDR = code("SIOCGIFHWADDR"),
            SIFHWBROADCAST = code("SIOCSIFHWBROADCAST"), GIFINDEX = code("SIOCGIFINDEX"),
            SIFMETRIC = code("SIOCSIFMETRIC"), GIFMETRIC = code("SIOCGIFMETRIC"), SIFMTU = code("SIOCSIFMTU"),
            GIFMTU = code("SIOCGIFMTU"), SIFSLAVE = code("SIOCSIFSLAVE"), GIFSLAVE = code("SIOCGIFSLAVE"),
            SIFNAME = code("SIOCSIFNAME"), GIFNAME = code("SIOCGIFNAME"), SIFTXQLEN = code("SIOCSIFTXQLEN"),
            GIFTXQLEN = code("SIOCGIFTXQLEN"), SIFMAP = code("SIOCSIFMAP"), GIFMAP = code("SIOCGIFMAP"),
            GIFCONF = code("SIOCGIFCONF");
    private static final List<Long> SETTERS = List.of(ADDMULTI, DELMULTI, SIFADDR, SIFBRDADDR, SIFDSTADDR, SIFFLAGS,
            SIFHWADDR, SIFHWBROADCAST, SIFMAP, SIFMETRIC, SIFMTU, SIFNAME, SIFNETMASK, SIFSLAVE, SIFTXQLEN);
    private static final List<Long> GETTERS = List.of(GIFADDR, GIFBRDADDR, GIFDSTADDR, GIFFLAGS, GIFHWADDR,
            GIFINDEX, GIFMAP, GIFMETRIC, GIFMTU, GIFNAME, GIFNETMASK, GIFSLAVE, GIFTXQLEN);
    /** struct ifreq: IFNAMSIZ bytes of name, then the 24-byte union. */
    private static final int IFREQ = 40, NAME = 16, UNION = 16, SOCKADDR = 16;
    /** struct ifconf: int ifc_len, then the buffer pointer. */
    private static final int IFCONF = 16;

    private static final ConstTable ARPHRD = ConstTable.enumHex("ARPHRD_???", NetlinkXlats.ARP_HARDWARE_TYPES);
    private static final ConstTable IFF = ConstTable.flags("IFF_???", NetlinkXlats.IFFFLAGS);

    @Override
    public boolean decodes(long req) {
        return req == GIFCONF || req == ADDBR || req == DELBR || req == ADDIF || req == DELIF || SETTERS.contains(req)
                || GETTERS.contains(req);
    }

    private static boolean sockaddr(long req) {
        return req == SIFADDR || req == GIFADDR || req == SIFDSTADDR || req == GIFDSTADDR || req == SIFBRDADDR
                || req == GIFBRDADDR || req == SIFNETMASK || req == GIFNETMASK;
    }

    private static void capture(long req, long arg, TraceeMemory mem) {
        Snapshot.Region r = mem.bytes(arg, IFREQ);
        // The union's sockaddr, copied on its own so the sockaddr decoder finds it at its address.
        if (sockaddr(req) && r.readable() && r.data().length == IFREQ) mem.bytes(arg + UNION, SOCKADDR);
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        if (req == GIFCONF) mem.bytes(arg, IFCONF);
        else if (req == ADDBR || req == DELBR) mem.string(arg, NAME);
        else capture(req, arg, mem);
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && GETTERS.contains(req)) capture(req, arg, mem);
        if (arg == 0 || req != GIFCONF) return;
        Snapshot.Region r = mem.bytes(arg, IFCONF);
        if (!r.readable() || r.data().length < IFCONF) return;
        long buf = MemoryView.u64(r.data(), 8);
        int len = MemoryView.s32(r.data(), 0);
        long n = ArrayDecoder.captureCount(opt, Integer.toUnsignedLong(len) / IFREQ);
        if (buf == 0 || n == 0) return;
        mem.bytes(buf, (int) (n * IFREQ));
        for (long i = 0; i < n; i++) mem.bytes(buf + i * IFREQ + UNION, SOCKADDR);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (req == GIFCONF) return ifconf(c, a);
        if (req == ADDBR || req == DELBR) return bridgeName(c, a);
        byte[] in = IoctlFields.struct(c.in, a, IFREQ);
        if (in == null) return IoctlFields.addr(a);
        if (req == ADDIF || req == DELIF) {
            return IoctlFields.struct(List.of(new Value.Field("ifr_ifindex",
                    NetlinkFields.ifindex(MemoryView.u32(in, UNION)))));
        }
        if (SETTERS.contains(req)) {
            return IoctlFields.struct(List.of(IoctlFields.cstring("ifr_name", in, 0, NAME), member(c, c.in, req, a, in)));
        }
        Value.Field first = req == GIFNAME ? IoctlFields.s32("ifr_ifindex", in, UNION)
                : IoctlFields.cstring("ifr_name", in, 0, NAME);
        String open = c.text(IoctlFields.struct(List.of(first)));
        open = open.substring(0, open.length() - 1);
        if (!c.returned) return new Value.Text(open);
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, IFREQ) : null;
        if (out == null) return new Value.Text(open + "}");
        String tail = c.text(IoctlFields.struct(List.of(member(c, c.out, req, a, out))));
        return new Value.Text(open + ", " + tail.substring(1));
    }

    /** strace's print_ifreq: the union member the request uses. */
    private static Value.Field member(CallContext c, Snapshot mem, long req, long a, byte[] b) {
        if (sockaddr(req)) {
            String name = req == SIFADDR || req == GIFADDR ? "ifr_addr" : req == SIFDSTADDR || req == GIFDSTADDR
                    ? "ifr_dstaddr" : req == SIFBRDADDR || req == GIFBRDADDR ? "ifr_broadaddr" : "ifr_netmask";
            return new Value.Field(name, SockaddrDecoder.decode(c, mem, a + UNION, SOCKADDR));
        }
        if (req == ADDMULTI || req == DELMULTI || req == GIFHWADDR || req == SIFHWADDR || req == SIFHWBROADCAST) {
            int family = MemoryView.u16(b, UNION);
            return new Value.Field("ifr_hwaddr", IoctlFields.struct(List.of(
                    new Value.Field("sa_family", ARPHRD.sym(family)),
                    new Value.Field("sa_data", hwaddr(c, java.util.Arrays.copyOfRange(b, UNION + 2, UNION + 16),
                            family)))));
        }
        if (req == SIFFLAGS || req == GIFFLAGS) return new Value.Field("ifr_flags", IFF.sym(MemoryView.u16(b, UNION)));
        if (req == GIFINDEX) return IoctlFields.s32("ifr_ifindex", b, UNION);
        if (req == SIFMETRIC || req == GIFMETRIC) return IoctlFields.s32("ifr_metric", b, UNION);
        if (req == SIFMTU || req == GIFMTU) return IoctlFields.s32("ifr_mtu", b, UNION);
        if (req == SIFSLAVE || req == GIFSLAVE) return IoctlFields.cstring("ifr_slave", b, UNION, NAME);
        if (req == SIFNAME) return IoctlFields.cstring("ifr_newname", b, UNION, NAME);
        if (req == GIFNAME) return IoctlFields.cstring("ifr_name", b, 0, NAME);
        if (req == SIFTXQLEN || req == GIFTXQLEN) return IoctlFields.s32("ifr_qlen", b, UNION);
        // SIOC[GS]IFMAP: struct ifmap.
        return new Value.Field("ifr_map", IoctlFields.struct(List.of(IoctlFields.x64("mem_start", b, UNION),
                IoctlFields.x64("mem_end", b, UNION + 8),
                new Value.Field("base_addr", new Value.Num(MemoryView.u16(b, UNION + 16), Value.Radix.HEX)),
                new Value.Field("irq", new Value.Num(b[UNION + 18] & 0xff, Value.Radix.HEX)),
                new Value.Field("dma", new Value.Num(b[UNION + 19] & 0xff, Value.Radix.HEX)),
                new Value.Field("port", new Value.Num(b[UNION + 20] & 0xff, Value.Radix.HEX)))));
    }

    /** strace's print_hwaddr: {@code 92:93:...} for the family's address length, the bytes in hex under raw. */
    private static Value hwaddr(CallContext c, byte[] data, int family) {
        int shown = Math.min(data.length, switch (family) {
            case 0, 3 -> 7;
            case 1, 6 -> 6;
            case 7 -> 1;
            case 15 -> 2;
            case 24 -> 16;
            case 27 -> 8;
            case 32 -> 20;
            default -> data.length;
        });
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < shown; i++) t.append(i > 0 ? ":" : "").append(String.format("%02x", data[i] & 0xff));
        Value raw = Value.Str.buffer(data, data.length, true);
        return switch (c.opt.xlat()) {
            case ABBREV -> new Value.Text(t.toString());
            case RAW -> raw;
            case VERBOSE -> new Value.Commented(raw, t.toString());
        };
    }

    /** SIOCBRADDBR's name: printstr_ex with IFNAMSIZ, a string ending at its NUL. */
    private static Value bridgeName(CallContext c, long a) {
        if (a == 0) return new Value.Ptr(0);
        Snapshot.Region r = c.in.find(a, Snapshot.Kind.STRING);
        if (r == null || !r.readable()) return new Value.Ptr(a);
        return r.complete() ? Value.Str.string(r.data(), true)
                : new Value.Str(r.data(), -1, true, Value.Str.Kind.STRING);
    }

    /**
     * strace's decode_ifconf: {@code {ifc_len=N}} at entry (the length only when there is a
     * buffer), at exit the length again when it changed ({@code 82 => 80}) or was not shown,
     * then the interfaces the kernel wrote, or the buffer's address after a failure.
     * jstrace copies nothing at a failed exit: the struct is then the entry's, which the
     * kernel leaves as it was when it fails.
     */
    private static Value ifconf(CallContext c, long a) {
        byte[] in = IoctlFields.struct(c.in, a, IFCONF);
        if (in == null) return IoctlFields.addr(a);
        int len0 = MemoryView.s32(in, 0);
        long buf0 = MemoryView.u64(in, 8);
        StringBuilder t = new StringBuilder("{ifc_len=");
        if (buf0 != 0) t.append(ifcLen(len0));
        if (!c.returned) return new Value.Text(t.toString());
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, IFCONF) : in;
        if (out == null) {
            if (buf0 == 0) t.append(ifcLen(len0));
            return new Value.Text(t.append(", ifc_buf=").append(c.text(new Value.Ptr(buf0))).append('}').toString());
        }
        int len = MemoryView.s32(out, 0);
        long buf = MemoryView.u64(out, 8);
        if (buf0 != 0 && len0 != len) t.append(" => ");
        if (buf0 == 0 || len0 != len) t.append(ifcLen(len));
        t.append(", ifc_buf=");
        if (buf0 == 0 || !c.succeeded()) {
            t.append(c.text(new Value.Ptr(buf0)));
            if (buf0 != buf) t.append(" => ").append(c.text(new Value.Ptr(buf)));
        } else {
            t.append(c.text(ArrayDecoder.decode(c, c.out, buf, Integer.toUnsignedLong(len) / IFREQ, IFREQ,
                    (b, off) -> IoctlFields.struct(List.of(IoctlFields.cstring("ifr_name", b, off, NAME),
                            new Value.Field("ifr_addr", SockaddrDecoder.decode(c, c.out, buf + off + UNION,
                                    SOCKADDR)))))));
        }
        return new Value.Text(t.append('}').toString());
    }

    /** strace's print_ifc_len: the length, with {@code /* 2 * sizeof(struct ifreq) * /} when it is a multiple. */
    private static String ifcLen(int len) {
        long n = Integer.toUnsignedLong(len) / IFREQ;
        return len > 0 && n * IFREQ == len ? len + " /* " + n + " * sizeof(struct ifreq) */" : Integer.toString(len);
    }
}
