package dev.jstrace.sink;

import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import dev.jstrace.decode.SyscallDecoder;
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
    /** Processes whose {@code -p} attach was announced: strace announces a process once, not each thread. */
    private final Set<Integer> announced = new HashSet<>();
    private boolean ended;

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
        this.options = options;
        this.output = output;
        this.diagnostics = diagnostics;
        this.programName = programName;
    }

    @Override
    public synchronized void onEvent(TraceEvent event) {
        if (ended) return;
        if (!(event instanceof ProcessEvent)) live.add(event.tid());
        switch (event) {
            case SyscallEntered e -> entered(e);
            case Syscall s -> exited(s);
            case SignalEvent s -> {
                if (options.signals().test(s.name())) line(s.tid(), s.timeNanos(), s.straceText());
            }
            case ProcessEvent p -> process(p);
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
        if (options.staged()) {
            pending.put(e.tid(), new Pending(e, leader(e.tid(), e.timeNanos())));
            return;
        }
        pending.put(e.tid(), new Pending(e, null));
        PrintStream out = output.streamFor(e.tid());
        String text = leader(e.tid(), e.timeNanos()) + e.entryText();
        endOpenLine(out);
        out.print(text);
        open.put(out, new OpenLine(e.tid(), text.length()));
    }

    private void exited(Syscall s) {
        if (!options.syscalls().test(s.name())) return;
        Pending p = pending.remove(s.tid());
        // The engine pairs calls: the entry this sink printed is this call's only if the call says so.
        if (p != null && p.entry() != s.entry()) p = null;
        SyscallEntered entry = p != null ? p.entry() : entryOf(s);
        List<String> args = s.argTexts();
        int printedAtEntry = Math.min(entry.entryArgTexts().size(), args.size());
        String rest = s.returned() ? String.join(", ", args.subList(printedAtEntry, args.size())) : "";
        if (s.returned() && printedAtEntry > 0 && printedAtEntry == entry.totalArgs() && args.size() > printedAtEntry) {
            // The entry ended inside an argument that the exit completes (clone3's "{...} => {parent_tid=[N]}"):
            // print the completion, then the separator the entry held back.
            String before = entry.entryArgTexts().get(printedAtEntry - 1);
            String after = args.get(printedAtEntry - 1);
            rest = (after.startsWith(before) ? after.substring(before.length()) : "") + ", " + rest;
        }
        if (!s.returned() && entry.entryArgTexts().size() < entry.totalArgs()) rest = " <unfinished ...>";
        String tail = tail(s);

        if (options.staged()) {
            if (!options.statuses().contains(StraceTextOptions.Status.of(s))) return;
            if (options.paths() != null && !options.paths().matches(s)) return;
            String leader = p != null ? p.stagedLeader() : leader(s.tid(), s.timeNanos());
            writeWhole(s.tid(), leader + entry.entryText() + rest, tail);
            return;
        }
        PrintStream out = output.streamFor(s.tid());
        OpenLine current = open.get(out);
        if (p == null) {
            writeWhole(s.tid(), leader(s.tid(), s.timeNanos()) + entry.entryText() + rest, tail);
        } else if (current != null && current.tid() == s.tid()) {
            out.print(rest);
            finish(out, current.column() + rest.length(), tail);
        } else {
            String text = leader(s.tid(), s.timeNanos() + s.durationNanos()) + "<... " + s.name() + " resumed>" + rest;
            endOpenLine(out);
            out.print(text);
            finish(out, text.length(), tail);
        }
    }

    /** The entry an exit implies when its entry was not printed (filtered, or not delivered). */
    private static SyscallEntered entryOf(Syscall s) {
        int n = Math.min(s.entryArgCount(), s.argTexts().size());
        return new SyscallEntered(s.pid(), s.tid(), s.timeNanos(), s.name(), s.number(),
                s.argTexts().subList(0, n), s.returned() ? s.argTexts().size() : n);
    }

    /** {@code = 3 <0.000012>}, {@code = ?}: what follows the padding. */
    private String tail(Syscall s) {
        StringBuilder b = new StringBuilder("= ").append(s.returned() ? s.result() : "?");
        if (s.returned()) b.append(s.tampering().straceNote());
        if (options.durations() && s.returned()) {
            long d = s.durationNanos();
            b.append(" <").append(d / 1_000_000_000L);
            StraceTimestamps.appendFraction(b, d % 1_000_000_000L, options.durationPrecision());
            b.append('>');
        }
        return b.toString();
    }

    private void writeWhole(int tid, String head, String tail) {
        PrintStream out = output.streamFor(tid);
        endOpenLine(out);
        out.print(head);
        finish(out, head.length(), tail);
    }

    /** strace's {@code tprints(") "); tabto(); tprints("= ...")}. */
    private void finish(PrintStream out, int column, String tail) {
        StringBuilder b = new StringBuilder(") ");
        int col = column + 2;
        if (col < options.alignColumn()) b.append(" ".repeat(options.alignColumn() - col));
        b.append(tail).append('\n');
        out.print(b);
        open.remove(out);
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
                pending.remove(p.tid());
            }
            case DETACHED -> {
                if (!options.quietAttach()) {
                    diagnostics.print(programName + ": Process " + p.tid() + " detached\n");
                    diagnostics.flush();
                }
                // strace ends a call left open by the detach with " <detached ...>".
                PrintStream out = output.streamFor(p.tid());
                OpenLine o = open.get(out);
                if (o != null && o.tid() == p.tid()) {
                    open.remove(out);
                    out.print(" <detached ...>\n");
                } else {
                    endOpenLine(out);
                }
                live.remove(p.tid());
                pending.remove(p.tid());
            }
            case EXEC -> {
                // The former thread id vanished into the thread-group leader; strace drops its tcb.
                if (p.status() != p.tid()) live.remove(p.status());
            }
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

    private void endOpenLine(PrintStream out) {
        if (open.remove(out) != null) out.print(" <unfinished ...>\n");
    }

    /** The pid prefix and time stamps that start every line (strace's printleader). */
    private String leader(int tid, long nanos) {
        StringBuilder b = new StringBuilder();
        if (!output.perThread()) {
            if (output.named()) {
                if (options.followForks() || options.initialProcesses() > 1) {
                    String s = Integer.toString(tid);
                    b.append(s).append(" ".repeat(Math.max(0, 5 - s.length()))).append(' ');
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
        return b.toString();
    }
}
