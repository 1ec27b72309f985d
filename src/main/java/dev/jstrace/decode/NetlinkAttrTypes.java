package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * strace's attribute data decoders ({@code decode_nla_*} of nlattr.c) as
 * {@link NetlinkAttrs.Decoder}s: each declines (null: the data is printed in
 * hex) when the data is shorter than its type, and prints the address when
 * the data it needs cannot be read.
 */
final class NetlinkAttrTypes {
    private NetlinkAttrTypes() {}

    /** A fixed-size integer read from the first {@code size} bytes, as {@code radix}. */
    static NetlinkAttrs.Decoder integer(int size, Value.Radix radix, boolean signed) {
        return (w, a, l) -> {
            if (l < size) return null;
            if (!w.mem().readable(a, size)) return new Value.Ptr(a);
            return new Value.Num(read(w.mem(), a, size, signed), radix);
        };
    }

    static final NetlinkAttrs.Decoder U8 = integer(1, Value.Radix.UDEC, false);
    static final NetlinkAttrs.Decoder U16 = integer(2, Value.Radix.UDEC, false);
    static final NetlinkAttrs.Decoder U32 = integer(4, Value.Radix.UDEC, false);
    static final NetlinkAttrs.Decoder U64 = integer(8, Value.Radix.UDEC, false);
    static final NetlinkAttrs.Decoder S8 = integer(1, Value.Radix.DEC, true);
    static final NetlinkAttrs.Decoder S16 = integer(2, Value.Radix.DEC, true);
    static final NetlinkAttrs.Decoder S32 = integer(4, Value.Radix.DEC, true);
    static final NetlinkAttrs.Decoder S64 = integer(8, Value.Radix.DEC, true);
    static final NetlinkAttrs.Decoder X8 = integer(1, Value.Radix.HEX, false);
    static final NetlinkAttrs.Decoder X16 = integer(2, Value.Radix.HEX, false);
    static final NetlinkAttrs.Decoder X32 = integer(4, Value.Radix.HEX, false);
    static final NetlinkAttrs.Decoder X64 = integer(8, Value.Radix.HEX, false);
    static final NetlinkAttrs.Decoder STR = NetlinkAttrs::str;

    /** printstr_ex(QUOTE_0_TERMINATED): the string up to its NUL within the data. */
    static Value cstring(NetlinkMessages.Walk w, long a, long l) {
        return NetlinkAttrs.cstring(w, a, l);
    }

    /** decode_nla_ifindex. */
    static final NetlinkAttrs.Decoder IFINDEX = (w, a, l) -> {
        if (l < 4) return null;
        if (!w.mem().readable(a, 4)) return new Value.Ptr(a);
        return NetlinkFields.ifindex(w.mem().u32(a));
    };

    /** decode_nla_be16: {@code htons(N)}. */
    static final NetlinkAttrs.Decoder BE16 = (w, a, l) -> {
        if (l < 2) return null;
        if (!w.mem().readable(a, 2)) return new Value.Ptr(a);
        int v = w.mem().u16(a);
        return new Value.Text("htons(" + (((v & 0xff) << 8) | (v >> 8)) + ")");
    };

    /** decode_nla_uid / decode_nla_gid: printuid, {@code -1} for (uid_t) -1. */
    static final NetlinkAttrs.Decoder UID = (w, a, l) -> {
        if (l < 4) return null;
        if (!w.mem().readable(a, 4)) return new Value.Ptr(a);
        long v = w.mem().u32(a);
        return new Value.Num(v == 0xffffffffL ? -1 : v, Value.Radix.DEC);
    };

    /** decode_nla_fd. */
    static final NetlinkAttrs.Decoder FD = (w, a, l) -> {
        if (l < 4) return null;
        if (!w.mem().readable(a, 4)) return new Value.Ptr(a);
        return w.c().fd(w.mem().s32(a));
    };

