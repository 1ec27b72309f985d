package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The userfaultfd requests (linux/userfaultfd.h) as strace's uffdio_ioctl
 * (src/userfaultfd.c) prints them. UFFDIO_API, UFFDIO_COPY, UFFDIO_REGISTER and
 * UFFDIO_ZEROPAGE open their struct at entry and close it at exit, adding what the
 * kernel wrote after success (the features again only when they changed: {@code => features=...}).
 */
final class UffdIoctls implements IoctlFamily {
    private static final long API = IoctlRequests.code("UFFDIO_API"), REGISTER = IoctlRequests.code("UFFDIO_REGISTER"),
            UNREGISTER = IoctlRequests.code("UFFDIO_UNREGISTER"), WAKE = IoctlRequests.code("UFFDIO_WAKE"),
            COPY = IoctlRequests.code("UFFDIO_COPY"), ZEROPAGE = IoctlRequests.code("UFFDIO_ZEROPAGE");
    private static final List<Long> REQUESTS = List.of(API, REGISTER, UNREGISTER, WAKE, COPY, ZEROPAGE);

    static final ConstTable API_FEATURES = ConstTable.flags("UFFD_FEATURE_???", """
            UFFD_FEATURE_PAGEFAULT_FLAG_WP UFFD_FEATURE_EVENT_FORK UFFD_FEATURE_EVENT_REMAP UFFD_FEATURE_EVENT_REMOVE
            UFFD_FEATURE_MISSING_HUGETLBFS UFFD_FEATURE_MISSING_SHMEM UFFD_FEATURE_EVENT_UNMAP UFFD_FEATURE_SIGBUS
            UFFD_FEATURE_THREAD_ID UFFD_FEATURE_MINOR_HUGETLBFS UFFD_FEATURE_MINOR_SHMEM UFFD_FEATURE_EXACT_ADDRESS
            UFFD_FEATURE_WP_HUGETLBFS_SHMEM""");
    static final ConstTable API_IOCTLS = bits("_UFFDIO_???", "_UFFDIO_REGISTER _UFFDIO_UNREGISTER _UFFDIO_API");
    static final ConstTable REGISTER_IOCTLS = bits("UFFDIO_???",
            "_UFFDIO_WAKE _UFFDIO_COPY _UFFDIO_ZEROPAGE _UFFDIO_WRITEPROTECT _UFFDIO_CONTINUE");
    static final ConstTable COPY_MODES = ConstTable.flags("UFFDIO_COPY_???",
            "UFFDIO_COPY_MODE_DONTWAKE UFFDIO_COPY_MODE_WP");
    static final ConstTable REGISTER_MODES = ConstTable.flags("UFFDIO_REGISTER_MODE_???",
            "UFFDIO_REGISTER_MODE_MISSING UFFDIO_REGISTER_MODE_WP UFFDIO_REGISTER_MODE_MINOR");
    static final ConstTable ZEROPAGE_MODES = ConstTable.flags("UFFDIO_ZEROPAGE_???", "UFFDIO_ZEROPAGE_MODE_DONTWAKE");

