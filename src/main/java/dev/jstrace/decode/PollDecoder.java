package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.s32;
import static dev.jstrace.decode.MemoryView.u16;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * poll and ppoll as strace 6.1 prints them (its poll.c): the pollfd array read at entry
 * ({@code [{fd=3, events=POLLIN}, ...]}, no events for a negative fd), the count as an
 * unsigned int, and a result that lists the descriptors with events and ppoll's time left:
 * {@code = 2 ([{fd=5, revents=POLLOUT}, {fd=7, revents=POLLOUT}], left {tv_sec=42, tv_nsec=999998869})},
 * or {@code = 0 (Timeout)}.
 */
final class PollDecoder {
    private PollDecoder() {}

    private static int size() {
        return StructLayouts.size(StructLayouts.POLLFD);
    }

    /** nfds: the kernel takes an unsigned int. */
    private static long count(long nfds) {
        return nfds & 0xffffffffL;
    }

    /** At entry: the elements the argument prints (one past {@code -s}, as strace fetches it). */
    static void captureEntry(DecodeOptions opt, TraceeMemory mem, long a, long nfds) {
        long n = ArrayDecoder.captureCount(opt, count(nfds));
        if (a != 0 && n > 0) mem.bytes(a, (int) (n * size()));
    }

    /** At exit: every element (revents may be set on any of them) and ppoll's time left. */
    static void captureExit(TraceeMemory mem, long[] args, long rval, boolean ppoll) {
        if (rval <= 0) return;
        long n = Math.min(count(args[1]), ArrayDecoder.MAX_ELEMENTS);
        if (args[0] != 0 && n > 0) mem.bytes(args[0], (int) (n * size()));
        if (ppoll && args[2] != 0) mem.bytes(args[2], (int) StructLayouts.TIMESPEC.byteSize());
    }

    /** The pollfd array argument. */
    static Value pollfds(CallContext c, long a, long nfds) {
        int size = size();
        return ArrayDecoder.decode(c, c.in, a, count(nfds), size, (b, off) -> {
            int fd = s32(b, off + StructLayouts.POLL_FD);
            Value fdv = c.fd(fd);
            if (fd < 0) return new Value.Struct(List.of(new Value.Field("fd", fdv)), false);
            return new Value.Struct(List.of(new Value.Field("fd", fdv), new Value.Field("events",
                    c.sym(Constants.POLL_EVENTS, u16(b, off + StructLayouts.POLL_EVENTS)))), false);
        });
    }

    /** The text after a successful result: {@code  (Timeout)}, {@code  ([{fd=3, revents=POLLIN}])}, or none. */
    static String result(CallContext c, boolean ppoll) {
        if (c.rval == 0) return " (Timeout)";
        long a = c.arg(0), n = count(c.arg(1));
        if (a == 0 || n == 0) return "";
        int size = size();
        long max = c.opt.verbose() ? Long.MAX_VALUE : c.opt.stringLimit();
        Snapshot.Region r = c.out.find(a, Snapshot.Kind.BYTES);
        byte[] b = r == null || !r.readable() ? new byte[0] : r.data();
        StringBuilder sb = new StringBuilder();
        long printed = 0;
        for (long k = 0; k < Math.min(n, ArrayDecoder.MAX_ELEMENTS); k++) {
            if ((k + 1) * size > b.length) {
                // strace's umove failed here: it prints the element's address and stops.
                sb.append(sb.isEmpty() ? "[" : ", ").append("0x").append(Long.toHexString(a + k * size));
                break;
            }
            int off = (int) (k * size);
            int revents = u16(b, off + StructLayouts.POLL_REVENTS);
            if (revents == 0) continue;
            sb.append(sb.isEmpty() ? "[" : ", ");
            if (printed >= max) {
                sb.append("...");
                break;
            }
            // strace prints the descriptor as a plain number here (no -y path) and the events abbreviated.
            sb.append("{fd=").append(s32(b, off + StructLayouts.POLL_FD)).append(", revents=")
                    .append(c.text(c.sym(Constants.POLL_EVENTS, revents))).append('}');
            printed++;
        }
        if (!sb.isEmpty()) sb.append(']');
        if (ppoll && c.arg(2) != 0) {
            sb.append(sb.isEmpty() ? "left " : ", left ");
            sb.append(c.text(StructDecoders.timespec(c.out, c.arg(2))));
        }
        return sb.isEmpty() ? "" : " (" + sb + ")";
    }
}
