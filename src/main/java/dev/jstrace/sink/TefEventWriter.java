package dev.jstrace.sink;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.jstrace.proc.TraceClock;
import java.io.IOException;
import java.time.Instant;

/**
 * The TEF sink's low-level writing: the pre-serialized keys and values, exact
 * microsecond timestamps in CLOCK_MONOTONIC, the events that carry no
 * syscall (the clock instant, names, flow ends), and the flush that keeps
 * the file at most {@link #FLUSH_INTERVAL_NANOS} behind the events.
 */
final class TefEventWriter {
    /** The longest the file lags the events by (when events keep coming): what a SIGKILL can lose. */
    static final long FLUSH_INTERVAL_NANOS = 100_000_000L;
    static final SerializedString PH = new SerializedString("ph");
    static final SerializedString TS = new SerializedString("ts");
    static final SerializedString DUR = new SerializedString("dur");
    static final SerializedString PID = new SerializedString("pid");
    static final SerializedString TID = new SerializedString("tid");
    static final SerializedString NAME = new SerializedString("name");
    static final SerializedString CAT = new SerializedString("cat");
    static final SerializedString ARGS = new SerializedString("args");
    static final SerializedString SCOPE = new SerializedString("s");
    static final SerializedString ID = new SerializedString("id");
    static final SerializedString BIND_POINT = new SerializedString("bp");
    static final SerializedString STRACE = new SerializedString("strace");
    static final SerializedString RESULT = new SerializedString("result");
    static final SerializedString ERRNO = new SerializedString("errno");
    static final SerializedString REAL_PID = new SerializedString("realPid");
    static final SerializedString REAL_TID = new SerializedString("realTid");
    static final SerializedString UNFINISHED = new SerializedString("unfinished");
    static final SerializedString X = new SerializedString("X");
    static final SerializedString I = new SerializedString("i");
    static final SerializedString M = new SerializedString("M");
    static final SerializedString T = new SerializedString("t");
    static final SerializedString P = new SerializedString("p");
    static final SerializedString E = new SerializedString("e");
    static final SerializedString SYSCALL = new SerializedString("syscall");
    static final SerializedString SIGNAL = new SerializedString("signal");
    static final SerializedString PROCESS = new SerializedString("process");
    static final SerializedString FORK = new SerializedString("fork");

    static final SerializedString B = new SerializedString("B");
    static final SerializedString END = new SerializedString("E");
    static final SerializedString G = new SerializedString("g");
    static final SerializedString ENDED_BY = new SerializedString("endedBy");


    private final JsonGenerator gen;
    private final char[] number = new char[24];
    private long lastFlush = System.nanoTime();

    TefEventWriter(JsonGenerator gen) {
        this.gen = gen;
    }

    /** An event time as the CLOCK_MONOTONIC value the tracer thread read. */
    static long mono(long eventNanos) {
        return Math.max(0, TraceClock.monotonicOf(eventNanos));
    }

    /** Writes an event time as CLOCK_MONOTONIC microseconds. */
    void ts(long eventNanos) throws IOException {
        micros(mono(eventNanos));
    }

    /** Writes nanoseconds as microseconds with three decimals, exactly (a double would round at epoch scale). */
    void micros(long nanos) throws IOException {
        int n = TefNumbers.formatMicros(nanos, number);
        gen.writeNumber(number, 0, n);
    }

    void ids(int pid, int tid) throws IOException {
        gen.writeFieldName(PID);
        gen.writeNumber(pid);
        gen.writeFieldName(TID);
        gen.writeNumber(tid);
    }

    /** Flushes when the file lags by more than {@link #FLUSH_INTERVAL_NANOS}. */
    void maybeFlush() throws IOException {
        long now = System.nanoTime();
        if (now - lastFlush >= FLUSH_INTERVAL_NANOS) {
            lastFlush = now;
            gen.flush();
        }
    }

    /**
     * A global instant {@code "jstrace clock"} at the first event: the importer
     * keeps an instant's args, and these say which clock {@code ts} is and
     * the wall-clock time of the start.
     */
    void clockInstant(long timeNanos) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName(PH);
        gen.writeString(I);
        gen.writeFieldName(SCOPE);
        gen.writeString(G);
        gen.writeFieldName(NAME);
        gen.writeString("jstrace clock");
        ids(0, 0);
        gen.writeFieldName(TS);
        ts(timeNanos);
        gen.writeFieldName(ARGS);
        gen.writeStartObject();
        gen.writeStringField("clock", "CLOCK_MONOTONIC");
        gen.writeStringField("wallClockStart", Instant.ofEpochSecond(0, timeNanos).toString());
        // Strings: the nanosecond values exceed 2^53, past what JavaScript keeps exactly.
        gen.writeStringField("wallClockStartNanos", Long.toString(timeNanos));
        gen.writeStringField("monotonicStartNanos", Long.toString(mono(timeNanos)));
        String version = TefEventWriter.class.getPackage().getImplementationVersion();
        gen.writeStringField("jstraceVersion", version != null ? version : "dev");
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /** A {@code process_name} or {@code thread_name} metadata event. */
    void metadata(String kind, int pid, int tid, String name) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName(PH);
        gen.writeString(M);
        gen.writeFieldName(NAME);
        gen.writeString(kind);
        ids(pid, tid);
        gen.writeFieldName(ARGS);
        gen.writeStartObject();
        gen.writeFieldName(NAME);
        gen.writeString(name);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /**
     * One side of a fork-to-child arrow as a v1 flow event ({@code s} or {@code f}), at
     * {@code at} inside a slice: a v2 bind_id cannot carry two flows on one slice.
     */
    void flowEnd(char phase, long id, int pid, int tid, long at) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName(PH);
        gen.writeString(phase == 's' ? "s" : "f");
        gen.writeFieldName(CAT);
        gen.writeString(PROCESS);
        gen.writeFieldName(NAME);
        gen.writeString(FORK);
        gen.writeFieldName(ID);
        gen.writeNumber(id);
        ids(pid, tid);
        gen.writeFieldName(TS);
        ts(at);
        if (phase == 'f') {
            gen.writeFieldName(BIND_POINT); // bind to the enclosing slice, not the next one
            gen.writeString(E);
        }
        gen.writeEndObject();
    }
}
