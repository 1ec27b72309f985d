package dev.jstrace.decode;

/**
 * Payload decoder of one netlink protocol (see {@link NetlinkFamilies}): the
 * family byte every message starts with, then the message's struct; the
 * structs not decoded yet print as strace's generic {@code {family=..., data=...}}.
 */
final class NetlinkSockDiag {
    private NetlinkSockDiag() {}

    static Value payload(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        if (h.type() == NetlinkMessages.NLMSG_DONE) return null;
        if (!w.mem().readable(addr, 1)) return new Value.Ptr(addr);
        return NetlinkFamilies.family(w, w.mem().u8(addr), addr, len);
    }
}
