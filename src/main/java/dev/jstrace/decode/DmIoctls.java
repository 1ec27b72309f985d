package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The device mapper (0xfd) requests as strace 6.1's src/dm.c prints them: struct dm_ioctl's header
 * in brackets (the ABI version checked, then data_size, data_start, the device, the values each
 * request sets, the flags) and, under {@code -v}, what follows it at data_start: DM_TABLE_LOAD's
 * dm_target_spec list, DM_TARGET_MSG's message, the new name or geometry string; abbreviated to
 * {@code ...} otherwise. After a successful call the header read again follows {@code =>}, with the
 * counts the kernel returns. The replies' payloads (target status, deps, name and version lists)
 * print as {@code ...}.
 */
final class DmIoctls implements IoctlFamily {
    /** The structs (a class of their own, read by the constructor whatever the initialisation order). */
    static final class Layouts {
        private Layouts() {}

        static final StructLayout IOCTL = structLayout(sequenceLayout(3, JAVA_INT).withName("version"),
                JAVA_INT.withName("data_size"), JAVA_INT.withName("data_start"), JAVA_INT.withName("target_count"),
                JAVA_INT.withName("open_count"), JAVA_INT.withName("flags"), JAVA_INT.withName("event_nr"),
                JAVA_INT.withName("padding"), JAVA_LONG.withName("dev"), sequenceLayout(128, JAVA_BYTE).withName("name"),
                sequenceLayout(129, JAVA_BYTE).withName("uuid"), sequenceLayout(7, JAVA_BYTE).withName("data"))
                .withName("struct dm_ioctl");
        static final StructLayout TARGET_SPEC = structLayout(JAVA_LONG.withName("sector_start"),
                JAVA_LONG.withName("length"), JAVA_INT.withName("status"), JAVA_INT.withName("next"),
                sequenceLayout(16, JAVA_BYTE).withName("target_type")).withName("struct dm_target_spec");
        static final StructLayout TARGET_MSG = structLayout(JAVA_LONG.withName("sector"),
                sequenceLayout(0, JAVA_BYTE).withName("message")).withName("struct dm_target_msg");
        static final List<CallStructLayouts.Declared> ALL = java.util.stream.Stream.of(IOCTL, TARGET_SPEC, TARGET_MSG)
                .map(l -> new CallStructLayouts.Declared(l, "#include <linux/dm-ioctl.h>\n")).toList();
    }

    /** src/xlat/dm_flags.in; dm.c defines DM_EXISTS_FLAG (0x4) itself, the UAPI header lost it. */
    static final ConstTable FLAGS = ConstTable.flags("DM_???", "DM_READONLY_FLAG DM_SUSPEND_FLAG DM_EXISTS_FLAG=0x4"
            + " DM_PERSISTENT_DEV_FLAG DM_STATUS_TABLE_FLAG DM_ACTIVE_PRESENT_FLAG DM_INACTIVE_PRESENT_FLAG"
            + " DM_BUFFER_FULL_FLAG DM_SKIP_BDGET_FLAG DM_SKIP_LOCKFS_FLAG DM_NOFLUSH_FLAG DM_QUERY_INACTIVE_TABLE_FLAG"
            + " DM_UEVENT_GENERATED_FLAG DM_UUID_FLAG DM_SECURE_DATA_FLAG DM_DATA_OUT_FLAG DM_DEFERRED_REMOVE"
            + " DM_INTERNAL_SUSPEND_FLAG DM_IMA_MEASUREMENT_FLAG");
    private static final long MAJOR = HeaderValues.common("DM_VERSION_MAJOR"),
            SUSPEND_FLAG = HeaderValues.common("DM_SUSPEND_FLAG");
    private static final int HEADER = StructLayouts.offset(Layouts.IOCTL, "data"),
            SPEC = StructLayouts.size(Layouts.TARGET_SPEC), MSG = StructLayouts.offset(Layouts.TARGET_MSG, "message");
    private static final Member DATA_SIZE = Member.of(Layouts.IOCTL, "data_size"),
            DATA_START = Member.of(Layouts.IOCTL, "data_start"), TARGET_COUNT = Member.of(Layouts.IOCTL, "target_count"),
            OPEN_COUNT = Member.of(Layouts.IOCTL, "open_count"), DM_FLAGS = Member.of(Layouts.IOCTL, "flags"),
            EVENT_NR = Member.of(Layouts.IOCTL, "event_nr"), DEV = Member.of(Layouts.IOCTL, "dev"),
            SECTOR_START = Member.of(Layouts.TARGET_SPEC, "sector_start"),
            LENGTH = Member.of(Layouts.TARGET_SPEC, "length"), NEXT = Member.of(Layouts.TARGET_SPEC, "next"),
            SECTOR = Member.of(Layouts.TARGET_MSG, "sector");
    private static final int NAME = StructLayouts.offset(Layouts.IOCTL, "name"),
            UUID = StructLayouts.offset(Layouts.IOCTL, "uuid"), VERSION = StructLayouts.offset(Layouts.IOCTL, "version"),
            TARGET_TYPE = StructLayouts.offset(Layouts.TARGET_SPEC, "target_type");

