package dev.jstrace.sink;

import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import dev.jstrace.decode.IoDumps;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.decode.Value;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes events as strace writes lines, byte for byte (checked against strace 6.1).
 *
 * <p>Like strace, a call's entry is written at once and its line is left open;
 * the exit completes it. When anything else is written in between, the open
 * line is ended with {@code  <unfinished ...>} and the exit later starts a
 * line of its own with {@code <... NAME resumed>}. The result starts at the
 * {@code -a} column: strace writes {@code ") "}, pads with spaces up to the
 * column, then {@code "= "}. Pid prefixes follow strace's rule: with
 * {@code -o FILE} and {@code -f} every line gets {@code "%-5d "}; on standard
 * error {@code "[pid %5d] "} appears only while more than one thread is traced;
 * with {@code -ff} there is none.
 */
public final class StraceTextSink implements TraceListener {
    private final StraceTextOptions options;
    private final StraceOutput output;
    private final PrintStream diagnostics;
    private final String programName;
    /** Threads alive now: the {@code [pid N]} prefix appears on standard error while there are two or more. */
    private final Set<Integer> live = new HashSet<>();
    /** Entries whose exit has not come yet, by thread. */
    private final Map<Integer, Pending> pending = new HashMap<>();
    /** Per stream: which thread's line is open, and its column (strace's printing_tcp and curcol). */
    private final Map<PrintStream, OpenLine> open = new HashMap<>();
    private long previousStamp = Long.MIN_VALUE;
    /** Each thread's latest syscall number, for {@code -n} (strace prints it on every line of the thread). */
    private final Map<Integer, Integer> lastNumber = new HashMap<>();
    /** Processes whose {@code -p} attach was announced: strace announces a process once, not each thread. */
    private final Set<Integer> announced = new HashSet<>();
    private boolean ended;
    /** {@code -e read=}/{@code -e write=}. */
    private final IoDumps dumps;
    /** {@link StraceTextOptions#staged()}, which builds an EnumSet each time it is asked. */
    private final boolean staged;
    /** The last thread added to {@link #live} (0: none): most events repeat it, and an add would box. */
    private int lastLive;
    // A line is built here and written as bytes: a String per piece, and PrintStream's char
    // encoder per print (a CharBuffer each), were most of what a call cost beyond its text.
    private StringBuilder line = new StringBuilder(256);
    private StringBuilder rest = new StringBuilder(128);
    private byte[] bytes = new byte[256];
    /** Builders and buffers beyond this are dropped after use, so one huge line is not kept. */
    private static final int KEPT = 1 << 16;

    private record Pending(SyscallEntered entry, String stagedLeader) {}

    private record OpenLine(int tid, int column) {}

    /**
     * A sink printing strace's lines.
     *
     * @param options     layout and filters
     * @param output      where the lines go
     * @param diagnostics where {@code jstrace: Process N attached} messages go (standard error)
     * @param programName the name those messages start with ({@code jstrace})
     */
    public StraceTextSink(StraceTextOptions options, StraceOutput output, PrintStream diagnostics,
                          String programName) {
        this(options, output, diagnostics, programName, IoDumps.NONE);
    }

    /**
     * A sink printing strace's lines and, after the calls {@code dumps} names, their data as strace's
     * {@code -e read=}/{@code -e write=} hex dumps (the data must have been captured in full: the same
     * {@link IoDumps} in the trace's decode options).
     *
     * @param options     layout and filters
     * @param output      where the lines go
     * @param diagnostics where {@code jstrace: Process N attached} messages go (standard error)
     * @param programName the name those messages start with ({@code jstrace})
     * @param dumps       the descriptors whose reads and writes are dumped
     */
    public StraceTextSink(StraceTextOptions options, StraceOutput output, PrintStream diagnostics,
                          String programName, IoDumps dumps) {
        this.dumps = dumps == null ? IoDumps.NONE : dumps;
        this.options = options;
        this.output = output;
        this.diagnostics = diagnostics;
        this.programName = programName;
        this.staged = options.staged();
    }

    @Override
    public synchronized void onEvent(TraceEvent event) {
        if (ended) return;
        if (!(event instanceof ProcessEvent) && event.tid() != lastLive) {
            live.add(event.tid());
            lastLive = event.tid();
        }
        // instanceof, not a pattern switch: its SwitchBootstraps bootstrap cost every jstrace start ms.
        if (event instanceof SyscallEntered e) {
            entered(e);
        } else if (event instanceof Syscall s) {
            exited(s);
        } else if (event instanceof SignalEvent s) {
            if (options.signals().test(s.name())) line(s.tid(), s.timeNanos(), s.straceText());
        } else if (event instanceof ProcessEvent p) {
            process(p);
        }
        if (output.interactive()) output.flush();
    }

