package dev.jstrace.decode;

import dev.jstrace.proc.CapturePlanner;
import dev.jstrace.proc.RawEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns captured syscall records into {@link DecodedCall}s through the
 * {@link SignatureCatalog}. A pure function of the records: it never touches
 * the tracee, so it runs on the consumer side of the queue.
 */
public final class SyscallDecoder {
    private final DecodeOptions options;
    private final CapturePlanner planner;
    private final StraceRenderer renderer;

    /**
     * A decoder rendering with {@code options}.
     *
     * @param options the options
     */
    public SyscallDecoder(DecodeOptions options) {
        this.options = options;
        this.planner = new CapturePlan(options);
        this.renderer = new StraceRenderer(options);
    }

    /** {@return the options this decoder renders with} */
    public DecodeOptions options() {
        return options;
    }

    /** {@return what the loop must copy at each stop for this decoder} */
    public CapturePlanner planner() {
        return planner;
    }

    /**
     * Decodes one call.
     *
     * @param entry its entry record
     * @param exit  its exit record, or {@code null} when the thread never returned ({@code = ?})
     * @return the decoded call
     */
    public DecodedCall decode(RawEvent.SyscallEntry entry, RawEvent.SyscallExit exit) {
        int nr = entry.nr();
        // strace 6.1's own set, for its text: a number it does not know prints raw even where the kernel names it.
        boolean asStrace = entry.arch() != null && options.straceSyscalls() && !entry.arch().straceKnows(nr);
        String name = entry.arch() == null ? "syscall_0x" + Integer.toHexString(nr)
                : asStrace ? entry.arch().straceName(nr) : entry.arch().displayName(nr);
        Signature sig = entry.arch() == null || asStrace ? null : SignatureCatalog.forNumber(entry.arch(), nr);
        boolean returned = exit != null;
        long rval = returned ? exit.rval() : 0;
        boolean error = returned && exit.isError();
        CallContext c = new CallContext(entry.arch(), entry.args(), entry.memory(), returned ? exit.memory() : null,
                returned, rval, error, options, entry.tid());
        c.sig = sig;
        List<Value> args;
        int entryCount;
        CallFormat format = sig == null ? null : CallFormats.forName(name);
        CallFormat.Decoded formatted = null;
        if (format != null && !options.rawSyscalls().contains(name)) {
            formatted = format.decode(c);
            args = new ArrayList<>(formatted.args());
            entryCount = formatted.entryCount();
        } else if (sig == null || options.rawSyscalls().contains(name)) {
            int n = sig == null ? 6 : sig.args().size();
            args = new ArrayList<>(n);
            for (int i = 0; i < n; i++) args.add(new Value.Num(c.arg(i), Value.Radix.HEX));
            entryCount = n;
        } else if (name.equals("rt_sigreturn") && entry.stackPointer() != 0) {
            args = SignalFrame.decode(entry);
            entryCount = args.size();
        } else if (name.equals("clone")) {
            args = ControlCalls.clone(c, true);
            entryCount = args.size();
        } else {
            List<ArgType> types = sig.args();
            args = new ArrayList<>(types.size());
            entryCount = -1;
            for (int i = 0; i < types.size(); i++) {
                Value v = ArgDecoder.decode(sig, i, c);
                if (v == null) continue;
                if (entryCount < 0 && types.get(i).atExit()) entryCount = args.size();
                args.add(v);
            }
            if (entryCount < 0) entryCount = args.size();
            // F_GETLK/F_OFD_GETLK: the lock is what the kernel reports, printed after resumed> (it is not
            // known at entry, so the entry text must stop before it).
            if (name.equals("fcntl") && ControlCalls.flockCapture((int) c.arg(1)) < 0) {
                entryCount = Math.min(entryCount, 2);
            }
            if (name.equals("clone3") && !args.isEmpty()) {
                // strace prints clone_args at entry and " => {parent_tid=[N]}, size" at exit; an entry-only
                // decode stops after the struct so nothing of the exit part is printed early.
                entryCount = 1;
                if (!returned) args = new ArrayList<>(args.subList(0, 1));
            }
        }
        List<String> texts = new ArrayList<>(args.size());
        for (Value v : args) texts.add(renderer.render(v));
        Errno errno = null;
        String result;
        Value resultValue;
        if (!returned) {
            result = "?";
            resultValue = null;
        } else if (error) {
            errno = new Errno((int) -rval);
            result = errno.straceResult();
            resultValue = new Value.Num(-1, Value.Radix.DEC);
        } else if (formatted != null && formatted.result() != null) {
            result = formatted.result();
            resultValue = new Value.Num(rval, Value.Radix.DEC);
        } else {
            resultValue = resultValue(sig, c, name);
            result = result(sig, c, name, resultValue);
        }
        return new DecodedCall(name, nr, Collections.unmodifiableList(args), Collections.unmodifiableList(texts),
                entryCount, result, errno, resultValue);
    }

