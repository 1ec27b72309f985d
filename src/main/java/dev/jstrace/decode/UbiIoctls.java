package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The UBI requests as strace 6.1's src/ubi.c prints them: the request structs (mkvol, rsvol,
 * rnvol with its entries, leb change, attach, map, volume property), the volume and data types,
 * an int or s64 through the pointer for the simple ones, and the volume or device number the
 * kernel writes back after mkvol and attach ({@code => [N]}). Offsets are mtd/ubi-user.h's.
 */
final class UbiIoctls implements IoctlFamily {
    private static final long ATT = IoctlRequests.required("UBI_IOCATT"), EBCH = IoctlRequests.required("UBI_IOCEBCH"), EBMAP = IoctlRequests.required("UBI_IOCEBMAP"),
            MKVOL = IoctlRequests.required("UBI_IOCMKVOL"), RNVOL = IoctlRequests.required("UBI_IOCRNVOL"), RSVOL = IoctlRequests.required("UBI_IOCRSVOL"),
            SETVOLPROP = IoctlRequests.required("UBI_IOCSETVOLPROP"), VOLUP = IoctlRequests.required("UBI_IOCVOLUP");
    private static final Set<Long> INT = Set.of(IoctlRequests.required("UBI_IOCDET"), IoctlRequests.required("UBI_IOCEBER"), IoctlRequests.required("UBI_IOCEBISMAP"),
            IoctlRequests.required("UBI_IOCEBUNMAP"), IoctlRequests.required("UBI_IOCRMVOL"), IoctlRequests.required("UBI_IOCRPEB"), IoctlRequests.required("UBI_IOCSPEB"));
    private static final Set<Long> NO_ARG = Set.of(IoctlRequests.required("UBI_IOCVOLCRBLK"), IoctlRequests.required("UBI_IOCVOLRMBLK"));
    /** mtd/ubi-user.h's request structs ({@code __packed} ones with unaligned longs). */
    static final StructLayout MKVOL_REQ = structLayout(JAVA_INT.withName("vol_id"), JAVA_INT.withName("alignment"),
            JAVA_LONG_UNALIGNED.withName("bytes"), JAVA_BYTE.withName("vol_type"), JAVA_BYTE.withName("flags"),
            JAVA_SHORT.withName("name_len"), sequenceLayout(4, JAVA_BYTE).withName("padding2"),
            sequenceLayout(128, JAVA_BYTE).withName("name")).withName("struct ubi_mkvol_req");
    static final StructLayout RSVOL_REQ = structLayout(JAVA_LONG_UNALIGNED.withName("bytes"),
            JAVA_INT.withName("vol_id")).withName("struct ubi_rsvol_req");
    /** One of ubi_rnvol_req's ents (an unnamed struct in C). */
    private static final StructLayout RNVOL_ENT = structLayout(JAVA_INT.withName("vol_id"),
            JAVA_SHORT.withName("name_len"), sequenceLayout(2, JAVA_BYTE).withName("padding2"),
            sequenceLayout(128, JAVA_BYTE).withName("name"));
    static final StructLayout RNVOL_REQ = structLayout(JAVA_INT.withName("count"),
            sequenceLayout(12, JAVA_BYTE).withName("padding1"), sequenceLayout(32, RNVOL_ENT).withName("ents"))
            .withName("struct ubi_rnvol_req");
    static final StructLayout LEB_CHANGE_REQ = structLayout(JAVA_INT.withName("lnum"), JAVA_INT.withName("bytes"),
            JAVA_BYTE.withName("dtype"), sequenceLayout(7, JAVA_BYTE).withName("padding"))
            .withName("struct ubi_leb_change_req");
    static final StructLayout ATTACH_REQ = structLayout(JAVA_INT.withName("ubi_num"), JAVA_INT.withName("mtd_num"),
            JAVA_INT.withName("vid_hdr_offset"), JAVA_SHORT.withName("max_beb_per1024"),
            JAVA_BYTE.withName("disable_fm"), sequenceLayout(9, JAVA_BYTE).withName("padding"))
            .withName("struct ubi_attach_req");
    static final StructLayout MAP_REQ = structLayout(JAVA_INT.withName("lnum"), JAVA_BYTE.withName("dtype"),
            sequenceLayout(3, JAVA_BYTE).withName("padding")).withName("struct ubi_map_req");
    static final StructLayout SET_VOL_PROP_REQ = structLayout(JAVA_BYTE.withName("property"),
            sequenceLayout(7, JAVA_BYTE).withName("padding"), JAVA_LONG_UNALIGNED.withName("value"))
            .withName("struct ubi_set_vol_prop_req");
    private static final int MKVOL_SIZE = StructLayouts.size(MKVOL_REQ), RSVOL_SIZE = StructLayouts.size(RSVOL_REQ),
            RNVOL_SIZE = StructLayouts.size(RNVOL_REQ), LEB_SIZE = StructLayouts.size(LEB_CHANGE_REQ),
            ATTACH_SIZE = StructLayouts.size(ATTACH_REQ), MAP_SIZE = StructLayouts.size(MAP_REQ),
            PROP_SIZE = StructLayouts.size(SET_VOL_PROP_REQ);
    private static final Member MK_VOL_ID = Member.of(MKVOL_REQ, "vol_id"),
            MK_ALIGNMENT = Member.of(MKVOL_REQ, "alignment"), MK_BYTES = Member.of(MKVOL_REQ, "bytes"),
            MK_VOL_TYPE = Member.of(MKVOL_REQ, "vol_type"), MK_FLAGS = Member.of(MKVOL_REQ, "flags"),
            MK_NAME_LEN = Member.of(MKVOL_REQ, "name_len"), MK_NAME = Member.of(MKVOL_REQ, "name");
    private static final Member RS_BYTES = Member.of(RSVOL_REQ, "bytes"), RS_VOL_ID = Member.of(RSVOL_REQ, "vol_id");
    private static final Member RN_COUNT = Member.of(RNVOL_REQ, "count"), RN_ENTS = Member.of(RNVOL_REQ, "ents"),
            ENT_VOL_ID = Member.of(RNVOL_ENT, "vol_id"), ENT_NAME_LEN = Member.of(RNVOL_ENT, "name_len"),
            ENT_NAME = Member.of(RNVOL_ENT, "name");
    private static final Member LEB_LNUM = Member.of(LEB_CHANGE_REQ, "lnum"),
            LEB_BYTES = Member.of(LEB_CHANGE_REQ, "bytes"), LEB_DTYPE = Member.of(LEB_CHANGE_REQ, "dtype");
    private static final Member AT_UBI_NUM = Member.of(ATTACH_REQ, "ubi_num"),
            AT_MTD_NUM = Member.of(ATTACH_REQ, "mtd_num"), AT_VID_HDR_OFFSET = Member.of(ATTACH_REQ, "vid_hdr_offset"),
            AT_MAX_BEB = Member.of(ATTACH_REQ, "max_beb_per1024");
    private static final Member MAP_LNUM = Member.of(MAP_REQ, "lnum"), MAP_DTYPE = Member.of(MAP_REQ, "dtype");
    private static final Member PROP_PROPERTY = Member.of(SET_VOL_PROP_REQ, "property"),
            PROP_VALUE = Member.of(SET_VOL_PROP_REQ, "value");
    /** The simple requests' argument through the pointer: an int32_t, VOLUP's int64_t. */
    private static final int INT_SIZE = Integer.BYTES, S64_SIZE = Long.BYTES;
    static final ConstTable VOLUME_TYPES = ConstTable.enumHex("UBI_???_VOLUME", "UBI_DYNAMIC_VOLUME UBI_STATIC_VOLUME");
    static final ConstTable VOLUME_FLAGS = ConstTable.flags("UBI_VOL_???", "UBI_VOL_SKIP_CRC_CHECK_FLG");
    static final ConstTable VOLUME_PROPS = ConstTable.enumHex("UBI_VOL_PROP_???", "UBI_VOL_PROP_DIRECT_WRITE");
    static final ConstTable DATA_TYPES = ConstTable.enumHex("UBI_???", "UBI_LONGTERM UBI_SHORTTERM UBI_UNKNOWN");