    @Override
    public synchronized void onEnd() {
        if (ended) return;
        ended = true;
        for (Map.Entry<PrintStream, OpenLine> e : open.entrySet()) {
            if (e.getValue() != null) e.getKey().print(" <unfinished ...>\n");
        }
        open.clear();
        output.flush();
    }

    private void entered(SyscallEntered e) {
        if (!options.syscalls().test(e.name())) return;
        lastNumber.put(e.tid(), e.number());
        if (staged) {
            pending.put(e.tid(), new Pending(e, leader(e.tid(), e.timeNanos())));
            return;
        }
        pending.put(e.tid(), new Pending(e, null));
        PrintStream out = output.streamFor(e.tid());
        StringBuilder b = line();
        appendLeader(b, e.tid(), e.timeNanos());
        appendEntryText(b, e);
        endOpenLine(out);
        emit(out, b);
        open.put(out, new OpenLine(e.tid(), b.length()));
    }

    private void exited(Syscall s) {
        if (!options.syscalls().test(s.name())) return;
        lastNumber.put(s.tid(), s.number());
        Pending p = pending.remove(s.tid());
        // The engine pairs calls: the entry this sink printed is this call's only if the call says so.
        if (p != null && p.entry() != s.entry()) p = null;
        SyscallEntered entry = p != null ? p.entry() : entryOf(s);
        List<String> args = s.argTexts();
        int printedAtEntry = Math.min(entry.entryArgTexts().size(), args.size());
        StringBuilder rest = rest();
        if (s.returned()) {
            if (printedAtEntry > 0 && printedAtEntry == entry.totalArgs()) {
                // The entry ended inside an argument that the exit completes (clone3's "{...} => {parent_tid=[N]}",
                // an ioctl's "{line_offset=1} => {flags=...}", ptp's "{n_samples=3" and ", ts=[...]}"): print
                // the completion, then the separator the entry held back when more arguments follow.
                String before = entry.entryArgTexts().get(printedAtEntry - 1);
                String after = args.get(printedAtEntry - 1);
                boolean more = args.size() > printedAtEntry;
                if (after.startsWith(before)) rest.append(after, before.length(), after.length());
                if (more) rest.append(", ");
            }
            for (int i = printedAtEntry; i < args.size(); i++) {
                if (i > printedAtEntry) rest.append(", ");
                rest.append(args.get(i));
            }
        } else if (entry.entryArgTexts().size() < entry.totalArgs()) {
            rest.append(" <unfinished ...>");
        }

        if (staged) {
            if (!options.statuses().contains(StraceTextOptions.Status.of(s))) return;
            if (options.paths() != null && !options.paths().matches(s)) return;
            StringBuilder b = line();
            if (p != null) b.append(p.stagedLeader()); else appendLeader(b, s.tid(), s.timeNanos());
            appendEntryText(b, entry);
            writeWhole(s, b.append(rest));
            return;
        }
        PrintStream out = output.streamFor(s.tid());
        OpenLine current = open.get(out);
        if (p == null) {
            StringBuilder b = line();
            appendLeader(b, s.tid(), s.timeNanos());
            appendEntryText(b, entry);
            writeWhole(s, b.append(rest));
        } else if (current != null && current.tid() == s.tid()) {
            appendFinish(rest, current.column() + rest.length(), s);
            emit(out, rest);
            open.remove(out);
        } else {
            StringBuilder b = line();
            appendLeader(b, s.tid(), s.timeNanos() + s.durationNanos());
            b.append("<... ").append(s.name()).append(" resumed>").append(rest);
            endOpenLine(out);
            appendFinish(b, b.length(), s);
            emit(out, b);
            open.remove(out);
        }
    }

    /** The entry an exit implies when its entry was not printed (filtered, or not delivered). */
    private static SyscallEntered entryOf(Syscall s) {
        int n = Math.min(s.entryArgCount(), s.argTexts().size());
        return new SyscallEntered(s.pid(), s.tid(), s.timeNanos(), s.name(), s.number(),
                s.argTexts().subList(0, n), s.returned() ? s.argTexts().size() : n);
    }

