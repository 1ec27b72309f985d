package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.FD;
import static dev.jstrace.decode.NetlinkAttrTypes.IFINDEX;
import static dev.jstrace.decode.NetlinkAttrTypes.S32;
import static dev.jstrace.decode.NetlinkAttrTypes.STR;
import static dev.jstrace.decode.NetlinkAttrTypes.U16;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;
import static dev.jstrace.decode.NetlinkAttrTypes.U8;
import static dev.jstrace.decode.NetlinkAttrTypes.X32;

/**
 * RTM_*LINK messages (strace's rtnl_link.c): {@code struct ifinfomsg} and the
 * IFLA_* attributes; the nested sets (bridge ports, IPv6, AF_SPEC, link info,
 * VF info) are in {@link NetlinkRouteLinkNested}.
 */
final class NetlinkRouteLink {
    static final ConstTable LINK_ATTRS = ConstTable.enumHex("IFLA_???", NetlinkXlats.RTNL_LINK_ATTRS);
    private static final ConstTable ARPHRD = ConstTable.enumHex("ARPHRD_???", NetlinkXlats.ARP_HARDWARE_TYPES);
    private static final ConstTable IFF = ConstTable.flags("IFF_???", NetlinkXlats.IFFFLAGS);
    private static final ConstTable PORT_ATTRS = ConstTable.enumHex("IFLA_VF_PORT_???",
            NetlinkXlats.RTNL_IFLA_PORT_ATTRS);
    private static final ConstTable VF_PORT_ATTRS = ConstTable.enumHex("IFLA_VF_PORT_???",
            NetlinkXlats.RTNL_IFLA_VF_PORT_ATTRS);
    private static final ConstTable EXT_FILTER = ConstTable.flags("RTEXT_FILTER_???",
            NetlinkXlats.RTNL_IFLA_EXT_FILTER_FLAGS);
    private static final ConstTable XDP_ATTRS = ConstTable.enumHex("IFLA_XDP_???", NetlinkXlats.RTNL_IFLA_XDP_ATTRS);
    private static final ConstTable XDP_FLAGS = ConstTable.flags("XDP_FLAGS_???", NetlinkXlats.XDP_FLAGS);
    private static final ConstTable XDP_ATTACHED = ConstTable.enumHex("XDP_ATTACHED_???",
            NetlinkXlats.RTNL_IFLA_XDP_ATTACHED_MODE);
    private static final ConstTable EVENTS = ConstTable.enumHex("IFLA_EVENT_???", NetlinkXlats.RTNL_IFLA_EVENTS);
    private static final ConstTable PROTO_DOWN_ATTRS = ConstTable.enumHex("IFLA_PROTO_DOWN_REASON_???",
            NetlinkXlats.RTNL_IFLA_PROTO_DOWN_REASON_ATTRS);

    private static final String[] STATS_FIELDS = {"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors",
        "tx_errors", "rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors", "rx_over_errors",
        "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors",
        "tx_carrier_errors", "tx_fifo_errors", "tx_heartbeat_errors", "tx_window_errors", "rx_compressed",
        "tx_compressed", "rx_nohandler", "rx_otherhost_dropped"};

    /** IFLA_STATS: struct rtnl_link_stats, 23 counters (24 with rx_nohandler). */
    private static final NetlinkAttrs.Decoder STATS = (w, a, l) -> linkStats(w, a, l, 4);
    /** IFLA_STATS64: struct rtnl_link_stats64, 23, 24 or 25 counters. */
    static final NetlinkAttrs.Decoder STATS64 = (w, a, l) -> linkStats(w, a, l, 8);

    private static final NetlinkAttrs.Decoder IFMAP = NetlinkAttrTypes.struct(28, f -> f.hex("mem_start", 8)
            .hex("mem_end", 8).hex("base_addr", 8).udec("irq", 2).udec("dma", 1).udec("port", 1));
    private static final NetlinkAttrs.Decoder PORT_VSI = NetlinkAttrTypes.struct(8, f -> {
        f.udec("vsi_mgr_id", 1).add("vsi_type_id", NetlinkAttrTypes.hexBytes(f.mem(), f.base() + 1, 3))
                .skip(3).udec("vsi_type_version", 1);
        if (f.peek(3) != 0) f.add("pad", NetlinkAttrTypes.hexBytes(f.mem(), f.base() + 5, 3));
    });
    private static final NetlinkAttrs.Decoders PORT = NetlinkAttrs.Decoders.byName(PORT_ATTRS, "IFLA_PORT_VF", U32,
            "IFLA_PORT_PROFILE", STR, "IFLA_PORT_VSI_TYPE", PORT_VSI, "IFLA_PORT_REQUEST", U8,
            "IFLA_PORT_RESPONSE", U16);
    private static final NetlinkAttrs.Decoder PORT_SET = NetlinkAttrTypes.nested(PORT_ATTRS, PORT);
    private static final NetlinkAttrs.Decoder VF_PORTS = NetlinkAttrTypes.nested(VF_PORT_ATTRS,
            NetlinkAttrs.Decoders.byName(VF_PORT_ATTRS, "IFLA_VF_PORT", PORT_SET));
    private static final NetlinkAttrs.Decoder XDP = NetlinkAttrTypes.nested(XDP_ATTRS,
            NetlinkAttrs.Decoders.byName(XDP_ATTRS, "IFLA_XDP_FD", FD, "IFLA_XDP_ATTACHED",
                    NetlinkAttrTypes.xval(XDP_ATTACHED, 1), "IFLA_XDP_FLAGS", NetlinkAttrTypes.value(4, XDP_FLAGS),
                    "IFLA_XDP_PROG_ID", U32, "IFLA_XDP_DRV_PROG_ID", U32, "IFLA_XDP_SKB_PROG_ID", U32,
                    "IFLA_XDP_HW_PROG_ID", U32, "IFLA_XDP_EXPECTED_FD", FD));
    private static final NetlinkAttrs.Decoder PROTO_DOWN_REASON = NetlinkAttrTypes.nested(PROTO_DOWN_ATTRS,
            NetlinkAttrs.Decoders.byName(PROTO_DOWN_ATTRS, "IFLA_PROTO_DOWN_REASON_MASK", X32,
                    "IFLA_PROTO_DOWN_REASON_VALUE", X32));
    /** IFLA_PROP_LIST: only IFLA_ALT_IFNAME is decoded inside it. */
    private static final NetlinkAttrs.Decoder PROP_LIST = NetlinkAttrTypes.nested(LINK_ATTRS,
            NetlinkAttrs.Decoders.byName(LINK_ATTRS, "IFLA_ALT_IFNAME", STR));

