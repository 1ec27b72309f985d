package dev.jstrace.decode;

/** Payload decoder of one netlink protocol (see {@link NetlinkFamilies}). */
final class NetlinkSockDiag {
    private NetlinkSockDiag() {}

    static Value payload(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        return null;
    }
}
