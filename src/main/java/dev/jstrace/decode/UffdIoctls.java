package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;
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
        if (req == API) return 24;
        if (req == COPY) return 40;
        if (req == REGISTER || req == ZEROPAGE) return 32;
        return 16;
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
            open.add(IoctlFields.x64("api", in, 0));
            open.add(IoctlFields.flags64("features", API_FEATURES, in, 8));
        } else if (req == COPY) {
            open.add(IoctlFields.x64("dst", in, 0));
            open.add(IoctlFields.x64("src", in, 8));
            open.add(IoctlFields.x64("len", in, 16));
            open.add(IoctlFields.flags64("mode", COPY_MODES, in, 24));
        } else {
            open.add(new Value.Field("range", range(in, 0)));
            open.add(IoctlFields.flags64("mode", req == REGISTER ? REGISTER_MODES : ZEROPAGE_MODES, in, 16));
        }
        String entry = c.text(IoctlFields.struct(open));
        entry = entry.substring(0, entry.length() - 1);
        if (!c.returned) return new Value.Text(entry);
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, size(req)) : null;
        if (out == null) return new Value.Text(entry + "}");
        StringBuilder tail = new StringBuilder();
        if (req == API) {
            if (MemoryView.u64(out, 8) != MemoryView.u64(in, 8)) {
                tail.append(" => features=").append(c.text(API_FEATURES.sym(MemoryView.u64(out, 8))));
            }
            tail.append(", ioctls=").append(c.text(API_IOCTLS.sym(MemoryView.u64(out, 16))));
        } else if (req == COPY) {
            tail.append(", copy=").append(c.text(new Value.Num(MemoryView.u64(out, 32), Value.Radix.HEX)));
        } else if (req == REGISTER) {
            tail.append(", ioctls=").append(c.text(REGISTER_IOCTLS.sym(MemoryView.u64(out, 24))));
        } else {
            tail.append(", zeropage=").append(c.text(new Value.Num(MemoryView.u64(out, 24), Value.Radix.HEX)));
        }
        return new Value.Text(entry + tail + "}");
    }

    /** struct uffdio_range: {@code {start=0x..., len=0x...}}. */
    private static Value range(byte[] b, int off) {
        return IoctlFields.struct(List.of(IoctlFields.x64("start", b, off), IoctlFields.x64("len", b, off + 8)));
    }
}
