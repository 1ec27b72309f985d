package dev.jstrace.sink;

import static dev.jstrace.sink.PerfettoFields.*;

import dev.jstrace.decode.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One packet sequence of a Perfetto file (one per traced thread): its
 * {@code trusted_packet_sequence_id}, its interning state (event names,
 * categories, debug-annotation names), and the latest timestamp written, so
 * that its packets never go back in time.
 *
 * <p>The first packet clears incremental state and says it needs it
 * ({@code SEQ_INCREMENTAL_STATE_CLEARED | SEQ_NEEDS_INCREMENTAL_STATE}),
 * declares CLOCK_MONOTONIC the default timestamp clock
 * ({@code TracePacketDefaults}) and interns the fixed names; every later
 * packet says {@code SEQ_NEEDS_INCREMENTAL_STATE}, since all of them rely on
 * the defaults.
 */
final class PerfettoSequence {
    private static final String[] FIXED_ANNOTATIONS = {
        "strace", "result", "errno", "unfinished", "real_pid", "real_tid", "signo", "siginfo", "status", "detail",
        "ended_by"};
    /** Interned ids of {@link #FIXED_ANNOTATIONS}, in order. */
    static final int A_STRACE = 1, A_RESULT = 2, A_ERRNO = 3, A_UNFINISHED = 4, A_REAL_PID = 5,
            A_REAL_TID = 6, A_SIGNO = 7, A_SIGINFO = 8, A_STATUS = 9, A_DETAIL = 10, A_ENDED_BY = 11;
    private static final String[] CATEGORIES = {"syscall", "signal", "process"};
    /** Interned ids of the event categories. */
    static final int C_SYSCALL = 1, C_SIGNAL = 2, C_PROCESS = 3;

    private final PerfettoPackets file;
    private final ProtoWriter pw;
    private final int id;
    private final Map<String, Long> eventNameIids = new HashMap<>();
    /** Interned annotation names arg0, arg1, ...; index i holds argI's iid. */
    private final List<Long> argIids = new ArrayList<>();
    private long nextAnnotationIid = FIXED_ANNOTATIONS.length + 1;
    private boolean started;
    private long lastTime;
    private int annotationToken;

    PerfettoSequence(PerfettoPackets file, int id) {
        this.file = file;
        this.pw = file.writer();
        this.id = id;
    }

    /** This sequence's {@code trusted_packet_sequence_id}. */
    int id() {
        return id;
    }

    /**
     * Starts a packet at {@code time} (CLOCK_MONOTONIC nanoseconds), or at
     * this sequence's latest time when {@code time} is earlier; the first call
     * writes the sequence's opening packet before it.
     */
    int beginPacket(long time) throws IOException {
        long at = Math.max(time, lastTime);
        if (!started) {
            started = true;
            writeFirstPacket(at);
        }
        lastTime = at;
        pw.reset();
        int packet = pw.beginNested(TRACE_PACKET);
        pw.varint(PACKET_TRUSTED_PACKET_SEQUENCE_ID, id);
        pw.varint(PACKET_TIMESTAMP, at);
        pw.varint(PACKET_SEQUENCE_FLAGS, SEQ_NEEDS_INCREMENTAL_STATE);
        return packet;
    }

    void endPacket(int packet) throws IOException {
        file.endPacket(packet);
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

    /** Opens an unnamed TrackEvent (slice ends, counters). */
    int beginPlainEvent(int type, long track) {
        int ev = pw.beginNested(PACKET_TRACK_EVENT);
        pw.varint(EVENT_TYPE, type);
        pw.varint(EVENT_TRACK_UUID, track);
        return ev;
    }

    void endEvent(int ev, int packet) throws IOException {
        pw.endNested(ev);
        endPacket(packet);
    }

    /** A debug annotation {@code argI} holding the decoded value, typed. */
    void argAnnotation(int i, Value value) {
        annotationName(argIids.get(i));
        PerfettoValues.write(pw, value);
        pw.endNested(annotationToken);
    }

    /** A debug annotation {@code argI} with the argument's strace text (no decoded value at hand). */
    void argAnnotation(int i, String text) {
        annotationName(argIids.get(i));
        pw.string(ANNOTATION_STRING_VALUE, text);
        pw.endNested(annotationToken);
    }

    void annotation(int nameIid, String value) {
        annotationName(nameIid);
        pw.string(ANNOTATION_STRING_VALUE, value);
        pw.endNested(annotationToken);
    }

    void annotation(int nameIid, long value) {
        annotationName(nameIid);
        pw.varint(ANNOTATION_INT_VALUE, value);
        pw.endNested(annotationToken);
    }

    /** An address-like number: the UI shows it in hex. */
    void pointerAnnotation(int nameIid, long value) {
        annotationName(nameIid);
        pw.varint(ANNOTATION_POINTER_VALUE, value);
        pw.endNested(annotationToken);
    }

    void annotation(int nameIid, boolean value) {
        annotationName(nameIid);
        pw.bool(ANNOTATION_BOOL_VALUE, value);
        pw.endNested(annotationToken);
    }

    private void annotationName(long nameIid) {
        annotationToken = pw.beginNested(EVENT_DEBUG_ANNOTATIONS);
        pw.varint(ANNOTATION_NAME_IID, nameIid);
    }

    private void internedEntry(int field, long iid, String name) {
        int entry = pw.beginNested(field);
        pw.varint(INTERNED_IID, iid);
        pw.string(INTERNED_NAME, name);
        pw.endNested(entry);
    }

    /** Clears and sets up incremental state: the clock default and the fixed interned names. */
    private void writeFirstPacket(long time) throws IOException {
        pw.reset();
        int packet = pw.beginNested(TRACE_PACKET);
        pw.varint(PACKET_TRUSTED_PACKET_SEQUENCE_ID, id);
        pw.varint(PACKET_TIMESTAMP, time);
        pw.varint(PACKET_TIMESTAMP_CLOCK_ID, BUILTIN_CLOCK_MONOTONIC); // the defaults below apply to later packets
        pw.varint(PACKET_SEQUENCE_FLAGS, SEQ_INCREMENTAL_STATE_CLEARED | SEQ_NEEDS_INCREMENTAL_STATE);
        pw.bool(PACKET_FIRST_PACKET_ON_SEQUENCE, true);
        int defaults = pw.beginNested(PACKET_TRACE_PACKET_DEFAULTS);
        pw.varint(DEFAULTS_TIMESTAMP_CLOCK_ID, BUILTIN_CLOCK_MONOTONIC);
        pw.endNested(defaults);
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
