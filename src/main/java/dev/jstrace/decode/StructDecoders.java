package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.s32;
import static dev.jstrace.decode.MemoryView.u16;
import static dev.jstrace.decode.MemoryView.u32;
import static dev.jstrace.decode.MemoryView.u64;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The structs strace expands, decoded from captured bytes. Layouts are LP64
 * little-endian; where x86-64 and aarch64 differ (struct stat, epoll_event) the
 * arch picks the offsets. A struct not captured in full prints as its address.
 */
final class StructDecoders {
    /** Built on the first time stamp decoded, not with this class: java.time's set-up is ~2 ms of start-up. */
    private static final class Dates {
        // The year as glibc's %F prints it: at least 4 digits, no '+' past 9999 (the pattern "yyyy" adds one).
        static final DateTimeFormatter DATE = new java.time.format.DateTimeFormatterBuilder()
                .appendValue(java.time.temporal.ChronoField.YEAR, 4, 19, java.time.format.SignStyle.NORMAL)
                .appendPattern("-MM-dd'T'HH:mm:ss").toFormatter();
        static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("xx");
    }

    private StructDecoders() {}

    static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }

    static Value dec(long v) {
        return new Value.Num(v, Value.Radix.DEC);
    }

    static Value udec(long v) {
        return new Value.Num(v, Value.Radix.UDEC);
    }

    /** The file-type bits of a mode (S_IFMT): every S_IF* type's bits, from the headers. */
    static final long S_IFMT = fileTypeMask();
    /** The device file types (whose st_rdev / mknod dev strace prints). */
    static final long S_IFCHR = Constants.S_IFMT.parse("S_IFCHR"), S_IFBLK = Constants.S_IFMT.parse("S_IFBLK");

    private static long fileTypeMask() {
        long mask = 0;
        for (long v : Constants.S_IFMT.values()) mask |= v;
        return mask;
    }

    /**
     * strace's print_symbolic_mode_t: {@code S_IFREG|0644}, the set-id bits by name; a mode whose
     * type has no name prints as the number alone ({@code 0170644}), as do all modes under
     * {@code -X raw}; {@code -X verbose} puts the names in a comment.
     */
    static Value.Sym symbolicMode(long m) {
        long type = m & S_IFMT;
        String name = type == 0 ? "" : Constants.S_IFMT.name(type);
        if (name == null) return new Value.Sym(m, Value.Radix.OCT, List.of(), 0, null);
        StringBuilder sb = new StringBuilder(name);
        if (!name.isEmpty()) sb.append('|');
        if ((m & 04000) != 0) sb.append("S_ISUID|");
        if ((m & 02000) != 0) sb.append("S_ISGID|");
        if ((m & 01000) != 0) sb.append("S_ISVTX|");
        sb.append(new Value.Num(m & ~0177000L, Value.Radix.OCT).text());
        return new Value.Sym(m, Value.Radix.OCT, List.of(sb.toString()), 0, null);
    }

    /** st_mode under the -X style: {@code S_IFREG|0644}, {@code 0100644 /* S_IFREG|0644 * /}, {@code 0100644}. */
    static Value modeValue(CallContext c, long m) {
        return symbolicMode(m);
    }

    /** strace's print_dev_t: {@code makedev(0x1, 0x3)}, {@code 0x103 /* makedev(0x1, 0x3) * /} under verbose. */
    static Value.Sym devValue(long dev) {
        return new Value.Sym(dev, Value.Radix.HEX, List.of(makedev(dev)), 0, null);
    }

    /** st_rdev under the -X style: {@code makedev(0x1, 0x3)}, {@code 0x103 /* makedev(0x1, 0x3) * /}. */
    static Value rdevValue(CallContext c, long dev) {
        return devValue(dev);
    }

    static String makedev(long major, long minor) {
        // strace formats both with %#x, which prints zero as a bare 0.
        return "makedev(" + hex(major) + ", " + hex(minor) + ")";
    }

    private static String hex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    static String makedev(long dev) {
        // glibc's major() and minor() are unsigned int: bits 12..43 of a 64-bit dev_t are the minor's top.
        return makedev(((dev >>> 8) & 0xfff) | ((dev >>> 32) & 0xfffff000L),
                (dev & 0xff) | ((dev >>> 12) & 0xffffff00L));
    }

    /** {@code 1700000000 /* 2023-11-14T22:13:20.123456789+0000 * /}, strace's -v time rendering. */
    static Value time(long sec, long nsec) {
        String date = timeComment(sec, nsec);
        return date == null ? dec(sec) : new Value.Commented(dec(sec), date);
    }

    /**
     * strace's sprinttime_nsec: the date of {@code sec} and {@code nsec}, or null where strace
     * prints none (the epoch itself, a fraction of a second or more, a year past its gmtime).
     */
    static String timeComment(long sec, long nsec) {
        // Past java.time's range (year ±1e9) strace's own gmtime fails too and it prints the number alone.
        if ((sec == 0 && nsec == 0) || Math.abs(sec) > 31_000_000_000_000_000L || Long.compareUnsigned(nsec,
                999_999_999) > 0) {
            return null;
        }
        return dateText(sec, nsec);
    }

    /** {@code 2023-11-14T22:13:20.123456789+0000} in the local zone, as strace prints it. */
    static String dateText(long sec, long nsec) {
        var t = Instant.ofEpochSecond(sec).atZone(ZoneId.systemDefault());
        String ns = Long.toString(nsec);
        // strace leaves the fraction out of a whole second.
        if (nsec == 0) return Dates.DATE.format(t) + Dates.ZONE.format(t);
        return Dates.DATE.format(t) + "." + "000000000".substring(Math.min(9, ns.length())) + ns
                + Dates.ZONE.format(t);
    }

    static Value timespec(Snapshot mem, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, StructLayouts.size(StructLayouts.TIMESPEC));
        if (b == null) return new Value.Unreadable(a);
        // strace prints tv_sec signed and the fraction unsigned (%lld, %llu).
        return new Value.Struct(List.of(f("tv_sec", dec(u64(b, StructLayouts.TS_SEC))),
                f("tv_nsec", udec(u64(b, StructLayouts.TS_NSEC)))), false);
    }

    static Value timeval(Snapshot mem, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, StructLayouts.size(StructLayouts.TIMEVAL));
        if (b == null) return new Value.Unreadable(a);
        return new Value.Struct(List.of(f("tv_sec", dec(u64(b, StructLayouts.TV_SEC))),
                f("tv_usec", udec(u64(b, StructLayouts.TV_USEC)))), false);
    }

    /**
     * utimensat's two times as strace prints them: each with its date in a comment, and
     * {@code UTIME_NOW}/{@code UTIME_OMIT} in place of the whole struct (after it under
     * {@code -X verbose}, not at all under {@code -X raw}).
     */
    static Value timespec2(Snapshot mem, long a, DecodeOptions.Xlat x) {
        if (a == 0) return new Value.Ptr(0);
        int size = StructLayouts.size(StructLayouts.TIMESPEC);
        byte[] b = MemoryView.struct(mem, a, 2 * size);
        if (b == null) return new Value.Unreadable(a);
        List<Value> ts = new ArrayList<>(2);
        for (int i = 0; i < 2; i++) {
            long sec = u64(b, size * i + StructLayouts.TS_SEC), ns = u64(b, size * i + StructLayouts.TS_NSEC);
            Value t = new Value.Struct(List.of(f("tv_sec", dec(sec)), f("tv_nsec", udec(ns))), false);
            String special = ns == (1L << 30) - 1 ? "UTIME_NOW" : ns == (1L << 30) - 2 ? "UTIME_OMIT" : null;
            String comment = special == null ? timeComment(sec, ns) : null;
            if (special != null) {
                t = switch (x) {
                    case RAW -> t;
                    case ABBREV -> new Value.Text(special);
                    case VERBOSE -> new Value.Commented(t, special);
                };
            } else if (comment != null) {
                t = new Value.Commented(t, comment);
            }
            ts.add(t);
        }
        return new Value.Array(ts, false);
    }

    private static Value rlim(long v, DecodeOptions.Xlat x) {
        String named = null;
        if (v == -1L) named = "RLIM64_INFINITY";
        else if (Long.compareUnsigned(v, 1024) > 0 && v % 1024 == 0) named = Long.toUnsignedString(v / 1024) + "*1024";
        if (named == null) return udec(v);
        return new Value.Sym(v, Value.Radix.UDEC, List.of(named), 0, null);
    }

    static Value rlimit(Snapshot mem, long a, DecodeOptions.Xlat x) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, StructLayouts.size(StructLayouts.RLIMIT));
        if (b == null) return new Value.Unreadable(a);
        return new Value.Struct(List.of(f("rlim_cur", rlim(u64(b, StructLayouts.RLIM_CUR), x)),
                f("rlim_max", rlim(u64(b, StructLayouts.RLIM_MAX), x))), false);
    }

    /**
     * An iovec array as strace's tprint_iov_upto prints it (print_array's rules, {@link ArrayDecoder}):
     * {@code budget} bytes of data in total are shown (the return value at exit), and with
     * {@code addressesOnly} (a read that failed: the kernel wrote no data) each base is its address.
     */
    static Value iovec(CallContext c, Snapshot mem, long a, long count, long budget, boolean addressesOnly) {
        int size = StructLayouts.size(StructLayouts.IOVEC);
        long[] left = {budget};
        return ArrayDecoder.decode(c, mem, a, count, size, (b, off) -> {
            long base = u64(b, off + StructLayouts.IOV_BASE), len = u64(b, off + StructLayouts.IOV_LEN);
            long data = Long.compareUnsigned(len, left[0]) > 0 ? left[0] : len;
            // strace's print_iovec_klong: -1 is no limit at all, never counted down.
            if (left[0] != -1L) left[0] -= data;
            Value v = addressesOnly ? new Value.Ptr(base) : c.buffer(mem, base, data, false);
            return new Value.Struct(List.of(f("iov_base", v), f("iov_len", udec(len))), false);
        });
    }

    static Value dirents(CallContext c, long a) {
        if (c.rval == 0) {
            // End of directory: nothing was read, and strace still counts the entries.
            return c.opt.verbose() ? new Value.Array(List.of(), false) : new Value.Commented(new Value.Ptr(a), "0 entries");
        }
        Snapshot.Region r = c.out.find(a, Snapshot.Kind.BYTES);
        if (r == null || !r.readable()) return new Value.Ptr(a);
        byte[] b = r.data();
        int n = 0;
        List<Value> items = new ArrayList<>();
        int nameAt = StructLayouts.D_NAME.offset();
        for (int off = 0; off + nameAt <= b.length && off < c.rval; ) {
            int reclen = (int) StructLayouts.D_RECLEN.u(b, off);
            if (reclen == 0) break;
            n++;
            if (c.opt.verbose() && items.size() < c.opt.stringLimit()) {
                int end = off + nameAt;
                while (end < Math.min(b.length, off + reclen) && b[end] != 0) end++;
                items.add(new Value.Struct(List.of(f("d_ino", udec(StructLayouts.D_INO.u(b, off))),
                        f("d_off", dec(StructLayouts.D_OFF.s(b, off))), f("d_reclen", dec(reclen)),
                        f("d_type", c.sym(Constants.DT, StructLayouts.D_TYPE.u(b, off))),
                        f("d_name", Value.Str.whole(java.util.Arrays.copyOfRange(b, off + nameAt, end), false))),
                        false));
            }
            off += reclen;
        }
        if (c.opt.verbose()) return new Value.Array(items, items.size() < n);
        return new Value.Commented(new Value.Ptr(a), n + (n == 1 ? " entry" : " entries"));
    }
}
