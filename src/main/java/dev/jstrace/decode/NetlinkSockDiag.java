package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.U32;
import static dev.jstrace.decode.NetlinkAttrTypes.U8;

import java.util.List;

/**
 * NETLINK_SOCK_DIAG payloads (strace's netlink_sock_diag.c): the family byte
 * picks the request (NLM_F_REQUEST) or response decoder; AF_UNIX and
 * AF_NETLINK are here (netlink_unix_diag.c, netlink_netlink_diag.c), AF_PACKET,
 * AF_INET, AF_INET6 and AF_SMC in files of their own; any other family prints
 * as {@code {family=..., data=...}}.
 */
final class NetlinkSockDiag {
    static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16, AF_PACKET = 17, AF_SMC = 43;
    private static final int NLM_F_REQUEST = 1;
    static final ConstTable SOCK_TYPES = ConstTable.enumHex("SOCK_???", NetlinkXlats.SOCKTYPES);
    static final ConstTable TCP_STATES = ConstTable.enumHex("TCP_???", NetlinkXlats.TCP_STATES);
    static final ConstTable TCP_STATE_FLAGS = ConstTable.flags("1<<TCP_???", NetlinkXlats.TCP_STATE_FLAGS);
    private static final ConstTable UNIX_ATTRS = ConstTable.enumHex("UNIX_DIAG_???", NetlinkXlats.UNIX_DIAG_ATTRS);
    private static final ConstTable UNIX_SHOW = ConstTable.flags("UDIAG_SHOW_???", NetlinkXlats.UNIX_DIAG_SHOW);
    private static final ConstTable NETLINK_ATTRS = ConstTable.enumHex("NETLINK_DIAG_???",
            NetlinkXlats.NETLINK_DIAG_ATTRS);
    private static final ConstTable NETLINK_SHOW = ConstTable.flags("NDIAG_SHOW_???",
            NetlinkXlats.NETLINK_DIAG_SHOW);
    private static final ConstTable NETLINK_FLAGS = ConstTable.flags("NDIAG_FLAG_???",
            NetlinkXlats.NETLINK_SOCKET_FLAGS);
    private static final ConstTable NETLINK_STATES = ConstTable.enumHex("NETLINK_???", NetlinkXlats.NETLINK_STATES);
    private static final ConstTable NETLINK_PROTOCOLS = ConstTable.enumHex("NETLINK_???",
            NetlinkXlats.NETLINK_PROTOCOLS);
    private static final ConstTable MEMINFO_INDICES = ConstTable.enumDec("SK_MEMINFO_???",
            NetlinkXlats.NETLINK_SK_MEMINFO_INDICES);
    private static final int NDIAG_PROTO_ALL = 0xff;

    /** decode_nla_meminfo: the SK_MEMINFO_* counters by index. */
    static final NetlinkAttrs.Decoder MEMINFO = NetlinkAttrTypes.indexedArray(4, false, MEMINFO_INDICES);

    private static final NetlinkAttrs.Decoders UNIX = NetlinkAttrs.Decoders.byName(UNIX_ATTRS,
            "UNIX_DIAG_NAME", NetlinkAttrTypes.STR,
            "UNIX_DIAG_VFS", NetlinkAttrTypes.struct(8, f -> {
                // struct unix_diag_vfs holds the inode first; strace prints the device first.
                long ino = f.peek(4);
                f.skip(4).add("udiag_vfs_dev", StructDecoders.devValue(f.peek(4))).skip(4)
                        .add("udiag_vfs_ino", new Value.Num(ino, Value.Radix.UDEC));
            }),
            "UNIX_DIAG_PEER", U32,
            "UNIX_DIAG_ICONS", (NetlinkAttrs.Decoder) (w, a, l) -> l / 4 == 0 ? null
                    : NetlinkAttrTypes.array(w, a, l, 4, (at, i) -> new Value.Num(w.mem().u32(at), Value.Radix.UDEC)),
            "UNIX_DIAG_RQLEN", NetlinkAttrTypes.struct(8, f -> f.udec("udiag_rqueue", 4).udec("udiag_wqueue", 4)),
            "UNIX_DIAG_MEMINFO", MEMINFO, "UNIX_DIAG_SHUTDOWN", U8, "UNIX_DIAG_UID", NetlinkAttrTypes.UID);
    private static final NetlinkAttrs.Decoders NETLINK = NetlinkAttrs.Decoders.byName(NETLINK_ATTRS,
            "NETLINK_DIAG_MEMINFO", MEMINFO,
            "NETLINK_DIAG_GROUPS", (NetlinkAttrs.Decoder) (w, a, l) -> l / 8 == 0 ? null
                    : NetlinkAttrTypes.array(w, a, l, 8, (at, i) -> new Value.Text(hex0(w.mem().u64(at), 16))),
            "NETLINK_DIAG_RX_RING", ring(), "NETLINK_DIAG_TX_RING", ring(),
            "NETLINK_DIAG_FLAGS", NetlinkAttrTypes.value(4, NETLINK_FLAGS));

