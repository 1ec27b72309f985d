package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * nlmsg_type and nlmsg_flags as strace names them: the type from the socket's
 * protocol (control types below NLMSG_MIN_TYPE are the same for all), the flags
 * from the common set plus the set the protocol and type imply (GET requests'
 * NLM_F_DUMP, NEW requests' NLM_F_CREATE...).
 */
final class NetlinkTypes {
    /** Generic netlink family ids are assigned at run time; strace names those the kernel reports. */
    private static final ConstTable GENERIC = ConstTable.enumHex("GENERIC_FAMILY_???", "nlctrl=0x10");

    private NetlinkTypes() {}

    static Value type(int family, int type) {
        if (type < NetlinkMessages.NLMSG_MIN_TYPE) return NetlinkTables.TYPES.sym(type);
        ConstTable t = switch (family) {
            case NetlinkMessages.NETLINK_ROUTE -> NetlinkTables.ROUTE_TYPES;
            case NetlinkMessages.NETLINK_SOCK_DIAG -> NetlinkTables.SOCK_DIAG_TYPES;
            case NetlinkMessages.NETLINK_AUDIT -> NetlinkTables.AUDIT_TYPES;
            case NetlinkMessages.NETLINK_CRYPTO -> NetlinkTables.CRYPTO_TYPES;
            case NetlinkMessages.NETLINK_SELINUX -> NetlinkTables.SELINUX_TYPES;
            case NetlinkMessages.NETLINK_XFRM -> NetlinkTables.XFRM_TYPES;
            case NetlinkMessages.NETLINK_NETFILTER -> null;
            case NetlinkMessages.NETLINK_GENERIC -> GENERIC;
            default -> NetlinkTables.TYPES;
        };
        if (t != null) return t.sym(type);
        // nfnetlink: the control types by name, else subsystem << 8 | message type.
        String control = NetlinkTables.NETFILTER_MSG_TYPES.name(type);
        if (control != null) return new Value.Sym(type, Value.Radix.HEX, List.of(control), 0, null);
        Value.Sym sub = NetlinkTables.NETFILTER_SUBSYS.sym(type >> 8);
        String subText = sub.names().isEmpty() ? "0x" + Integer.toHexString(type >> 8) + " /* NFNL_SUBSYS_??? */"
                : sub.names().get(0);
        int msg = type & 0xff, subsys = type >> 8;
        ConstTable msgs = subsys < NetlinkTables.NETFILTER_SUBSYS_MSG_TYPES.length
                ? NetlinkTables.NETFILTER_SUBSYS_MSG_TYPES[subsys] : null;
        String msgText = msgs != null ? StraceRenderer.DEFAULT.render(msgs.sym(msg))
                : msg == 0 ? "0" : "0x" + Integer.toHexString(msg);
        return new Value.Sym(type, Value.Radix.HEX, List.of(subText + "<<8|" + msgText), 0, null);
    }

    static Value flags(int family, int type, int flags) {
        ConstTable extra = null;
        if (type < NetlinkMessages.NLMSG_MIN_TYPE) {
            if (type == NetlinkMessages.NLMSG_ERROR) extra = NetlinkTables.ACK_FLAGS;
        } else {
            extra = switch (family) {
                case NetlinkMessages.NETLINK_ROUTE -> routeFlags(type);
                case NetlinkMessages.NETLINK_SOCK_DIAG -> NetlinkTables.GET_FLAGS;
                case NetlinkMessages.NETLINK_NETFILTER -> netfilterFlags(type);
                case NetlinkMessages.NETLINK_CRYPTO -> switch (type) {
                    case 0x10 -> NetlinkTables.NEW_FLAGS;
                    case 0x11, 0x14 -> NetlinkTables.DELETE_FLAGS;
                    case 0x13 -> NetlinkTables.GET_FLAGS;
                    default -> null;
                };
                case NetlinkMessages.NETLINK_XFRM -> switch (type) {
                    case 0x10, 0x13, 0x1e, 0x22, 0x24 -> NetlinkTables.NEW_FLAGS;
                    case 0x11, 0x14 -> NetlinkTables.DELETE_FLAGS;
                    case 0x12, 0x15, 0x1f, 0x23, 0x25 -> NetlinkTables.GET_FLAGS;
                    default -> null;
                };
                default -> null;
            };
        }
        return combine(flags, NetlinkTables.FLAGS, extra);
    }

    /** Which flag set a nfnetlink message takes, by subsystem and message (strace's table). */
    private static ConstTable netfilterFlags(int type) {
        int msg = type & 0xff;
        return switch (type >> 8) {
            case 1 -> msg == 0 ? NetlinkTables.NEW_FLAGS : msg == 2 ? NetlinkTables.DELETE_FLAGS
                    : msg == 1 || (msg >= 3 && msg <= 7) ? NetlinkTables.GET_FLAGS : null;
            case 2 -> msg == 0 ? NetlinkTables.NEW_FLAGS : msg == 2 ? NetlinkTables.DELETE_FLAGS
                    : msg == 1 || msg == 3 ? NetlinkTables.GET_FLAGS : null;
            case 7 -> msg == 0 ? NetlinkTables.NEW_FLAGS : msg == 3 ? NetlinkTables.DELETE_FLAGS
                    : msg == 1 || msg == 2 ? NetlinkTables.GET_FLAGS : null;
            case 8, 9 -> msg == 0 ? NetlinkTables.NEW_FLAGS : msg == 2 ? NetlinkTables.DELETE_FLAGS
                    : msg == 1 ? NetlinkTables.GET_FLAGS : null;
            case 10 -> switch (msg) {
                case 0, 3, 6, 9, 12, 15, 18, 22 -> NetlinkTables.NEW_FLAGS;
                case 1, 4, 7, 10, 13, 16, 19, 21, 23 -> NetlinkTables.GET_FLAGS;
                case 2, 5, 8, 11, 14, 20, 24 -> NetlinkTables.DELETE_FLAGS;
                default -> null;
            };
            case 11, 12 -> msg == 0 ? NetlinkTables.GET_FLAGS : null;
            default -> null;
        };
    }

    private static ConstTable routeFlags(int type) {
        if (type == 49) return NetlinkTables.GET_FLAGS;   // RTM_DELACTION takes NLM_F_ROOT
        return switch (type & 3) {
            case 0 -> NetlinkTables.NEW_FLAGS;
            case 1 -> NetlinkTables.DELETE_FLAGS;
            case 2 -> NetlinkTables.GET_FLAGS;
            default -> null;
        };
    }

    /** strace's printflags_ex over two tables: the first's bits, then the second's, then the rest in hex. */
    static Value.Sym combine(long v, ConstTable first, ConstTable second) {
        Value.Sym a = first.sym(v);
        if (v == 0) return new Value.Sym(0, Value.Radix.HEX, List.of(), 0, null);
        List<String> names = new ArrayList<>(a.names());
        long rest = a.names().isEmpty() ? v : a.rest();
        if (second != null && rest != 0) {
            Value.Sym b = second.sym(rest);
            if (!b.names().isEmpty()) {
                names.addAll(b.names());
                rest = b.rest();
            }
        }
        if (names.isEmpty()) return new Value.Sym(v, Value.Radix.HEX, List.of(), v, "NLM_F_???");
        return new Value.Sym(v, Value.Radix.HEX, names, rest, null);
    }
}
