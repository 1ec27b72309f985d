package dev.jstrace.decode;

/** Payload decoder of one netlink protocol (see {@link NetlinkFamilies}). */
final class NetlinkRoute {
    private NetlinkRoute() {}

    static Value payload(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        return null;
    }
}
