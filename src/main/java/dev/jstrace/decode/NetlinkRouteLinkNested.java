package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.CLOCK_T;
import static dev.jstrace.decode.NetlinkAttrTypes.IFINDEX;
import static dev.jstrace.decode.NetlinkAttrTypes.STR;
import static dev.jstrace.decode.NetlinkAttrTypes.U16;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;
import static dev.jstrace.decode.NetlinkAttrTypes.U64;
import static dev.jstrace.decode.NetlinkAttrTypes.U8;
import static dev.jstrace.decode.NetlinkAttrTypes.X16;

import java.util.List;

/**
 * The nested attribute sets of RTM_*LINK (strace's rtnl_link.c): bridge port
 * attributes, IFLA_PROTINFO and IFLA_AF_SPEC by family, IFLA_LINKINFO by the
 * kind it names, and the VF info lists.
 */
final class NetlinkRouteLinkNested {
    private static final int AF_INET = 2, AF_BRIDGE = 7, AF_INET6 = 10, AF_MCTP = 45;
    private static final ConstTable BRPORT_ATTRS = ConstTable.enumHex("IFLA_BRPORT_???",
            NetlinkXlats.RTNL_IFLA_BRPORT_ATTRS);
    private static final ConstTable INET6_ATTRS = ConstTable.enumHex("IFLA_INET6_???",
            NetlinkXlats.RTNL_IFLA_AF_SPEC_INET6_ATTRS);
    private static final ConstTable INET_ATTRS = ConstTable.enumHex("IFLA_INET_???",
            NetlinkXlats.RTNL_IFLA_AF_SPEC_INET_ATTRS);
    private static final ConstTable MCTP_ATTRS = ConstTable.enumHex("IFLA_MCTP_???",
            NetlinkXlats.RTNL_IFLA_AF_SPEC_MCTP_ATTRS);
    private static final ConstTable INET6_FLAGS = ConstTable.flags("IF_???", NetlinkXlats.INET6_IF_FLAGS);
    private static final ConstTable INET6_CONF = ConstTable.enumDec("DEVCONF_???",
            NetlinkXlats.INET6_DEVCONF_INDICES);
    private static final ConstTable INET_CONF = ConstTable.enumDec("IPV4_DEVCONF_???",
            NetlinkXlats.INET_DEVCONF_INDICES);
    private static final ConstTable IP_STATS = ConstTable.enumDec("IPSTATS_MIB_???", NetlinkXlats.SNMP_IP_STATS);
    private static final ConstTable ICMP6_STATS = ConstTable.enumDec("ICMP6_MIB_???",
            NetlinkXlats.SNMP_ICMP6_STATS);
    private static final ConstTable ADDR_GEN_MODES = ConstTable.enumHex("IN6_ADDR_GEN_MODE_???",
            NetlinkXlats.IN6_ADDR_GEN_MODE);
    private static final ConstTable BRIDGE_ATTRS = ConstTable.enumHex("IFLA_BRIDGE_???",
            NetlinkXlats.RTNL_IFLA_AF_SPEC_BRIDGE_ATTRS);
    private static final ConstTable BRIDGE_FLAGS = ConstTable.flags("BRIDGE_FLAGS_???",
            NetlinkXlats.RTNL_IFLA_BRIDGE_FLAGS);
    private static final ConstTable BRIDGE_MODES = ConstTable.enumHex("BRIDGE_MODE_???",
            NetlinkXlats.RTNL_IFLA_BRIDGE_MODES);
    private static final ConstTable VLAN_FLAGS = ConstTable.flags("BRIDGE_VLAN_INFO_???",
            NetlinkXlats.NL_BRIDGE_VLAN_FLAGS);
    private static final ConstTable VLAN_TUNNEL_ATTRS = ConstTable.enumHex("IFLA_BRIDGE_VLAN_TUNNEL_???",
            NetlinkXlats.RTNL_IFLA_AF_SPEC_BRIDGE_VLAN_TUNNEL_INFO_ATTRS);
    private static final ConstTable VFINFO_LIST_ATTRS = ConstTable.enumHex("IFLA_VF_INFO_???",
            NetlinkXlats.RTNL_IFLA_VFINFO_LIST_ATTRS);
    private static final ConstTable VF_INFO_ATTRS = ConstTable.enumHex("IFLA_VF_???",
            NetlinkXlats.RTNL_IFLA_VF_INFO_ATTRS);
    private static final ConstTable VF_STATS_ATTRS = ConstTable.enumHex("IFLA_VF_STATS_???",
            NetlinkXlats.RTNL_IFLA_VF_STATS_ATTRS);
    private static final ConstTable VF_VLAN_LIST_ATTRS = ConstTable.enumHex("IFLA_VF_VLAN_INFO_???",
            NetlinkXlats.RTNL_IFLA_VF_VLAN_LIST_ATTRS);
    private static final ConstTable VF_LINK_STATES = ConstTable.enumHex("IFLA_VF_LINK_STATE_???",
            NetlinkXlats.RTNL_IFLA_VF_LINK_STATES);
    private static final ConstTable ETHER_PROTOCOLS = ConstTable.enumHex("ETH_P_???",
            NetlinkXlats.ETHERNET_PROTOCOLS);
    static final ConstTable AF_NAMES = ConstTable.enumHex("AF_???", NetlinkXlats.ADDRFAMS);