    /** The successful result as a value: what the sinks read (the text is rendered from it where it can be). */
    private Value resultValue(Signature sig, CallContext c, String name) {
        long rval = c.rval;
        if (sig == null) return new Value.Num(rval, rval < 0 ? Value.Radix.HEX : Value.Radix.DEC);
        if (options.rawSyscalls().contains(name)) return new Value.Num(rval, Value.Radix.HEX);
        if (name.equals("fcntl")) {
            int cmd = (int) c.arg(1);
            // F_GETOWN: strace's RVAL_TGID, RVAL_PGID for a group (negative: printed, never translated).
            if (cmd == ControlCalls.F_GETOWN) {
                return c.pid((int) rval, (int) rval < 0 ? PidNamespaces.Kind.PGID : PidNamespaces.Kind.TGID);
            }
            return ControlCalls.fcntlReturnsFd(cmd) ? c.fdAtExit((int) rval)
                    : new Value.Num(rval, Value.Radix.DEC);
        }
        return switch (sig.ret()) {
            case INT, NONE -> new Value.Num(rval, Value.Radix.DEC);
            case HEX -> new Value.Num(rval, Value.Radix.HEX);
            case FD -> c.fdAtExit((int) rval);
            case OCT -> new Value.Num(rval, Value.Radix.OCT);
            case TID -> c.pid((int) rval, PidNamespaces.Kind.TID);
            case TGID -> c.pid((int) rval, PidNamespaces.Kind.TGID);
            case PGID -> c.pid((int) rval, PidNamespaces.Kind.PGID);
            case SID -> c.pid((int) rval, PidNamespaces.Kind.SID);
        };
    }

    private String result(Signature sig, CallContext c, String name, Value value) {
        long rval = c.rval;
        if (sig == null) return rval < 0 ? "0x" + Long.toHexString(rval) : Long.toString(rval);
        // -e raw=NAME: strace prints the result with %#lx (0 stays 0, 3 is 0x3).
        if (options.rawSyscalls().contains(name)) return rval == 0 ? "0" : "0x" + Long.toHexString(rval);
        if (name.equals("fcntl")) {
            int cmd = (int) c.arg(1);
            String r = ControlCalls.fcntlResult(c, cmd, rval);
            if (r != null) return r;
            if (ControlCalls.fcntlReturnsFd(cmd) || cmd == ControlCalls.F_GETOWN) return renderer.render(value);
            return Long.toString(rval);
        }
        if (name.equals("select") || name.equals("pselect6")) {
            return rval + SelectDecoder.result(c, rval, name.equals("pselect6"));
        }
        if (name.equals("poll") || name.equals("ppoll")) return rval + PollDecoder.result(c, name.equals("ppoll"));
        return switch (sig.ret()) {
            case INT -> Long.toString(rval);
            case HEX -> "0x" + Long.toHexString(rval);
            case OCT -> value.text();
            case FD, TID, TGID, PGID, SID -> renderer.render(value);
            case NONE -> "?";
        };
    }

    /**
     * {@return strace's siginfo rendering, {@code {si_signo=SIGCHLD, si_code=CLD_EXITED, ...}}}
     *
     * @param signo the signo
     * @param siginfo the siginfo
     */
    public String siginfo(int signo, byte[] siginfo) {
        return SiginfoText.render(signo, siginfo);
    }

    /**
     * {@return strace's siginfo rendering of a signal delivered to thread {@code tid}: its si_pid
     * translated under {@code --decode-pids=pidns} ({@code si_pid=2 /* 1828 in strace's PID NS *}{@code /})}
     *
     * @param tid     the thread the signal was delivered to, by its id in the tracer's namespace
     * @param signo   the signo
     * @param siginfo the siginfo
     */
    public String siginfo(int tid, int signo, byte[] siginfo) {
        if (!options.pidTranslation()) return SiginfoText.render(signo, siginfo);
        return SiginfoText.render(signo, siginfo, p -> {
            String comment = PidNamespaces.comment(tid, p, PidNamespaces.Kind.TGID);
            Value n = new Value.Num(p, Value.Radix.DEC);
            return renderer.render(comment == null ? n : new Value.Commented(n, comment));
        });
    }

    /**
     * {@return {@code SIGCHLD}, {@code SIGRT_1}, or the number for one without a name}
     *
     * @param signo the signo
     */
    public static String signalName(int signo) {
        return SignalNames.name(signo);
    }

    /**
     * {@return {@code exited with 0}, {@code killed by SIGSEGV (core dumped)}: the text of strace's {@code +++} line}
     *
     * @param waitStatus the wait status
     */
    public static String waitStatusText(int waitStatus) {
        return new WaitStatus(waitStatus).exitText();
    }
}
