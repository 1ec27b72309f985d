package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.IFINDEX;
import static dev.jstrace.decode.NetlinkAttrTypes.S32;
import static dev.jstrace.decode.NetlinkAttrTypes.STR;
import static dev.jstrace.decode.NetlinkAttrTypes.U16;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;
import static dev.jstrace.decode.NetlinkAttrTypes.U64;
import static dev.jstrace.decode.NetlinkAttrTypes.U8;

import java.util.ArrayList;
import java.util.List;

/**
 * Addresses, routes and rules of NETLINK_ROUTE (strace's rtnl_addr.c,
 * rtnl_route.c, rtnl_rule.c): {@code struct ifaddrmsg}, {@code struct rtmsg}
 * and {@code struct fib_rule_hdr}, each with its attributes; an address
 * attribute is printed by the message's family.
 */
final class NetlinkRouteAddr {
    static final ConstTable IFA_FLAGS = ConstTable.flags("IFA_F_???", NetlinkXlats.IFADDRFLAGS);
    static final ConstTable SCOPES = ConstTable.enumHex(null, NetlinkXlats.ROUTING_SCOPES);
    static final ConstTable TOS = ConstTable.flags("IPTOS_TOS_???", NetlinkXlats.IP_TYPE_OF_SERVICES);
    static final ConstTable TABLES = ConstTable.enumHex(null, NetlinkXlats.ROUTING_TABLE_IDS);
    static final ConstTable PROTOCOLS = ConstTable.enumHex("RTPROT_???", NetlinkXlats.ROUTING_PROTOCOLS);
    static final ConstTable TYPES = ConstTable.enumHex("RTN_???", NetlinkXlats.ROUTING_TYPES);
    static final ConstTable ROUTE_FLAGS = ConstTable.flags("RTM_F_???", NetlinkXlats.ROUTING_FLAGS);
    static final ConstTable NEXTHOP_FLAGS = ConstTable.flags("RTNH_F_???", NetlinkXlats.ROUTE_NEXTHOP_FLAGS);
    static final ConstTable ENCAP_TYPES = ConstTable.enumHex("LWTUNNEL_ENCAP_???",
            NetlinkXlats.LWTUNNEL_ENCAP_TYPES);
    static final ConstTable IP_PROTOCOLS = ConstTable.enumHex("IPPROTO_???", NetlinkXlats.INET_PROTOCOLS);
    private static final ConstTable ADDR_ATTRS = ConstTable.enumHex("IFA_???", NetlinkXlats.RTNL_ADDR_ATTRS);
    private static final ConstTable ROUTE_ATTRS = ConstTable.enumHex("RTA_???", NetlinkXlats.RTNL_ROUTE_ATTRS);
    private static final ConstTable METRICS_ATTRS = ConstTable.enumHex("RTAX_???",
            NetlinkXlats.RTNL_RTA_METRICS_ATTRS);
    private static final ConstTable RULE_ATTRS = ConstTable.enumHex("FRA_???", NetlinkXlats.RTNL_RULE_ATTRS);
    private static final ConstTable RULE_ACTIONS = ConstTable.enumHex("FR_ACT_???", NetlinkXlats.FIB_RULE_ACTIONS);
    private static final ConstTable RULE_FLAGS = ConstTable.flags("FIB_RULE_???", NetlinkXlats.FIB_RULE_FLAGS);
    private static final ConstTable RULE_TABLES = ConstTable.enumHex("RT_TABLE_???",
            NetlinkXlats.ROUTING_TABLE_IDS);

    /** decode_nla_rt_class: a 32-bit routing table id. */
    static final NetlinkAttrs.Decoder RT_CLASS = NetlinkAttrTypes.value(4, TABLES);
    /** decode_nla_rt_proto: an 8-bit routing protocol. */
    static final NetlinkAttrs.Decoder RT_PROTO = NetlinkAttrTypes.value(1, PROTOCOLS);
    /** decode_nla_lwt_encap_type. */
    static final NetlinkAttrs.Decoder ENCAP_TYPE = NetlinkAttrTypes.value(2, ENCAP_TYPES);
    /** decode_nla_ip_proto. */
    static final NetlinkAttrs.Decoder IP_PROTO = NetlinkAttrTypes.xval(IP_PROTOCOLS, 0);

