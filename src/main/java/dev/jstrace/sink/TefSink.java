package dev.jstrace.sink;

import static dev.jstrace.sink.TefEventWriter.*;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.jstrace.ProcessEvent;
import dev.jstrace.SignalEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.decode.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trace as Trace Event Format JSON, the format Perfetto and
 * {@code chrome://tracing} open, streaming each event to the file as it
 * arrives so memory stays flat however long the trace.
 *
 * <p>The file is the bare-array form ({@code [{...},{...},...]}), flushed at
 * least every {@link TefEventWriter#FLUSH_INTERVAL_NANOS}: Perfetto's JSON tokenizer accepts
 * that form without its closing bracket and drops a cut-off last event, so
 * the file jstrace leaves when it is killed with SIGKILL still loads. (The
 * object form, {@code {"traceEvents":[...]}}, is rejected when cut short.)
 *
 * <p>Each syscall is a complete event ({@code "ph":"X"}) on its process's pid
 * and thread's tid with the strace text, the arguments, result and errno in
 * {@code args}: the strace text follows the trace's rendering options, the
 * arguments and result are typed from the decoded values and do not
 * ({@link TefValues}: integers as numbers, flags as names, strings as their
 * text, descriptors with their paths, structures as objects); a call that never returns ({@code exit_group}, or one cut
 * short by an exit or an execve in another thread) is a {@code B}/{@code E}
 * pair ending with its thread; signals and exits are instants; metadata
 * events name every process and thread; a fork or clone is linked to the
 * child's first syscall by a flow arrow. {@code ts} and {@code dur} are
 * microseconds with nanosecond fractions, and {@code ts} is CLOCK_MONOTONIC,
 * the kernel's clock (as in the Perfetto sink). The wall-clock time of the
 * start is in the args of the first event, a global instant
 * {@code "jstrace clock"} (the importer keeps an instant's args; it drops
 * every metadata event but names, and every top-level key). No number
 * written exceeds 2^53: JavaScript readers would round it.
 *
 * <p>{@link #close} may be called from a shutdown hook while the consumer
 * thread is inside {@link #onEvent}: a lock serializes them, and the JSON is
 * always completed. After close, events are ignored.
 */
public final class TefSink extends TimelineSink {
    /** One factory for every sink: it is thread-safe and costly to build. The target stream is ours to close. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** A process name longer than this is cut: it labels a track. */
    private static final int MAX_NAME_CHARS = 1024;

    private final JsonGenerator gen;
    /** {@link Syscall#straceText()} is built here and handed to Jackson as chars: no String per call. */
    private final StringBuilder text = new StringBuilder(256);
    private char[] chars = new char[256];
    private final TefEventWriter w;
    private final OutputStream ownedStream;

    /**
     * Writes to {@code file} (created or truncated), naming processes from {@code /proc}.
     *
     * @param file the file
     * @throws IOException when the file cannot be created
     */
    public TefSink(Path file) throws IOException {
        this(file, PerfettoProcessInfo.PROCFS);
    }

    /**
     * Writes to {@code file}, naming processes from {@code info} ({@link PerfettoProcessInfo#NONE} for a recorded trace).
     *
     * @param file the file
     * @param info the info
     * @throws IOException when the file cannot be created
     */
    public TefSink(Path file, PerfettoProcessInfo info) throws IOException {
        this(Files.newOutputStream(file), info, true);
    }

    /**
     * Writes to {@code out}, which stays open after {@link #close} (it is flushed).
     *
     * @param out where to write
     */
    public TefSink(OutputStream out) {
        this(out, PerfettoProcessInfo.PROCFS);
    }

    /**
     * Writes to {@code out}, naming processes from {@code info}; {@code out} stays open after {@link #close}.
     *
     * @param out where to write
     * @param info the info
     */
    public TefSink(OutputStream out, PerfettoProcessInfo info) {
        this(out, info, false);
    }

    private TefSink(OutputStream out, PerfettoProcessInfo info, boolean own) {
        super(info);
        this.ownedStream = own ? out : null;
        try {
            this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
            this.w = new TefEventWriter(gen);
            gen.writeStartArray();
            gen.flush(); // a file killed before its first event is "[", which loads as empty
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends syscalls still in progress as slices marked unfinished, completes the JSON, closes an owned file. */
    @Override
    void finish() throws IOException {
        try {
            for (PerfettoProcesses.Thread t : table.liveThreads()) {
                if (t.openSlice) {
                    t.openSlice = false;
                    endOpenSlice(t, Math.max(latest, t.lastEnd), null);
                } else if (t.pending != null) {
                    unfinished(t, t.pending);
                }
            }
            gen.writeEndArray();
            gen.close();
        } finally {
            if (ownedStream != null) {
                ownedStream.close();
            }
        }
    }

    /** The first event: a global instant whose args say which clock {@code ts} is and when it was, in wall time. */
    @Override
    void first(long timeNanos) {
        try {
            w.clockInstant(timeNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void syscall(Syscall s) throws IOException {
        PerfettoProcesses.Thread t = table.thread(s.pid(), s.tid(), 0);
        t.pending = null;
        if (s.returned() && s.returnValue() == 0 && (s.name().equals("execve") || s.name().equals("execveat"))) {
            table.applyExec(s, t);
        }
        PerfettoProcesses.Thread renamed = s.returned() ? table.applyRename(s, t) : null;
        if (renamed != null && renamed != t) {
            announce(renamed); // named by a write to its comm file
        }
        announce(t);
        PerfettoProcesses.clampSlice(t, s.timeNanos(), s.timeNanos() + Math.max(0, s.durationNanos()));
        long start = t.sliceStart;
        long end = t.sliceEnd;
        // A flow end 1 ns inside the slice (when it is that long): every importer binds it to this slice.
        long inside = start + Math.min(1, (end - start) / 2);
        long flowIn = table.flowInto(t);
        long flowOut = table.flowOutOf(s);
        gen.writeStartObject();
        gen.writeFieldName(PH);
        gen.writeString(s.returned() ? X : B); // a call that never returns ends with its thread: see process()
        gen.writeFieldName(CAT);
        gen.writeString(SYSCALL);
        gen.writeFieldName(NAME);
        gen.writeString(s.name());
        ids(t);
        gen.writeFieldName(TS);
        w.ts(start);
        if (s.returned()) {
            gen.writeFieldName(DUR);
            w.micros(end - start);
        }
        gen.writeFieldName(ARGS);
        gen.writeStartObject();
        gen.writeFieldName(STRACE);
        writeStraceText(s);
        gen.writeFieldName(ARGS);
        List<Value> args = s.args();
        List<String> argTexts = s.argTexts();
        gen.writeStartArray();
        for (int i = 0; i < argTexts.size(); i++) {
            // Typed from the value; a call built from text alone (no values) keeps its text.
            if (i < args.size()) {
                TefValues.write(gen, args.get(i));
            } else {
                gen.writeString(argTexts.get(i));
            }
        }
        gen.writeEndArray();
        if (s.resultValue() != null) {
            gen.writeFieldName(RESULT);
            TefValues.write(gen, s.resultValue());
        }
        if (s.errno() != null) {
            gen.writeFieldName(ERRNO);
            gen.writeString(s.errno());
        }
        endEvent(t);
        t.openSlice = !s.returned();
        // v1 flow events, one per side: a v2 bind_id cannot carry two flows on one slice.
        if (flowOut != 0) {
            w.flowEnd('s', flowOut, t.proc.outPid, t.outTid, inside);
        }
        if (flowIn != 0) {
            w.flowEnd('f', flowIn, t.proc.outPid, t.outTid, inside);
        }
    }

    private void unfinished(PerfettoProcesses.Thread t, SyscallEntered e) throws IOException {
        PerfettoProcesses.clampSlice(t, e.timeNanos(), Math.max(latest, e.timeNanos()));
        gen.writeStartObject();
        gen.writeFieldName(PH);
        gen.writeString(X);
        gen.writeFieldName(CAT);
        gen.writeString(SYSCALL);
        gen.writeFieldName(NAME);
        gen.writeString(e.name());
        ids(t);
        gen.writeFieldName(TS);
        w.ts(t.sliceStart);
        gen.writeFieldName(DUR);
        w.micros(t.sliceEnd - t.sliceStart);
        gen.writeFieldName(ARGS);
        gen.writeStartObject();
        gen.writeFieldName(STRACE);
        gen.writeString(e.entryText() + " <unfinished ...>");
        gen.writeFieldName(UNFINISHED);
        gen.writeBoolean(true);
        endEvent(t);
    }

    /** Ends the {@code B} of a call that never returned; {@code endedBy} null marks it unfinished. */
    private void endOpenSlice(PerfettoProcesses.Thread t, long time, String endedBy) throws IOException {
        long end = Math.max(time, t.lastEnd);
        t.lastEnd = end;
        gen.writeStartObject();
        gen.writeFieldName(PH);
        gen.writeString(END);
        ids(t);
        gen.writeFieldName(TS);
        w.ts(end);
        gen.writeFieldName(ARGS);
        gen.writeStartObject();
        if (endedBy != null) {
            gen.writeFieldName(ENDED_BY);
            gen.writeString(endedBy);
        } else {
            gen.writeFieldName(UNFINISHED);
            gen.writeBoolean(true);
        }
        endEvent(t);
    }

    @Override
    void signal(SignalEvent s) throws IOException {
        PerfettoProcesses.Thread t = table.thread(s.pid(), s.tid(), 0);
        announce(t);
        instantStart(t, SIGNAL, s.name(), T, s.timeNanos());
        gen.writeFieldName(STRACE);
        gen.writeString(s.straceText());
        gen.writeNumberField("signo", s.signo());
        if (s.siginfo() != null) {
            gen.writeStringField("siginfo", s.siginfo());
        }
        endEvent(t);
    }

    @Override
    void process(ProcessEvent e) throws IOException {
        PerfettoProcesses.Thread t = table.thread(e.pid(), e.tid(), e.parentTid());
        announce(t);
        if (t.openSlice) {
            t.openSlice = false;
            endOpenSlice(t, e.timeNanos(), endedBy(e));
        }
        table.apply(e, t);
        String name = switch (e.kind()) {
            case EXITED -> e.lastOfProcess() ? "process exited" : "thread exited";
            case KILLED -> e.lastOfProcess() ? "process killed" : "thread killed";
            case DETACHED -> "detached";
            case STARTED, EXEC, UNKNOWN_EXITED, UNKNOWN_DETACHED -> null; // the clone/execve slices and the flow arrow already show these
        };
        if (name == null) {
            return;
        }
        instantStart(t, PROCESS, name, e.lastOfProcess() ? P : T, e.timeNanos());
        if (e.straceText() != null) {
            gen.writeFieldName(STRACE);
            gen.writeString(e.straceText());
        }
        gen.writeNumberField("status", e.status());
        if (e.detail() != null) {
            gen.writeStringField("detail", e.detail());
        }
        endEvent(t);
    }

    /** Closes an event's {@code args} (adding the real ids of a remapped pid) and the event itself. */
    private void endEvent(PerfettoProcesses.Thread t) throws IOException {
        realIds(t);
        gen.writeEndObject();
        gen.writeEndObject();
        w.maybeFlush();
    }

    /** Writes an instant up to and including the opening of its {@code args} object. */
    private void instantStart(PerfettoProcesses.Thread t, SerializedString cat, String name,
                              SerializedString scope, long time) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName(PH);
        gen.writeString(I);
        gen.writeFieldName(SCOPE);
        gen.writeString(scope);
        gen.writeFieldName(CAT);
        gen.writeString(cat);
        gen.writeFieldName(NAME);
        gen.writeString(name);
        ids(t);
        gen.writeFieldName(TS);
        w.ts(Math.max(time, t.lastEnd));
        gen.writeFieldName(ARGS);
        gen.writeStartObject();
    }

    /** Writes process_name / thread_name metadata when a name is new or has changed (exec). */
    private void announce(PerfettoProcesses.Thread t) throws IOException {
        PerfettoProcesses.Proc p = t.proc;
        if (p.writtenNameVersion != p.nameVersion) {
            p.writtenNameVersion = p.nameVersion;
            // The whole command line: TEF has no other place for it (Perfetto's descriptor has cmdline).
            String command = p.commandText();
            w.metadata("process_name", p.outPid, p.outPid,
                    command.length() > MAX_NAME_CHARS ? command.substring(0, MAX_NAME_CHARS) + "..." : command);
        }
        if (t.writtenNameVersion != t.nameVersion) {
            t.writtenNameVersion = t.nameVersion;
            w.metadata("thread_name", p.outPid, t.outTid, t.name);
        }
    }

    private void ids(PerfettoProcesses.Thread t) throws IOException {
        w.ids(t.proc.outPid, t.outTid);
    }

    /** Inside args: the real ids when pid reuse made the output ids synthetic. */
    private void realIds(PerfettoProcesses.Thread t) throws IOException {
        if (t.proc.remapped()) {
            gen.writeFieldName(REAL_PID);
            gen.writeNumber(t.proc.realPid);
        }
        if (t.remapped()) {
            gen.writeFieldName(REAL_TID);
            gen.writeNumber(t.realTid);
        }
    }

    /** Writes {@link Syscall#straceText()} as a JSON string, built in a reused buffer. */
    private void writeStraceText(Syscall s) throws IOException {
        StringBuilder b = text;
        b.setLength(0);
        b.append(s.name()).append('(');
        List<String> args = s.argTexts();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(args.get(i));
        }
        b.append(") = ").append(s.result()).append(s.tampering().straceNote());
        int n = b.length();
        if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
        b.getChars(0, n, chars, 0);
        gen.writeString(chars, 0, n);
        if (b.capacity() > 1 << 16) {
            b.setLength(0);
            b.trimToSize();
            chars = new char[256];
        }
    }
}
