package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.STR;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;
import static dev.jstrace.decode.NetlinkAttrTypes.U64;
import static dev.jstrace.decode.NetlinkAttrTypes.U8;

/**
 * Traffic control of NETLINK_ROUTE (strace's rtnl_tc.c, rtnl_tc_action.c):
 * {@code struct tcmsg} for qdiscs, classes, filters and chains, {@code struct tcamsg}
 * for actions, and their statistics.
 */
final class NetlinkRouteTc {
    private static final ConstTable TC_ATTRS = ConstTable.enumHex("TCA_???", NetlinkXlats.RTNL_TC_ATTRS);
    private static final ConstTable STATS_ATTRS = ConstTable.enumHex("TCA_STATS_???",
            NetlinkXlats.RTNL_TCA_STATS_ATTRS);
    private static final ConstTable STAB_ATTRS = ConstTable.enumHex("TCA_STAB_???", NetlinkXlats.RTNL_TCA_STAB_ATTRS);
    private static final ConstTable ACTION_ATTRS = ConstTable.enumHex("TCA_ACT_???",
            NetlinkXlats.RTNL_TC_ACTION_ATTRS);
    private static final ConstTable ACT_FLAGS = ConstTable.flags("TCA_ACT_FLAGS_???", NetlinkXlats.RTNL_TCA_ACT_FLAGS);
    private static final ConstTable ACT_HW_STATS = ConstTable.flags("TCA_ACT_HW_STATS_???",
            NetlinkXlats.RTNL_TCA_ACT_HW_STATS);

    private static final NetlinkAttrs.Decoder BASIC = NetlinkAttrTypes.struct(12, f -> f.udec("bytes", 8)
            .udec("packets", 4));
    /** decode_nla_tc_stats: the TCA_STATS_* set. */
    static final NetlinkAttrs.Decoder TC_STATS = NetlinkAttrTypes.nested(STATS_ATTRS,
            NetlinkAttrs.Decoders.byName(STATS_ATTRS, "TCA_STATS_BASIC", BASIC,
                    "TCA_STATS_RATE_EST", NetlinkAttrTypes.struct(8, f -> f.udec("bps", 4).udec("pps", 4)),
                    "TCA_STATS_QUEUE", NetlinkAttrTypes.struct(20, f -> f.udec("qlen", 4).udec("backlog", 4)
                            .udec("drops", 4).udec("requeues", 4).udec("overlimits", 4)),
                    "TCA_STATS_RATE_EST64", NetlinkAttrTypes.struct(16, f -> f.udec("bps", 8).udec("pps", 8)),
                    "TCA_STATS_BASIC_HW", BASIC, "TCA_STATS_PKT64", U64));
    private static final NetlinkAttrs.Decoder STAB = NetlinkAttrTypes.nested(STAB_ATTRS,
            NetlinkAttrs.Decoders.byName(STAB_ATTRS,
                    "TCA_STAB_BASE", NetlinkAttrTypes.struct(24, f -> f.udec("cell_log", 1).udec("size_log", 1)
                            .sdec("cell_align", 2).sdec("overhead", 4).udec("linklayer", 4).udec("mpu", 4)
                            .udec("mtu", 4).udec("tsize", 4)),
                    "TCA_STAB_DATA", (NetlinkAttrs.Decoder) (w, a, l) -> l / 2 == 0 ? null
                            : NetlinkAttrTypes.array(w, a, l, 2, (at, i) -> new Value.Num(w.mem().u16(at),
                                    Value.Radix.UDEC))));
    private static final NetlinkAttrs.Decoders TC = NetlinkAttrs.Decoders.byName(TC_ATTRS, "TCA_KIND", STR,
            "TCA_STATS", NetlinkAttrTypes.struct(36, f -> f.udec("bytes", 8).udec("packets", 4).udec("drops", 4)
                    .udec("overlimits", 4).udec("bps", 4).udec("pps", 4).udec("qlen", 4).udec("backlog", 4)),
            "TCA_RATE", NetlinkAttrTypes.struct(2, f -> f.sdec("interval", 1).udec("ewma_log", 1)),
            "TCA_FCNT", U32, "TCA_STATS2", TC_STATS, "TCA_STAB", STAB, "TCA_CHAIN", U32, "TCA_HW_OFFLOAD", U8,
            "TCA_INGRESS_BLOCK", U32, "TCA_EGRESS_BLOCK", U32, "TCA_DUMP_FLAGS", U32);
    private static final NetlinkAttrs.Decoders ACTION = NetlinkAttrs.Decoders.byName(ACTION_ATTRS,
            "TCA_ACT_KIND", STR, "TCA_ACT_INDEX", U32, "TCA_ACT_STATS", TC_STATS,
            "TCA_ACT_FLAGS", NetlinkAttrTypes.xval(ACT_FLAGS, 4),
            "TCA_ACT_HW_STATS", NetlinkAttrTypes.xval(ACT_HW_STATS, 4),
            "TCA_ACT_USED_HW_STATS", NetlinkAttrTypes.xval(ACT_HW_STATS, 4), "TCA_ACT_IN_HW_COUNT", U32);

    private NetlinkRouteTc() {}

    /** struct tcmsg: family, pads, ifindex, handle, parent, info. */
    static Value tcmsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 20, "tcm_family", f -> f.skip(3).ifindex("tcm_ifindex")
                .udec("tcm_handle", 4).udec("tcm_parent", 4).udec("tcm_info", 4),
                new NetlinkFields.AttrSpec(TC_ATTRS, TC));
    }

    /** struct tcamsg: the family, then the TCA_ACT_* attributes. */
    static Value tcamsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkRoute.rtgenmsg(w, addr, len, "tca_family", new NetlinkFields.AttrSpec(ACTION_ATTRS, ACTION));
    }
}