    private static final NetlinkAttrs.Decoders METRICS = NetlinkAttrs.Decoders.byName(METRICS_ATTRS,
            "RTAX_LOCK", U32, "RTAX_MTU", U32, "RTAX_WINDOW", U32, "RTAX_RTT", U32, "RTAX_RTTVAR", U32,
            "RTAX_SSTHRESH", U32, "RTAX_CWND", U32, "RTAX_ADVMSS", U32, "RTAX_REORDERING", U32,
            "RTAX_HOPLIMIT", U32, "RTAX_INITCWND", U32, "RTAX_FEATURES", U32, "RTAX_RTO_MIN", U32,
            "RTAX_INITRWND", U32, "RTAX_QUICKACK", U32, "RTAX_CC_ALGO", STR);

    private NetlinkRouteAddr() {}

    /** struct ifaddrmsg: family, prefixlen, flags, scope, index. */
    static Value ifaddrmsg(NetlinkMessages.Walk w, long addr, long len) {
        NetlinkAttrs.Decoder a = NetlinkAttrTypes.inetAddrOf(w.mem().u8(addr));
        NetlinkAttrs.Decoder cacheinfo = NetlinkAttrTypes.struct(16, f -> f.udec("ifa_prefered", 4)
                .udec("ifa_valid", 4).udec("cstamp", 4).udec("tstamp", 4));
        NetlinkAttrs.Decoders d = NetlinkAttrs.Decoders.byName(ADDR_ATTRS, "IFA_ADDRESS", a, "IFA_LOCAL", a,
                "IFA_LABEL", STR, "IFA_BROADCAST", a, "IFA_ANYCAST", a, "IFA_CACHEINFO", cacheinfo,
                "IFA_MULTICAST", a, "IFA_FLAGS", NetlinkAttrTypes.value(4, IFA_FLAGS), "IFA_RT_PRIORITY", U32,
                "IFA_TARGET_NETNSID", S32);
        return NetlinkFields.familyMsg(w, addr, len, 8, "ifa_family", f -> f.udec("ifa_prefixlen", 1)
                .xval("ifa_flags", 1, IFA_FLAGS).xval("ifa_scope", 1, SCOPES).ifindex("ifa_index"),
                new NetlinkFields.AttrSpec(ADDR_ATTRS, d));
    }

    /** struct fib_rule_hdr: family, dst_len, src_len, tos, table, res1, res2, action, flags. */
    static Value fibRuleHdr(NetlinkMessages.Walk w, long addr, long len) {
        NetlinkAttrs.Decoder a = NetlinkAttrTypes.inetAddrOf(w.mem().u8(addr));
        NetlinkAttrs.Decoder range32 = NetlinkAttrTypes.struct(8, f -> f.udec("start", 4).udec("end", 4));
        NetlinkAttrs.Decoder range16 = NetlinkAttrTypes.struct(4, f -> f.udec("start", 2).udec("end", 2));
        NetlinkAttrs.Decoders d = NetlinkAttrs.Decoders.byName(RULE_ATTRS, "FRA_DST", a, "FRA_SRC", a,
                "FRA_IIFNAME", STR, "FRA_GOTO", U32, "FRA_PRIORITY", U32, "FRA_FWMARK", U32, "FRA_FLOW", U32,
                "FRA_TUN_ID", NetlinkAttrTypes.BE64, "FRA_SUPPRESS_IFGROUP", U32, "FRA_SUPPRESS_PREFIXLEN", U32,
                "FRA_TABLE", RT_CLASS, "FRA_FWMASK", U32, "FRA_OIFNAME", STR, "FRA_L3MDEV", U8,
                "FRA_UID_RANGE", range32, "FRA_PROTOCOL", RT_PROTO, "FRA_IP_PROTO", IP_PROTO,
                "FRA_SPORT_RANGE", range16, "FRA_DPORT_RANGE", range16);
        return NetlinkFields.familyMsg(w, addr, len, 12, "family", f -> f.udec("dst_len", 1).udec("src_len", 1)
                .xval("tos", 1, TOS).xval("table", 1, RULE_TABLES).skip(2).xval("action", 1, RULE_ACTIONS)
                .xval("flags", 4, RULE_FLAGS), new NetlinkFields.AttrSpec(RULE_ATTRS, d));
    }

