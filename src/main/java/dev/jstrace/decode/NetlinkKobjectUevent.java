package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * A NETLINK_KOBJECT_UEVENT send as strace 6.1's netlink_kobject_uevent.c prints
 * it: a buffer starting with libudev's {@code struct udev_monitor_netlink_header}
 * ({@code prefix="libudev"}) as that struct, then the properties as a string;
 * any other buffer as a string.
 */
final class NetlinkKobjectUevent {
    private static final int HEADER_SIZE = 40;
    private static final byte[] PREFIX = "libudev\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private NetlinkKobjectUevent() {}

    static Value decode(CallContext c, TraceeBytes mem, long addr, long len) {
        if (addr == 0 || len < HEADER_SIZE || !mem.readable(addr, HEADER_SIZE)
                || !java.util.Arrays.equals(mem.bytes(addr, PREFIX.length), PREFIX)) {
            return c.buffer(c.in, addr, len, false);
        }
        List<Value.Field> fs = new ArrayList<>(9);
        fs.add(new Value.Field("prefix", Value.Str.whole("libudev".getBytes(), false)));
        fs.add(new Value.Field("magic", htonl(mem.u32(addr + 8))));
        fs.add(new Value.Field("header_size", new Value.Num(mem.u32(addr + 12), Value.Radix.UDEC)));
        fs.add(new Value.Field("properties_off", new Value.Num(mem.u32(addr + 16), Value.Radix.UDEC)));
        fs.add(new Value.Field("properties_len", new Value.Num(mem.u32(addr + 20), Value.Radix.UDEC)));
        String[] hashes = {"filter_subsystem_hash", "filter_devtype_hash", "filter_tag_bloom_hi", "filter_tag_bloom_lo"};
        for (int i = 0; i < hashes.length; i++) fs.add(new Value.Field(hashes[i], htonl(mem.u32(addr + 24 + 4L * i))));
        Value header = new Value.Struct(fs, false);
        if (len == HEADER_SIZE) return header;
        long rest = len - HEADER_SIZE;
        long shown = Math.min(rest, Math.max(c.opt.stringLimit(), 0));
        Value props = mem.readable(addr + HEADER_SIZE, shown)
                ? Value.Str.buffer(mem.bytes(addr + HEADER_SIZE, (int) shown), rest, false)
                : new Value.Ptr(addr + HEADER_SIZE);
        return new Value.Array(List.of(header, props), false);
    }

    /** PRINT_FIELD_HTONL_X: the field in host order, in hex, as {@code htonl(0x...)}. */
    private static Value htonl(long raw) {
        long host = Integer.reverseBytes((int) raw) & 0xffffffffL;
        return new Value.Text("htonl(" + (host == 0 ? "0" : "0x" + Long.toHexString(host)) + ")");
    }
}
