package dev.jstrace.decode;

import java.util.List;

/** The sockaddr families strace 6.1 spells out besides unix, inet, inet6 and netlink. */
final class SockaddrFamilies {
    private SockaddrFamilies() {}

    /** The family's printer when it has one and {@code len} reaches its minimum; false for raw bytes. */
    static boolean print(CallContext c, byte[] b, int len, int family, List<Value.Field> fs) {
        return false;
    }
}