    /** struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags. */
    static Value rtmsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 12, "rtm_family", f -> f.udec("rtm_dst_len", 1)
                .udec("rtm_src_len", 1).xval("rtm_tos", 1, TOS).xval("rtm_table", 1, TABLES)
                .xval("rtm_protocol", 1, PROTOCOLS).xval("rtm_scope", 1, SCOPES).xval("rtm_type", 1, TYPES)
                .xval("rtm_flags", 4, ROUTE_FLAGS),
                new NetlinkFields.AttrSpec(ROUTE_ATTRS, routeDecoders(w.mem().u8(addr))));
    }

    /** rtmsg_nla_decoders, whose addresses take the message's family. */
    private static NetlinkAttrs.Decoders routeDecoders(int family) {
        NetlinkAttrs.Decoder a = NetlinkAttrTypes.inetAddrOf(family);
        NetlinkAttrs.Decoder metrics = NetlinkAttrTypes.nested(METRICS_ATTRS, METRICS);
        NetlinkAttrs.Decoder cacheinfo = NetlinkAttrTypes.struct(32, f -> f.udec("rta_clntref", 4)
                .udec("rta_lastuse", 4).udec("rta_expires", 4).udec("rta_error", 4).udec("rta_used", 4)
                .hex("rta_id", 4).udec("rta_ts", 4).udec("rta_tsage", 4));
        NetlinkAttrs.Decoder mfc = NetlinkAttrTypes.struct(24, f -> f.udec("mfcs_packets", 8)
                .udec("mfcs_bytes", 8).udec("mfcs_wrong_if", 8));
        NetlinkAttrs.Decoder via = (w, at, l) -> {
            if (l < 2) return null;
            if (!w.mem().readable(at, 2)) return new Value.Ptr(at);
            int fam = w.mem().u16(at);
            List<Value.Field> fs = new ArrayList<>(2);
            fs.add(new Value.Field("rtvia_family", NetlinkFamilies.af(fam)));
            if (l > 2) fs.add(NetlinkAttrTypes.inetField(w, at + 2, l - 2, fam, "rtvia_addr"));
            return new Value.Struct(fs, false);
        };
        NetlinkAttrs.Decoders[] self = new NetlinkAttrs.Decoders[1];
        NetlinkAttrs.Decoder multipath = (w, at, l) -> multipath(w, at, l, self[0]);
        self[0] = NetlinkAttrs.Decoders.byName(ROUTE_ATTRS, "RTA_DST", a, "RTA_SRC", a, "RTA_IIF", IFINDEX,
                "RTA_OIF", IFINDEX, "RTA_GATEWAY", a, "RTA_PRIORITY", U32, "RTA_PREFSRC", a, "RTA_METRICS", metrics,
                "RTA_MULTIPATH", multipath, "RTA_PROTOINFO", U32, "RTA_FLOW", U32, "RTA_CACHEINFO", cacheinfo,
                "RTA_MP_ALGO", U32, "RTA_TABLE", RT_CLASS, "RTA_MARK", U32, "RTA_MFC_STATS", mfc, "RTA_VIA", via,
                "RTA_NEWDST", a, "RTA_PREF", U8, "RTA_ENCAP_TYPE", ENCAP_TYPE, "RTA_EXPIRES", U64, "RTA_UID", U32,
                "RTA_TTL_PROPAGATE", U8, "RTA_IP_PROTO", U8, "RTA_SPORT", U16, "RTA_DPORT", U16);
        return self[0];
    }

    /** RTA_MULTIPATH: struct rtnexthop-headed runs of RTA_* attributes. */
    private static Value multipath(NetlinkMessages.Walk w, long addr, long len, NetlinkAttrs.Decoders route) {
        if (len < 8) return null;
        List<Value> items = new ArrayList<>();
        boolean array = false;
        long cur = addr, left = len;
        while (true) {
            if (!w.mem().readable(cur, 8)) {
                items.add(new Value.Ptr(cur));
                break;
            }
            int nhLen = w.mem().u16(cur);
            long rtnhLen = Math.min(left, nhLen);
            if (cur == addr && nhLen < len) array = true;
            NetlinkFields f = new NetlinkFields(w, cur);
            Value s = f.udec("rtnh_len", 2).xval("rtnh_flags", 1, NEXTHOP_FLAGS).udec("rtnh_hops", 1)
                    .ifindex("rtnh_ifindex").done();
            if (rtnhLen > 8) {
                items.add(new Value.Array(List.of(s, NetlinkAttrs.decode(w, cur + 8, rtnhLen - 8, ROUTE_ATTRS,
                        route)), false));
            } else {
                items.add(s);
            }
            long step = NetlinkMessages.align4(rtnhLen);
            if (step >= left) break;
            cur += step;
            left -= step;
        }
        return array ? new Value.Array(items, false) : items.get(0);
    }
}
