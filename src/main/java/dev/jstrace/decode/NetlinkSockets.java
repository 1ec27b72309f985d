package dev.jstrace.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which netlink protocol a socket speaks, by its inode: the fact strace asks the
 * kernel for (sock_diag by inode) before it decodes a netlink message. Here the
 * tracer thread, while the tracee is stopped at a send, reads the fd's link
 * ({@code socket:[N]}) and, for an inode it has not seen, the tracee's
 * {@code /proc/TID/net/netlink} (one line per netlink socket of its network
 * namespace: protocol and inode), and remembers the answer; a socket's protocol
 * never changes and socket inode numbers are not reused, so the table only grows
 * and the decoder, which reads it for the same inode later, sees the fact the
 * stop recorded. Sockets of other families are remembered as not netlink, so a
 * TCP send costs one readlink.
 */
final class NetlinkSockets {
    /** Not a netlink socket (or not a socket). */
    static final int NONE = -1;
    private static final ConcurrentHashMap<Long, Integer> PROTOCOL = new ConcurrentHashMap<>();

    private NetlinkSockets() {}

    /** The inode of a {@code socket:[N]} link, or -1. */
    static long inode(String link) {
        if (link == null || !link.startsWith("socket:[") || !link.endsWith("]")) return -1;
        try {
            return Long.parseLong(link, 8, link.length() - 1, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** At a stop (tracer thread): the protocol of {@code tid}'s {@code fd}, or {@link #NONE}. */
    static int atStop(int tid, int fd) {
        long inode;
        // Under unshare -Urpf the mounted /proc is an outer namespace's: the thread's directory has another number.
        int dir = PidNamespaces.procDir(tid);
        try {
            inode = inode(Files.readSymbolicLink(Path.of("/proc/" + dir + "/fd/" + fd)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return NONE;
        }
        if (inode < 0) return NONE;
        Integer known = PROTOCOL.get(inode);
        if (known != null) return known;
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/" + dir + "/net/netlink"));
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length >= 10) PROTOCOL.putIfAbsent(Long.parseLong(f[9]), Integer.parseInt(f[1]));
            }
        } catch (IOException | NumberFormatException e) {
            // No netlink table to read (no /proc/net): the socket is decoded as bytes.
        }
        return PROTOCOL.computeIfAbsent(inode, k -> NONE);
    }

    /** When decoding: the protocol recorded for the socket behind {@code link}, or {@link #NONE}. */
    static int recorded(String link) {
        long inode = inode(link);
        return inode < 0 ? NONE : PROTOCOL.getOrDefault(inode, NONE);
    }
}
