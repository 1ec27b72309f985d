package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.MemoryLayout.unionLayout;
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
    /** {@code struct ifmap} (net/if.h): SIOC[GS]IFMAP's member of the union. */
    static final StructLayout IFMAP = structLayout(JAVA_LONG.withName("mem_start"), JAVA_LONG.withName("mem_end"),
            JAVA_SHORT.withName("base_addr"), JAVA_BYTE.withName("irq"), JAVA_BYTE.withName("dma"),
            JAVA_BYTE.withName("port"), paddingLayout(3)).withName("struct ifmap");
    /**
     * {@code struct ifreq} (net/if.h): IFNAMSIZ bytes of name, then the union (ifr_ifru in C, its
     * members named by the header's ifr_* macros, which the probe's offsetof expands).
     */
    static final StructLayout IFREQ_LAYOUT = structLayout(sequenceLayout(16, JAVA_BYTE).withName("ifr_name"),
            unionLayout(StructLayouts.SOCKADDR.withName("ifr_addr"), StructLayouts.SOCKADDR.withName("ifr_dstaddr"),
                    StructLayouts.SOCKADDR.withName("ifr_broadaddr"), StructLayouts.SOCKADDR.withName("ifr_netmask"),
                    StructLayouts.SOCKADDR.withName("ifr_hwaddr"), JAVA_SHORT.withName("ifr_flags"),
                    JAVA_INT.withName("ifr_ifindex"), JAVA_INT.withName("ifr_metric"), JAVA_INT.withName("ifr_mtu"),
                    JAVA_INT.withName("ifr_qlen"), IFMAP.withName("ifr_map"),
                    sequenceLayout(16, JAVA_BYTE).withName("ifr_slave"),
                    sequenceLayout(16, JAVA_BYTE).withName("ifr_newname"), JAVA_LONG.withName("ifr_data")))
            .withName("struct ifreq");
    /** {@code struct ifconf}: the length, then the buffer (a union of two pointers in C). */
    static final StructLayout IFCONF_LAYOUT = structLayout(JAVA_INT.withName("ifc_len"), paddingLayout(4),
            JAVA_LONG.withName("ifc_buf")).withName("struct ifconf");
    private static final int IFREQ = StructLayouts.size(IFREQ_LAYOUT), IFCONF = StructLayouts.size(IFCONF_LAYOUT);
    private static final Member IFR_NAME = Member.of(IFREQ_LAYOUT, "ifr_name"),
            IFR_ADDR = Member.of(IFREQ_LAYOUT, "ifr_addr"),
            IFR_HW_FAMILY = Member.of(IFREQ_LAYOUT, "ifr_hwaddr.sa_family"),
            IFR_HW_DATA = Member.of(IFREQ_LAYOUT, "ifr_hwaddr.sa_data"), IFR_FLAGS = Member.of(IFREQ_LAYOUT, "ifr_flags"),
            IFR_IFINDEX = Member.of(IFREQ_LAYOUT, "ifr_ifindex"), IFR_METRIC = Member.of(IFREQ_LAYOUT, "ifr_metric"),
            IFR_MTU = Member.of(IFREQ_LAYOUT, "ifr_mtu"), IFR_QLEN = Member.of(IFREQ_LAYOUT, "ifr_qlen"),
            IFR_SLAVE = Member.of(IFREQ_LAYOUT, "ifr_slave"), IFR_NEWNAME = Member.of(IFREQ_LAYOUT, "ifr_newname"),
            IFR_MAP = Member.of(IFREQ_LAYOUT, "ifr_map");
    private static final Member MAP_MEM_START = Member.of(IFMAP, "mem_start"), MAP_MEM_END = Member.of(IFMAP, "mem_end"),
            MAP_BASE_ADDR = Member.of(IFMAP, "base_addr"), MAP_IRQ = Member.of(IFMAP, "irq"),
            MAP_DMA = Member.of(IFMAP, "dma"), MAP_PORT = Member.of(IFMAP, "port");
    private static final Member IFC_LEN = Member.of(IFCONF_LAYOUT, "ifc_len"), IFC_BUF = Member.of(IFCONF_LAYOUT, "ifc_buf");
    /** The union's sockaddr: where it is and how much of it the sockaddr decoder reads. */
    private static final int UNION = IFR_ADDR.offset(), SOCKADDR = IFR_ADDR.size(), NAME = IFR_NAME.size();

    private static final ConstTable ARPHRD = ConstTable.enumHex("ARPHRD_???", NetlinkXlats.ARP_HARDWARE_TYPES);
    private static final ConstTable IFF = ConstTable.flags("IFF_???", NetlinkXlats.IFFFLAGS);

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        return List.of(new CallStructLayouts.Declared(IFMAP, "#include <net/if.h>\n"),
                new CallStructLayouts.Declared(IFREQ_LAYOUT, "#include <net/if.h>\n"),
                new CallStructLayouts.Declared(IFCONF_LAYOUT, "#include <net/if.h>\n"));
    }

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
        long buf = IFC_BUF.u(r.data());
        int len = (int) IFC_LEN.s(r.data());
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
                    NetlinkFields.ifindex(IFR_IFINDEX.u(in)))));
        }
        if (SETTERS.contains(req)) {
            return IoctlFields.struct(List.of(IoctlFields.cstring("ifr_name", in, IFR_NAME), member(c, c.in, req, a, in)));
        }
        Value.Field first = req == GIFNAME ? IoctlFields.d("ifr_ifindex", in, IFR_IFINDEX)
                : IoctlFields.cstring("ifr_name", in, IFR_NAME);
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
            int family = (int) IFR_HW_FAMILY.u(b);
            return new Value.Field("ifr_hwaddr", IoctlFields.struct(List.of(
                    new Value.Field("sa_family", ARPHRD.sym(family)),
                    new Value.Field("sa_data", hwaddr(c, java.util.Arrays.copyOfRange(b, IFR_HW_DATA.offset(),
                            IFR_HW_DATA.end()), family)))));
        }
        if (req == SIFFLAGS || req == GIFFLAGS) return IoctlFields.flags("ifr_flags", IFF, b, IFR_FLAGS);
        if (req == GIFINDEX) return IoctlFields.d("ifr_ifindex", b, IFR_IFINDEX);
        if (req == SIFMETRIC || req == GIFMETRIC) return IoctlFields.d("ifr_metric", b, IFR_METRIC);
        if (req == SIFMTU || req == GIFMTU) return IoctlFields.d("ifr_mtu", b, IFR_MTU);
        if (req == SIFSLAVE || req == GIFSLAVE) return IoctlFields.cstring("ifr_slave", b, IFR_SLAVE);
        if (req == SIFNAME) return IoctlFields.cstring("ifr_newname", b, IFR_NEWNAME);
        if (req == GIFNAME) return IoctlFields.cstring("ifr_name", b, IFR_NAME);
        if (req == SIFTXQLEN || req == GIFTXQLEN) return IoctlFields.d("ifr_qlen", b, IFR_QLEN);
        // SIOC[GS]IFMAP: struct ifmap.
        int map = IFR_MAP.offset();
        return new Value.Field("ifr_map", IoctlFields.struct(List.of(hex("mem_start", MAP_MEM_START.u(b, map)),
                hex("mem_end", MAP_MEM_END.u(b, map)), hex("base_addr", MAP_BASE_ADDR.u(b, map)),
                hex("irq", MAP_IRQ.u(b, map)), hex("dma", MAP_DMA.u(b, map)), hex("port", MAP_PORT.u(b, map)))));
    }

    private static Value.Field hex(String name, long v) {
        return new Value.Field(name, new Value.Num(v, Value.Radix.HEX));
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
        int len0 = (int) IFC_LEN.s(in);
        long buf0 = IFC_BUF.u(in);
        StringBuilder t = new StringBuilder("{ifc_len=");
        if (buf0 != 0) t.append(ifcLen(len0));
        if (!c.returned) return new Value.Text(t.toString());
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, IFCONF) : in;
        if (out == null) {
            if (buf0 == 0) t.append(ifcLen(len0));
            return new Value.Text(t.append(", ifc_buf=").append(c.text(new Value.Ptr(buf0))).append('}').toString());
        }
        int len = (int) IFC_LEN.s(out);
        long buf = IFC_BUF.u(out);
        if (buf0 != 0 && len0 != len) t.append(" => ");
        if (buf0 == 0 || len0 != len) t.append(ifcLen(len));
        t.append(", ifc_buf=");
        if (buf0 == 0 || !c.succeeded()) {
            t.append(c.text(new Value.Ptr(buf0)));
            if (buf0 != buf) t.append(" => ").append(c.text(new Value.Ptr(buf)));
        } else {
            t.append(c.text(ArrayDecoder.decode(c, c.out, buf, Integer.toUnsignedLong(len) / IFREQ, IFREQ,
                    (b, off) -> IoctlFields.struct(List.of(IoctlFields.cstring("ifr_name", b, off + IFR_NAME.offset(), NAME),
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