    private NetlinkSockDiag() {}

    static Value payload(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        if (h.type() == NetlinkMessages.NLMSG_DONE) return null;
        if (!w.mem().readable(addr, 1)) return new Value.Ptr(addr);
        int family = w.mem().u8(addr);
        boolean request = (h.flags() & NLM_F_REQUEST) != 0;
        Value v = len <= 1 ? null : switch (family) {
            case AF_UNIX -> request ? unixReq(w, addr, len) : unixMsg(w, addr, len);
            case AF_NETLINK -> request ? netlinkReq(w, addr, len) : netlinkMsg(w, addr, len);
            case AF_PACKET -> NetlinkSockDiagPacket.payload(w, request, addr, len);
            case AF_INET, AF_INET6 -> request ? NetlinkSockDiagInet.request(w, h.type(), addr, len)
                    : NetlinkSockDiagInet.msg(w, addr, len);
            case AF_SMC -> NetlinkSockDiagSmc.payload(w, request, addr, len);
            default -> null;
        };
        return v != null ? v : NetlinkFamilies.family(w, family, addr, len);
    }

    /** PRINT_VAL_0X: {@code %#0*llx} of a {@code digits}-digit field (C prints no {@code 0x} for zero). */
    static String hex0(long v, int digits) {
        if (v == 0) return "0".repeat(digits);
        String h = Long.toHexString(v);
        return "0x" + "0".repeat(Math.max(0, digits - 2 - h.length())) + h;
    }

    /** PRINT_FIELD_COOKIE: two 32-bit words. */
    static NetlinkFields cookie(NetlinkFields f, String name) {
        Value c = new Value.Array(List.of(new Value.Num(f.peek(4), Value.Radix.UDEC),
                new Value.Num(f.skip(4).peek(4), Value.Radix.UDEC)), false);
        return f.skip(4).add(name, c);
    }

    private static NetlinkAttrs.Decoder ring() {
        return NetlinkAttrTypes.struct(16, f -> f.udec("ndr_block_size", 4).udec("ndr_block_nr", 4)
                .udec("ndr_frame_size", 4).udec("ndr_frame_nr", 4));
    }

    /** struct unix_diag_req: family, protocol, pad, states, ino, show, cookie. */
    private static Value unixReq(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 24, "sdiag_family", f -> cookie(f.udec("sdiag_protocol", 1)
                .skip(2).xval("udiag_states", 4, TCP_STATE_FLAGS).udec("udiag_ino", 4)
                .xval("udiag_show", 4, UNIX_SHOW), "udiag_cookie"), null);
    }

    /** struct unix_diag_msg: family, type, state, pad, ino, cookie. */
    private static Value unixMsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 16, "udiag_family", f -> cookie(f.xval("udiag_type", 1,
                SOCK_TYPES).xval("udiag_state", 1, TCP_STATES).skip(1).udec("udiag_ino", 4), "udiag_cookie"),
                new NetlinkFields.AttrSpec(UNIX_ATTRS, UNIX));
    }

    /** struct netlink_diag_req: family, protocol, pad, ino, show, cookie. */
    private static Value netlinkReq(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 20, "sdiag_family", f -> {
            if (f.peek(1) == NDIAG_PROTO_ALL) {
                f.add("sdiag_protocol", new Value.Sym(NDIAG_PROTO_ALL, Value.Radix.HEX, List.of("NDIAG_PROTO_ALL"),
                        0, null)).skip(1);
            } else {
                f.xval("sdiag_protocol", 1, NETLINK_PROTOCOLS);
            }
            cookie(f.skip(2).udec("ndiag_ino", 4).xval("ndiag_show", 4, NETLINK_SHOW), "ndiag_cookie");
        }, null);
    }

    /** struct netlink_diag_msg: family, type, protocol, state, portid, dst_portid, dst_group, ino, cookie. */
    private static Value netlinkMsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 28, "ndiag_family", f -> cookie(f.xval("ndiag_type", 1,
                SOCK_TYPES).xval("ndiag_protocol", 1, NETLINK_PROTOCOLS).xval("ndiag_state", 1, NETLINK_STATES)
                .udec("ndiag_portid", 4).udec("ndiag_dst_portid", 4).udec("ndiag_dst_group", 4)
                .udec("ndiag_ino", 4), "ndiag_cookie"), new NetlinkFields.AttrSpec(NETLINK_ATTRS, NETLINK));
    }
}
