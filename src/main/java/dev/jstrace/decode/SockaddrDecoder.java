package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.u16be;

import dev.jstrace.proc.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * struct sockaddr as strace 6.1's print_sockaddr (sockaddr.c) prints it: the family, then, when the
 * length covers more than the family, the family's printer if the length reaches its minimum
 * ({@code sa_printers[].min_len}), else the bytes after the family as {@code sa_data}. The copy is
 * cut at sizeof(struct sockaddr_storage) and zero-filled past the length, as strace's buffer is.
 * The families other than unix, inet, inet6 and netlink are in {@link SockaddrFamilies}.
 */
final class SockaddrDecoder {
    /** sizeof(struct sockaddr_storage): the most strace copies. */
    static final int STORAGE = StructLayouts.size(StructLayouts.SOCKADDR_STORAGE);
    private static final StructLayouts.Member FAMILY = StructLayouts.Member.of(StructLayouts.SOCKADDR, "sa_family"),
            SUN_PATH = StructLayouts.Member.of(StructLayouts.SOCKADDR_UN, "sun_path"),
            SIN_PORT = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN, "sin_port"),
            SIN_ADDR = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN, "sin_addr"),
            SIN6_PORT = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN6, "sin6_port"),
            SIN6_FLOWINFO = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN6, "sin6_flowinfo"),
            SIN6_ADDR = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN6, "sin6_addr"),
            SIN6_SCOPE_ID = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN6, "sin6_scope_id"),
            NL_PAD = StructLayouts.Member.of(StructLayouts.SOCKADDR_NL, "nl_pad"),
            NL_PID = StructLayouts.Member.of(StructLayouts.SOCKADDR_NL, "nl_pid"),
            NL_GROUPS = StructLayouts.Member.of(StructLayouts.SOCKADDR_NL, "nl_groups");
    private static final int AF_UNIX = (int) HeaderValues.common("AF_UNIX"),
            AF_INET = (int) HeaderValues.common("AF_INET"),
            AF_INET6 = (int) HeaderValues.common("AF_INET6"),
            AF_NETLINK = (int) HeaderValues.common("AF_NETLINK");
    /** SIN6_MIN_LEN: offsetof(struct sockaddr_in6, sin6_scope_id). */
    static final int SIN6_MIN_LEN = SIN6_SCOPE_ID.offset();

    private SockaddrDecoder() {}

    /** decode_sockaddr: the address when shorter than the family or unreadable, else print_sockaddr. */
    static Value decode(CallContext c, Snapshot mem, long a, int len) {
        if (len < FAMILY.size()) return new Value.Ptr(a);
        int want = Math.min(len, STORAGE);
        byte[] b = MemoryView.struct(mem, a, want);
        if (b == null) return a == 0 ? new Value.Ptr(0) : new Value.Unreadable(a);
        return print(c, Arrays.copyOf(b, STORAGE + 1), want);
    }

    /** print_sockaddr of a copy {@code b} (zero-filled past {@code len}) of {@code len} bytes. */
    static Value print(CallContext c, byte[] b, int len) {
        int family = (int) FAMILY.u(b);
        List<Value.Field> fs = new ArrayList<>(6);
        fs.add(new Value.Field("sa_family", c.sym(Constants.AF, family)));
        if (len > FAMILY.size()) {
            if (!family(c, b, len, family, fs) && !SockaddrFamilies.print(c, b, len, family, fs)) fs.add(raw(b, len));
        }
        return new Value.Struct(fs, false);
    }

    private static boolean family(CallContext c, byte[] b, int len, int family, List<Value.Field> fs) {
        if (family == AF_UNIX) {
            unix(c, b, len, fs);
        } else if (family == AF_INET && len >= StructLayouts.size(StructLayouts.SOCKADDR_IN)) {
            fs.add(port(c, "sin_port", b, SIN_PORT.offset()));
            fs.addAll(inetAddr(c, "sin_addr", Arrays.copyOfRange(b, SIN_ADDR.offset(), SIN_ADDR.offset() + 4)));
        } else if (family == AF_INET6 && len >= SIN6_MIN_LEN) {
            in6(c, b, 0, len, fs);
        } else if (family == AF_NETLINK && len >= StructLayouts.size(StructLayouts.SOCKADDR_NL)) {
            if (NL_PAD.u(b) != 0) fs.add(new Value.Field("nl_pad", hex(NL_PAD.u(b))));
            fs.add(new Value.Field("nl_pid", c.pid((int) NL_PID.u(b), PidNamespaces.Kind.TGID)));
            fs.add(new Value.Field("nl_groups", new Value.Text(hash08x(NL_GROUPS.u(b)))));
        } else {
            return false;
        }
        return true;
    }

    /** print_sockaddr_data_raw: the bytes after the family. */
    static Value.Field raw(byte[] b, int len) {
        int at = FAMILY.size();
        return new Value.Field("sa_data", Value.Str.whole(Arrays.copyOfRange(b, at, Math.max(at, len)), false));
    }

    /** print_sockaddr_data_un: the path up to its NUL within the length, or {@code @} and an abstract name. */
    private static void unix(CallContext c, byte[] b, int len, List<Value.Field> fs) {
        int path = SUN_PATH.offset();
        int end = Math.min(len, StructLayouts.size(StructLayouts.SOCKADDR_UN));
        Value v;
        if (b[path] != 0) {
            int e = path;
            while (e < end && b[e] != 0) e++;
            v = Value.Str.whole(Arrays.copyOfRange(b, path, e), false);
        } else {
            Value.Str s = Value.Str.whole(Arrays.copyOfRange(b, path + 1, Math.max(path + 1, end)), false);
            v = new Value.Text("@" + c.text(s));
        }
        fs.add(new Value.Field("sun_path", v));
    }

    /** print_sockaddr_data_in6 of the sockaddr_in6 at {@code at} of {@code b}, {@code len} bytes of it. */
    static void in6(CallContext c, byte[] b, int at, int len, List<Value.Field> fs) {
        fs.add(port(c, "sin6_port", b, at + SIN6_PORT.offset()));
        int fl = at + SIN6_FLOWINFO.offset();
        long flow = MemoryView.u32be(b, fl);
        fs.add(new Value.Field("sin6_flowinfo", styled(c, hexString(b, fl, 4), "htonl(" + flow + ")")));
        int addr = at + SIN6_ADDR.offset();
        byte[] a6 = Arrays.copyOfRange(b, addr, addr + 16);
        fs.addAll(inetAddr(c, "sin6_addr", a6));
        if (len <= SIN6_MIN_LEN) return;
        long scope = MemoryView.u32(b, at + SIN6_SCOPE_ID.offset());
        boolean linkLocal = (a6[0] & 0xff) == 0xfe && (a6[1] & 0xc0) == 0x80;
        boolean mcLinkLocal = (a6[0] & 0xff) == 0xff && (a6[1] & 0x0f) == 0x02;
        fs.add(new Value.Field("sin6_scope_id", linkLocal || mcLinkLocal ? ifindex(c, scope)
                : new Value.Num(scope, Value.Radix.UDEC)));
    }

    /** PRINT_FIELD_NET_PORT: {@code htons(N)}, the bytes in hex under raw, both under verbose. */
    static Value.Field port(CallContext c, String name, byte[] b, int at) {
        return new Value.Field(name, styled(c, hexString(b, at, 2), "htons(" + u16be(b, at) + ")"));
    }

    /**
     * print_inet_addr of a 4- or 16-byte address: {@code name=inet_addr("1.2.3.4")}; IPv6 under abbrev
     * {@code inet_pton(AF_INET6, "::1", &name)} with no field name, else {@code name="\x.."} and under
     * verbose the comment {@code inet_pton(AF_INET6, "::1")}.
     */
    static List<Value.Field> inetAddr(CallContext c, String name, byte[] a) {
        Value hex = new Value.Text(StringQuoter.quote(a, a.length, false, 2));
        if (a.length == 4) {
            String text = "inet_addr(\"" + (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "."
                    + (a[3] & 0xff) + "\")";
            return List.of(new Value.Field(name, styled(c, hex, text)));
        }
        String text = "inet_pton(AF_INET6, \"" + inet6(a) + "\"";
        return switch (c.opt.xlat()) {
            case ABBREV -> List.of(new Value.Field(null, new Value.Text(text + ", &" + name + ")")));
            case RAW -> List.of(new Value.Field(name, hex));
            case VERBOSE -> List.of(new Value.Field(name, new Value.Commented(hex, text + ")")));
        };
    }

    /** strace's xlat styles over a raw form and a decoded text: raw, text, {@code raw /* text * /}. */
    static Value styled(CallContext c, Value raw, String text) {
        return switch (c.opt.xlat()) {
            case RAW -> raw;
            case ABBREV -> new Value.Text(text);
            case VERBOSE -> new Value.Commented(raw, text);
        };
    }

    /** print_quoted_string(QUOTE_FORCE_HEX) of {@code n} bytes at {@code at}. */
    static Value hexString(byte[] b, int at, int n) {
        return new Value.Text(StringQuoter.quote(Arrays.copyOfRange(b, at, at + n), n, false, 2));
    }

    /** print_ifindex: {@code if_nametoindex("lo")} ({@code 1 /* if_nametoindex("lo") * /} verbose), else N. */
    static Value ifindex(CallContext c, long index) {
        Value v = NetlinkFields.ifindex(index);
        if (!(v instanceof Value.Sym s) || s.names().isEmpty()) return v;
        return styled(c, new Value.Num(index, Value.Radix.UDEC), s.names().get(0));
    }

    static Value hex(long v) {
        return new Value.Num(v, Value.Radix.HEX);
    }

    /** inet_ntop's IPv6 text: the longest run of two or more zero groups becomes {@code ::}. */
    static String inet6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = u16be(a, 2 * i);
        boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
        if (mapped) return "::ffff:" + (a[12] & 0xff) + "." + (a[13] & 0xff) + "." + (a[14] & 0xff) + "." + (a[15] & 0xff);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestLen = j - i;
                bestStart = i;
            }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** C's {@code %#08x}, as strace prints nl_groups: {@code 0xfacefeed}, {@code 0x000001}, and {@code 00000000} for 0. */
    static String hash08x(long v) {
        if (v == 0) return "00000000";
        String h = Long.toHexString(v);
        return "0x" + "0".repeat(Math.max(0, 6 - h.length())) + h;
    }
}
