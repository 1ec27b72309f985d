package dev.jstrace.decode;

import static dev.jstrace.decode.NetlinkAttrTypes.IFINDEX;
import static dev.jstrace.decode.NetlinkAttrTypes.S32;
import static dev.jstrace.decode.NetlinkAttrTypes.U32;

/**
 * NETLINK_ROUTE payloads (strace's netlink_route.c): the family byte every
 * message starts with, then the message's struct by type, then its attributes;
 * the types strace has no decoder for print as {@code {family=..., data=...}}.
 * The small structs are here (rtgenmsg, netconfmsg, dcbmsg, ifaddrlblmsg,
 * the cache report); the larger families have files of their own.
 */
final class NetlinkRoute {
    static final ConstTable RTNL_FAMILY = ConstTable.enumHex("RTNL_FAMILY_???", NetlinkXlats.RTNL_FAMILY);
    private static final ConstTable NSID_ATTRS = ConstTable.enumHex("NETNSA_???", NetlinkXlats.RTNL_NSID_ATTRS);
    private static final ConstTable NETCONF_ATTRS = ConstTable.enumHex("NETCONFA_???",
            NetlinkXlats.RTNL_NETCONF_ATTRS);
    private static final ConstTable DCB_COMMANDS = ConstTable.enumHex("DCB_CMD_???", NetlinkXlats.DCB_COMMANDS);
    private static final ConstTable DCB_ATTRS = ConstTable.enumHex("DCB_ATTR_???", NetlinkXlats.RTNL_DCB_ATTRS);
    private static final ConstTable ADDRLABEL_ATTRS = ConstTable.enumHex("IFAL_???",
            NetlinkXlats.RTNL_ADDRLABEL_ATTRS);
    private static final ConstTable IPMRA_ATTRS = ConstTable.enumHex("IPMRA_CREPORT_???",
            NetlinkXlats.RTNL_IPMRA_CREPORT_ATTR);
    private static final ConstTable IP6MRA_ATTRS = ConstTable.enumHex("IP6MRA_CREPORT_???",
            NetlinkXlats.RTNL_IP6MRA_CREPORT_ATTR);
    private static final ConstTable IPMRA_MSG_TYPES = ConstTable.enumHex("IGMPMSG_???",
            NetlinkXlats.RTNL_IPMRA_MSG_TYPES);
    private static final ConstTable IP6MRA_MSG_TYPES = ConstTable.enumHex("MRT6MSG_???",
            NetlinkXlats.RTNL_IP6MRA_MSG_TYPES);
    private static final int RTNL_FAMILY_IPMR = 128, RTNL_FAMILY_IP6MR = 129;

    private static final NetlinkAttrs.Decoders NSID = new NetlinkAttrs.Decoders(null, S32, U32,
            NetlinkAttrTypes.FD, S32, S32);
    private static final NetlinkAttrs.Decoders NETCONF = new NetlinkAttrs.Decoders(null, IFINDEX, S32, S32, S32,
            S32, S32, S32, S32);
    private static final NetlinkAttrs.Decoders IPMRA = new NetlinkAttrs.Decoders(null,
            NetlinkAttrTypes.xval(IPMRA_MSG_TYPES, 1), U32, NetlinkAttrTypes.IN_ADDR, NetlinkAttrTypes.IN_ADDR,
            null, U32);
    private static final NetlinkAttrs.Decoders IP6MRA = new NetlinkAttrs.Decoders(null,
            NetlinkAttrTypes.xval(IP6MRA_MSG_TYPES, 1), U32, NetlinkAttrTypes.IN6_ADDR, NetlinkAttrTypes.IN6_ADDR,
            null);

    private NetlinkRoute() {}

