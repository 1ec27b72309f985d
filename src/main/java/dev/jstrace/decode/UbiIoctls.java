package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;
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
    /** sizeof the request structs; UBI_MAX_RNVOL, a rename entry's size, UBI_MAX_VOLUME_NAME + 1. */
    private static final int MKVOL_SIZE = 152, RSVOL_SIZE = 12, RNVOL_SIZE = 4368, LEB_SIZE = 16, ATTACH_SIZE = 24,
            MAP_SIZE = 8, PROP_SIZE = 16, MAX_RNVOL = 32, RNVOL_ENT = 136, NAME = 128;
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
        if (req == VOLUP) return 8;
        return INT.contains(req) ? 4 : 0;
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
        if (arg != 0 && (req == MKVOL || req == ATT)) mem.bytes(arg, 4);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (NO_ARG.contains(req)) return null;
        byte[] b = MemoryView.struct(c.in, a, size(req));
        if (b == null) return new Value.Ptr(a);
        if (INT.contains(req)) return new Value.Array(List.of(d(MemoryView.s32(b, 0))), false);
        if (req == VOLUP) return new Value.Array(List.of(d(MemoryView.u64(b, 0))), false);
        if (req == RSVOL) return struct(f("bytes", d(MemoryView.u64(b, 0))), f("vol_id", d(MemoryView.s32(b, 8))));
        if (req == EBCH) {
            return struct(f("lnum", d(MemoryView.s32(b, 0))), f("bytes", d(MemoryView.s32(b, 4))),
                    f("dtype", DATA_TYPES.sym(b[8] & 0xff)));
        }
        if (req == EBMAP) return struct(f("lnum", d(MemoryView.s32(b, 0))), f("dtype", DATA_TYPES.sym(b[4] & 0xff)));
        if (req == SETVOLPROP) {
            return struct(f("property", VOLUME_PROPS.sym(b[0] & 0xff)),
                    f("value", new Value.Num(MemoryView.u64(b, 8), Value.Radix.HEX)));
        }
        if (req == RNVOL) {
            int count = MemoryView.s32(b, 0);
            List<Value> ents = new ArrayList<>();
            for (int i = 0; i < Math.min(Math.max(count, 0), MAX_RNVOL); i++) {
                int o = 16 + i * RNVOL_ENT;
                int len = (short) MemoryView.u16(b, o + 4);
                ents.add(struct(f("vol_id", d(MemoryView.s32(b, o))), f("name_len", d(len)),
                        f("name", LoopIoctls.cstring(b, o + 8, 1 + Math.clamp(len, 0, NAME - 1)))));
            }
            return struct(f("count", d(count)), f("ents", new Value.Array(ents, false)));
        }
        Value before;
        if (req == ATT) {
            before = struct(f("ubi_num", d(MemoryView.s32(b, 0))), f("mtd_num", d(MemoryView.s32(b, 4))),
                    f("vid_hdr_offset", d(MemoryView.s32(b, 8))), f("max_beb_per1024", d((short) MemoryView.u16(b, 12))));
        } else {
            int len = (short) MemoryView.u16(b, 18);
            before = struct(f("vol_id", d(MemoryView.s32(b, 0))), f("alignment", d(MemoryView.s32(b, 4))),
                    f("bytes", d(MemoryView.u64(b, 8))), f("vol_type", VOLUME_TYPES.sym(b[16])),
                    f("flags", VOLUME_FLAGS.sym(b[17])), f("name_len", d(len)),
                    f("name", LoopIoctls.cstring(b, 24, 1 + Math.clamp(len, 0, NAME - 1))));
        }
        if (!c.succeeded()) return before;
        byte[] out = MemoryView.struct(c.out, a, 4);
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
