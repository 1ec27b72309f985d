package dev.jstrace.decode;

import java.util.List;
import java.util.Set;

/**
 * strace's {@code -e read=SET} and {@code -e write=SET}: the data of reads from and writes to the
 * descriptors in the sets is dumped in full after the call's line, as strace's {@code dumpio} does:
 * single buffers ({@code read}, {@code write}, {@code pread64}, {@code pwrite64}, {@code sendto},
 * {@code recvfrom}) as one dump, vectors ({@code readv}, {@code writev}, {@code preadv},
 * {@code pwritev}) as one dump per buffer after {@code  * N bytes in buffer I}. Writes are dumped
 * whatever the result, reads only after success, up to the count returned.
 *
 * @param reads  descriptors whose reads are dumped
 * @param writes descriptors whose writes are dumped
 */
public record IoDumps(Fds reads, Fds writes) {
    /**
     * strace's number_set: the numbers given and whether the set is their complement (each leading
     * {@code !} inverts; {@code all} is the complement of nothing).
     *
     * @param numbers  the descriptors named
     * @param inverted whether the set is every descriptor but those
     */
    public record Fds(Set<Integer> numbers, boolean inverted) {
        /** Every descriptor. */
        public static final Fds ALL = new Fds(Set.of(), true);
        /** No descriptor. */
        public static final Fds NONE = new Fds(Set.of(), false);

        /** Copies the numbers. */
        public Fds {
            numbers = Set.copyOf(numbers);
        }

        /**
         * {@return whether {@code fd} is in the set}
         *
         * @param fd the descriptor
         */
        public boolean contains(int fd) {
            return numbers.contains(fd) != inverted;
        }

        /** {@return whether no descriptor is in the set} */
        public boolean isEmpty() {
            return !inverted && numbers.isEmpty();
        }
    }

    /** No dumps, strace's default. */
    public static final IoDumps NONE = new IoDumps(Fds.NONE, Fds.NONE);

    /** The most bytes of one buffer copied for a dump. */
    public static final int MAX_BYTES = 1 << 24;

    /**
     * Dumps of the descriptors named.
     *
     * @param reads  descriptors whose reads are dumped ({@code null}: every descriptor)
     * @param writes descriptors whose writes are dumped ({@code null}: every descriptor)
     */
    public IoDumps(Set<Integer> reads, Set<Integer> writes) {
        this(reads == null ? Fds.ALL : new Fds(reads, false), writes == null ? Fds.ALL : new Fds(writes, false));
    }

    /** {@return whether any dump is asked for} */
    public boolean any() {
        return !reads.isEmpty() || !writes.isEmpty();
    }

    /**
     * {@return whether the call {@code name} on {@code fd} is dumped: 1 as a single buffer (argument 1),
     * 2 as an iovec array (argument 1), 0 not at all}
     *
     * @param name the syscall
     * @param fd   its first argument
     */
    public int kind(String name, int fd) {
        if (fd < 0) return 0;
        boolean w = writes.contains(fd);
        boolean r = reads.contains(fd);
        return switch (name) {
            case "write", "pwrite64", "sendto", "mq_timedsend" -> w ? 1 : 0;
            case "writev", "pwritev", "pwritev2", "vmsplice" -> w ? 2 : 0;
            case "sendmsg" -> w ? 3 : 0;
            case "read", "pread64", "recvfrom", "mq_timedreceive" -> r ? 1 : 0;
            case "readv", "preadv", "preadv2" -> r ? 2 : 0;
            case "recvmsg" -> r ? 3 : 0;
            default -> 0;
        };
    }

    /**
     * {@return whether {@code name} reads (its dump needs a successful result)}
     *
     * @param name the syscall
     */
    public static boolean isRead(String name) {
        return name.startsWith("read") || name.startsWith("pread") || name.equals("recvfrom")
                || name.equals("recvmsg") || name.equals("mq_timedreceive");
    }

