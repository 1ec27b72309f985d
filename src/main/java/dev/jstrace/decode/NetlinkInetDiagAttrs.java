package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.STR;
import static dev.jstrace.decode.NetlinkAttrTypes.U16;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;
import static dev.jstrace.decode.NetlinkAttrTypes.U64;
import static dev.jstrace.decode.NetlinkAttrTypes.U8;
import static dev.jstrace.decode.NetlinkAttrTypes.X32;

import dev.jstrace.proc.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The INET_DIAG_* response attributes strace 6.1's netlink_inet_diag.c decodes
 * beyond plain numbers: congestion-control infos (Vegas, DCTCP, BBR), shutdown
 * bits, local and peer socket addresses, TCP MD5 signatures, ULP info (TLS,
 * MPTCP), BPF socket storages and the socket option bits.
 */
final class NetlinkInetDiagAttrs {
    private static final ConstTable SHUTDOWN = ConstTable.flags("???_SHUTDOWN", NetlinkXlats.INET_DIAG_SHUTDOWN_FLAGS);
    private static final ConstTable ULP_ATTRS = ConstTable.enumHex("INET_ULP_INFO_???",
            NetlinkXlats.INET_DIAG_ULP_INFO_ATTRS);
    private static final ConstTable TLS_ATTRS = ConstTable.enumHex("TLS_INFO_???",
            NetlinkXlats.INET_DIAG_ULP_INFO_TLS_ATTRS);
    private static final ConstTable MPTCP_ATTRS = ConstTable.enumHex("MPTCP_SUBFLOW_ATTR_???",
            NetlinkXlats.INET_DIAG_ULP_INFO_MPTCP_ATTRS);
    private static final ConstTable TLS_VERSIONS = ConstTable.enumHex("TLS_???_VERSION",
            NetlinkXlats.TLS_INFO_VERSIONS);
    private static final ConstTable TLS_CIPHERS = ConstTable.enumHex("TLS_CIPHER_???", NetlinkXlats.TLS_INFO_CIPHERS);
    private static final ConstTable TLS_CONFIGS = ConstTable.enumHex("TLS_CONF_???", NetlinkXlats.TLS_INFO_CONFIGS);
    private static final ConstTable MPTCP_FLAGS = ConstTable.flags("MPTCP_SUBFLOW_FLAG_???",
            NetlinkXlats.MPTCP_SUBFLOW_FLAGS);
    private static final ConstTable STORAGES_ATTRS = ConstTable.enumHex("SK_DIAG_BPF_STORAGE_???",
            NetlinkXlats.INET_DIAG_BPF_STORAGES_ATTRS);
    private static final ConstTable STORAGE_ATTRS = ConstTable.enumHex("SK_DIAG_BPF_STORAGE_???",
            NetlinkXlats.INET_DIAG_BPF_STORAGE_ATTRS);
    private static final String[] SOCKOPT_BITS = {"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop",
        "transparent", "mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884", "defer_connect"};

    static final NetlinkAttrs.Decoder VEGAS = NetlinkAttrTypes.struct(16, f -> f.udec("tcpv_enabled", 4)
            .udec("tcpv_rttcnt", 4).udec("tcpv_rtt", 4).udec("tcpv_minrtt", 4));
    static final NetlinkAttrs.Decoder DCTCP = NetlinkAttrTypes.struct(16, f -> f.udec("dctcp_enabled", 2)
            .udec("dctcp_ce_state", 2).udec("dctcp_alpha", 4).udec("dctcp_ab_ecn", 4).udec("dctcp_ab_tot", 4));
    static final NetlinkAttrs.Decoder BBR = NetlinkAttrTypes.struct(20, f -> f.hex("bbr_bw_lo", 4)
            .hex("bbr_bw_hi", 4).udec("bbr_min_rtt", 4).udec("bbr_pacing_gain", 4).udec("bbr_cwnd_gain", 4));

    /** decode_diag_shutdown: the bits with their names in a comment (the names are not UAPI), raw under -X raw. */
    static final NetlinkAttrs.Decoder SHUTDOWN_BITS = (w, a, l) -> {
        if (l > 8 || l < 1) return null;
        if (!w.mem().readable(a, 1)) return new Value.Ptr(a);
        DecodeOptions.Xlat style = w.c().opt.xlat() == DecodeOptions.Xlat.RAW ? DecodeOptions.Xlat.RAW
                : DecodeOptions.Xlat.VERBOSE;
        return new Value.Text(SHUTDOWN.render(w.mem().u8(a), style));
    };

    /** decode_nla_sockaddrs: an array of struct sockaddr_storage. */
    static final NetlinkAttrs.Decoder SOCKADDRS = (w, a, l) -> l / 128 == 0 ? null
            : NetlinkAttrTypes.array(w, a, l, 128, (at, i) -> {
                Snapshot one = Snapshot.builder().add(new Snapshot.Region(at, w.mem().bytes(at, 128), true, true,
                        Snapshot.Kind.BYTES)).build();
                return SockaddrDecoder.decode(w.c(), one, at, 128);
            });