    static Value payload(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        if (h.type() == NetlinkMessages.NLMSG_DONE) return null;
        if (!w.mem().readable(addr, 1)) return new Value.Ptr(addr);
        int family = w.mem().u8(addr);
        Value v = switch (h.type()) {
            case 16, 17, 18, 19 -> NetlinkRouteLink.ifinfomsg(w, addr, len);
            case 20, 21, 22, 58, 62 -> NetlinkRouteAddr.ifaddrmsg(w, addr, len);
            case 24, 25, 26 -> NetlinkRouteAddr.rtmsg(w, addr, len);
            case 32, 33, 34 -> NetlinkRouteAddr.fibRuleHdr(w, addr, len);
            case 72, 73, 74 -> ifaddrlblmsg(w, addr, len);
            case 28, 29 -> NetlinkRouteNeigh.ndmsg(w, addr, len);
            case 30 -> NetlinkRouteNeigh.getneigh(w, addr, len);
            case 36, 37, 38, 40, 41, 42, 44, 45, 46, 100, 101, 102 -> NetlinkRouteTc.tcmsg(w, addr, len);
            case 48, 49, 50 -> NetlinkRouteTc.tcamsg(w, addr, len);
            case 64, 66, 67 -> NetlinkRouteNeigh.ndtmsg(w, addr, len);
            case 84, 85, 86 -> NetlinkRouteNeigh.brPortMsg(w, addr, len);
            case 92, 94 -> NetlinkRouteStats.ifstatsmsg(w, addr, len);
            case 104, 105, 106 -> NetlinkRouteNexthop.nhmsg(w, addr, len);
            case 78, 79 -> dcbmsg(w, addr, len);
            case 80, 81, 82 -> netconfmsg(w, addr, len);
            case 88, 89, 90 -> rtgenmsg(w, addr, len, "rtgen_family", new NetlinkFields.AttrSpec(NSID_ATTRS, NSID));
            case 96 -> cachereport(w, family, addr, len);
            default -> null;
        };
        return v != null ? v : NetlinkFamilies.family(w, family, addr, len);
    }

    /** A one-byte family struct ({@code struct rtgenmsg}, {@code struct netconfmsg}), then its attributes. */
    static Value rtgenmsg(NetlinkMessages.Walk w, long addr, long len, String field, NetlinkFields.AttrSpec attrs) {
        Value s = new NetlinkFields(w, addr).af(field).done();
        return NetlinkFields.withAttrs(w, s, true, addr, len, 1, attrs);
    }

    private static Value netconfmsg(NetlinkMessages.Walk w, long addr, long len) {
        return rtgenmsg(w, addr, len, "ncm_family", new NetlinkFields.AttrSpec(NETCONF_ATTRS, NETCONF));
    }

    /** struct dcbmsg: family, cmd, pad. */
    private static Value dcbmsg(NetlinkMessages.Walk w, long addr, long len) {
        return NetlinkFields.familyMsg(w, addr, len, 4, "dcb_family", f -> f.xval("cmd", 1, DCB_COMMANDS),
                new NetlinkFields.AttrSpec(DCB_ATTRS, null));
    }

    /** struct ifaddrlblmsg: family, reserved, prefixlen, flags, index, seq. */
    private static Value ifaddrlblmsg(NetlinkMessages.Walk w, long addr, long len) {
        int family = w.mem().u8(addr);
        NetlinkAttrs.Decoders d = new NetlinkAttrs.Decoders(null, NetlinkAttrTypes.inetAddrOf(family), U32);
        return NetlinkFields.familyMsg(w, addr, len, 12, "ifal_family", f -> f.skip(1).udec("ifal_prefixlen", 1)
                .udec("ifal_flags", 1).ifindex("ifal_index").udec("ifal_seq", 4),
                new NetlinkFields.AttrSpec(ADDRLABEL_ATTRS, d));
    }

    /** RTM_NEWCACHEREPORT: a rtgenmsg whose family (RTNL_FAMILY_IPMR, _IP6MR) picks the attribute set. */
    private static Value cachereport(NetlinkMessages.Walk w, int family, long addr, long len) {
        Value s = new NetlinkFields(w, addr).xval2("rtgen_family", 1, RTNL_FAMILY, Constants.AF).done();
        if (len <= 4) return s;
        Value attrs = switch (family) {
            case RTNL_FAMILY_IPMR -> NetlinkAttrs.decode(w, addr + 4, len - 4, IPMRA_ATTRS, IPMRA);
            case RTNL_FAMILY_IP6MR -> NetlinkAttrs.decode(w, addr + 4, len - 4, IP6MRA_ATTRS, IP6MRA);
            default -> w.mem().hexString(addr + 4, len - 4, w.stringLimit());
        };
        return NetlinkFamilies.flat(s, attrs);
    }
}