    private static int size(long req) {
        if (req == ATT) return ATTACH_SIZE;
        if (req == EBCH) return LEB_SIZE;
        if (req == EBMAP) return MAP_SIZE;
        if (req == MKVOL) return MKVOL_SIZE;
        if (req == RNVOL) return RNVOL_SIZE;
        if (req == RSVOL) return RSVOL_SIZE;
        if (req == SETVOLPROP) return PROP_SIZE;
        if (req == VOLUP) return S64_SIZE;
        return INT.contains(req) ? INT_SIZE : 0;
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        String h = "#include <mtd/ubi-user.h>\n";
        return java.util.stream.Stream.of(MKVOL_REQ, RSVOL_REQ, RNVOL_REQ, LEB_CHANGE_REQ, ATTACH_REQ, MAP_REQ,
                SET_VOL_PROP_REQ).map(l -> new CallStructLayouts.Declared(l, h)).toList();
    }

    @Override
    public boolean decodes(long req) {
        return size(req) > 0 || NO_ARG.contains(req);
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && size(req) > 0) mem.bytes(arg, size(req));
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && (req == MKVOL || req == ATT)) mem.bytes(arg, INT_SIZE);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (NO_ARG.contains(req)) return null;
        byte[] b = MemoryView.struct(c.in, a, size(req));
        if (b == null) return new Value.Ptr(a);
        if (INT.contains(req)) return new Value.Array(List.of(d(MemoryView.s32(b, 0))), false);
        if (req == VOLUP) return new Value.Array(List.of(d(MemoryView.u64(b, 0))), false);
        if (req == RSVOL) return struct(f("bytes", d(RS_BYTES.s(b))), f("vol_id", d(RS_VOL_ID.s(b))));
        if (req == EBCH) {
            return struct(f("lnum", d(LEB_LNUM.s(b))), f("bytes", d(LEB_BYTES.s(b))),
                    f("dtype", DATA_TYPES.sym(LEB_DTYPE.u(b))));
        }
        if (req == EBMAP) return struct(f("lnum", d(MAP_LNUM.s(b))), f("dtype", DATA_TYPES.sym(MAP_DTYPE.u(b))));
        if (req == SETVOLPROP) {
            return struct(f("property", VOLUME_PROPS.sym(PROP_PROPERTY.u(b))),
                    f("value", new Value.Num(PROP_VALUE.u(b), Value.Radix.HEX)));
        }
        if (req == RNVOL) {
            int count = (int) RN_COUNT.s(b);
            List<Value> ents = new ArrayList<>();
            int max = RN_ENTS.size() / StructLayouts.size(RNVOL_ENT);
            for (int i = 0; i < Math.min(Math.max(count, 0), max); i++) {
                int o = RN_ENTS.element(RNVOL_ENT, i).offset();
                int len = (int) ENT_NAME_LEN.s(b, o);
                ents.add(struct(f("vol_id", d(ENT_VOL_ID.s(b, o))), f("name_len", d(len)),
                        f("name", LoopIoctls.cstring(b, o + ENT_NAME.offset(), 1 + Math.clamp(len, 0, ENT_NAME.size() - 1)))));
            }
            return struct(f("count", d(count)), f("ents", new Value.Array(ents, false)));
        }
        Value before;
        if (req == ATT) {
            before = struct(f("ubi_num", d(AT_UBI_NUM.s(b))), f("mtd_num", d(AT_MTD_NUM.s(b))),
                    f("vid_hdr_offset", d(AT_VID_HDR_OFFSET.s(b))), f("max_beb_per1024", d(AT_MAX_BEB.s(b))));
        } else {
            int len = (int) MK_NAME_LEN.s(b);
            before = struct(f("vol_id", d(MK_VOL_ID.s(b))), f("alignment", d(MK_ALIGNMENT.s(b))),
                    f("bytes", d(MK_BYTES.u(b))), f("vol_type", VOLUME_TYPES.sym(MK_VOL_TYPE.s(b))),
                    f("flags", VOLUME_FLAGS.sym(MK_FLAGS.s(b))), f("name_len", d(len)),
                    f("name", LoopIoctls.cstring(b, MK_NAME.offset(), 1 + Math.clamp(len, 0, MK_NAME.size() - 1))));
        }
        if (!c.succeeded()) return before;
        byte[] out = MemoryView.struct(c.out, a, INT_SIZE);
        Value after = out == null ? new Value.Ptr(a) : new Value.Array(List.of(d(MemoryView.s32(out, 0))), false);
        return new Value.Text(c.text(before) + " => " + c.text(after));
    }

    private static Value d(long v) {
        return new Value.Num(v, Value.Radix.DEC);
    }

    private static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }

    private static Value struct(Value.Field... fs) {
        return new Value.Struct(List.of(fs), false);
    }
}
