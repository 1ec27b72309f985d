package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.U64;

import java.util.ArrayList;
import java.util.List;

/** RTM_*STATS messages (strace's rtnl_stats.c): {@code struct if_stats_msg} and the IFLA_STATS_* attributes. */
final class NetlinkRouteStats {
    private static final int AF_MPLS = 28;
    private static final ConstTable ATTRS = ConstTable.enumHex("IFLA_STATS_???", NetlinkXlats.IFSTATS_ATTRS);
    private static final ConstTable ATTR_FLAGS = ConstTable.flags("1<<IFLA_STATS_???",
            NetlinkXlats.IFSTATS_ATTR_FLAGS);
    private static final ConstTable XSTATS_TYPES = ConstTable.enumHex("LINK_XSTATS_TYPE_???",
            NetlinkXlats.IFSTATS_XSTATS_TYPE_ATTRS);
    private static final ConstTable BRIDGE_ATTRS = ConstTable.enumHex("BRIDGE_XSTATS_???",
            NetlinkXlats.IFSTATS_XSTATS_BRIDGE_ATTRS);
    private static final ConstTable BOND_ATTRS = ConstTable.enumHex("BOND_XSTATS_???",
            NetlinkXlats.IFSTATS_XSTATS_BOND_ATTRS);
    private static final ConstTable BOND_3AD_ATTRS = ConstTable.enumHex("BOND_XSTATS_???",
            NetlinkXlats.IFSTATS_XSTATS_BOND_3AD_ATTRS);
    private static final ConstTable OFFLOAD_ATTRS = ConstTable.enumHex("IFLA_OFFLOAD_XSTATS_???",
            NetlinkXlats.IFSTATS_OFFLOAD_ATTRS);
    private static final ConstTable MPLS_ATTRS = ConstTable.enumHex("MPLS_STATS_???",
            NetlinkXlats.IFSTATS_AF_SPEC_MPLS_ATTRS);
    private static final ConstTable MCAST_INDICES = ConstTable.enumDec(null,
            NetlinkXlats.IFSTATS_XSTATS_BRIDGE_MCAST_INDICES);
    private static final ConstTable VLAN_FLAGS = ConstTable.flags("BRIDGE_VLAN_INFO_???",
            NetlinkXlats.NL_BRIDGE_VLAN_FLAGS);
    private static final String[] MCAST_FIELDS = {"igmp_v1queries", "igmp_v2queries", "igmp_v3queries",
        "igmp_leaves", "igmp_v1reports", "igmp_v2reports", "igmp_v3reports", "igmp_parse_errors", "mld_v1queries",
        "mld_v2queries", "mld_leaves", "mld_v1reports", "mld_v2reports", "mld_parse_errors", "mcast_bytes",
        "mcast_packets"};

