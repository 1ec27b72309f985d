package dev.jstrace;

import dev.jstrace.sink.PerfettoProcessSnapshots;
import dev.jstrace.sink.PerfettoSink;
import dev.jstrace.sink.Summary;
import dev.jstrace.sink.TefSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A finished (or growing) trace held in memory: every event in order.
 * For long traces prefer a streaming {@link TraceListener}.
 */
public final class Trace implements TraceListener {
    private final List<TraceEvent> events = Collections.synchronizedList(new ArrayList<>());
    /** Names and fds from /proc as each process and thread was first seen, for writing the trace later. */
    private final PerfettoProcessSnapshots processes = new PerfettoProcessSnapshots();

    /** An empty trace that fills as a listener. */
    public Trace() {}

    @Override
    public void onEvent(TraceEvent event) {
        if (!(event instanceof SyscallEntered)) {
            processes.onEvent(event);
            events.add(event);
        }
    }

    /** {@return every event: syscalls, signals, process starts, execs and exits, in order} */
    public List<TraceEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** {@return the syscalls, in the order they returned} */
    public List<Syscall> syscalls() {
        List<Syscall> out = new ArrayList<>();
        synchronized (events) {
            for (TraceEvent e : events) {
                if (e instanceof Syscall s) out.add(s);
            }
        }
        return out;
    }

    /**
     * The syscalls of one name.
     *
     * @param name a syscall name, {@code openat}
     * @return the calls named {@code name}, in the order they returned
     */
    public List<Syscall> syscalls(String name) {
        List<Syscall> out = new ArrayList<>();
        for (Syscall s : syscalls()) {
            if (s.name().equals(name)) out.add(s);
        }
        return out;
    }

    /** strace-style lines, one per event, each syscall with its {@code <duration>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        boolean multi = events().stream().map(TraceEvent::pid).distinct().count() > 1;
        for (TraceEvent e : events()) {
            // instanceof, not a pattern switch: printing a first self-trace would pay its bootstrap (ms).
            String text = e instanceof Syscall s ? s.toString()
                    : e instanceof SignalEvent s ? s.straceText()
                    : e instanceof ProcessEvent p ? p.straceText()
                    : null;
            if (text == null) continue;
            if (multi) sb.append("[pid ").append(String.format("%5d", e.tid())).append("] ");
            sb.append(text).append('\n');
        }
        return sb.toString();
    }

    /** {@return strace's {@code -c} table for this trace (times are wall-clock latency, as {@code -c -w})} */
    public String summary() {
        Summary summary = new Summary();
        for (TraceEvent e : events()) summary.onEvent(e);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        summary.print(out, "time", Summary.DEFAULT_COLUMNS);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@return this trace as Trace Event Format JSON, for Perfetto or chrome://tracing} */
    public String toTef() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTef(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes Trace Event Format JSON to {@code file}.
     *
     * @param file where to write (replaced)
     * @throws IOException when the file cannot be written
     */
    public void writeTef(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTef(out);
        }
    }

    /**
     * Writes Perfetto's protobuf trace format to {@code file}.
     *
     * @param file where to write (replaced)
     * @throws IOException when the file cannot be written
     */
    public void writePerfetto(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            // After the run a pid may name another process: names and fds as /proc gave them during it.
            replay(new PerfettoSink(out, processes.replay()));
        }
    }

    private void writeTef(OutputStream out) {
        replay(new TefSink(out, processes.replay()));
    }

    private void replay(TraceListener sink) {
        for (TraceEvent e : events()) sink.onEvent(e);
        sink.onEnd();
    }
}
