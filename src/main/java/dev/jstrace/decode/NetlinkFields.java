package dev.jstrace.decode;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields of one struct inside a netlink message, read from the captured
 * bytes at fixed offsets and printed as strace's PRINT_FIELD_* macros print
 * them (u, x, xval, flags, ifindex, inet addresses); a builder, so a decoder
 * reads as the C decoder's list of fields. Also strace's family-header rule:
 * the family byte, then the rest of the struct when the message holds all of
 * it ({@code ...} when it is shorter, the address when it is unreadable), then
 * the attributes that follow it.
 */
final class NetlinkFields {
    private static final ConcurrentHashMap<Long, String> IFNAMES = new ConcurrentHashMap<>();

    private final NetlinkMessages.Walk w;
    private final long base;
    private final List<Value.Field> fields = new ArrayList<>(8);
    private boolean more;
    private int cursor;

    NetlinkFields(NetlinkMessages.Walk w, long base) {
        this.w = w;
        this.base = base;
    }

    /** Where the struct starts in the tracee. */
    long base() {
        return base;
    }

    NetlinkMessages.Walk w() {
        return w;
    }

    TraceeBytes mem() {
        return w.mem();
    }

    /** Where the next field starts, from the struct's start: fields are declared in their C order. */
    int at() {
        return cursor;
    }

    /** Moves past padding or a field not printed. */
    NetlinkFields skip(int size) {
        cursor += size;
        return this;
    }

    /** The next field's unsigned value, {@code size} bytes, without moving past it. */
    long peek(int size) {
        return NetlinkAttrTypes.readUpTo(w.mem(), base + cursor, size);
    }

    private long take(int size) {
        long v = peek(size);
        cursor += size;
        return v;
    }

    NetlinkFields add(Value.Field f) {
        fields.add(f);
        return this;
    }

    NetlinkFields add(String name, Value v) {
        fields.add(new Value.Field(name, v));
        return this;
    }

    /** PRINT_FIELD_U. */
    NetlinkFields udec(String name, int size) {
        return add(name, new Value.Num(take(size), Value.Radix.UDEC));
    }

    /** PRINT_FIELD_D. */
    NetlinkFields sdec(String name, int size) {
        long v = take(size);
        int shift = 64 - 8 * size;
        return add(name, new Value.Num(size == 8 ? v : (v << shift) >> shift, Value.Radix.DEC));
    }

    /** PRINT_FIELD_X. */
    NetlinkFields hex(String name, int size) {
        return add(name, new Value.Num(take(size), Value.Radix.HEX));
    }

    /** PRINT_FIELD_X only when the field is not zero (strace's reserved fields). */
    NetlinkFields hexIfSet(String name, int size) {
        return peek(size) != 0 ? hex(name, size) : skip(size);
    }

    /** PRINT_FIELD_XVAL / PRINT_FIELD_FLAGS: the table decides which. */
    NetlinkFields xval(String name, int size, ConstTable t) {
        return add(name, t.sym(take(size)));
    }

    /** PRINT_FIELD_XVAL with two tables (printxvals: the first that names the value). */
    NetlinkFields xval2(String name, int size, ConstTable first, ConstTable second) {
        return add(name, either(take(size), first, second));
    }

    /** PRINT_FIELD_IFINDEX (a 32-bit index). */
    NetlinkFields ifindex(String name) {
        return add(name, ifindex(take(4)));
    }

    /** An address family byte (PRINT_FIELD_XVAL with addrfams). */
    NetlinkFields af(String name) {
        return add(name, NetlinkFamilies.af((int) take(1)));
    }

    /** A field with no name: the address of an unreadable rest of the struct. */
    NetlinkFields addr(long a) {
        return add(null, new Value.Ptr(a));
    }

    /** strace's {@code ...}: the rest is not there. */
    NetlinkFields more() {
        more = true;
        return this;
    }

    Value.Struct done() {
        return new Value.Struct(List.copyOf(fields), more);
    }

    /** printxvals: the name from the first table that has one; unknown, the first table's default text. */
    static Value.Sym either(long v, ConstTable first, ConstTable second) {
        Value.Sym a = first.sym(v);
        if (!a.names().isEmpty()) return a;
        Value.Sym b = second.sym(v);
        return b.names().isEmpty() ? a : b;
    }

    /** print_ifindex: {@code if_nametoindex("lo")} for an interface of this host, else the number. */
    static Value ifindex(long index) {
        String name = index <= 0 || index > Integer.MAX_VALUE ? "" : IFNAMES.computeIfAbsent(index, i -> {
            try {
                NetworkInterface n = NetworkInterface.getByIndex(i.intValue());
                return n == null ? "" : n.getName();
            } catch (SocketException e) {
                return "";
            }
        });
        if (name.isEmpty()) return new Value.Num(index, Value.Radix.UDEC);
        return new Value.Sym(index, Value.Radix.UDEC, List.of("if_nametoindex(\"" + name + "\")"), 0, null);
    }

    /**
     * strace's family-header rule ({@code decode_ifinfomsg} and its siblings): {@code {ifi_family=AF_INET, ...}}
     * with the rest of a struct of {@code size} bytes read by {@code rest} when the message holds it, then the
     * attributes after {@code NLMSG_ALIGN(size)} (when the struct was read and {@code attrs} is not null).
     */
    static Value familyMsg(NetlinkMessages.Walk w, long addr, long len, int size, String familyField,
                           FieldReader rest, AttrSpec attrs) {
        NetlinkFields f = new NetlinkFields(w, addr);
        f.af(familyField);
        boolean read = false;
        if (len >= size) {
            if (!w.mem().readable(addr + 1, size - 1)) {
                f.addr(addr + 1);
            } else {
                rest.read(f);
                read = true;
            }
        } else {
            f.more();
        }
        return withAttrs(w, f.done(), read, addr, len, size, attrs);
    }

    /** The struct, then the attributes after {@code NLMSG_ALIGN(size)}, printed as its siblings. */
    static Value withAttrs(NetlinkMessages.Walk w, Value struct, boolean read, long addr, long len, int size,
                           AttrSpec attrs) {
        long off = NetlinkMessages.align4(size);
        if (!read || attrs == null || len <= off) return struct;
        return NetlinkFamilies.flat(struct, attrs.decode(w, addr + off, len - off));
    }

    /** Reads a struct's fields after its family byte. */
    interface FieldReader {
        /**
         * Adds the fields.
         *
         * @param f the builder, at the struct's start
         */
        void read(NetlinkFields f);
    }

    /**
     * An attribute set: the table naming the types and the decoders by type.
     *
     * @param types    the attribute types' names
     * @param decoders the decoders by type (null: every attribute in hex)
     */
    record AttrSpec(ConstTable types, NetlinkAttrs.Decoders decoders) {
        Value decode(NetlinkMessages.Walk w, long addr, long len) {
            return NetlinkAttrs.decode(w, addr, len, types, decoders);
        }
    }
}