    private static final NetlinkAttrs.Decoder BRIDGE_VLAN = withTail(40, f -> f.udec("rx_bytes", 8)
            .udec("rx_packets", 8).udec("tx_bytes", 8).udec("tx_packets", 8).udec("vid", 2)
            .xval("flags", 2, VLAN_FLAGS).hexIfSet("pad2", 4));
    private static final NetlinkAttrs.Decoder BRIDGE_MCAST = withTail(240, f -> {
        for (String name : MCAST_FIELDS) {
            if (name.endsWith("_parse_errors")) {
                f.udec(name, 8);
                continue;
            }
            List<Value> items = new ArrayList<>(2);
            for (int i = 0; i < 2; i++) {
                items.add(new Value.Text("[" + f.w().c().text(MCAST_INDICES.sym(i)) + "]="
                        + Long.toUnsignedString(f.peek(8))));
                f.skip(8);
            }
            f.add(name, new Value.Array(items, false));
        }
    });
    private static final NetlinkAttrs.Decoder BRIDGE_STP = withTail(48, f -> f.udec("transition_blk", 8)
            .udec("transition_fwd", 8).udec("rx_bpdu", 8).udec("tx_bpdu", 8).udec("rx_tcn", 8).udec("tx_tcn", 8));
    private static final NetlinkAttrs.Decoder MPLS_LINK = withTail(72, f -> f.udec("rx_packets", 8)
            .udec("tx_packets", 8).udec("rx_bytes", 8).udec("tx_bytes", 8).udec("rx_errors", 8)
            .udec("tx_errors", 8).udec("rx_dropped", 8).udec("tx_dropped", 8).udec("rx_noroute", 8));
    private static final NetlinkAttrs.Decoders BOND_3AD = NetlinkAttrs.Decoders.byName(BOND_3AD_ATTRS,
            "BOND_3AD_STAT_LACPDU_RX", U64, "BOND_3AD_STAT_LACPDU_TX", U64, "BOND_3AD_STAT_LACPDU_UNKNOWN_RX", U64,
            "BOND_3AD_STAT_LACPDU_ILLEGAL_RX", U64, "BOND_3AD_STAT_MARKER_RX", U64, "BOND_3AD_STAT_MARKER_TX", U64,
            "BOND_3AD_STAT_MARKER_RESP_RX", U64, "BOND_3AD_STAT_MARKER_RESP_TX", U64,
            "BOND_3AD_STAT_MARKER_UNKNOWN_RX", U64);
    private static final NetlinkAttrs.Decoder XSTATS = NetlinkAttrTypes.nested(XSTATS_TYPES,
            NetlinkAttrs.Decoders.byName(XSTATS_TYPES,
                    "LINK_XSTATS_TYPE_BRIDGE", NetlinkAttrTypes.nested(BRIDGE_ATTRS, NetlinkAttrs.Decoders.byName(
                            BRIDGE_ATTRS, "BRIDGE_XSTATS_VLAN", BRIDGE_VLAN, "BRIDGE_XSTATS_MCAST", BRIDGE_MCAST,
                            "BRIDGE_XSTATS_STP", BRIDGE_STP)),
                    "LINK_XSTATS_TYPE_BOND", NetlinkAttrTypes.nested(BOND_ATTRS, NetlinkAttrs.Decoders.byName(
                            BOND_ATTRS, "BOND_XSTATS_3AD", NetlinkAttrTypes.nested(BOND_3AD_ATTRS, BOND_3AD)))));
    private static final NetlinkAttrs.Decoder OFFLOAD = NetlinkAttrTypes.nested(OFFLOAD_ATTRS,
            NetlinkAttrs.Decoders.byName(OFFLOAD_ATTRS, "IFLA_OFFLOAD_XSTATS_CPU_HIT", NetlinkRouteLink.STATS64));
    private static final NetlinkAttrs.Decoder AF_SPEC = (w, a, l) -> NetlinkAttrs.decodeTyped(w, a, l,
            NetlinkRouteLinkNested.AF_NAMES, (w2, type, da, dl) -> type == AF_MPLS
                    ? NetlinkAttrs.decode(w2, da, dl, MPLS_ATTRS, NetlinkAttrs.Decoders.byName(MPLS_ATTRS,
                            "MPLS_STATS_LINK", MPLS_LINK))
                    : w2.mem().hexString(da, dl, w2.stringLimit()));
    private static final NetlinkAttrs.Decoders DECODERS = NetlinkAttrs.Decoders.byName(ATTRS,
            "IFLA_STATS_LINK_64", NetlinkRouteLink.STATS64, "IFLA_STATS_LINK_XSTATS", XSTATS,
            "IFLA_STATS_LINK_XSTATS_SLAVE", XSTATS, "IFLA_STATS_LINK_OFFLOAD_XSTATS", OFFLOAD,
            "IFLA_STATS_AF_SPEC", AF_SPEC);

    private NetlinkRouteStats() {}

    /** struct if_stats_msg: family, pad1, pad2 (printed when set), ifindex, filter_mask. */
    static Value ifstatsmsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 12, "family", f -> f.hexIfSet("pad1", 1).hexIfSet("pad2", 2)
                .ifindex("ifindex").xval("filter_mask", 4, ATTR_FLAGS), new NetlinkFields.AttrSpec(ATTRS, DECODERS));
    }

    /** A struct of {@code size} bytes, then whatever the attribute holds past it in hex. */
    private static NetlinkAttrs.Decoder withTail(int size, NetlinkFields.FieldReader fields) {
        NetlinkAttrs.Decoder s = NetlinkAttrTypes.struct(size, fields);
        return (w, a, l) -> {
            Value v = s.decode(w, a, l);
            if (v == null || l <= size || v instanceof Value.Ptr) return v;
            return NetlinkFamilies.flat(v, w.mem().hexString(a + size, l - size, w.stringLimit()));
        };
    }
}
