package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The payload decoders of the netlink protocols strace decodes, chosen by the
 * socket's protocol; null from {@link #payload} leaves the payload to the
 * generic rules (hex). Also the small payloads: nfnetlink's nfgenmsg,
 * SELinux's two messages, and strace's {@code {family=AF_INET, data="..."}}
 * for a route or sock_diag message it has no struct for.
 */
final class NetlinkFamilies {
    private static final ConstTable NFNETLINK_VERSIONS = ConstTable.enumHex("NFNETLINK_???", "NFNETLINK_V0");
    private static final int NFNL_SUBSYS_NFTABLES = 10, NFNL_MSG_BATCH_BEGIN = 0x10, NFNL_MSG_BATCH_END = 0x11;

    private NetlinkFamilies() {}

    /** The payload's items (a struct, then attributes), or null for the generic rules. */
    static List<Value> payload(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        Value v = switch (w.family()) {
            case NetlinkMessages.NETLINK_ROUTE -> NetlinkRoute.payload(w, h, addr, len);
            case NetlinkMessages.NETLINK_SOCK_DIAG -> NetlinkSockDiag.payload(w, h, addr, len);
            case NetlinkMessages.NETLINK_NETFILTER -> netfilter(w, h, addr, len);
            case NetlinkMessages.NETLINK_SELINUX -> selinux(w, h, addr, len);
            default -> null;
        };
        if (v == null) return null;
        List<Value> flat = flatItems(v);
        return flat != null ? flat : List.of(v);
    }

    /** The items of a value made by {@link #flat}, or null for any other value. */
    static List<Value> flatItems(Value v) {
        return v instanceof Value.Array a && !a.items().isEmpty() && a.items().get(0) == FLAT
                ? a.items().subList(1, a.items().size()) : null;
    }

    /** Marks a struct followed by its attributes, printed as siblings of the header (see {@link #flat}). */
    private static final Value FLAT = new Value.Text("");

    /** A struct and what follows it, printed flat after the message header as strace does. */
    static Value flat(Value... items) {
        List<Value> l = new ArrayList<>(items.length + 1);
        l.add(FLAT);
        l.addAll(List.of(items));
        return new Value.Array(l, false);
    }

    /** An address family as strace's printxval prints it ({@code 0xff /* AF_??? * /} when unknown, hex raw). */
    static Value af(int family) {
        return Constants.AF.sym(family);
    }

    /** strace's decode_family: {@code {family=AF_INET}} or {@code {family=AF_INET, data="\x01..."}}. */
    static Value family(NetlinkMessages.Walk w, int family, long addr, long len) {
        List<Value.Field> fs = new ArrayList<>(2);
        fs.add(new Value.Field("family", af(family)));
        if (len > 1) fs.add(new Value.Field("data", w.mem().hexString(addr + 1, len - 1, w.stringLimit())));
        return new Value.Struct(fs, false);
    }

    private static Value netfilter(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        if (h.type() == NetlinkMessages.NLMSG_DONE) return null;
        TraceeBytes mem = w.mem();
        if (len < 4) return mem.hexString(addr, len, w.stringLimit());
        if (!mem.readable(addr, 4)) return new Value.Ptr(addr);
        int subsys = h.type() >> 8;
        int raw = mem.u16(addr + 2);
        int resId = Integer.reverseBytes(raw) >>> 16;
        Value res;
        if (subsys == NFNL_SUBSYS_NFTABLES && resId == NFNL_SUBSYS_NFTABLES) {
            res = new Value.Sym(raw, Value.Radix.HEX, List.of("htons(NFNL_SUBSYS_NFTABLES)"), 0, null);
        } else if (subsys == NFNL_SUBSYS_NFTABLES && raw == NFNL_SUBSYS_NFTABLES) {
            res = new Value.Sym(raw, Value.Radix.HEX, List.of("NFNL_SUBSYS_NFTABLES"), 0, null);
        } else {
            res = new Value.Text("htons(" + resId + ")");
        }
        Value s = new Value.Struct(List.of(new Value.Field("nfgen_family", af(mem.u8(addr))),
                new Value.Field("version", NFNETLINK_VERSIONS.sym(mem.u8(addr + 1))),
                new Value.Field("res_id", res)), false);
        if (len <= 4) return s;
        Value rest = (h.type() >= NFNL_MSG_BATCH_BEGIN && h.type() <= NFNL_MSG_BATCH_END)
                || h.type() < NetlinkMessages.NLMSG_MIN_TYPE
                ? mem.hexString(addr + 4, len - 4, w.stringLimit())
                : NetlinkAttrs.decode(w, addr + 4, len - 4, null, null);
        return flat(s, rest);
    }

    private static Value selinux(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        String field = switch (h.type()) {
            case 0x10 -> "val";      // SELNL_MSG_SETENFORCE: struct selnl_msg_setenforce
            case 0x11 -> "seqno";    // SELNL_MSG_POLICYLOAD: struct selnl_msg_policyload
            default -> null;
        };
        if (field == null) return null;
        TraceeBytes mem = w.mem();
        if (len < 4) return mem.hexString(addr, len, w.stringLimit());
        if (!mem.readable(addr, 4)) return new Value.Ptr(addr);
        Value v = h.type() == 0x10 ? new Value.Num(mem.s32(addr), Value.Radix.DEC)
                : new Value.Num(mem.u32(addr), Value.Radix.UDEC);
        return new Value.Struct(List.of(new Value.Field(field, v)), false);
    }
}