    static final NetlinkAttrs.Decoders BRPORT = NetlinkAttrs.Decoders.byName(BRPORT_ATTRS,
            "IFLA_BRPORT_STATE", U8, "IFLA_BRPORT_PRIORITY", U16, "IFLA_BRPORT_COST", U32, "IFLA_BRPORT_MODE", U8,
            "IFLA_BRPORT_GUARD", U8, "IFLA_BRPORT_PROTECT", U8, "IFLA_BRPORT_FAST_LEAVE", U8,
            "IFLA_BRPORT_LEARNING", U8, "IFLA_BRPORT_UNICAST_FLOOD", U8, "IFLA_BRPORT_PROXYARP", U8,
            "IFLA_BRPORT_LEARNING_SYNC", U8, "IFLA_BRPORT_PROXYARP_WIFI", U8, "IFLA_BRPORT_ROOT_ID",
            bridgeId(), "IFLA_BRPORT_BRIDGE_ID", bridgeId(), "IFLA_BRPORT_DESIGNATED_PORT", U16,
            "IFLA_BRPORT_DESIGNATED_COST", U16, "IFLA_BRPORT_ID", U16, "IFLA_BRPORT_NO", U16,
            "IFLA_BRPORT_TOPOLOGY_CHANGE_ACK", U8, "IFLA_BRPORT_CONFIG_PENDING", U8,
            "IFLA_BRPORT_MESSAGE_AGE_TIMER", CLOCK_T, "IFLA_BRPORT_FORWARD_DELAY_TIMER", CLOCK_T,
            "IFLA_BRPORT_HOLD_TIMER", CLOCK_T, "IFLA_BRPORT_MULTICAST_ROUTER", U8, "IFLA_BRPORT_MCAST_FLOOD", U8,
            "IFLA_BRPORT_MCAST_TO_UCAST", U8, "IFLA_BRPORT_VLAN_TUNNEL", U8, "IFLA_BRPORT_BCAST_FLOOD", U8,
            "IFLA_BRPORT_GROUP_FWD_MASK", X16, "IFLA_BRPORT_NEIGH_SUPPRESS", U8, "IFLA_BRPORT_ISOLATED", U8,
            "IFLA_BRPORT_BACKUP_PORT", IFINDEX, "IFLA_BRPORT_MRP_RING_OPEN", U8, "IFLA_BRPORT_MRP_IN_OPEN", U8,
            "IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT", U32, "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT", U32,
            "IFLA_BRPORT_LOCKED", U8);

    private static final NetlinkAttrs.Decoders INET6 = NetlinkAttrs.Decoders.byName(INET6_ATTRS,
            "IFLA_INET6_FLAGS", NetlinkAttrTypes.xval(INET6_FLAGS, 4),
            "IFLA_INET6_CONF", NetlinkAttrTypes.indexedArray(4, true, INET6_CONF),
            "IFLA_INET6_STATS", NetlinkAttrTypes.indexedArray(8, false, IP_STATS),
            "IFLA_INET6_CACHEINFO", NetlinkAttrTypes.struct(16, f -> f.udec("max_reasm_len", 4).udec("tstamp", 4)
                    .udec("reachable_time", 4).udec("retrans_time", 4)),
            "IFLA_INET6_ICMP6STATS", NetlinkAttrTypes.indexedArray(8, false, ICMP6_STATS),
            "IFLA_INET6_TOKEN", NetlinkAttrTypes.IN6_ADDR,
            "IFLA_INET6_ADDR_GEN_MODE", NetlinkAttrTypes.xval(ADDR_GEN_MODES, 1), "IFLA_INET6_RA_MTU", U32);
    private static final NetlinkAttrs.Decoders INET = NetlinkAttrs.Decoders.byName(INET_ATTRS,
            "IFLA_INET_CONF", NetlinkAttrTypes.indexedArray(4, true, INET_CONF));
    private static final NetlinkAttrs.Decoders MCTP = NetlinkAttrs.Decoders.byName(MCTP_ATTRS, "IFLA_MCTP_NET", U32);

