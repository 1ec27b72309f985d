package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.u16;
import static dev.jstrace.decode.MemoryView.u16be;
import static dev.jstrace.decode.MemoryView.u32;

import dev.jstrace.proc.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** struct sockaddr as strace prints it: unix, inet, inet6 and netlink spelled out, others as bytes. */
final class SockaddrDecoder {
    private static final StructLayouts.Member FAMILY = StructLayouts.Member.of(StructLayouts.SOCKADDR, "sa_family"),
            SA_DATA = StructLayouts.Member.of(StructLayouts.SOCKADDR, "sa_data"),
            SUN_PATH = StructLayouts.Member.of(StructLayouts.SOCKADDR_UN, "sun_path"),
            SIN_PORT = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN, "sin_port"),
            SIN_ADDR = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN, "sin_addr"),
            SIN6_PORT = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN6, "sin6_port"),
            SIN6_FLOWINFO = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN6, "sin6_flowinfo"),
            SIN6_ADDR = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN6, "sin6_addr"),
            SIN6_SCOPE_ID = StructLayouts.Member.of(StructLayouts.SOCKADDR_IN6, "sin6_scope_id"),
            NL_PID = StructLayouts.Member.of(StructLayouts.SOCKADDR_NL, "nl_pid"),
            NL_GROUPS = StructLayouts.Member.of(StructLayouts.SOCKADDR_NL, "nl_groups");

    private SockaddrDecoder() {}

    static Value decode(CallContext c, Snapshot mem, long a, int len) {
        if (a == 0) return new Value.Ptr(0);
        if (len < FAMILY.size()) return new Value.Ptr(a);
        int want = Math.min(len, 128);
        byte[] b = MemoryView.struct(mem, a, want);
        if (b == null) return new Value.Unreadable(a);
        int family = (int) FAMILY.u(b);
        List<Value.Field> fs = new ArrayList<>(5);
        fs.add(new Value.Field("sa_family", c.sym(Constants.AF, family)));
        switch (family) {
            case 1 -> {
                int path = SUN_PATH.offset();
                if (want > path) {
                    boolean abstractName = b[path] == 0 && want > path + 1;
                    int start = abstractName ? path + 1 : path;
                    int end = start;
                    while (end < want && (abstractName || b[end] != 0)) end++;
                    Value.Str s = Value.Str.whole(Arrays.copyOfRange(b, start, end), false);
                    fs.add(new Value.Field("sun_path", abstractName ? new Value.Text("@" + c.text(s)) : s));
                }
            }
            case 2 -> {
                int at = SIN_ADDR.offset();
                if (want >= at + SIN_ADDR.size()) {
                    fs.add(new Value.Field("sin_port", new Value.Text("htons(" + u16be(b, SIN_PORT.offset()) + ")")));
                    fs.add(new Value.Field("sin_addr", new Value.Text("inet_addr(\"" + (b[at] & 0xff) + "."
                            + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff) + "\")")));
                }
            }
            case 10 -> {
                int addr = SIN6_ADDR.offset(), addrEnd = addr + SIN6_ADDR.size();
                if (want >= addrEnd) {
                    fs.add(new Value.Field("sin6_port", new Value.Text("htons(" + u16be(b, SIN6_PORT.offset()) + ")")));
                    int fl = SIN6_FLOWINFO.offset();
                    long flow = ((long) u16be(b, fl) << 16) | u16be(b, fl + 2);
                    fs.add(new Value.Field("sin6_flowinfo", new Value.Text("htonl(" + flow + ")")));
                    fs.add(new Value.Field(null, new Value.Text("inet_pton(AF_INET6, \""
                            + inet6(Arrays.copyOfRange(b, addr, addrEnd)) + "\", &sin6_addr)")));
                    if (want >= StructLayouts.size(StructLayouts.SOCKADDR_IN6)) {
                        fs.add(new Value.Field("sin6_scope_id", new Value.Num(SIN6_SCOPE_ID.u(b), Value.Radix.DEC)));
                    }
                }
            }
            case 16 -> {
                if (want >= StructLayouts.size(StructLayouts.SOCKADDR_NL)) {
                    fs.add(new Value.Field("nl_pid", new Value.Num(NL_PID.u(b), Value.Radix.DEC)));
                    fs.add(new Value.Field("nl_groups", new Value.Text(hash08x(NL_GROUPS.u(b)))));
                }
            }
            default -> fs.add(new Value.Field("sa_data",
                    Value.Str.whole(Arrays.copyOfRange(b, SA_DATA.offset(), want), false)));
        }
        return new Value.Struct(fs, false);
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
