package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoFields.*;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Perfetto sink's packet plumbing: frames each TracePacket on its own
 * ({@code Trace.packet}) on our one packet sequence, and keeps the sequence's
 * interning state (event names, categories, debug-annotation names), writing
 * each new entry into the packet that first uses it.
 */
final class PerfettoPackets {
    /** Our one packet sequence; any non-zero id works for a file written by one writer. */
    static final int SEQUENCE_ID = 1;
    private static final String[] FIXED_ANNOTATIONS = {
        "strace", "result", "errno", "unfinished", "real_pid", "real_tid", "signo", "siginfo", "status", "detail"};
    /** Interned ids of {@link #FIXED_ANNOTATIONS}, in order. */
    static final int A_STRACE = 1, A_RESULT = 2, A_ERRNO = 3, A_UNFINISHED = 4, A_REAL_PID = 5,
            A_REAL_TID = 6, A_SIGNO = 7, A_SIGINFO = 8, A_STATUS = 9, A_DETAIL = 10;
    private static final String[] CATEGORIES = {"syscall", "signal", "process"};
    /** Interned ids of the event categories. */
    static final int C_SYSCALL = 1, C_SIGNAL = 2, C_PROCESS = 3;

    private final OutputStream out;
    private final ProtoWriter pw = new ProtoWriter();
    private final Map<String, Long> eventNameIids = new HashMap<>();
    /** Interned annotation names arg0, arg1, ...; index i holds argI's iid. */
    private final List<Long> argIids = new ArrayList<>();
    private long nextAnnotationIid = FIXED_ANNOTATIONS.length + 1;
    private int annotationToken;

    /** Starts the sequence on {@code out} (which should be buffered) with its first packet. */
    PerfettoPackets(OutputStream out) throws IOException {
        this.out = out;
        writeFirstPacket();
    }

    /** The encoder the current packet is being written into. */
    ProtoWriter writer() {
        return pw;
    }

    /** Flushes, and closes the stream when {@code close}. */
    void finish(boolean close) throws IOException {
        out.flush();
        if (close) {
            out.close();
        }
    }

    /** A debug annotation {@code argI} with the argument's strace text. */
    void argAnnotation(int i, String text) {
        annotationIid(argIids.get(i));
        pw.string(ANNOTATION_STRING_VALUE, text);
        pw.endNested(annotationToken);
    }

    /** Starts a packet on our sequence; {@code time < 0} writes no timestamp. */
    int beginPacket(long time, boolean usesInterning) {
        pw.reset();
        int packet = pw.beginNested(TRACE_PACKET);
        pw.varint(PACKET_TRUSTED_PACKET_SEQUENCE_ID, SEQUENCE_ID);
        if (time >= 0) {
            pw.varint(PACKET_TIMESTAMP, time);
        }
        if (usesInterning) {
            pw.varint(PACKET_SEQUENCE_FLAGS, SEQ_NEEDS_INCREMENTAL_STATE);
        }
        return packet;
    }

    void endPacket(int packet) throws IOException {
        pw.endNested(packet);
        pw.writeTo(out);
    }

    /**
     * Interns what this event needs and is new (the event name, the names
     * arg0..arg(argCount-1)) in one InternedData of the current packet (a
     * packet must carry at most one: readers keep only the last), then opens
     * the TrackEvent.
     */
    int beginEvent(int type, long track, String name, int category, int argCount) {
        Long iid = eventNameIids.get(name);
        boolean newName = iid == null;
        if (newName || argIids.size() < argCount) {
            int interned = pw.beginNested(PACKET_INTERNED_DATA);
            if (newName) {
                iid = (long) eventNameIids.size() + 1;
                eventNameIids.put(name, iid);
                internedEntry(INTERNED_EVENT_NAMES, iid, name);
            }
            while (argIids.size() < argCount) {
                long argIid = nextAnnotationIid++;
                internedEntry(INTERNED_DEBUG_ANNOTATION_NAMES, argIid, "arg" + argIids.size());
                argIids.add(argIid);
            }
            pw.endNested(interned);
        }
        int ev = pw.beginNested(PACKET_TRACK_EVENT);
        pw.varint(EVENT_TYPE, type);
        pw.varint(EVENT_TRACK_UUID, track);
        pw.varint(EVENT_NAME_IID, iid);
        pw.varint(EVENT_CATEGORY_IIDS, category);
        return ev;
    }

    void endEvent(int ev, int packet) throws IOException {
        pw.endNested(ev);
        endPacket(packet);
    }

    private void annotationIid(long nameIid) {
        annotationToken = pw.beginNested(EVENT_DEBUG_ANNOTATIONS);
        pw.varint(ANNOTATION_NAME_IID, nameIid);
    }

    void annotation(int nameIid, String value) {
        annotationIid(nameIid);
        pw.string(ANNOTATION_STRING_VALUE, value);
        pw.endNested(annotationToken);
    }

    void annotation(int nameIid, long value) {
        annotationIid(nameIid);
        pw.varint(ANNOTATION_INT_VALUE, value);
        pw.endNested(annotationToken);
    }

    void annotation(int nameIid, boolean value) {
        annotationIid(nameIid);
        pw.bool(ANNOTATION_BOOL_VALUE, value);
        pw.endNested(annotationToken);
    }

    private void internedEntry(int field, long iid, String name) {
        int entry = pw.beginNested(field);
        pw.varint(INTERNED_IID, iid);
        pw.string(INTERNED_NAME, name);
        pw.endNested(entry);
    }

    /**
     * The sequence's first packet: clears incremental state, declares the
     * clocks, and interns the fixed categories and annotation names.
     */
    private void writeFirstPacket() throws IOException {
        pw.reset();
        int packet = pw.beginNested(TRACE_PACKET);
        pw.varint(PACKET_TRUSTED_PACKET_SEQUENCE_ID, SEQUENCE_ID);
        pw.varint(PACKET_SEQUENCE_FLAGS, SEQ_INCREMENTAL_STATE_CLEARED);
        Instant now = Instant.now();
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        int snapshot = pw.beginNested(PACKET_CLOCK_SNAPSHOT);
        for (int clock : new int[] {BUILTIN_CLOCK_BOOTTIME, BUILTIN_CLOCK_REALTIME}) {
            int c = pw.beginNested(CLOCK_SNAPSHOT_CLOCKS);
            pw.varint(CLOCK_CLOCK_ID, clock);
            pw.varint(CLOCK_TIMESTAMP, nowNanos); // equal: our trace-clock values are epoch-anchored
            pw.endNested(c);
        }
        pw.endNested(snapshot);
        int interned = pw.beginNested(PACKET_INTERNED_DATA);
        for (int i = 0; i < CATEGORIES.length; i++) {
            internedEntry(INTERNED_EVENT_CATEGORIES, i + 1, CATEGORIES[i]);
        }
        for (int i = 0; i < FIXED_ANNOTATIONS.length; i++) {
            internedEntry(INTERNED_DEBUG_ANNOTATION_NAMES, i + 1, FIXED_ANNOTATIONS[i]);
        }
        pw.endNested(interned);
        endPacket(packet);
    }
}