    /** decode_inet_addr by the message's family: hex when the family has no address or the data is short. */
    static NetlinkAttrs.Decoder inetAddrOf(int family) {
        int size = family == 2 ? 4 : family == 10 ? 16 : 0;
        return (w, a, l) -> size == 0 || l < size ? w.mem().hexString(a, l, w.stringLimit())
                : inetAddr(w, a, size, family);
    }

    /** decode_nla_in_addr and decode_nla_in6_addr. */
    static final NetlinkAttrs.Decoder IN_ADDR = (w, a, l) -> l < 4 ? null : inetAddr(w, a, 4, 2);
    static final NetlinkAttrs.Decoder IN6_ADDR = (w, a, l) -> l < 16 ? null : inetAddr(w, a, 16, 10);

    /** decode_nla_clock_t: at most 8 bytes, the value and its seconds in a comment. */
    static final NetlinkAttrs.Decoder CLOCK_T = (w, a, l) -> {
        if (l > 8) return null;
        if (!w.mem().readable(a, l)) return new Value.Ptr(a);
        return clockT(w, readUpTo(w.mem(), a, (int) l));
    };

    /** decode_nla_xval with a table and an exact size (0: up to 8 bytes). */
    static NetlinkAttrs.Decoder xval(ConstTable t, int size) {
        return (w, a, l) -> {
            if (l > 8 || l < size) return null;
            int n = size == 0 ? (int) l : Math.min((int) l, size);
            if (!w.mem().readable(a, n)) return new Value.Ptr(a);
            return t.sym(readUpTo(w.mem(), a, n));
        };
    }

    /** printxval/printflags of a value of exactly {@code size} bytes (strace's decoders that read one integer). */
    static NetlinkAttrs.Decoder value(int size, ConstTable t) {
        return (w, a, l) -> {
            if (l < size) return null;
            if (!w.mem().readable(a, size)) return new Value.Ptr(a);
            return t.sym(readUpTo(w.mem(), a, size));
        };
    }

    /** A struct of {@code size} bytes printed by {@code fields} (umove_or_printaddr, then PRINT_FIELD_*). */
    static NetlinkAttrs.Decoder struct(int size, NetlinkFields.FieldReader fields) {
        return (w, a, l) -> {
            if (l < size) return null;
            if (!w.mem().readable(a, size)) return new Value.Ptr(a);
            NetlinkFields f = new NetlinkFields(w, a);
            fields.read(f);
            return f.done();
        };
    }

    /** decode_nla_be64: {@code htobe64(N)}. */
    static final NetlinkAttrs.Decoder BE64 = (w, a, l) -> {
        if (l < 8) return null;
        if (!w.mem().readable(a, 8)) return new Value.Ptr(a);
        return new Value.Text("htobe64(" + Long.toUnsignedString(Long.reverseBytes(w.mem().u64(a))) + ")");
    };

    /** print_quoted_string(QUOTE_FORCE_HEX) of {@code n} readable bytes: all of them, {@code -s} does not apply. */
    static Value hexBytes(TraceeBytes m, long a, int n) {
        return new Value.Text(StringQuoter.quote(m.bytes(a, n), n, false, 2));
    }

    /**
     * print_mac_addr / print_hwaddr: {@code 01:02:03} under {@code -X abbrev}, the bytes in hex under raw, both
     * under verbose; {@code shown} bytes of the address go into the text form.
     */
    static Value mac(NetlinkMessages.Walk w, byte[] b, int shown) {
        StringBuilder t = new StringBuilder(shown * 3);
        for (int i = 0; i < Math.min(shown, b.length); i++) {
            if (i > 0) t.append(':');
            t.append(String.format("%02x", b[i] & 0xff));
        }
        Value raw = Value.Str.buffer(b, b.length, true);
        if (b.length > 32) return raw;
        return switch (w.c().opt.xlat()) {
            case ABBREV -> new Value.Text(t.toString());
            case RAW -> raw;
            case VERBOSE -> new Value.Commented(raw, t.toString());
        };
    }

