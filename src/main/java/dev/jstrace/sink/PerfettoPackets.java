package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoFields.*;

import dev.jstrace.proc.TraceClock;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Perfetto sink's file: frames each TracePacket on its own
 * ({@code Trace.packet}), opens with a ClockSnapshot, and hands out packet
 * sequences, one per traced thread (as Perfetto's SDK keeps one TraceWriter
 * per thread), so that packets are in timestamp order within each sequence.
 *
 * <p>Sequence ids: the tracing service gives out ids from 1 (its own) upwards
 * when it writes a file; ours start at a random base in {@code [2^20, 2^30)}
 * so that a jstrace file concatenated with a system trace, or with another
 * jstrace file, keeps every sequence's interning apart (two files collide
 * only when their random bases come within their thread counts).
 */
final class PerfettoPackets {
    private static final int MIN_BASE = 1 << 20;
    private static final int MAX_BASE = 1 << 30;

    /** The longest the file lags the events by (when events keep coming): what a SIGKILL can lose. */
    static final long FLUSH_INTERVAL_NANOS = 100_000_000L;

    private final OutputStream out;
    private final ProtoWriter pw = new ProtoWriter();
    private long lastFlush = System.nanoTime();
    private final int baseSequenceId;
    private int sequences;

    /** Starts the file on {@code out} (which should be buffered) with the clock snapshot. */
    PerfettoPackets(OutputStream out) throws IOException {
        this.out = out;
        this.baseSequenceId = ThreadLocalRandom.current().nextInt(MIN_BASE, MAX_BASE);
        writeClockSnapshot(TraceClock.snapshot());
    }

    /** The encoder the current packet is being written into. */
    ProtoWriter writer() {
        return pw;
    }

    /** A new packet sequence with its own interning state. */
    PerfettoSequence newSequence() {
        return new PerfettoSequence(this, baseSequenceId + ++sequences);
    }

    /** Ends the packet begun at {@code token} and copies it to the file. */
    void endPacket(int token) throws IOException {
        pw.endNested(token);
        pw.writeTo(out);
        long now = System.nanoTime();
        if (now - lastFlush >= FLUSH_INTERVAL_NANOS) {
            lastFlush = now; // whole packets only reach the file, so a kill leaves a loadable prefix
            out.flush();
        }
    }

    /** Flushes, and closes the stream when {@code close}. */
    void finish(boolean close) throws IOException {
        out.flush();
        if (close) {
            out.close();
        }
    }

    /**
     * The file's first packet: MONOTONIC (our events' clock), BOOTTIME (the
     * default trace clock) and REALTIME read together, so that the importer
     * maps our times onto a system trace's and the UI can show wall time.
     * Its own timestamp is the BOOTTIME reading (in the default clock), as
     * the tracing service writes its snapshots.
     */
    private void writeClockSnapshot(TraceClock.Snapshot s) throws IOException {
        pw.reset();
        int packet = pw.beginNested(TRACE_PACKET);
        pw.varint(PACKET_TRUSTED_PACKET_SEQUENCE_ID, baseSequenceId);
        pw.varint(PACKET_TIMESTAMP, s.boottime());
        int snapshot = pw.beginNested(PACKET_CLOCK_SNAPSHOT);
        clock(BUILTIN_CLOCK_BOOTTIME, s.boottime());
        clock(BUILTIN_CLOCK_MONOTONIC, s.monotonic());
        clock(BUILTIN_CLOCK_REALTIME, s.realtime());
        pw.endNested(snapshot);
        endPacket(packet);
    }

    private void clock(int id, long value) {
        int c = pw.beginNested(CLOCK_SNAPSHOT_CLOCKS);
        pw.varint(CLOCK_CLOCK_ID, id);
        pw.varint(CLOCK_TIMESTAMP, value);
        pw.endNested(c);
    }
}