    /** decode_tcp_md5sig: an array of struct tcp_diag_md5sig. */
    static final NetlinkAttrs.Decoder MD5SIG = (w, a, l) -> l / 100 == 0 ? null
            : NetlinkAttrTypes.array(w, a, l, 100, (at, i) -> {
                int family = w.mem().u8(at);
                int keylen = w.mem().u16(at + 2);
                return new NetlinkFields(w, at).af("tcpm_family").udec("tcpm_prefixlen", 1).udec("tcpm_keylen", 2)
                        .add(NetlinkAttrTypes.inetFieldOf(w, at + 4, 16, family, "tcpm_addr"))
                        .add("tcpm_key", NetlinkAttrTypes.hexBytes(w.mem(), at + 20, Math.min(80, keylen))).done();
            });

    static final NetlinkAttrs.Decoder ULP_INFO = NetlinkAttrTypes.nested(ULP_ATTRS, NetlinkAttrs.Decoders.byName(
            ULP_ATTRS, "INET_ULP_INFO_NAME", STR,
            "INET_ULP_INFO_TLS", NetlinkAttrTypes.nested(TLS_ATTRS, NetlinkAttrs.Decoders.byName(TLS_ATTRS,
                    "TLS_INFO_VERSION", NetlinkAttrTypes.xval(TLS_VERSIONS, 2),
                    "TLS_INFO_CIPHER", NetlinkAttrTypes.xval(TLS_CIPHERS, 2),
                    "TLS_INFO_TXCONF", NetlinkAttrTypes.xval(TLS_CONFIGS, 2),
                    "TLS_INFO_RXCONF", NetlinkAttrTypes.xval(TLS_CONFIGS, 2))),
            "INET_ULP_INFO_MPTCP", NetlinkAttrTypes.nested(MPTCP_ATTRS, NetlinkAttrs.Decoders.byName(MPTCP_ATTRS,
                    "MPTCP_SUBFLOW_ATTR_TOKEN_REM", X32, "MPTCP_SUBFLOW_ATTR_TOKEN_LOC", X32,
                    "MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ", U32, "MPTCP_SUBFLOW_ATTR_MAP_SEQ", U64,
                    "MPTCP_SUBFLOW_ATTR_MAP_SFSEQ", U32, "MPTCP_SUBFLOW_ATTR_SSN_OFFSET", U32,
                    "MPTCP_SUBFLOW_ATTR_MAP_DATALEN", U16,
                    "MPTCP_SUBFLOW_ATTR_FLAGS", NetlinkAttrTypes.xval(MPTCP_FLAGS, 4),
                    "MPTCP_SUBFLOW_ATTR_ID_REM", U8, "MPTCP_SUBFLOW_ATTR_ID_LOC", U8))));

    /** decode_nla_xint: a 1, 2, 4 or 8-byte value in hex. */
    private static final NetlinkAttrs.Decoder XINT = (w, a, l) -> switch ((int) l) {
        case 1 -> NetlinkAttrTypes.X8.decode(w, a, l);
        case 2 -> NetlinkAttrTypes.X16.decode(w, a, l);
        case 4 -> NetlinkAttrTypes.X32.decode(w, a, l);
        case 8 -> NetlinkAttrTypes.X64.decode(w, a, l);
        default -> null;
    };
    static final NetlinkAttrs.Decoder BPF_STORAGES = NetlinkAttrTypes.nested(STORAGES_ATTRS,
            NetlinkAttrs.Decoders.byName(STORAGES_ATTRS, "SK_DIAG_BPF_STORAGE", NetlinkAttrTypes.nested(STORAGE_ATTRS,
                    NetlinkAttrs.Decoders.byName(STORAGE_ATTRS, "SK_DIAG_BPF_STORAGE_MAP_ID", U32,
                            "SK_DIAG_BPF_STORAGE_MAP_VALUE", XINT))));

    /** decode_diag_sockopt: the set bits by name (all of them under -v), then any non-zero bytes past the two. */
    static final NetlinkAttrs.Decoder SOCKOPT = (w, a, l) -> {
        if (l < 2) return null;
        if (!w.mem().readable(a, 2)) return new Value.Ptr(a);
        int bits = w.mem().u8(a) | (w.mem().u8(a + 1) << 8);
        List<Value.Field> fs = new ArrayList<>();
        for (int i = 0; i < SOCKOPT_BITS.length; i++) {
            int bit = (bits >> i) & 1;
            if (!w.abbreviates() || bit != 0) fs.add(new Value.Field(SOCKOPT_BITS[i], new Value.Num(bit,
                    Value.Radix.UDEC)));
        }
        int unused = bits >> 11;
        if (!w.abbreviates() || unused != 0) {
            fs.add(new Value.Field("unused", new Value.Commented(new Value.Num(unused, Value.Radix.HEX), "bits 3..8")));
        }
        Value s = new Value.Struct(fs, false);
        if (l <= 2) return s;
        long rest = Math.min(l, 4096) - 2;
        if (!w.mem().readable(a + 2, rest)) return NetlinkFamilies.flat(s, new Value.Text("???"));
        byte[] b = w.mem().bytes(a + 2, (int) rest);
        boolean zero = true;
        for (byte x : b) zero &= x == 0;
        if (zero) return s;
        int shown = (int) Math.min(rest, w.stringLimit());
        return NetlinkFamilies.flat(s, new Value.Text("/* bytes 2.." + (rest + 1) + " */ "
                + StringQuoter.quote(java.util.Arrays.copyOf(b, shown), shown, false, 2) + (shown < rest ? "..." : "")));
    };

    private NetlinkInetDiagAttrs() {}
}
