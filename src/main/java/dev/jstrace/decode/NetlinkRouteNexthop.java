package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.CLOCK_T;
import static dev.jstrace.decode.NetlinkAttrTypes.IFINDEX;
import static dev.jstrace.decode.NetlinkAttrTypes.U16;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;

/** RTM_*NEXTHOP messages (strace's rtnl_nh.c): {@code struct nhmsg} and the NHA_* attributes. */
final class NetlinkRouteNexthop {
    private static final ConstTable ATTRS = ConstTable.enumHex("NHA_???", NetlinkXlats.RTNL_NEXTHOP_ATTRS);
    private static final ConstTable GRP_TYPES = ConstTable.enumHex("NEXTHOP_GRP_TYPE_???",
            NetlinkXlats.RTNL_NEXTHOP_GRP_TYPES);
    private static final ConstTable RES_GROUP_ATTRS = ConstTable.enumHex("NHA_RES_GROUP_???",
            NetlinkXlats.RTNL_NHA_RES_GROUP_ATTRS);
    private static final ConstTable RES_BUCKET_ATTRS = ConstTable.enumHex("NHA_RES_BUCKET_???",
            NetlinkXlats.RTNL_NHA_RES_BUCKET_ATTRS);
    private static final NetlinkAttrs.Decoders RES_GROUP = NetlinkAttrs.Decoders.byName(RES_GROUP_ATTRS,
            "NHA_RES_GROUP_BUCKETS", U16, "NHA_RES_GROUP_IDLE_TIMER", CLOCK_T,
            "NHA_RES_GROUP_UNBALANCED_TIMER", CLOCK_T, "NHA_RES_GROUP_UNBALANCED_TIME", CLOCK_T);
    private static final NetlinkAttrs.Decoders RES_BUCKET = NetlinkAttrs.Decoders.byName(RES_BUCKET_ATTRS,
            "NHA_RES_BUCKET_INDEX", U16, "NHA_RES_BUCKET_IDLE_TIME", CLOCK_T, "NHA_RES_BUCKET_NH_ID", U32);

    /** NHA_GROUP: an array of struct nexthop_grp (id, weight, resvd1, resvd2). */
    private static final NetlinkAttrs.Decoder GROUP = (w, a, l) -> l < 8 ? null
            : NetlinkAttrTypes.array(w, a, l, 8, (at, i) -> new NetlinkFields(w, at).udec("id", 4)
                    .udec("weight", 1).hexIfSet("resvd1", 1).hexIfSet("resvd2", 2).done());

    private NetlinkRouteNexthop() {}

    /** struct nhmsg: family, scope, protocol, resvd, flags. */
    static Value nhmsg(NetlinkMessages.Walk w, long addr, long len) {
        NetlinkAttrs.Decoders d = NetlinkAttrs.Decoders.byName(ATTRS, "NHA_ID", U32, "NHA_GROUP", GROUP,
                "NHA_GROUP_TYPE", NetlinkAttrTypes.xval(GRP_TYPES, 2), "NHA_BLACKHOLE", U32, "NHA_OIF", IFINDEX,
                "NHA_GATEWAY", NetlinkAttrTypes.inetAddrOf(w.mem().u8(addr)),
                "NHA_ENCAP_TYPE", NetlinkRouteAddr.ENCAP_TYPE, "NHA_GROUPS", U32, "NHA_MASTER", IFINDEX,
                "NHA_FDB", U32, "NHA_RES_GROUP", NetlinkAttrTypes.nested(RES_GROUP_ATTRS, RES_GROUP),
                "NHA_RES_BUCKET", NetlinkAttrTypes.nested(RES_BUCKET_ATTRS, RES_BUCKET));
        return NetlinkFields.familyMsg(w, addr, len, 8, "nh_family", f -> f.xval("nh_scope", 1,
                NetlinkRouteAddr.SCOPES).xval("nh_protocol", 1, NetlinkRouteAddr.PROTOCOLS).hexIfSet("resvd", 1)
                .xval("nh_flags", 4, NetlinkRouteAddr.NEXTHOP_FLAGS), new NetlinkFields.AttrSpec(ATTRS, d));
    }
}
