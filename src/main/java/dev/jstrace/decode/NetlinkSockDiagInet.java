package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.STR;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;
import static dev.jstrace.decode.NetlinkAttrTypes.U64;
import static dev.jstrace.decode.NetlinkAttrTypes.U8;

/**
 * NETLINK_SOCK_DIAG requests and responses of AF_INET and AF_INET6 (strace's
 * netlink_inet_diag.c): {@code struct inet_diag_req} (TCPDIAG_GETSOCK,
 * DCCPDIAG_GETSOCK), {@code struct inet_diag_req_v2} with its bytecode, and
 * {@code struct inet_diag_msg} with its attributes ({@link NetlinkInetDiagAttrs}).
 */
final class NetlinkSockDiagInet {
    private static final int TCPDIAG_GETSOCK = 18, DCCPDIAG_GETSOCK = 19;
    private static final int BC_S_GE = 2, BC_S_LE = 3, BC_D_GE = 4, BC_D_LE = 5, BC_S_COND = 7, BC_D_COND = 8,
            BC_DEV_COND = 9, BC_MARK_COND = 10;
    private static final ConstTable EXT_FLAGS = ConstTable.flags("1<<INET_DIAG_???-1",
            NetlinkXlats.INET_DIAG_EXTENDED_FLAGS);
    private static final ConstTable REQ_ATTRS = ConstTable.enumHex("INET_DIAG_REQ_???",
            NetlinkXlats.INET_DIAG_REQ_ATTRS);
    private static final ConstTable ATTRS = ConstTable.enumHex("INET_DIAG_???", NetlinkXlats.INET_DIAG_ATTRS);
    private static final ConstTable BYTECODES = ConstTable.enumHex("INET_DIAG_BC_???",
            NetlinkXlats.INET_DIAG_BYTECODES);

    private static final NetlinkAttrs.Decoders REQ = NetlinkAttrs.Decoders.byName(REQ_ATTRS,
            "INET_DIAG_REQ_BYTECODE", (NetlinkAttrs.Decoder) NetlinkSockDiagInet::bytecode,
            "INET_DIAG_REQ_PROTOCOL", NetlinkRouteAddr.IP_PROTO);
    private static final NetlinkAttrs.Decoders MSG = NetlinkAttrs.Decoders.byName(ATTRS,
            "INET_DIAG_MEMINFO", NetlinkAttrTypes.struct(16, f -> f.udec("idiag_rmem", 4).udec("idiag_wmem", 4)
                    .udec("idiag_fmem", 4).udec("idiag_tmem", 4)),
            "INET_DIAG_VEGASINFO", NetlinkInetDiagAttrs.VEGAS, "INET_DIAG_CONG", STR, "INET_DIAG_TOS", U8, "INET_DIAG_TCLASS", U8,
            "INET_DIAG_SKMEMINFO", NetlinkSockDiag.MEMINFO,
            "INET_DIAG_SHUTDOWN", NetlinkInetDiagAttrs.SHUTDOWN_BITS, "INET_DIAG_DCTCPINFO", NetlinkInetDiagAttrs.DCTCP,
            "INET_DIAG_LOCALS", NetlinkInetDiagAttrs.SOCKADDRS, "INET_DIAG_PEERS", NetlinkInetDiagAttrs.SOCKADDRS,
            "INET_DIAG_BBRINFO", NetlinkInetDiagAttrs.BBR, "INET_DIAG_MD5SIG", NetlinkInetDiagAttrs.MD5SIG,
            "INET_DIAG_ULP_INFO", NetlinkInetDiagAttrs.ULP_INFO,
            "INET_DIAG_SK_BPF_STORAGES", NetlinkInetDiagAttrs.BPF_STORAGES,
            "INET_DIAG_SOCKOPT", NetlinkInetDiagAttrs.SOCKOPT, "INET_DIAG_PROTOCOL", NetlinkRouteAddr.IP_PROTO,
            "INET_DIAG_SKV6ONLY", U8, "INET_DIAG_MARK", U32, "INET_DIAG_CLASS_ID", U32,
            "INET_DIAG_CGROUP_ID", U64);

    private NetlinkSockDiagInet() {}