    /** decode_nla_hwaddr_family: a hardware address whose printed length the device type (here the family) caps. */
    static NetlinkAttrs.Decoder hwaddr(int devtype) {
        return (w, a, l) -> {
            if (l > 32) return null;
            if (!w.mem().readable(a, l)) return new Value.Ptr(a);
            return mac(w, w.mem().bytes(a, (int) l), (int) Math.min(l, hwaddrSize(devtype)));
        };
    }

    /** decode_nla_hwaddr_nofamily. */
    static final NetlinkAttrs.Decoder HWADDR = hwaddr(-1);

    /** strace's hwaddr_sizes (print_mac.c) for the ARPHRD_* values an address family byte can take; 255: all. */
    private static int hwaddrSize(int devtype) {
        return switch (devtype) {
            case 0, 3 -> 7;          // ARPHRD_NETROM, ARPHRD_AX25
            case 1, 6 -> 6;          // ARPHRD_ETHER, ARPHRD_IEEE802
            case 7 -> 1;             // ARPHRD_ARCNET
            case 15 -> 2;            // ARPHRD_DLCI
            case 24 -> 16;           // ARPHRD_IEEE1394
            case 27 -> 8;            // ARPHRD_EUI64
            case 32 -> 20;           // ARPHRD_INFINIBAND
            default -> 255;
        };
    }

    /**
     * print_array_ex with PAF_PRINT_INDICES: {@code [[IPV4_DEVCONF_FORWARDING] = 1, ...]}, elements of {@code size}
     * bytes as signed or unsigned decimals, the indices named by {@code indices}.
     */
    static NetlinkAttrs.Decoder indexedArray(int size, boolean signed, ConstTable indices) {
        return (w, a, l) -> l / size == 0 ? null : array(w, a, l, size, (at, i) -> new Value.Text("["
                + w.c().text(indices.sym(i)) + "]=" + (signed ? read(w.mem(), at, size, true)
                : Long.toUnsignedString(read(w.mem(), at, size, false)))));
    }

    /** A nested attribute set. */
    static NetlinkAttrs.Decoder nested(ConstTable types, NetlinkAttrs.Decoders decoders) {
        return (w, a, l) -> NetlinkAttrs.decode(w, a, l, types, decoders);
    }

    /** strace's print_clock_t: {@code 100 /* 1.00 s * /} (no comment for 0 or under {@code -X raw}). */
    static Value clockT(NetlinkMessages.Walk w, long v) {
        Value n = new Value.Num(v, Value.Radix.UDEC);
        if (v == 0 || w.c().opt.xlat() == DecodeOptions.Xlat.RAW) return n;
        long hz = 100;
        long secs = Long.divideUnsigned(v, hz), frac = Long.remainderUnsigned(v, hz);
        return new Value.Commented(n, Long.toUnsignedString(secs) + "." + String.format("%02d", frac) + " s");
    }

    /**
     * decode_inet_addr with a field name (strace's {@code var_name}): {@code name=inet_addr("1.2.3.4")}, but
     * {@code inet_pton(AF_INET6, "::1", &name)} unnamed under {@code -X abbrev}; hex when the family has no
     * address or the data is short.
     */
    static Value.Field inetField(NetlinkMessages.Walk w, long a, long l, int family, String name) {
        int size = family == 2 ? 4 : family == 10 ? 16 : 0;
        if (size == 0 || l < size) return new Value.Field(name, w.mem().hexString(a, l, w.stringLimit()));
        if (!w.mem().readable(a, size)) return new Value.Field(name, new Value.Ptr(a));
        if (family == 10 && w.c().opt.xlat() == DecodeOptions.Xlat.ABBREV) {
            return new Value.Field(null, new Value.Text("inet_pton(AF_INET6, \""
                    + SockaddrDecoder.inet6(w.mem().bytes(a, 16)) + "\", &" + name + ")"));
        }
        return new Value.Field(name, inetAddr(w, a, size, family));
    }