    private static long code(String name) {
        return IoctlRequests.required(name);
    }

    private static final long VERSION_REQ = code("DM_VERSION"), REMOVE_ALL = code("DM_REMOVE_ALL"),
            LIST_DEVICES = code("DM_LIST_DEVICES"), DEV_CREATE = code("DM_DEV_CREATE"), DEV_REMOVE = code("DM_DEV_REMOVE"),
            DEV_RENAME = code("DM_DEV_RENAME"), DEV_SUSPEND = code("DM_DEV_SUSPEND"), DEV_STATUS = code("DM_DEV_STATUS"),
            DEV_WAIT = code("DM_DEV_WAIT"), TABLE_LOAD = code("DM_TABLE_LOAD"), TABLE_CLEAR = code("DM_TABLE_CLEAR"),
            TABLE_DEPS = code("DM_TABLE_DEPS"), TABLE_STATUS = code("DM_TABLE_STATUS"),
            LIST_VERSIONS = code("DM_LIST_VERSIONS"), TARGET_MSG_REQ = code("DM_TARGET_MSG"),
            SET_GEOMETRY = code("DM_DEV_SET_GEOMETRY"), ARM_POLL = code("DM_DEV_ARM_POLL");
    private static final Set<Long> ALL = Set.of(VERSION_REQ, REMOVE_ALL, LIST_DEVICES, DEV_CREATE, DEV_REMOVE,
            DEV_RENAME, DEV_SUSPEND, DEV_STATUS, DEV_WAIT, TABLE_LOAD, TABLE_CLEAR, TABLE_DEPS, TABLE_STATUS,
            LIST_VERSIONS, TARGET_MSG_REQ, SET_GEOMETRY, ARM_POLL);
    private static final Set<Long> NO_PARAMS = Set.of(VERSION_REQ, REMOVE_ALL, DEV_CREATE, DEV_REMOVE, DEV_SUSPEND,
            DEV_STATUS, TABLE_CLEAR, ARM_POLL);
    private static final Set<Long> NO_DEVICE = Set.of(REMOVE_ALL, LIST_DEVICES, LIST_VERSIONS);
    private static final Set<Long> EXIT_VALUES = Set.of(DEV_CREATE, DEV_RENAME, DEV_SUSPEND, DEV_STATUS, DEV_WAIT,
            TABLE_LOAD, TABLE_CLEAR, TABLE_DEPS, TABLE_STATUS, TARGET_MSG_REQ);
    private static final Set<Long> EXIT_PAYLOAD = Set.of(DEV_WAIT, TABLE_STATUS, TABLE_DEPS, LIST_DEVICES,
            LIST_VERSIONS);

    @Override
    public boolean decodes(long req) {
        return ALL.contains(req);
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        return Layouts.ALL;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        Snapshot.Region r = mem.bytes(arg, HEADER);
        if (!opt.verbose() || !r.readable() || r.data().length < HEADER) return;
        byte[] h = r.data().clone();
        long size = DATA_SIZE.u(h), start = DATA_START.u(h);
        if (MemoryView.u32(h, VERSION) != MAJOR || size < HEADER) return;
        if (req == TABLE_LOAD) {
            long offset = start, end = 0;
            for (long i = 0; i < TARGET_COUNT.u(h) && i < opt.stringLimit(); i++) {
                if (i > 0 && offset <= end) return;
                end = offset + SPEC;
                if (end > size) return;
                Snapshot.Region s = mem.bytes(arg + offset, SPEC);
                if (!s.readable() || s.data().length < SPEC) return;
                string(mem, arg + end, size - end, opt);
                offset += NEXT.u(s.data());
                offset &= 0xffffffffL;
            }
        } else if (req == TARGET_MSG_REQ && start != size && start + MSG <= size) {
            mem.bytes(arg + start, MSG);
            string(mem, arg + start + MSG, size - start - MSG, opt);
        } else if ((req == DEV_RENAME || req == SET_GEOMETRY) && start <= size) {
            string(mem, arg + start, size - start, opt);
        }
    }

