package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.U32;

/**
 * NETLINK_SOCK_DIAG requests and responses of AF_PACKET (strace's
 * netlink_packet_diag.c).
 */
final class NetlinkSockDiagPacket {
    private static final ConstTable PACKET_ATTRS = ConstTable.enumHex("PACKET_DIAG_???",
            NetlinkXlats.PACKET_DIAG_ATTRS);
    private static final ConstTable PACKET_SHOW = ConstTable.flags("PACKET_SHOW_???", NetlinkXlats.PACKET_DIAG_SHOW);
    private static final ConstTable PACKET_INFO_FLAGS = ConstTable.flags("PDI_???",
            NetlinkXlats.PACKET_DIAG_INFO_FLAGS);
    private static final ConstTable PACKET_VERSIONS = ConstTable.enumHex("TPACKET_???",
            NetlinkXlats.AF_PACKET_VERSIONS);
    private static final ConstTable ETHER_PROTOCOLS = ConstTable.enumHex("ETH_P_???",
            NetlinkXlats.ETHERNET_PROTOCOLS);

    private static final ConstTable SKF_AD = ConstTable.enumHex("SKF_AD_???", NetlinkXlats.SKF_AD);

    /** PACKET_DIAG_FILTER: print_sock_fprog, the socket filter's instructions. */
    private static final NetlinkAttrs.Decoder FILTER = (w, a, l) -> l / 8 == 0 || l / 8 > 0xffff ? null
            : NetlinkAttrTypes.array(w, a, l, 8, (at, i) -> new Value.Text(SeccompFilter.socketInstruction(w.c(),
                    w.mem().bytes(at, 8), 0, SKF_AD)));

    private static final NetlinkAttrs.Decoders PACKET = NetlinkAttrs.Decoders.byName(PACKET_ATTRS,
            "PACKET_DIAG_INFO", NetlinkAttrTypes.struct(24, f -> f.ifindex("pdi_index")
                    .xval("pdi_version", 4, PACKET_VERSIONS).udec("pdi_reserve", 4).udec("pdi_copy_thresh", 4)
                    .udec("pdi_tstamp", 4).xval("pdi_flags", 4, PACKET_INFO_FLAGS)),
            "PACKET_DIAG_MCLIST", (NetlinkAttrs.Decoder) (w, a, l) -> l / 44 == 0 ? null
                    : NetlinkAttrTypes.array(w, a, l, 44, (at, i) -> {
                        NetlinkFields f = new NetlinkFields(w, at).ifindex("pdmc_index").udec("pdmc_count", 4)
                                .udec("pdmc_type", 2);
                        int alen = (int) f.peek(2);
                        return f.udec("pdmc_alen", 2).add("pdmc_addr",
                                NetlinkAttrTypes.hexBytes(w.mem(), at + 12, Math.min(alen, 32))).done();
                    }),
            "PACKET_DIAG_RX_RING", ring(), "PACKET_DIAG_TX_RING", ring(), "PACKET_DIAG_FANOUT", U32,
            "PACKET_DIAG_UID", NetlinkAttrTypes.UID, "PACKET_DIAG_MEMINFO", NetlinkSockDiag.MEMINFO,
            "PACKET_DIAG_FILTER", FILTER);

    private NetlinkSockDiagPacket() {}

    /** The request or response. */
    static Value payload(NetlinkMessages.Walk w, boolean request, long addr, long len) {
        return request ? packetReq(w, addr, len) : packetMsg(w, addr, len);
    }

    private static NetlinkAttrs.Decoder ring() {
        return NetlinkAttrTypes.struct(28, f -> f.udec("pdr_block_size", 4).udec("pdr_block_nr", 4)
                .udec("pdr_frame_size", 4).udec("pdr_frame_nr", 4).udec("pdr_retire_tmo", 4)
                .udec("pdr_sizeof_priv", 4).udec("pdr_features", 4));
    }

    /** struct packet_diag_req: family, protocol, pad, ino, show, cookie. */
    private static Value packetReq(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 20, "sdiag_family", f -> NetlinkSockDiag.cookie(
                f.hex("sdiag_protocol", 1).skip(2).udec("pdiag_ino", 4).xval("pdiag_show", 4, PACKET_SHOW),
                "pdiag_cookie"), null);
    }

    /** struct packet_diag_msg: family, type, num, ino, cookie. */
    private static Value packetMsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 16, "pdiag_family", f -> NetlinkSockDiag.cookie(
                f.xval("pdiag_type", 1, NetlinkSockDiag.SOCK_TYPES).xval("pdiag_num", 2, ETHER_PROTOCOLS)
                        .udec("pdiag_ino", 4), "pdiag_cookie"), new NetlinkFields.AttrSpec(PACKET_ATTRS, PACKET));
    }
}
