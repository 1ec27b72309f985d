package dev.jstrace.decode;

import java.util.List;

/**
 * NETLINK_SOCK_DIAG requests and responses of AF_SMC (strace's
 * netlink_smc_diag.c): {@code struct smc_diag_req}, {@code struct smc_diag_msg}
 * and the SMC_DIAG_* attributes; the socket id is an AF_INET one.
 */
final class NetlinkSockDiagSmc {
    private static final ConstTable EXT_FLAGS = ConstTable.flags("1<<SMC_DIAG_???-1",
            NetlinkXlats.SMC_DIAG_EXTENDED_FLAGS);
    private static final ConstTable ATTRS = ConstTable.enumHex("SMC_DIAG_???", NetlinkXlats.SMC_DIAG_ATTRS);
    private static final ConstTable STATES = ConstTable.enumHex("SMC_???", NetlinkXlats.SMC_STATES);
    private static final ConstTable MODES = ConstTable.enumHex("SMC_DIAG_MODE_???", NetlinkXlats.SMC_DIAG_MODE);
    private static final ConstTable ROLES = ConstTable.enumHex("SMC_???", NetlinkXlats.SMC_LINK_GROUP_ROLES);
    private static final ConstTable DECL_CODES = ConstTable.enumHex("SMC_CLC_DECL_???", NetlinkXlats.SMC_DECL_CODES);
    private static final ConstTable SHUTDOWN = ConstTable.flags("???_SHUTDOWN", NetlinkXlats.SOCK_SHUTDOWN_FLAGS);

    private static final NetlinkAttrs.Decoder CONNINFO = NetlinkAttrTypes.struct(76, f -> {
        f.udec("token", 4).udec("sndbuf_size", 4).udec("rmbe_size", 4).udec("peer_rmbe_size", 4);
        cursor(cursor(cursor(cursor(f, "rx_prod"), "rx_cons"), "tx_prod"), "tx_cons");
        for (String n : new String[] {"rx_prod_flags", "rx_conn_state_flags", "tx_prod_flags", "tx_conn_state_flags"}) {
            f.add(n, new Value.Text(NetlinkSockDiag.hex0(f.peek(1), 2))).skip(1);
        }
        cursor(cursor(cursor(f, "tx_prep"), "tx_sent"), "tx_fin");
    });
    private static final NetlinkAttrs.Decoder LGRINFO = NetlinkAttrTypes.struct(147, f -> {
        TraceeBytes m = f.mem();
        long a = f.base();
        Value link = new NetlinkFields(f.w(), a).udec("link_id", 1).add("ibname", cstring(m, a + 1, 64)).skip(64)
                .udec("ibport", 1).add("gid", cstring(m, a + 66, 40)).add("peer_gid", cstring(m, a + 106, 40))
                .done();
        f.add("lnk", new Value.Array(List.of(link), false)).skip(146).xval("role", 1, ROLES);
    });
    private static final NetlinkAttrs.Decoders MSG = NetlinkAttrs.Decoders.byName(ATTRS,
            "SMC_DIAG_CONNINFO", CONNINFO, "SMC_DIAG_LGRINFO", LGRINFO,
            "SMC_DIAG_SHUTDOWN", NetlinkAttrTypes.xval(SHUTDOWN, 1),
            "SMC_DIAG_DMBINFO", NetlinkAttrTypes.struct(40, f -> f.udec("linkid", 4).skip(4).hex("peer_gid", 8)
                    .hex("my_gid", 8).hex("token", 8).hex("peer_token", 8)),
            "SMC_DIAG_FALLBACK", NetlinkAttrTypes.struct(8, f -> f.add("reason", verbose(f.w(), f.peek(4))).skip(4)
                    .add("peer_diagnosis", verbose(f.w(), f.peek(4))).skip(4)));

    private NetlinkSockDiagSmc() {}

    /** The request or response. */
    static Value payload(NetlinkMessages.Walk w, boolean request, long addr, long len) {
        if (request) {
            return NetlinkFields.familyMsg(w, addr, len, 52, "diag_family", f -> {
                f.skip(2).xval("diag_ext", 1, EXT_FLAGS);
                NetlinkSockDiagInet.sockid(f, NetlinkSockDiag.AF_INET);
            }, null);
        }
        return NetlinkFields.familyMsg(w, addr, len, 64, "diag_family", f -> {
            f.xval("diag_state", 1, STATES).xval("diag_fallback", 1, MODES).udec("diag_shutdown", 1);
            NetlinkSockDiagInet.sockid(f, NetlinkSockDiag.AF_INET);
            f.udec("diag_uid", 4).udec("diag_inode", 8);
        }, new NetlinkFields.AttrSpec(ATTRS, MSG));
    }

    private static NetlinkFields cursor(NetlinkFields f, String name) {
        long a = f.base() + f.at();
        f.add(name, new NetlinkFields(f.w(), a).udec("reserved", 2).udec("wrap", 2).udec("count", 4).done());
        return f.skip(8);
    }

    /** print_quoted_cstring of a {@code size}-byte array: up to its NUL, {@code ...} after when it has none. */
    private static Value cstring(TraceeBytes m, long a, int size) {
        byte[] b = m.bytes(a, size - 1);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new Value.Text(StringQuoter.quote(java.util.Arrays.copyOf(b, n), n, n == b.length, 0));
    }

    /** PRINT_FIELD_XVAL_VERBOSE: the number with its name in a comment whatever {@code -X} says (not raw). */
    private static Value verbose(NetlinkMessages.Walk w, long v) {
        String hex = v == 0 ? "0" : "0x" + Long.toHexString(v);
        if (w.c().opt.xlat() == DecodeOptions.Xlat.RAW) return new Value.Text(hex);
        String n = DECL_CODES.name(v);
        return new Value.Text(hex + " /* " + (n != null ? n : "SMC_CLC_DECL_???") + " */");
    }
}