    /** Appends {@link SyscallEntered#entryText()} without making it a String. */
    private static void appendEntryText(StringBuilder b, SyscallEntered e) {
        b.append(e.name()).append('(');
        List<String> args = e.entryArgTexts();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(args.get(i));
        }
        if (!args.isEmpty() && args.size() < e.totalArgs()) b.append(", ");
    }

    /** Appends {@code = 3 <0.000012>}, {@code = ?}: what follows the padding. */
    private void appendTail(StringBuilder b, Syscall s) {
        b.append("= ").append(s.returned() ? s.result() : "?");
        if (s.returned()) b.append(s.tampering().straceNote());
        if (options.durations() && s.returned()) {
            long d = s.durationNanos();
            b.append(" <").append(d / 1_000_000_000L);
            StraceTimestamps.appendFraction(b, d % 1_000_000_000L, options.durationPrecision());
            b.append('>');
        }
    }

    /** Writes a whole line, {@code head} (in {@link #line}) then the result, ending any open line first. */
    private void writeWhole(Syscall s, StringBuilder head) {
        PrintStream out = output.streamFor(s.tid());
        endOpenLine(out);
        appendFinish(head, head.length(), s);
        emit(out, head);
        open.remove(out);
    }

    /** strace's {@code tprints(") "); tabto(); tprints("= ...")}, appended to what the line has at {@code column}. */
    private void appendFinish(StringBuilder b, int column, Syscall s) {
        b.append(") ");
        int col = column + 2;
        for (; col < options.alignColumn(); col++) b.append(' ');
        appendTail(b, s);
        b.append('\n');
        if (dumps.any()) appendDump(b, s);
    }

    /** strace's dumpio after the line: writes whatever their result, reads after success. */
    private void appendDump(StringBuilder b, Syscall s) {
        if (!s.returned() || s.args().size() < 2 || !(s.args().getFirst() instanceof Value.Fd fd)) return;
        int kind = dumps.kind(s.name(), fd.fd());
        if (kind == 0 || (IoDumps.isRead(s.name()) && s.failed())) return;
        IoDumps.append(b, kind, s.args().get(1), IoDumps.isRead(s.name()) ? s.returnValue() : -1L, s.tid());
    }

    /** {@link #line}, emptied (a huge one is dropped). */
    private StringBuilder line() {
        if (line.capacity() > KEPT) line = new StringBuilder(256);
        line.setLength(0);
        return line;
    }

    /** {@link #rest}, emptied (a huge one is dropped). */
    private StringBuilder rest() {
        if (rest.capacity() > KEPT) rest = new StringBuilder(128);
        rest.setLength(0);
        return rest;
    }

    /**
     * Writes {@code text} to {@code out}: as bytes when it is ASCII, which rendered strace text
     * nearly always is (its strings are escaped), else through the stream's own charset. Either
     * way it lands in order: PrintStream pushes its encoder's output down at once.
     */
    private void emit(PrintStream out, CharSequence text) {
        int n = text.length();
        if (bytes.length < n) bytes = new byte[Math.max(n, 2 * bytes.length)];
        byte[] buf = bytes;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                out.print(text.toString());
                return;
            }
            buf[i] = (byte) c;
        }
        out.write(buf, 0, n);
        if (buf.length > KEPT) bytes = new byte[256];
    }

    private void process(ProcessEvent p) {
        switch (p.kind()) {
            case STARTED -> {
                live.add(p.tid());
                if (!options.quietAttach() && p.parentTid() != 0) {
                    diagnostics.print(programName + ": Process " + p.tid() + " attached\n");
                } else if (!options.quietAttach() && "attach".equals(p.detail()) && announced.add(p.pid())) {
                    diagnostics.print(programName + ": Process " + p.pid() + " attached" + threadsOf(p.pid()) + "\n");
                }
                diagnostics.flush();
            }
            case EXITED, KILLED -> {
                live.add(p.tid());
                // strace: -qq hides "+++ exited with", while "+++ killed by" follows -e signal= instead.
                boolean show = p.kind() == ProcessEvent.Kind.KILLED
                        ? options.signals().test(SyscallDecoder.signalName(p.status())) : !options.quietExit();
                if (show) line(p.tid(), p.timeNanos(), p.straceText());
                live.remove(p.tid());
                lastLive = 0;
                pending.remove(p.tid());
                release(p.tid());
            }
            case DETACHED -> {
                if (!options.quietAttach()) {
                    diagnostics.print(programName + ": Process " + p.tid() + " detached\n");
                    diagnostics.flush();
                }
                // strace ends a call left open by the detach with " <detached ...>".
                PrintStream out = output.streamFor(p.tid());
                Pending held = staged ? pending.get(p.tid()) : null;
                if (held != null && options.statuses().contains(StraceTextOptions.Status.DETACHED)) {
                    // -e status=: the line waited for the outcome; "detached" is one (strace's memstream published).
                    StringBuilder b = line().append(held.stagedLeader());
                    appendEntryText(b, held.entry());
                    endOpenLine(out);
                    emit(out, b.append(" <detached ...>\n"));
                }
                OpenLine o = open.get(out);
                if (o != null && o.tid() == p.tid()) {
                    open.remove(out);
                    out.print(" <detached ...>\n");
                } else {
                    endOpenLine(out);
                }
                live.remove(p.tid());
                lastLive = 0;
                pending.remove(p.tid());
                release(p.tid());
            }
            case UNKNOWN_EXITED -> {
                // strace's maybe_allocate_tcb: hidden by -qq (quiet exit), as the exit lines are.
                if (!options.quietExit()) {
                    diagnostics.print(programName + ": Exit of unknown pid " + p.tid() + " ignored\n");
                    diagnostics.flush();
                }
            }
            case UNKNOWN_DETACHED -> {
                if (!options.quietAttach()) {
                    diagnostics.print(programName + ": Detached unknown pid " + p.tid() + "\n");
                    diagnostics.flush();
                }
            }
            case EXEC -> {
                if (p.status() != p.tid()) superseded(p.tid(), p.status(), p.timeNanos());
                lastLive = 0;
            }
        }
    }

    /**
     * A non-leader thread {@code former} exec'd and took over the leader's id {@code leader}, as
     * strace's maybe_switch_tcbs has it: the thread's open execve line ends with
     * {@code  <pid changed to LEADER ...>}, the leader's {@code +++ superseded by execve in pid FORMER +++}
     * follows (not with {@code -qqq}), and the execve's result then comes on a line of its own,
     * {@code <... execve resumed>) = 0}, under the leader's id. (The leader's own call, if any, was
     * ended before this.)
     */
    private void superseded(int leader, int former, long nanos) {
        live.remove(former);
        PrintStream out = output.streamFor(former);
        OpenLine o = open.get(out);
        if (o != null && o.tid() == former) {
            open.remove(out);
            out.print(" <pid changed to " + leader + " ...>\n");
        }
        Pending moved = pending.remove(former);
        pending.remove(leader);
        if (moved != null) pending.put(leader, moved);
        Integer number = lastNumber.remove(former);
        if (number != null) lastNumber.put(leader, number);
        // -ff: the former thread's file is done with; the leader's goes on.
        release(former);
        if (!options.quietThreadExecve()) {
            line(leader, nanos, "+++ superseded by execve in pid " + former + " +++");
        }
    }

    /**
     * strace's {@code " with 3 threads"} after {@code Process N attached}, empty for one thread.
     * strace counts the threads it seized; the engine seizes every thread listed in
     * {@code /proc/PID/task} right before the first attach event is made, so counting that
     * directory here gives the same number unless a thread starts or ends in between.
     */
    private static String threadsOf(int pid) {
        String[] tasks = new java.io.File("/proc/" + pid + "/task").list();
        return tasks != null && tasks.length > 1 ? " with " + tasks.length + " threads" : "";
    }

    /** A complete line of its own: a signal or an exit. */
    private void line(int tid, long nanos, String text) {
        PrintStream out = output.streamFor(tid);
        endOpenLine(out);
        out.print(leader(tid, nanos) + text + "\n");
    }

    /** -ff: the ended thread's file is closed (see {@link StraceOutput#release}); no line of it stays open. */
    private void release(int tid) {
        PrintStream closed = output.release(tid);
        if (closed != null) open.remove(closed);
    }

    private void endOpenLine(PrintStream out) {
        if (open.remove(out) != null) out.print(" <unfinished ...>\n");
    }

    /** The pid prefix and time stamps that start every line (strace's printleader). */
    private String leader(int tid, long nanos) {
        StringBuilder b = new StringBuilder();
        appendLeader(b, tid, nanos);
        return b.toString();
    }

    /** Appends {@link #leader}. */
    private void appendLeader(StringBuilder b, int tid, long nanos) {
        if (!output.perThread()) {
            if (output.named()) {
                if (options.followForks() || options.initialProcesses() > 1) {
                    int start = b.length();
                    b.append(tid);
                    for (int pad = 5 - (b.length() - start); pad > 0; pad--) b.append(' ');
                    b.append(' ');
                }
            } else if (live.size() > 1) {
                String s = Integer.toString(tid);
                b.append("[pid ").append(" ".repeat(Math.max(0, 5 - s.length()))).append(s).append("] ");
            }
        }
        if (options.timestamps().any()) {
            options.timestamps().append(b, nanos, previousStamp);
            previousStamp = nanos;
        }
        if (options.syscallNumbers()) {
            // strace's print_syscall_number: "[%4lu] ", or "[?] " before the thread's first call.
            Integer n = lastNumber.get(tid);
            String num = n == null ? "?" : Integer.toString(n);
            b.append('[').append(" ".repeat(Math.max(0, 4 - num.length()))).append(num).append("] ");
        }
    }
}