    private static final NetlinkAttrs.Decoder VLAN_TUNNEL = NetlinkAttrTypes.nested(VLAN_TUNNEL_ATTRS,
            NetlinkAttrs.Decoders.byName(VLAN_TUNNEL_ATTRS, "IFLA_BRIDGE_VLAN_TUNNEL_ID", U32,
                    "IFLA_BRIDGE_VLAN_TUNNEL_VID", U16, "IFLA_BRIDGE_VLAN_TUNNEL_FLAGS",
                    NetlinkAttrTypes.xval(VLAN_FLAGS, 2)));
    private static final NetlinkAttrs.Decoders BRIDGE = NetlinkAttrs.Decoders.byName(BRIDGE_ATTRS,
            "IFLA_BRIDGE_FLAGS", NetlinkAttrTypes.xval(BRIDGE_FLAGS, 2),
            "IFLA_BRIDGE_MODE", NetlinkAttrTypes.xval(BRIDGE_MODES, 2),
            "IFLA_BRIDGE_VLAN_INFO", (NetlinkAttrs.Decoder) NetlinkRouteLinkNested::vlanInfo,
            "IFLA_BRIDGE_VLAN_TUNNEL_INFO", VLAN_TUNNEL);

    private static final ConstTable INFO_ATTRS = ConstTable.enumHex("IFLA_INFO_???",
            NetlinkXlats.RTNL_IFLA_INFO_ATTRS);
    private static final ConstTable INFO_DATA_BRIDGE_ATTRS = ConstTable.enumHex("IFLA_BR_???",
            NetlinkXlats.RTNL_IFLA_INFO_DATA_BRIDGE_ATTRS);
    private static final ConstTable INFO_DATA_TUN_ATTRS = ConstTable.enumHex("IFLA_TUN_???",
            NetlinkXlats.RTNL_IFLA_INFO_DATA_TUN_ATTRS);
    private static final ConstTable TUN_TYPES = ConstTable.enumHex("IFF_???", NetlinkXlats.TUN_DEVICE_TYPES);
    private static final ConstTable BOOLOPT_FLAGS = ConstTable.flags("1<<BR_BOOLOPT_???",
            NetlinkXlats.RTNL_IFLA_BR_BOOLOPT_FLAGS);
    private static final ConstTable QUERIER_ATTRS = ConstTable.enumHex("BRIDGE_QUERIER_???",
            NetlinkXlats.RTNL_IFLA_BR_MCAST_QUERIER_ATTRS);