    private static void string(TraceeMemory mem, long addr, long len, DecodeOptions opt) {
        if (len > 0) mem.string(addr, (int) Math.min(len, opt.stringLimit() + 1L));
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0) mem.bytes(arg, HEADER);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        byte[] in = IoctlFields.struct(c.in, a, HEADER);
        // dm.c decodes nothing of an unreadable header or one too small to hold data_size: the number.
        if (in == null || DATA_SIZE.u(in) < DATA_SIZE.offset()) return new Value.Num(a, Value.Radix.HEX);
        List<Value> items = new ArrayList<>();
        if (header(c, req, in, items, true)) payload(c, req, a, in, items);
        Value entry = new Value.Array(items, false);
        if (!c.succeeded()) return entry;
        byte[] out = IoctlFields.struct(c.out, a, HEADER);
        if (out == null) return entry;
        List<Value> after = new ArrayList<>();
        if (header(c, req, out, after, false) && EXIT_PAYLOAD.contains(req)) {
            boolean specs = req == DEV_WAIT || req == TABLE_STATUS;
            boolean data = specs ? TARGET_COUNT.u(out) != 0 : DATA_START.u(out) != DATA_SIZE.u(out);
            if (data) after.add(new Value.Text("..."));
        }
        return IoctlFields.changed(c, entry, new Value.Array(after, false));
    }

    /** dm_decode_header: false when the header stops early (a bad version, a short data_size). */
    private static boolean header(CallContext c, long req, byte[] b, List<Value> items, boolean entering) {
        List<Value.Field> fs = new ArrayList<>();
        List<Value> version = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) version.add(DeclaredIoctls.u(MemoryView.u32(b, VERSION + 4 * i)));
        Value v = new Value.Array(version, false);
        boolean ok = false;
        if (MemoryView.u32(b, VERSION) != MAJOR) {
            fs.add(DeclaredIoctls.f("version", new Value.Commented(v, "unsupported device mapper ABI version")));
        } else {
            fs.add(DeclaredIoctls.f("version", v));
            long size = DATA_SIZE.u(b);
            if (size < HEADER) {
                fs.add(DeclaredIoctls.f("data_size", new Value.Commented(DeclaredIoctls.u(size), "data_size too small")));
            } else {
                fs.add(DeclaredIoctls.f("data_size", DeclaredIoctls.u(size)));
                if (!NO_PARAMS.contains(req)) fs.add(DeclaredIoctls.f("data_start", DeclaredIoctls.u(DATA_START.u(b))));
                if (!NO_DEVICE.contains(req)) {
                    if (DEV.u(b) != 0) fs.add(DeclaredIoctls.f("dev", StructDecoders.devValue(DEV.u(b))));
                    if (b[NAME] != 0) fs.add(IoctlFields.cstring("name", b, NAME, UUID - NAME));
                    if (b[UUID] != 0) fs.add(IoctlFields.cstring("uuid", b, UUID, HEADER - UUID));
                }
                values(req, b, fs, entering);
                fs.add(DeclaredIoctls.f("flags", FLAGS.sym(DM_FLAGS.u(b))));
                ok = true;
            }
        }
        items.add(new Value.Struct(fs, false));
        return ok;
    }

    private static void values(long req, byte[] b, List<Value.Field> fs, boolean entering) {
        if (entering) {
            if (req == TABLE_LOAD) fs.add(DeclaredIoctls.f("target_count", DeclaredIoctls.u(TARGET_COUNT.u(b))));
            boolean suspend = req == DEV_SUSPEND && (DM_FLAGS.u(b) & SUSPEND_FLAG) == 0;
            if (suspend || req == DEV_RENAME || req == DEV_REMOVE || req == DEV_WAIT) {
                fs.add(DeclaredIoctls.f("event_nr", DeclaredIoctls.u(EVENT_NR.u(b))));
            }
        } else if (EXIT_VALUES.contains(req)) {
            fs.add(DeclaredIoctls.f("target_count", DeclaredIoctls.u(TARGET_COUNT.u(b))));
            fs.add(DeclaredIoctls.f("open_count", DeclaredIoctls.u(OPEN_COUNT.u(b))));
            fs.add(DeclaredIoctls.f("event_nr", DeclaredIoctls.u(EVENT_NR.u(b))));
        }
    }

    /** What follows the header at entry (dm_decode_payload while entering). */
    private static void payload(CallContext c, long req, long a, byte[] h, List<Value> items) {
        long size = DATA_SIZE.u(h), start = DATA_START.u(h);
        boolean abbrev = !c.opt.verbose();
        if (req == TABLE_LOAD) {
            long count = TARGET_COUNT.u(h);
            if (abbrev) {
                if (count != 0) items.add(new Value.Text("..."));
                return;
            }
            long offset = start, end = 0;
            for (long i = 0; i < count; i++) {
                if (i > 0 && offset <= end || (end = offset + SPEC) > size) {
                    items.add(new Value.Commented(new Value.Text("???"), "misplaced struct dm_target_spec"));
                    return;
                }
                if (i >= c.opt.stringLimit()) {
                    items.add(new Value.Text("..."));
                    return;
                }
                byte[] s = IoctlFields.struct(c.in, a + offset, SPEC);
                if (s == null) {
                    items.add(new Value.Ptr(a + offset));
                    return;
                }
                items.add(new Value.Struct(List.of(DeclaredIoctls.f("sector_start", DeclaredIoctls.u(SECTOR_START.u(s))),
                        DeclaredIoctls.f("length", DeclaredIoctls.u(LENGTH.u(s))),
                        IoctlFields.cstring("target_type", s, Member.of(Layouts.TARGET_SPEC, "target_type")),
                        DeclaredIoctls.f("string", string(c, a + end, size - end))), false));
                offset = (offset + NEXT.u(s)) & 0xffffffffL;
            }
        } else if (req == TARGET_MSG_REQ) {
            if (start == size) return;
            if (abbrev) {
                items.add(new Value.Text("..."));
                return;
            }
            long end = start + MSG;
            if (end <= start || end > size) {
                items.add(new Value.Commented(new Value.Text("???"), "misplaced struct dm_target_msg"));
                return;
            }
            byte[] s = IoctlFields.struct(c.in, a + start, MSG);
            if (s == null) {
                items.add(new Value.Ptr(a + start));
                return;
            }
            items.add(new Value.Struct(List.of(DeclaredIoctls.f("sector", DeclaredIoctls.u(SECTOR.u(s))),
                    DeclaredIoctls.f("message", string(c, a + end, size - end))), false));
        } else if (req == DEV_RENAME || req == SET_GEOMETRY) {
            if (abbrev) {
                items.add(new Value.Text("..."));
            } else if (start <= size) {
                items.add(new Value.Struct(List.of(DeclaredIoctls.f("string", string(c, a + start, size - start))), false));
            } else {
                items.add(new Value.Commented(new Value.Text("???"), "misplaced string"));
            }
        }
    }

    /** printstr_ex(addr, len, QUOTE_0_TERMINATED): up to the NUL, at most -s bytes, {@code ...} without a NUL. */
    private static Value string(CallContext c, long addr, long len) {
        if (addr == 0) return new Value.Ptr(0);
        if (len == 0) return Value.Str.whole(new byte[0], false);
        Snapshot.Region r = c.in.find(addr, Snapshot.Kind.STRING);
        if (r == null || !r.readable()) return new Value.Ptr(addr);
        byte[] d = r.data();
        int limit = (int) Math.min(len, c.opt.stringLimit());
        // strace looks at -s bytes: a NUL right after them is not seen, and "..." follows.
        if (r.complete() && d.length < limit) return Value.Str.whole(d, false);
        return Value.Str.whole(java.util.Arrays.copyOf(d, Math.min(d.length, limit)), true);
    }
}