    /**
     * print_inet_addr of a {@code size}-byte buffer (an address union) with a field name: the address by
     * {@code family} as {@link #inetField} prints it, the whole buffer in hex under {@code -X raw} and for
     * other families.
     */
    static Value.Field inetFieldOf(NetlinkMessages.Walk w, long a, int size, int family, String name) {
        byte[] all = w.mem().bytes(a, size);
        Value raw = Value.Str.buffer(all, size, true);
        if (family != 2 && family != 10) return new Value.Field(name, raw);
        String text = family == 2 ? "inet_addr(\"" + dotted(all) + "\")"
                : "inet_pton(AF_INET6, \"" + SockaddrDecoder.inet6(java.util.Arrays.copyOf(all, 16)) + "\"";
        return switch (w.c().opt.xlat()) {
            case ABBREV -> family == 2 ? new Value.Field(name, new Value.Text(text))
                    : new Value.Field(null, new Value.Text(text + ", &" + name + ")"));
            case RAW -> new Value.Field(name, raw);
            case VERBOSE -> new Value.Field(name, new Value.Commented(raw, family == 2 ? text : text + ")"));
        };
    }

    /** An IPv4 address's first four bytes (network order) as {@code 1.2.3.4}. */
    private static String dotted(byte[] a) {
        StringBuilder t = new StringBuilder(15);
        for (int i = 0; i < Integer.BYTES; i++) t.append(i > 0 ? "." : "").append(a[i] & 0xff);
        return t.toString();
    }

    /** print_inet_addr of {@code size} bytes: {@code inet_addr("1.2.3.4")} / inet_pton, by {@code -X}. */
    static Value inetAddr(NetlinkMessages.Walk w, long a, int size, int family) {
        if (!w.mem().readable(a, size)) return new Value.Ptr(a);
        byte[] b = w.mem().bytes(a, size);
        String text = family == 2 ? "inet_addr(\"" + dotted(b) + "\")"
                : "inet_pton(AF_INET6, \"" + SockaddrDecoder.inet6(b) + "\")";
        Value raw = Value.Str.buffer(b, size, true);
        return switch (w.c().opt.xlat()) {
            case ABBREV -> new Value.Text(text);
            case RAW -> raw;
            case VERBOSE -> new Value.Commented(raw, text);
        };
    }

    /** print_array of {@code len / size} elements, each printed by {@code elem} (strace's tfetch rules). */
    static Value array(NetlinkMessages.Walk w, long a, long len, int size, ElementPrinter elem) {
        long n = len / size;
        List<Value> items = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long at = a + i * size;
            if (!w.mem().readable(at, size)) {
                if (i == 0) return new Value.Ptr(at);
                items.add(NetlinkMessages.more(at));
                return new Value.Array(items, false);
            }
            if (w.abbreviates() && i == w.stringLimit()) return new Value.Array(items, true);
            items.add(elem.print(at, i));
        }
        return new Value.Array(items, false);
    }

    /** Prints one array element. */
    interface ElementPrinter {
        /**
         * {@return the element}
         *
         * @param addr  where it is (readable)
         * @param index its index
         */
        Value print(long addr, long index);
    }

    static long read(TraceeBytes m, long a, int size, boolean signed) {
        long v = readUpTo(m, a, size);
        if (!signed || size == 8) return v;
        int shift = 64 - 8 * size;
        return (v << shift) >> shift;
    }

    /** strace's umoven_to_uint64: {@code n} (at most 8) little-endian bytes. */
    static long readUpTo(TraceeBytes m, long a, int n) {
        return switch (n) {
            case 1 -> m.u8(a);
            case 2 -> m.u16(a);
            case 4 -> m.u32(a);
            case 8 -> m.u64(a);
            default -> {
                long v = 0;
                for (int i = n - 1; i >= 0; i--) v = (v << 8) | m.u8(a + i);
                yield v;
            }
        };
    }
}