    private static final NetlinkAttrs.Decoder ETHER_PROTO = (w, a, l) -> {
        if (l > 8 || l < 2) return null;
        if (!w.mem().readable(a, 2)) return new Value.Ptr(a);
        int v = w.mem().u16(a);
        Value.Sym p = ETHER_PROTOCOLS.sym(((v & 0xff) << 8) | (v >> 8));
        return new Value.Text("htons(" + w.c().text(p) + ")");
    };
    private static final NetlinkAttrs.Decoders INFO_DATA_BRIDGE = NetlinkAttrs.Decoders.byName(
            INFO_DATA_BRIDGE_ATTRS, "IFLA_BR_FORWARD_DELAY", CLOCK_T, "IFLA_BR_HELLO_TIME", CLOCK_T,
            "IFLA_BR_MAX_AGE", CLOCK_T, "IFLA_BR_AGEING_TIME", CLOCK_T, "IFLA_BR_STP_STATE", U32,
            "IFLA_BR_PRIORITY", U16, "IFLA_BR_VLAN_FILTERING", U8, "IFLA_BR_VLAN_PROTOCOL", ETHER_PROTO,
            "IFLA_BR_GROUP_FWD_MASK", X16, "IFLA_BR_ROOT_ID", bridgeId(), "IFLA_BR_BRIDGE_ID", bridgeId(),
            "IFLA_BR_ROOT_PORT", U16, "IFLA_BR_ROOT_PATH_COST", U32, "IFLA_BR_TOPOLOGY_CHANGE", U8,
            "IFLA_BR_TOPOLOGY_CHANGE_DETECTED", U8, "IFLA_BR_HELLO_TIMER", CLOCK_T, "IFLA_BR_TCN_TIMER", CLOCK_T,
            "IFLA_BR_TOPOLOGY_CHANGE_TIMER", CLOCK_T, "IFLA_BR_GC_TIMER", CLOCK_T,
            "IFLA_BR_GROUP_ADDR", NetlinkAttrTypes.HWADDR, "IFLA_BR_MCAST_ROUTER", U8,
            "IFLA_BR_MCAST_SNOOPING", U8, "IFLA_BR_MCAST_QUERY_USE_IFADDR", U8, "IFLA_BR_MCAST_QUERIER", U8,
            "IFLA_BR_MCAST_HASH_ELASTICITY", U32, "IFLA_BR_MCAST_HASH_MAX", U32,
            "IFLA_BR_MCAST_LAST_MEMBER_CNT", U32, "IFLA_BR_MCAST_STARTUP_QUERY_CNT", U32,
            "IFLA_BR_MCAST_LAST_MEMBER_INTVL", CLOCK_T, "IFLA_BR_MCAST_MEMBERSHIP_INTVL", CLOCK_T,
            "IFLA_BR_MCAST_QUERIER_INTVL", CLOCK_T, "IFLA_BR_MCAST_QUERY_INTVL", CLOCK_T,
            "IFLA_BR_MCAST_QUERY_RESPONSE_INTVL", CLOCK_T, "IFLA_BR_MCAST_STARTUP_QUERY_INTVL", CLOCK_T,
            "IFLA_BR_NF_CALL_IPTABLES", U8, "IFLA_BR_NF_CALL_IP6TABLES", U8, "IFLA_BR_NF_CALL_ARPTABLES", U8,
            "IFLA_BR_VLAN_DEFAULT_PVID", U16, "IFLA_BR_VLAN_STATS_ENABLED", U8,
            "IFLA_BR_MCAST_STATS_ENABLED", U8, "IFLA_BR_MCAST_IGMP_VERSION", U8, "IFLA_BR_MCAST_MLD_VERSION", U8,
            "IFLA_BR_VLAN_STATS_PER_PORT", U8, "IFLA_BR_MULTI_BOOLOPT", NetlinkAttrTypes.struct(8,
                    f -> f.xval("optval", 4, BOOLOPT_FLAGS).xval("optmask", 4, BOOLOPT_FLAGS)),
            "IFLA_BR_MCAST_QUERIER_STATE", NetlinkAttrTypes.nested(QUERIER_ATTRS, NetlinkAttrs.Decoders.byName(
                    QUERIER_ATTRS, "BRIDGE_QUERIER_IP_ADDRESS", NetlinkAttrTypes.IN_ADDR,
                    "BRIDGE_QUERIER_IP_PORT", IFINDEX, "BRIDGE_QUERIER_IP_OTHER_TIMER", CLOCK_T,
                    "BRIDGE_QUERIER_IPV6_ADDRESS", NetlinkAttrTypes.IN6_ADDR, "BRIDGE_QUERIER_IPV6_PORT", IFINDEX,
                    "BRIDGE_QUERIER_IPV6_OTHER_TIMER", CLOCK_T)));
    private static final NetlinkAttrs.Decoders INFO_DATA_TUN = NetlinkAttrs.Decoders.byName(INFO_DATA_TUN_ATTRS,
            "IFLA_TUN_OWNER", NetlinkAttrTypes.UID, "IFLA_TUN_GROUP", NetlinkAttrTypes.UID, "IFLA_TUN_TYPE", NetlinkAttrTypes.xval(TUN_TYPES, 1),
            "IFLA_TUN_PI", U8, "IFLA_TUN_VNET_HDR", U8, "IFLA_TUN_PERSIST", U8, "IFLA_TUN_MULTI_QUEUE", U8,
            "IFLA_TUN_NUM_QUEUES", U32, "IFLA_TUN_NUM_DISABLED_QUEUES", U32);
    private static final NetlinkAttrs.Decoder CAN_XSTATS = NetlinkAttrTypes.struct(24, f -> f.udec("bus_error", 4)
            .udec("error_warning", 4).udec("error_passive", 4).udec("bus_off", 4).udec("arbitration_lost", 4)
            .udec("restarts", 4));

