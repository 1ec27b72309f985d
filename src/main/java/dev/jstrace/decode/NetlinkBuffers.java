package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;

/**
 * Send buffers of sockets: on a netlink socket strace decodes the messages
 * ({@link NetlinkMessages}), reading as much of the buffer as they span; on any
 * other socket the buffer is a string cut to {@code -s}.
 */
final class NetlinkBuffers {
    /** How much of a netlink buffer is copied at most (the messages strace prints fit well within it). */
    static final int MAX_CAPTURE = 1 << 16;

    private NetlinkBuffers() {}

    /** At the stop: the fd's link (its inode names the protocol) and the bytes the decoder will read. */
    static void captureSend(TraceeMemory mem, int fd, long addr, long len, int stringLimit) {
        mem.fdPath(fd);
        long want = Math.max(len, 0);
        if (NetlinkSockets.atStop(mem.tid(), fd) == NetlinkSockets.NONE) want = Math.min(want, stringLimit);
        else want = Math.min(want, MAX_CAPTURE);
        if (addr != 0 && want > 0) mem.bytes(addr, (int) want);
    }

    static Value sendBuffer(CallContext c, int fd, long addr, long len) {
        // strace decodes netlink only with verbose (its default, -e verbose=all).
        int family = NetlinkSockets.recorded(c.in.fdPath(fd));
        if (family == NetlinkSockets.NONE) return c.buffer(c.in, addr, len, false);
        if (addr == 0) return new Value.Ptr(0);
        if (family == NetlinkMessages.NETLINK_KOBJECT_UEVENT) {
            return NetlinkKobjectUevent.decode(c, TraceeBytes.at(c.in, addr), addr, len);
        }
        return NetlinkMessages.decode(c, TraceeBytes.at(c.in, addr), addr, len, family);
    }
}
