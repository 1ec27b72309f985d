package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * strace's nlattr walker: a run of {@code struct nlattr} as
 * {@code [{nla_len=8, nla_type=IFLA_MTU}, 1500]}, each attribute's data printed
 * by the decoder its type selects (hex when none does or it declines), several
 * attributes as an array cut after {@code -s}, short or unreadable ones as
 * strace shows them.
 */
final class NetlinkAttrs {
    static final int HDRLEN = 4;
    private static final int NLA_F_NESTED = 0x8000, NLA_F_NET_BYTEORDER = 0x4000, NLA_TYPE_MASK = 0x3fff;

    /** Prints one attribute's data; returns null to have it printed in hex. */
    interface Decoder {
        /**
         * {@return the data as strace prints it, or null}
         *
         * @param w    the walk
         * @param addr where the data starts
         * @param len  its length
         */
        Value decode(NetlinkMessages.Walk w, long addr, long len);
    }

    /** Decoders by attribute type; missing entries print in hex. */
    record Decoders(Decoder... byType) {
        Decoder of(int type) {
            return type < byType.length ? byType[type] : null;
        }

        /**
         * {@return decoders given as (type name, decoder) pairs, the names' values from {@code types}: the C
         * decoders' {@code [IFLA_MTU] = decode_nla_u32} lists}
         *
         * @param types the attribute types
         * @param pairs name, decoder, name, decoder...
         */
        static Decoders byName(ConstTable types, Object... pairs) {
            java.util.Map<Integer, Decoder> m = new java.util.HashMap<>();
            int max = -1;
            for (int i = 0; i < pairs.length; i += 2) {
                String name = (String) pairs[i];
                if (types.name(types.parse(name)) == null) throw new IllegalArgumentException(name);
                int v = (int) types.parse(name);
                m.put(v, (Decoder) pairs[i + 1]);
                max = Math.max(max, v);
            }
            Decoder[] d = new Decoder[max + 1];
            m.forEach((k, v) -> d[k] = v);
            return new Decoders(d);
        }
    }

    static final Decoder STR = NetlinkAttrs::str;
    static final Decoder U32 = NetlinkAttrTypes.U32;
    /** NLMSGERR_ATTR_MSG, _OFFS, _COOKIE. */
    static final Decoders NLMSGERR = new Decoders(null, STR, U32, (w, a, l) -> bytesArray(w, a, l));

    private NetlinkAttrs() {}

    static Value udec(long v) {
        return new Value.Num(v, Value.Radix.UDEC);
    }

    /**
     * decode_nla_str (printstr_ex with QUOTE_OMIT_TRAILING_0 | QUOTE_EXPECT_TRAILING_0): up to {@code -s} bytes,
     * NULs inside printed as such; a NUL as the last byte shown is left out, any other last byte is followed
     * by {@code ...}.
     */
    static Value str(NetlinkMessages.Walk w, long addr, long len) {
        long fetched = Math.min(len, w.stringLimit() + 1L);
        if (!w.mem().readable(addr, fetched)) return new Value.Ptr(addr);
        int size = (int) Math.min(fetched, w.stringLimit());
        byte[] b = w.mem().bytes(addr, size);
        if (size > 0 && b[size - 1] == 0) return Value.Str.string(java.util.Arrays.copyOf(b, size - 1), true);
        return Value.Str.string(b, false);
    }

    /** printstr_ex(QUOTE_0_TERMINATED): the string up to its NUL within the data, {@code ...} when none is there. */
    static Value cstring(NetlinkMessages.Walk w, long addr, long len) {
        long shown = Math.min(len, w.stringLimit() + 1L);
        if (!w.mem().readable(addr, shown)) return new Value.Ptr(addr);
        byte[] b = w.mem().bytes(addr, (int) shown);
        int nul = 0;
        while (nul < b.length && b[nul] != 0) nul++;
        if (nul < b.length) return Value.Str.string(java.util.Arrays.copyOf(b, nul), true);
        return Value.Str.string(b, false);
    }

    private static Value bytesArray(NetlinkMessages.Walk w, long addr, long len) {
        if (!w.mem().readable(addr, Math.min(len, w.stringLimit()))) return new Value.Ptr(addr);
        List<Value> items = new ArrayList<>();
        long n = len;
        for (long i = 0; i < n; i++) {
            if (w.abbreviates() && i == w.stringLimit()) return new Value.Array(items, true);
            if (!w.mem().readable(addr + i, 1)) {
                items.add(NetlinkMessages.more(addr + i));
                break;
            }
            items.add(udec(w.mem().u8(addr + i)));
        }
        return new Value.Array(items, false);
    }