    /** IFLA_LINKINFO: IFLA_INFO_DATA and the rest are decoded by the kind the earlier IFLA_INFO_KIND named. */
    static final NetlinkAttrs.Decoder LINKINFO = (w, a, l) -> {
        String[] kind = {"", ""};
        NetlinkAttrs.Decoder kindD = (w2, da, dl) -> {
            kind[0] = kindString(w2, da, dl);
            return NetlinkAttrTypes.cstring(w2, da, dl);
        };
        NetlinkAttrs.Decoder slaveKindD = (w2, da, dl) -> {
            kind[1] = kindString(w2, da, dl);
            return NetlinkAttrTypes.cstring(w2, da, dl);
        };
        NetlinkAttrs.Decoder data = (w2, da, dl) -> switch (kind[0]) {
            case "bridge" -> NetlinkAttrs.decode(w2, da, dl, INFO_DATA_BRIDGE_ATTRS, INFO_DATA_BRIDGE);
            case "tun" -> NetlinkAttrs.decode(w2, da, dl, INFO_DATA_TUN_ATTRS, INFO_DATA_TUN);
            default -> null;
        };
        NetlinkAttrs.Decoder xstats = (w2, da, dl) -> kind[0].equals("can") ? CAN_XSTATS.decode(w2, da, dl) : null;
        NetlinkAttrs.Decoder slaveData = (w2, da, dl) -> kind[1].equals("bridge")
                ? NetlinkAttrs.decode(w2, da, dl, BRPORT_ATTRS, BRPORT) : null;
        return NetlinkAttrs.decode(w, a, l, INFO_ATTRS, NetlinkAttrs.Decoders.byName(INFO_ATTRS,
                "IFLA_INFO_KIND", kindD, "IFLA_INFO_DATA", data, "IFLA_INFO_XSTATS", xstats,
                "IFLA_INFO_SLAVE_KIND", slaveKindD, "IFLA_INFO_SLAVE_DATA", slaveData));
    };

    private static final NetlinkAttrs.Decoder VF_GUID = (w, a, l) -> {
        if (l != 12 && l != 16) return null;
        if (!w.mem().readable(a, l)) return new Value.Ptr(a);
        return new NetlinkFields(w, a).udec("vf", 4).skip(l == 16 ? 4 : 0).hex("guid", 8).done();
    };
    private static final NetlinkAttrs.Decoders VF_INFO = NetlinkAttrs.Decoders.byName(VF_INFO_ATTRS,
            "IFLA_VF_MAC", NetlinkAttrTypes.struct(36, f -> f.udec("vf", 4)
                    .add("mac", NetlinkAttrTypes.mac(f.w(), f.mem().bytes(f.base() + 4, 32), 32))),
            "IFLA_VF_VLAN", NetlinkAttrTypes.struct(12, f -> f.udec("vf", 4).udec("vlan", 4).udec("qos", 4)),
            "IFLA_VF_TX_RATE", NetlinkAttrTypes.struct(8, f -> f.udec("vf", 4).udec("rate", 4)),
            "IFLA_VF_SPOOFCHK", NetlinkAttrTypes.struct(8, f -> f.udec("vf", 4).udec("setting", 4)),
            "IFLA_VF_LINK_STATE", NetlinkAttrTypes.struct(8, f -> f.udec("vf", 4)
                    .xval("link_state", 4, VF_LINK_STATES)),
            "IFLA_VF_RATE", NetlinkAttrTypes.struct(12, f -> f.udec("vf", 4).udec("min_tx_rate", 4)
                    .udec("max_tx_rate", 4)),
            "IFLA_VF_RSS_QUERY_EN", NetlinkAttrTypes.struct(8, f -> f.udec("vf", 4).udec("setting", 4)),
            "IFLA_VF_STATS", NetlinkAttrTypes.nested(VF_STATS_ATTRS, NetlinkAttrs.Decoders.byName(VF_STATS_ATTRS,
                    "IFLA_VF_STATS_RX_PACKETS", U64, "IFLA_VF_STATS_TX_PACKETS", U64, "IFLA_VF_STATS_RX_BYTES", U64,
                    "IFLA_VF_STATS_TX_BYTES", U64, "IFLA_VF_STATS_BROADCAST", U64, "IFLA_VF_STATS_MULTICAST", U64,
                    "IFLA_VF_STATS_RX_DROPPED", U64, "IFLA_VF_STATS_TX_DROPPED", U64)),
            "IFLA_VF_TRUST", NetlinkAttrTypes.struct(8, f -> f.udec("vf", 4).udec("setting", 4)),
            "IFLA_VF_IB_NODE_GUID", VF_GUID, "IFLA_VF_IB_PORT_GUID", VF_GUID,
            "IFLA_VF_VLAN_LIST", NetlinkAttrTypes.nested(VF_VLAN_LIST_ATTRS, NetlinkAttrs.Decoders.byName(
                    VF_VLAN_LIST_ATTRS, "IFLA_VF_VLAN_INFO", NetlinkAttrTypes.struct(16, f -> {
                        f.udec("vf", 4).udec("vlan", 4).udec("qos", 4);
                        int v = (int) f.peek(2);
                        f.add("vlan_proto", new Value.Text("htons(" + f.w().c().text(
                                ETHER_PROTOCOLS.sym(((v & 0xff) << 8) | (v >> 8))) + ")"));
                    }))),
            "IFLA_VF_BROADCAST", NetlinkAttrTypes.struct(32, f -> f.add("broadcast",
                    NetlinkAttrTypes.mac(f.w(), f.mem().bytes(f.base(), 32), 32))));
    /** IFLA_VFINFO_LIST: IFLA_VF_INFO sets. */
    static final NetlinkAttrs.Decoder VFINFO_LIST = NetlinkAttrTypes.nested(VFINFO_LIST_ATTRS,
            NetlinkAttrs.Decoders.byName(VFINFO_LIST_ATTRS, "IFLA_VF_INFO",
                    NetlinkAttrTypes.nested(VF_INFO_ATTRS, VF_INFO)));