    /** linux/userfaultfd.h's structs. */
    static final StructLayout UFFDIO_RANGE = structLayout(JAVA_LONG.withName("start"), JAVA_LONG.withName("len"))
            .withName("struct uffdio_range");
    static final StructLayout UFFDIO_API = structLayout(JAVA_LONG.withName("api"), JAVA_LONG.withName("features"),
            JAVA_LONG.withName("ioctls")).withName("struct uffdio_api");
    static final StructLayout UFFDIO_REGISTER = structLayout(UFFDIO_RANGE.withName("range"), JAVA_LONG.withName("mode"),
            JAVA_LONG.withName("ioctls")).withName("struct uffdio_register");
    static final StructLayout UFFDIO_COPY = structLayout(JAVA_LONG.withName("dst"), JAVA_LONG.withName("src"),
            JAVA_LONG.withName("len"), JAVA_LONG.withName("mode"), JAVA_LONG.withName("copy"))
            .withName("struct uffdio_copy");
    static final StructLayout UFFDIO_ZEROPAGE = structLayout(UFFDIO_RANGE.withName("range"),
            JAVA_LONG.withName("mode"), JAVA_LONG.withName("zeropage")).withName("struct uffdio_zeropage");
    private static final Member RANGE_START = Member.of(UFFDIO_RANGE, "start"), RANGE_LEN = Member.of(UFFDIO_RANGE, "len");
    private static final Member API_API = Member.of(UFFDIO_API, "api"), API_FEATURES_AT = Member.of(UFFDIO_API, "features"),
            API_IOCTLS_AT = Member.of(UFFDIO_API, "ioctls");
    private static final Member COPY_DST = Member.of(UFFDIO_COPY, "dst"), COPY_SRC = Member.of(UFFDIO_COPY, "src"),
            COPY_LEN = Member.of(UFFDIO_COPY, "len"), COPY_MODE = Member.of(UFFDIO_COPY, "mode"),
            COPY_COPY = Member.of(UFFDIO_COPY, "copy");
    private static final Member REG_RANGE = Member.of(UFFDIO_REGISTER, "range"),
            REG_MODE = Member.of(UFFDIO_REGISTER, "mode"), REG_IOCTLS = Member.of(UFFDIO_REGISTER, "ioctls");
    private static final Member ZP_RANGE = Member.of(UFFDIO_ZEROPAGE, "range"),
            ZP_MODE = Member.of(UFFDIO_ZEROPAGE, "mode"), ZP_ZEROPAGE = Member.of(UFFDIO_ZEROPAGE, "zeropage");

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        String h = "#include <linux/userfaultfd.h>\n";
        return java.util.stream.Stream.of(UFFDIO_RANGE, UFFDIO_API, UFFDIO_REGISTER, UFFDIO_COPY, UFFDIO_ZEROPAGE)
                .map(l -> new CallStructLayouts.Declared(l, h)).toList();
    }

    /** strace's {@code 1<<_UFFDIO_COPY} names: each bit is one of the header's ioctl numbers. */
    private static ConstTable bits(String unknown, String names) {
        StringBuilder decl = new StringBuilder();
        for (String n : names.split(" ")) {
            decl.append("1<<").append(n).append("=0x").append(Long.toHexString(1L << HeaderValues.common(n))).append(' ');
        }
        return ConstTable.flags(unknown, decl.toString());
    }

    @Override
    public boolean decodes(long req) {
        return REQUESTS.contains(req);
    }

    private static int size(long req) {
        if (req == API) return StructLayouts.size(UFFDIO_API);
        if (req == COPY) return StructLayouts.size(UFFDIO_COPY);
        if (req == REGISTER) return StructLayouts.size(UFFDIO_REGISTER);
        if (req == ZEROPAGE) return StructLayouts.size(UFFDIO_ZEROPAGE);
        return StructLayouts.size(UFFDIO_RANGE);
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0) mem.bytes(arg, size(req));
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && req != WAKE && req != UNREGISTER) mem.bytes(arg, size(req));
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        byte[] in = IoctlFields.struct(c.in, a, size(req));
        if (in == null) return IoctlFields.addr(a);
        if (req == WAKE || req == UNREGISTER) return range(in, 0);
        List<Value.Field> open = new ArrayList<>();
        if (req == API) {
            open.add(IoctlFields.x("api", in, API_API));
            open.add(IoctlFields.flags("features", API_FEATURES, in, API_FEATURES_AT));
        } else if (req == COPY) {
            open.add(IoctlFields.x("dst", in, COPY_DST));
            open.add(IoctlFields.x("src", in, COPY_SRC));
            open.add(IoctlFields.x("len", in, COPY_LEN));
            open.add(IoctlFields.flags("mode", COPY_MODES, in, COPY_MODE));
        } else if (req == REGISTER) {
            open.add(new Value.Field("range", range(in, REG_RANGE.offset())));
            open.add(IoctlFields.flags("mode", REGISTER_MODES, in, REG_MODE));
        } else {
            open.add(new Value.Field("range", range(in, ZP_RANGE.offset())));
            open.add(IoctlFields.flags("mode", ZEROPAGE_MODES, in, ZP_MODE));
        }
        String entry = c.text(IoctlFields.struct(open));
        entry = entry.substring(0, entry.length() - 1);
        if (!c.returned) return new Value.Text(entry);
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, size(req)) : null;
        if (out == null) return new Value.Text(entry + "}");
        StringBuilder tail = new StringBuilder();
        if (req == API) {
            if (API_FEATURES_AT.u(out) != API_FEATURES_AT.u(in)) {
                tail.append(" => features=").append(c.text(API_FEATURES.sym(API_FEATURES_AT.u(out))));
            }
            tail.append(", ioctls=").append(c.text(API_IOCTLS.sym(API_IOCTLS_AT.u(out))));
        } else if (req == COPY) {
            tail.append(", copy=").append(c.text(new Value.Num(COPY_COPY.u(out), Value.Radix.HEX)));
        } else if (req == REGISTER) {
            tail.append(", ioctls=").append(c.text(REGISTER_IOCTLS.sym(REG_IOCTLS.u(out))));
        } else {
            tail.append(", zeropage=").append(c.text(new Value.Num(ZP_ZEROPAGE.u(out), Value.Radix.HEX)));
        }
        return new Value.Text(entry + tail + "}");
    }

    /** struct uffdio_range: {@code {start=0x..., len=0x...}}. */
    private static Value range(byte[] b, int off) {
        return IoctlFields.struct(List.of(new Value.Field("start", new Value.Num(RANGE_START.u(b, off), Value.Radix.HEX)),
                new Value.Field("len", new Value.Num(RANGE_LEN.u(b, off), Value.Radix.HEX))));
    }
}
