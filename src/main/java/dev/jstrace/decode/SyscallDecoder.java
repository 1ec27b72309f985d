package dev.jstrace.decode;

import dev.jstrace.arch.gen.Errnos;
import dev.jstrace.proc.CapturePlanner;
import dev.jstrace.proc.RawEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns captured syscall records into {@link DecodedCall}s. A pure function
 * of the records: it never touches the tracee, so it runs on the consumer side.
 *
 * <p>This first version renders every call raw (six hex arguments); the
 * decoding issue replaces the body with the signature catalog.
 */
public final class SyscallDecoder {
    private final DecodeOptions options;

    /** A decoder rendering with {@code options}. */
    public SyscallDecoder(DecodeOptions options) {
        this.options = options;
    }

    /** The options this decoder renders with. */
    public DecodeOptions options() {
        return options;
    }

    /** What the loop must copy at each stop for this decoder. */
    public CapturePlanner planner() {
        return CapturePlanner.NONE;
    }

    /**
     * Decodes one call.
     *
     * @param entry its entry record
     * @param exit  its exit record, or {@code null} when the thread never returned ({@code = ?})
     */
    public DecodedCall decode(RawEvent.SyscallEntry entry, RawEvent.SyscallExit exit) {
        String name = entry.arch() == null ? "syscall_" + Integer.toHexString(entry.nr())
                : entry.arch().displayName(entry.nr());
        List<Value> args = new ArrayList<>(6);
        List<String> texts = new ArrayList<>(6);
        for (long a : entry.args()) {
            String t = "0x" + Long.toHexString(a);
            texts.add(t);
            args.add(() -> t);
        }
        String result;
        String errno = null;
        if (exit == null) {
            result = "?";
        } else if (exit.isError()) {
            int e = (int) -exit.rval();
            errno = Errnos.name(e);
            String msg = Errnos.message(e);
            result = "-1 " + (errno == null ? "E" + e : errno) + (msg == null ? "" : " (" + msg + ")");
        } else {
            result = Long.toString(exit.rval());
        }
        return new DecodedCall(name, entry.nr(), List.copyOf(args), List.copyOf(texts), 6, result, errno);
    }

    /** strace's siginfo rendering, {@code {si_signo=SIGCHLD, ...}}. */
    public String siginfo(int signo, byte[] siginfo) {
        return "{si_signo=" + signalName(signo) + "}";
    }

    /** {@code SIGCHLD}, or {@code SIG123} for a number without a name. */
    public static String signalName(int signo) {
        return "SIG" + signo;
    }
}