    private NetlinkRouteLinkNested() {}

    /** strace's update_ctx_str: the kind when the attribute holds a NUL-terminated string shorter than 64. */
    private static String kindString(NetlinkMessages.Walk w, long a, long l) {
        if (l >= 64 || !w.mem().readable(a, l)) return "";
        byte[] b = w.mem().bytes(a, (int) l);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return n < b.length ? new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }

    private static NetlinkAttrs.Decoder bridgeId() {
        return (w, a, l) -> {
            if (l < 8) return null;
            if (!w.mem().readable(a, 8)) return new Value.Ptr(a);
            Value prio = new Value.Array(List.of(new Value.Num(w.mem().u8(a), Value.Radix.UDEC),
                    new Value.Num(w.mem().u8(a + 1), Value.Radix.UDEC)), false);
            return new Value.Struct(List.of(new Value.Field("prio", prio),
                    new Value.Field("addr", NetlinkAttrTypes.mac(w, w.mem().bytes(a + 2, 6), 6))), false);
        };
    }

    /** IFLA_PROTINFO: bridge port attributes for AF_BRIDGE, the IPv6 set for AF_INET6, else hex. */
    static NetlinkAttrs.Decoder protinfo(int family) {
        return switch (family) {
            case AF_BRIDGE -> NetlinkAttrTypes.nested(BRPORT_ATTRS, BRPORT);
            case AF_INET6 -> NetlinkAttrTypes.nested(INET6_ATTRS, INET6);
            default -> (w, a, l) -> w.mem().hexString(a, l, w.stringLimit());
        };
    }

    /** IFLA_AF_SPEC: the bridge set for AF_BRIDGE; else attributes typed by family, each decoded by its family. */
    static NetlinkAttrs.Decoder afSpec(int family) {
        if (family == AF_BRIDGE) return NetlinkAttrTypes.nested(BRIDGE_ATTRS, BRIDGE);
        NetlinkAttrs.Decoder byFamily = (w, a, l) -> w.mem().hexString(a, l, w.stringLimit());
        return (w, a, l) -> NetlinkAttrs.decodeTyped(w, a, l, AF_NAMES, (w2, type, da, dl) -> switch (type) {
            case AF_INET -> NetlinkAttrs.decode(w2, da, dl, INET_ATTRS, INET);
            case AF_INET6 -> NetlinkAttrs.decode(w2, da, dl, INET6_ATTRS, INET6);
            case AF_MCTP -> NetlinkAttrs.decode(w2, da, dl, MCTP_ATTRS, MCTP);
            default -> byFamily.decode(w2, da, dl);
        });
    }

    /** struct bridge_vlan_info (flags, vid), then any further bytes in hex. */
    private static Value vlanInfo(NetlinkMessages.Walk w, long a, long l) {
        if (l < 4) return null;
        if (!w.mem().readable(a, 4)) return new Value.Ptr(a);
        Value s = new NetlinkFields(w, a).xval("flags", 2, VLAN_FLAGS).udec("vid", 2).done();
        if (l <= 4) return s;
        return NetlinkFamilies.flat(s, w.mem().hexString(a + 4, l - 4, w.stringLimit()));
    }
}