    /** A request: the compat struct for TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK, else inet_diag_req_v2. */
    static Value request(NetlinkMessages.Walk w, int type, long addr, long len) {
        int family = w.mem().u8(addr);
        NetlinkFields.AttrSpec attrs = new NetlinkFields.AttrSpec(REQ_ATTRS, REQ);
        if (type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK) {
            return NetlinkFields.familyMsg(w, addr, len, 60, "idiag_family", f -> {
                f.udec("idiag_src_len", 1).udec("idiag_dst_len", 1).xval("idiag_ext", 1, EXT_FLAGS);
                sockid(f, family);
                f.xval("idiag_states", 4, NetlinkSockDiag.TCP_STATE_FLAGS).udec("idiag_dbs", 4);
            }, attrs);
        }
        return NetlinkFields.familyMsg(w, addr, len, 56, "sdiag_family", f -> {
            f.xval("sdiag_protocol", 1, NetlinkRouteAddr.IP_PROTOCOLS).xval("idiag_ext", 1, EXT_FLAGS).skip(1)
                    .xval("idiag_states", 4, NetlinkSockDiag.TCP_STATE_FLAGS);
            sockid(f, family);
        }, attrs);
    }

    /** struct inet_diag_msg: family, state, timer, retrans, id, expires, rqueue, wqueue, uid, inode. */
    static Value msg(NetlinkMessages.Walk w, long addr, long len) {
        int family = w.mem().u8(addr);
        return NetlinkFields.familyMsg(w, addr, len, 72, "idiag_family", f -> {
            f.xval("idiag_state", 1, NetlinkSockDiag.TCP_STATES).udec("idiag_timer", 1).udec("idiag_retrans", 1);
            sockid(f, family);
            f.udec("idiag_expires", 4).udec("idiag_rqueue", 4).udec("idiag_wqueue", 4).udec("idiag_uid", 4)
                    .udec("idiag_inode", 4);
        }, new NetlinkFields.AttrSpec(ATTRS, MSG));
    }

    /** PRINT_FIELD_INET_DIAG_SOCKID: {@code id={idiag_sport=htons(N), ..., idiag_cookie=[N, N]}}. */
    static void sockid(NetlinkFields f, int family) {
        long at = f.base() + f.at();
        NetlinkMessages.Walk w = f.w();
        NetlinkFields id = new NetlinkFields(w, at);
        id.add("idiag_sport", port(w.mem().u16(at))).add("idiag_dport", port(w.mem().u16(at + 2))).skip(4);
        id.add(NetlinkAttrTypes.inetFieldOf(w, at + 4, 16, family, "idiag_src"));
        id.add(NetlinkAttrTypes.inetFieldOf(w, at + 20, 16, family, "idiag_dst"));
        NetlinkSockDiag.cookie(id.skip(32).ifindex("idiag_if"), "idiag_cookie");
        f.add("id", id.done()).skip(48);
    }

    private static Value port(int be) {
        return new Value.Text("htons(" + (((be & 0xff) << 8) | (be >> 8)) + ")");
    }

    /** INET_DIAG_REQ_BYTECODE: struct inet_diag_bc_op, then the data its code implies. */
    private static Value bytecode(NetlinkMessages.Walk w, long a, long l) {
        if (l < 4) return null;
        if (!w.mem().readable(a, 4)) return new Value.Ptr(a);
        int code = w.mem().u8(a);
        Value op = bcOp(w, a);
        if (l <= 4) return op;
        return NetlinkFamilies.flat(op, bytecodeData(w, a + 4, l - 4, code));
    }

    private static Value bcOp(NetlinkMessages.Walk w, long a) {
        return new NetlinkFields(w, a).xval("code", 1, BYTECODES).udec("yes", 1).udec("no", 2).done();
    }

    private static Value bytecodeData(NetlinkMessages.Walk w, long a, long l, int code) {
        TraceeBytes m = w.mem();
        switch (code) {
            case BC_S_COND, BC_D_COND -> {
                if (l < 8) return m.hexString(a, l, w.stringLimit());
                if (!m.readable(a, 8)) return new Value.Ptr(a);
                int family = m.u8(a);
                NetlinkFields f = new NetlinkFields(w, a).af("family").udec("prefix_len", 1).skip(2)
                        .sdec("port", 4);
                if (l > 8) f.add(NetlinkAttrTypes.inetField(w, a + 8, l - 8, family, "addr"));
                return f.done();
            }
            case BC_DEV_COND -> {
                if (l < 4) return m.hexString(a, l, w.stringLimit());
                return NetlinkAttrTypes.IFINDEX.decode(w, a, l);
            }
            case BC_S_GE, BC_S_LE, BC_D_GE, BC_D_LE -> {
                if (l < 4) return m.hexString(a, l, w.stringLimit());
                return m.readable(a, 4) ? bcOp(w, a) : new Value.Ptr(a);
            }
            case BC_MARK_COND -> {
                if (l < 8) return m.hexString(a, l, w.stringLimit());
                return m.readable(a, 8) ? new NetlinkFields(w, a).udec("mark", 4).udec("mask", 4).done()
                        : new Value.Ptr(a);
            }
            default -> {
                return m.hexString(a, l, w.stringLimit());
            }
        }
    }
}
