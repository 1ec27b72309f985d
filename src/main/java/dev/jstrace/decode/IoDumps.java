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
 * @param reads  descriptors whose reads are dumped ({@code null}: every descriptor)
 * @param writes descriptors whose writes are dumped ({@code null}: every descriptor)
 */
public record IoDumps(Set<Integer> reads, Set<Integer> writes) {
    /** No dumps, strace's default. */
    public static final IoDumps NONE = new IoDumps(Set.of(), Set.of());

    /** The most bytes of one buffer copied for a dump. */
    public static final int MAX_BYTES = 1 << 24;

    /** {@return whether any dump is asked for} */
    public boolean any() {
        return reads == null || writes == null || !reads.isEmpty() || !writes.isEmpty();
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
        boolean w = writes == null || writes.contains(fd);
        boolean r = reads == null || reads.contains(fd);
        return switch (name) {
            case "write", "pwrite64", "sendto" -> w ? 1 : 0;
            case "writev", "pwritev", "pwritev2" -> w ? 2 : 0;
            case "read", "pread64", "recvfrom" -> r ? 1 : 0;
            case "readv", "preadv", "preadv2" -> r ? 2 : 0;
            default -> 0;
        };
    }

    /**
     * {@return whether {@code name} reads (its dump needs a successful result)}
     *
     * @param name the syscall
     */
    public static boolean isRead(String name) {
        return name.startsWith("read") || name.startsWith("pread") || name.equals("recvfrom");
    }

    /**
     * Appends the dump of a call whose argument 1 decoded to {@code buffer} ({@code kind} 1: a string
     * value; 2: an array of {@code {iov_base, iov_len}} structs).
     *
     * @param out    where to write the lines
     * @param kind   as {@link #kind}
     * @param buffer the decoded argument
     */
    public static void append(StringBuilder out, int kind, Value buffer) {
        if (kind == 1 && buffer instanceof Value.Str s) {
            dump(out, s.bytes());
        } else if (kind == 2 && buffer instanceof Value.Array a) {
            List<Value> items = a.items();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Value.Struct st) || st.fields().isEmpty()) break;
                if (!(st.fields().getFirst().value() instanceof Value.Str s) || s.bytes().length == 0) break;
                out.append(" * ").append(s.bytes().length).append(" bytes in buffer ").append(i).append('\n');
                dump(out, s.bytes());
            }
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** strace's dumpstr: {@code  | 00000  61 62 0a ...  ab. |}, 16 bytes a line in two groups of 8. */
    static void dump(StringBuilder out, byte[] data) {
        int len = data.length;
        int offsetChars = len > (1 << 20) ? 1 + (31 - Integer.numberOfLeadingZeros(len - 1)) / 4 : 5;
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