    /** Prints one attribute's data knowing its type (strace's zero-size decoder tables). */
    interface TypedDecoder {
        /**
         * {@return the data as strace prints it, or null for hex}
         *
         * @param w    the walk
         * @param type the attribute's type (flag bits cleared)
         * @param addr where the data starts
         * @param len  its length
         */
        Value decode(NetlinkMessages.Walk w, int type, long addr, long len);
    }

    /** The attributes in {@code [addr, addr + len)}, each one's data printed by {@code typed}. */
    static Value decodeTyped(NetlinkMessages.Walk w, long addr, long len, ConstTable types, TypedDecoder typed) {
        return walk(w, addr, len, types, null, typed);
    }

    /** The attributes in {@code [addr, addr + len)}, their types named by {@code types} (null: numbers). */
    static Value decode(NetlinkMessages.Walk w, long addr, long len, ConstTable types, Decoders decoders) {
        return walk(w, addr, len, types, decoders, null);
    }

    private static Value walk(NetlinkMessages.Walk w, long addr, long len, ConstTable types, Decoders decoders,
                              TypedDecoder typed) {
        TraceeBytes mem = w.mem();
        List<Value> items = new ArrayList<>();
        boolean array = false;
        for (int elt = 0; ; elt++) {
            if (len < HDRLEN) {
                items.add(mem.hexString(addr, len, w.stringLimit()));
                break;
            }
            if (!mem.readable(addr, HDRLEN)) {
                items.add(array ? NetlinkMessages.more(addr) : new Value.Ptr(addr));
                break;
            }
            if (w.abbreviates() && elt == w.stringLimit()) {
                items.add(new Value.Text("..."));
                break;
            }
            int nlaLen = mem.u16(addr), nlaType = mem.u16(addr + 2);
            long aligned = NetlinkMessages.align4(nlaLen);
            long nextAddr = 0, nextLen = 0;
            if (nlaLen >= HDRLEN) {
                nextLen = len >= aligned ? len - aligned : 0;
                if (nextLen != 0) nextAddr = addr + aligned;
            }
            if (!array && nextAddr != 0) array = true;
            items.add(withData(w, nlaLen, nlaType, addr, len, types, decoders, typed));
            if (nextAddr == 0) break;
            addr = nextAddr;
            len = nextLen;
        }
        return array ? new Value.Array(items, false) : items.get(0);
    }

    private static Value withData(NetlinkMessages.Walk w, int nlaLen, int nlaType, long addr, long len,
                                  ConstTable types, Decoders decoders, TypedDecoder typed) {
        long dataLen = Math.min(nlaLen, len);
        List<String> names = new ArrayList<>(3);
        if ((nlaType & NLA_F_NESTED) != 0) names.add("NLA_F_NESTED");
        if ((nlaType & NLA_F_NET_BYTEORDER) != 0) names.add("NLA_F_NET_BYTEORDER");
        // No table (nfnetlink's attributes): the bare number, as strace prints it.
        Value.Sym t = types != null ? types.sym(nlaType & NLA_TYPE_MASK)
                : new Value.Sym(nlaType & NLA_TYPE_MASK, Value.Radix.HEX, List.of(), 0, null);
        Value typeValue = t;
        if (!names.isEmpty()) {
            String rendered = w.c().text(t);
            names.add(rendered);
            typeValue = new Value.Sym(nlaType, Value.Radix.HEX, names, 0, null);
        }
        Value hdr = new Value.Struct(List.of(new Value.Field("nla_len", udec(nlaLen)),
                new Value.Field("nla_type", typeValue)), false);
        if (dataLen <= HDRLEN) return hdr;
        Decoder d = decoders == null ? null : decoders.of(nlaType & NLA_TYPE_MASK);
        Value data = typed != null ? typed.decode(w, nlaType & NLA_TYPE_MASK, addr + HDRLEN, dataLen - HDRLEN)
                : d == null ? null : d.decode(w, addr + HDRLEN, dataLen - HDRLEN);
        if (data == null) data = w.mem().hexString(addr + HDRLEN, dataLen - HDRLEN, w.stringLimit());
        List<Value> items = new ArrayList<>(3);
        items.add(hdr);
        List<Value> flat = NetlinkFamilies.flatItems(data);
        if (flat != null) items.addAll(flat);
        else items.add(data);
        return new Value.Array(items, false);
    }
}
