package dev.jstrace.decode;

/**
 * The payload decoders of the netlink protocols strace decodes, chosen by the
 * socket's protocol; null from {@link #payload} leaves the payload to the
 * generic rules (hex).
 */
final class NetlinkFamilies {
    private NetlinkFamilies() {}

    static Value payload(NetlinkMessages.Walk w, NetlinkMessages.Header h, long addr, long len) {
        return switch (w.family()) {
            case NetlinkMessages.NETLINK_ROUTE -> NetlinkRoute.payload(w, h, addr, len);
            case NetlinkMessages.NETLINK_SOCK_DIAG -> NetlinkSockDiag.payload(w, h, addr, len);
            default -> null;
        };
    }
}