    /**
     * Appends the dump of a call whose argument 1 decoded to {@code buffer}, as strace's dumpio does:
     * {@code kind} 1: a buffer ({@link Value.Str}); 2: an array of {@code {iov_base, iov_len}} structs
     * (dumpiov_upto); 3: a msghdr struct whose {@code msg_iov} is such an array.
     *
     * @param out      where to write the lines
     * @param kind     as {@link #kind}
     * @param buffer   the decoded argument
     * @param dataSize a read's result (the bytes the buffers hold in all), -1 for a write (no limit)
     * @param tid      the thread (strace names it when a later part of a buffer cannot be fetched)
     */
    public static void append(StringBuilder out, int kind, Value buffer, long dataSize, int tid) {
        if (kind == 1 && buffer instanceof Value.Str s) {
            dump(out, s.bytes(), s.length() < 0 ? s.bytes().length : s.length(), s.address(), tid);
        } else if (kind == 2 && buffer instanceof Value.Array a) {
            iovecs(out, a, dataSize, tid);
        } else if (kind == 3 && buffer instanceof Value.Struct m) {
            for (Value.Field f : m.fields()) {
                if (f.name().equals("msg_iov") && f.value() instanceof Value.Array a) iovecs(out, a, dataSize, tid);
            }
        }
    }

    /**
     * strace's dumpiov_upto: nothing unless the whole array could be read; then each buffer's
     * {@code min(iov_len, what is left of dataSize)} bytes, up to the first empty one.
     */
    private static void iovecs(StringBuilder out, Value.Array a, long dataSize, int tid) {
        List<Value> items = a.items();
        if (!items.isEmpty() && items.getLast() instanceof Value.Commented) return;
        long left = dataSize;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Value.Struct st) || st.fields().size() < 2) break;
            if (!(st.fields().get(1).value() instanceof Value.Num len)) break;
            long n = Long.compareUnsigned(len.value(), left) > 0 ? left : len.value();
            if (n == 0) break;
            left -= n;
            out.append(" * ").append(Long.toUnsignedString(n)).append(" bytes in buffer ").append(i).append('\n');
            if (st.fields().getFirst().value() instanceof Value.Str s) dump(out, s.bytes(), n, s.address(), tid);
        }
    }

    /** strace's dumpstr chunks: it fetches this much at a time, all or nothing. */
    private static final int FETCH_BYTES = 1 << 16;

    /**
     * strace's dumpstr of {@code len} bytes at {@code addr} of which {@code data} could be read: fetched in
     * chunks of 64 KiB, each all or nothing; a chunk that cannot be fetched ends the dump, with
     * {@code <Cannot fetch N bytes from pid P @0x...>} unless it was the first.
     */
    static void dump(StringBuilder out, byte[] data, long len, long addr, int tid) {
        long alloc = Math.min((len + 15) / 16 * 16, FETCH_BYTES);
        long i = 0;
        while (i < len && i + Math.min(len - i, alloc) <= data.length) i += Math.min(len - i, alloc);
        dump(out, i == data.length ? data : java.util.Arrays.copyOf(data, (int) i), len);
        if (i < len && i > 0) {
            long fetch = Math.min(len - i, alloc);
            out.append(" | <Cannot fetch ").append(fetch).append(fetch == 1 ? " byte" : " bytes")
                    .append(" from pid ").append(tid).append(" @0x").append(Long.toHexString(addr + i)).append(">\n");
        }
    }

    /** As {@link #dump(StringBuilder, byte[], long)} of all of {@code data}. */
    static void dump(StringBuilder out, byte[] data) {
        dump(out, data, data.length);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * strace's dumpstr lines: {@code  | 00000  61 62 0a ...  ab. |}, 16 bytes a line in two groups of 8, the
     * offset as wide as {@code total} (the length asked for) needs, 5 digits at least.
     */
    private static void dump(StringBuilder out, byte[] data, long total) {
        int len = data.length;
        int offsetChars = total > (1 << 20) ? 1 + (63 - Long.numberOfLeadingZeros(total - 1)) / 4 : 5;
        for (int line = 0; line < len; line += 16) {
            out.append(" | ");
            String off = Integer.toHexString(line);
            for (int p = off.length(); p < offsetChars; p++) out.append('0');
            out.append(off).append("  ");
            for (int k = 0; k < 16; k++) {
                int i = line + k;
                if (i < len) {
                    int c = data[i] & 0xff;
                    out.append(HEX[c >> 4]).append(HEX[c & 15]);
                } else {
                    out.append("  ");
                }
                out.append(' ');
                if (k == 7) out.append(' ');
            }
            out.append(' ');
            for (int k = 0; k < 16; k++) {
                int i = line + k;
                if (i < len) {
                    int c = data[i] & 0xff;
                    out.append(c >= ' ' && c < 0x7f ? (char) c : '.');
                } else {
                    out.append(' ');
                }
            }
            out.append(" |\n");
        }
    }
}
