package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.CLOCK_T;
import static dev.jstrace.decode.NetlinkAttrTypes.IFINDEX;
import static dev.jstrace.decode.NetlinkAttrTypes.STR;
import static dev.jstrace.decode.NetlinkAttrTypes.U16;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;
import static dev.jstrace.decode.NetlinkAttrTypes.U64;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbours, neighbour tables and the bridge multicast database of
 * NETLINK_ROUTE (strace's rtnl_neigh.c, rtnl_neightbl.c, rtnl_mdb.c):
 * {@code struct ndmsg}, {@code struct ndtmsg}, {@code struct br_port_msg}.
 */
final class NetlinkRouteNeigh {
    private static final int AF_BRIDGE = 7;
    private static final ConstTable NEIGH_ATTRS = ConstTable.enumHex("NDA_???", NetlinkXlats.RTNL_NEIGH_ATTRS);
    private static final ConstTable STATES = ConstTable.flags("NUD_???", NetlinkXlats.NEIGHBOR_CACHE_ENTRY_STATES);
    private static final ConstTable FLAGS = ConstTable.flags("NTF_???", NetlinkXlats.NEIGHBOR_CACHE_ENTRY_FLAGS);
    private static final ConstTable EXT_FLAGS = ConstTable.flags("NTF_EXT_???",
            NetlinkXlats.NEIGHBOR_CACHE_ENTRY_EXT_FLAGS);
    private static final ConstTable FDB_EXT_ATTRS = ConstTable.enumHex("NFEA_???",
            NetlinkXlats.RTNL_NEIGH_FDB_EXT_ATTRS);
    private static final ConstTable FDB_NOTIFY = ConstTable.flags("FDB_NOTIFY_???", NetlinkXlats.FDB_NOTIFY_FLAGS);
    private static final ConstTable TBL_ATTRS = ConstTable.enumHex("NDTA_???", NetlinkXlats.RTNL_NEIGHTBL_ATTRS);
    private static final ConstTable PARMS_ATTRS = ConstTable.enumHex("NDTPA_???",
            NetlinkXlats.RTNL_NEIGHTBL_PARMS_ATTRS);
    private static final ConstTable MDB_ATTRS = ConstTable.enumHex("MDBA_???", NetlinkXlats.RTNL_MDB_ATTRS);
    private static final ConstTable MDBA_MDB_ATTRS = ConstTable.enumHex("MDBA_MDB_???",
            NetlinkXlats.RTNL_MDBA_MDB_ATTRS);
    private static final ConstTable ENTRY_ATTRS = ConstTable.enumHex("MDBA_MDB_ENTRY_???",
            NetlinkXlats.RTNL_MDBA_MDB_ENTRY_ATTRS);
    private static final ConstTable EATTR_ATTRS = ConstTable.enumHex("MDBA_MDB_EATTR_???",
            NetlinkXlats.RTNL_MDBA_MDB_EATTR_ATTRS);
    private static final ConstTable ROUTER_ATTRS = ConstTable.enumHex("MDBA_ROUTER_???",
            NetlinkXlats.RTNL_MDBA_ROUTER_ATTRS);
    private static final ConstTable PATTR_ATTRS = ConstTable.enumHex("MDBA_ROUTER_PATTR_???",
            NetlinkXlats.RTNL_MDBA_ROUTER_PATTR_ATTRS);
    private static final ConstTable MDB_STATES = ConstTable.enumHex("MDB_???", NetlinkXlats.MDB_STATES);
    private static final ConstTable MDB_FLAGS = ConstTable.flags("MDB_FLAGS_???", NetlinkXlats.MDB_FLAGS);
    private static final ConstTable ROUTER_TYPES = ConstTable.enumHex("MDB_RTR_TYPE_???",
            NetlinkXlats.MULTICAST_ROUTER_TYPES);

    private static final NetlinkAttrs.Decoders PARMS = NetlinkAttrs.Decoders.byName(PARMS_ATTRS,
            "NDTPA_IFINDEX", IFINDEX, "NDTPA_REFCNT", U32, "NDTPA_REACHABLE_TIME", U64,
            "NDTPA_BASE_REACHABLE_TIME", U64, "NDTPA_RETRANS_TIME", U64, "NDTPA_GC_STALETIME", U64,
            "NDTPA_DELAY_PROBE_TIME", U64, "NDTPA_QUEUE_LEN", U32, "NDTPA_APP_PROBES", U32,
            "NDTPA_UCAST_PROBES", U32, "NDTPA_MCAST_PROBES", U32, "NDTPA_ANYCAST_DELAY", U64,
            "NDTPA_PROXY_DELAY", U64, "NDTPA_PROXY_QLEN", U32, "NDTPA_LOCKTIME", U64, "NDTPA_QUEUE_LENBYTES", U32,
            "NDTPA_MCAST_REPROBES", U32, "NDTPA_INTERVAL_PROBE_TIME_MS", U64);
    private static final NetlinkAttrs.Decoder NDT_STATS = (w, a, l) -> {
        int size = l >= 88 ? 88 : l == 80 ? 80 : 0;
        if (size == 0) return null;
        if (!w.mem().readable(a, size)) return new Value.Ptr(a);
        NetlinkFields f = new NetlinkFields(w, a).udec("ndts_allocs", 8).udec("ndts_destroys", 8)
                .udec("ndts_hash_grows", 8).udec("ndts_res_failed", 8).udec("ndts_lookups", 8).udec("ndts_hits", 8)
                .udec("ndts_rcv_probes_mcast", 8).udec("ndts_rcv_probes_ucast", 8)
                .udec("ndts_periodic_gc_runs", 8).udec("ndts_forced_gc_runs", 8);
        if (size == 88) f.udec("ndts_table_fulls", 8);
        return f.done();
    };
    private static final NetlinkAttrs.Decoders TBL = NetlinkAttrs.Decoders.byName(TBL_ATTRS, "NDTA_NAME", STR,
            "NDTA_THRESH1", U32, "NDTA_THRESH2", U32, "NDTA_THRESH3", U32,
            "NDTA_CONFIG", NetlinkAttrTypes.struct(32, f -> f.udec("ndtc_key_len", 2).udec("ndtc_entry_size", 2)
                    .udec("ndtc_entries", 4).udec("ndtc_last_flush", 4).udec("ndtc_last_rand", 4)
                    .udec("ndtc_hash_rnd", 4).add("ndtc_hash_mask", new Value.Text(SockaddrDecoder.hash08x(
                            f.peek(4)))).skip(4).udec("ndtc_hash_chain_gc", 4).udec("ndtc_proxy_qlen", 4)),
            "NDTA_PARMS", NetlinkAttrTypes.nested(PARMS_ATTRS, PARMS), "NDTA_STATS", NDT_STATS,
            "NDTA_GC_INTERVAL", U64);

    private static final NetlinkAttrs.Decoder ENTRY_INFO = (w, a, l) -> {
        if (l < 28) return null;
        if (!w.mem().readable(a, 28)) return new Value.Ptr(a);
        int p = w.mem().u16(a + 24);
        int proto = ((p & 0xff) << 8) | (p >> 8);
        List<Value.Field> addr = new ArrayList<>(2);
        addr.add(NetlinkAttrTypes.inetFieldOf(w, a + 8, 16, proto, "u"));
        addr.add(new Value.Field("proto", new Value.Text("htons(" + w.c().text(NetlinkFamilies.af(proto)) + ")")));
        Value s = new NetlinkFields(w, a).ifindex("ifindex").xval("state", 1, MDB_STATES)
                .xval("flags", 1, MDB_FLAGS).udec("vid", 2).add("addr", new Value.Struct(addr, false)).done();
        if (l <= 28) return s;
        return NetlinkFamilies.flat(s, NetlinkAttrs.decode(w, a + 28, l - 28, EATTR_ATTRS,
                NetlinkAttrs.Decoders.byName(EATTR_ATTRS, "MDBA_MDB_EATTR_TIMER", CLOCK_T)));
    };
    private static final NetlinkAttrs.Decoder ROUTER_PORT = (w, a, l) -> {
        if (l < 4) return null;
        Value ifindex = IFINDEX.decode(w, a, l);
        if (l <= 4) return ifindex;
        return NetlinkFamilies.flat(ifindex, NetlinkAttrs.decode(w, a + 4, l - 4, PATTR_ATTRS,
                NetlinkAttrs.Decoders.byName(PATTR_ATTRS, "MDBA_ROUTER_PATTR_TIMER", CLOCK_T,
                        "MDBA_ROUTER_PATTR_TYPE", (NetlinkAttrs.Decoder) (w2, a2, l2) -> w2.mem().readable(a2, 1)
                                ? ROUTER_TYPES.sym(w2.mem().u8(a2)) : new Value.Ptr(a2),
                        "MDBA_ROUTER_PATTR_INET_TIMER", CLOCK_T, "MDBA_ROUTER_PATTR_INET6_TIMER", CLOCK_T)));
    };
    private static final NetlinkAttrs.Decoders BR_PORT = NetlinkAttrs.Decoders.byName(MDB_ATTRS,
            "MDBA_MDB", NetlinkAttrTypes.nested(MDBA_MDB_ATTRS, NetlinkAttrs.Decoders.byName(MDBA_MDB_ATTRS,
                    "MDBA_MDB_ENTRY", NetlinkAttrTypes.nested(ENTRY_ATTRS, NetlinkAttrs.Decoders.byName(ENTRY_ATTRS,
                            "MDBA_MDB_ENTRY_INFO", ENTRY_INFO)))),
            "MDBA_ROUTER", NetlinkAttrTypes.nested(ROUTER_ATTRS, NetlinkAttrs.Decoders.byName(ROUTER_ATTRS,
                    "MDBA_ROUTER_PORT", ROUTER_PORT)));

    private NetlinkRouteNeigh() {}

    /** struct ndmsg: family, pads, ifindex, state, flags, type. */
    static Value ndmsg(NetlinkMessages.Walk w, long addr, long len) {
        NetlinkAttrs.Decoders d = NetlinkAttrs.Decoders.byName(NEIGH_ATTRS,
                "NDA_DST", NetlinkAttrTypes.inetAddrOf(w.mem().u8(addr)), "NDA_LLADDR", NetlinkAttrTypes.HWADDR,
                "NDA_CACHEINFO", NetlinkAttrTypes.struct(16, f -> f.udec("ndm_confirmed", 4).udec("ndm_used", 4)
                        .udec("ndm_updated", 4).udec("ndm_refcnt", 4)),
                "NDA_PROBES", U32, "NDA_VLAN", U16, "NDA_PORT", NetlinkAttrTypes.BE16, "NDA_VNI", U32,
                "NDA_IFINDEX", IFINDEX, "NDA_MASTER", IFINDEX, "NDA_LINK_NETNSID", U32, "NDA_SRC_VNI", U32,
                "NDA_PROTOCOL", NetlinkRouteAddr.IP_PROTO, "NDA_NH_ID", U32,
                "NDA_FDB_EXT_ATTRS", NetlinkAttrTypes.nested(FDB_EXT_ATTRS, NetlinkAttrs.Decoders.byName(
                        FDB_EXT_ATTRS, "NFEA_ACTIVITY_NOTIFY", NetlinkAttrTypes.xval(FDB_NOTIFY, 1))),
                "NDA_FLAGS_EXT", NetlinkAttrTypes.xval(EXT_FLAGS, 4),
                "NDA_NDM_STATE_MASK", NetlinkAttrTypes.xval(STATES, 2),
                "NDA_NDM_FLAGS_MASK", NetlinkAttrTypes.xval(FLAGS, 1));
        return NetlinkFields.familyMsg(w, addr, len, 12, "ndm_family", f -> f.skip(3).ifindex("ndm_ifindex")
                .xval("ndm_state", 2, STATES).xval("ndm_flags", 1, FLAGS)
                .xval("ndm_type", 1, NetlinkRouteAddr.TYPES), new NetlinkFields.AttrSpec(NEIGH_ATTRS, d));
    }

    /** RTM_GETNEIGH: a struct ifinfomsg for AF_BRIDGE, else a struct ndmsg. */
    static Value getneigh(NetlinkMessages.Walk w, long addr, long len) {
        return w.mem().u8(addr) == AF_BRIDGE ? NetlinkRouteLink.ifinfomsg(w, addr, len) : ndmsg(w, addr, len);
    }

    /** struct ndtmsg: the family, then the NDTA_* attributes. */
    static Value ndtmsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkRoute.rtgenmsg(w, addr, len, "ndtm_family", new NetlinkFields.AttrSpec(TBL_ATTRS, TBL));
    }

    /** struct br_port_msg: family, ifindex. */
    static Value brPortMsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 8, "family", f -> f.skip(3).ifindex("ifindex"),
                new NetlinkFields.AttrSpec(MDB_ATTRS, BR_PORT));
    }
}