    private NetlinkRouteLink() {}

    /** struct ifinfomsg: family, pad, type, index, flags, change. */
    static Value ifinfomsg(NetlinkMessages.Walk w, long addr, long len) {
        int family = w.mem().u8(addr);
        NetlinkAttrs.Decoder hwaddr = NetlinkAttrTypes.hwaddr(family);
        NetlinkAttrs.Decoders d = NetlinkAttrs.Decoders.byName(LINK_ATTRS, "IFLA_ADDRESS", hwaddr,
                "IFLA_BROADCAST", hwaddr, "IFLA_IFNAME", STR, "IFLA_MTU", U32, "IFLA_LINK", U32, "IFLA_QDISC", STR,
                "IFLA_STATS", STATS, "IFLA_MASTER", U32, "IFLA_PROTINFO", NetlinkRouteLinkNested.protinfo(family),
                "IFLA_TXQLEN", U32, "IFLA_MAP", IFMAP, "IFLA_WEIGHT", U32, "IFLA_OPERSTATE", U8,
                "IFLA_LINKMODE", U8, "IFLA_LINKINFO", NetlinkRouteLinkNested.LINKINFO, "IFLA_NET_NS_PID", U32,
                "IFLA_IFALIAS", STR, "IFLA_NUM_VF", U32, "IFLA_VFINFO_LIST", NetlinkRouteLinkNested.VFINFO_LIST,
                "IFLA_STATS64", STATS64, "IFLA_VF_PORTS", VF_PORTS, "IFLA_PORT_SELF", PORT_SET,
                "IFLA_AF_SPEC", NetlinkRouteLinkNested.afSpec(family), "IFLA_GROUP", U32, "IFLA_NET_NS_FD", FD,
                "IFLA_EXT_MASK", NetlinkAttrTypes.xval(EXT_FILTER, 4), "IFLA_PROMISCUITY", U32,
                "IFLA_NUM_TX_QUEUES", U32, "IFLA_NUM_RX_QUEUES", U32, "IFLA_CARRIER", U8,
                "IFLA_CARRIER_CHANGES", U32, "IFLA_LINK_NETNSID", S32, "IFLA_PHYS_PORT_NAME", STR,
                "IFLA_PROTO_DOWN", U8, "IFLA_GSO_MAX_SEGS", U32, "IFLA_GSO_MAX_SIZE", U32, "IFLA_XDP", XDP,
                "IFLA_EVENT", NetlinkAttrTypes.value(4, EVENTS), "IFLA_NEW_NETNSID", S32, "IFLA_IF_NETNSID", S32,
                "IFLA_CARRIER_UP_COUNT", U32, "IFLA_CARRIER_DOWN_COUNT", U32, "IFLA_NEW_IFINDEX", IFINDEX,
                "IFLA_MIN_MTU", U32, "IFLA_MAX_MTU", U32, "IFLA_PROP_LIST", PROP_LIST, "IFLA_ALT_IFNAME", STR,
                "IFLA_PERM_ADDRESS", hwaddr, "IFLA_PROTO_DOWN_REASON", PROTO_DOWN_REASON,
                "IFLA_PARENT_DEV_NAME", STR, "IFLA_PARENT_DEV_BUS_NAME", STR, "IFLA_GRO_MAX_SIZE", U32,
                "IFLA_TSO_MAX_SIZE", U32, "IFLA_TSO_MAX_SEGS", U32, "IFLA_ALLMULTI", U32);
        return NetlinkFields.familyMsg(w, addr, len, 16, "ifi_family", f -> f.skip(1).xval("ifi_type", 2, ARPHRD)
                .ifindex("ifi_index").xval("ifi_flags", 4, IFF).hex("ifi_change", 4),
                new NetlinkFields.AttrSpec(LINK_ATTRS, d));
    }

    /** struct rtnl_link_stats (4-byte counters) or rtnl_link_stats64 (8-byte), by the lengths strace accepts. */
    private static Value linkStats(NetlinkMessages.Walk w, long a, long l, int width) {
        int min = 23 * width, def = (width == 4 ? 24 : 25) * width;
        int size = l >= def ? def : width == 8 && l == 24 * width ? 24 * width : l == min ? min : 0;
        if (size == 0) return null;
        if (!w.mem().readable(a, size)) return new Value.Ptr(a);
        NetlinkFields f = new NetlinkFields(w, a);
        for (int i = 0; i < size / width; i++) f.udec(STATS_FIELDS[i], width);
        return f.done();
    }
}
