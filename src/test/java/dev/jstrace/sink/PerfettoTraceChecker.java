package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.sink.ProtoReader.Field;
import dev.jstrace.sink.ProtoReader.Msg;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a Perfetto trace written by the sink and checks what trace
 * processor relies on: a first packet with a ClockSnapshot of MONOTONIC,
 * BOOTTIME and REALTIME; packet sequences of our own (never the service's
 * id 1), each opening with a packet that clears incremental state, needs it,
 * and declares MONOTONIC the default clock, with every later packet needing
 * it and no packet going back in time on its sequence; every interned id
 * defined earlier on its own sequence; tracks described before use, thread
 * tracks under their process's track, counter tracks under a process, and
 * every slice begun and ended on its own track. Field numbers are transcribed
 * here independently of the sink's {@code PerfettoFields}, from the same protos.
 */
final class PerfettoTraceChecker {
    /** A described track: the latest descriptor wins (a rename re-describes it). */
    record Track(long uuid, long parent, Integer pid, Integer tid, String name, boolean counter) {}

    /** A track event with its packet timestamp, sequence, resolved names and annotations. */
    record Event(long ts, int type, long track, String name, String category, Map<String, Object> args,
                 List<Long> flowIds, List<Long> terminatingFlowIds, Long counterValue, long sequence) {}

    /** A matched begin/end pair; {@code args} holds both ends' annotations. */
    record Slice(long track, String name, long start, long end, Map<String, Object> args) {}

    /** A {@code pointer_value} annotation (shown in hex by the UI). */
    record Pointer(long value) {}

    /** A {@code uint_value} annotation. */
    record Unsigned(long value) {}

    /** One sequence's interning state. */
    private static final class Sequence {
        final Map<Long, String> eventNames = new HashMap<>();
        final Map<Long, String> annotationNames = new HashMap<>();
        final Map<Long, String> categories = new HashMap<>();
        long lastTs = Long.MIN_VALUE;
    }

    final Map<Long, Track> tracks = new LinkedHashMap<>();
    /** Every process name a process track has had, in order. */
    final Map<Long, List<String>> processNames = new HashMap<>();
    /** Every name a thread (by tid) has had, in order. */
    final Map<Integer, List<String>> threadNameHistory = new HashMap<>();
    /** The cmdline of each process track's latest descriptor. */
    final Map<Long, List<String>> cmdlines = new HashMap<>();
    final List<Event> events = new ArrayList<>();
    final List<Slice> slices = new ArrayList<>();
    /** The clock snapshot: clock id to reading. */
    final Map<Long, Long> clocks = new HashMap<>();
    /** The sequence ids in first-use order; the snapshot's first. */
    final List<Long> sequenceIds = new ArrayList<>();
    int packetCount;

    /** Decodes and checks the whole file; {@code expectComplete} also demands matched slices and no cut packet. */
    static PerfettoTraceChecker check(byte[] file, boolean expectComplete) {
        ProtoReader.Packets packets = ProtoReader.packets(file);
        if (expectComplete) {
            assertFalse(packets.truncated(), "the file ends on a packet boundary");
        }
        PerfettoTraceChecker c = new PerfettoTraceChecker();
        Map<Long, Sequence> sequences = new HashMap<>();
        for (byte[] raw : packets.complete()) {
            Msg p = Msg.parse(raw);
            int index = c.packetCount++;
            long seqId = p.varint(10); // trusted_packet_sequence_id (10) on every packet
            assertTrue(seqId > 1, "a sequence id of our own, not 0 or the service's 1: " + seqId);
            if (index == 0) {
                for (Msg clock : p.message(6).messages(1)) { // clock_snapshot (6).clocks (1)
                    assertTrue(clock.varint(2) > 0, "clock timestamp (2)");
                    c.clocks.put(clock.varint(1), clock.varint(2)); // clock_id (1)
                }
                assertEquals(Set.of(1L, 3L, 6L), c.clocks.keySet(), "REALTIME, MONOTONIC and BOOTTIME in the snapshot");
                c.sequenceIds.add(seqId);
                continue;
            }
            assertFalse(p.has(6), "one clock snapshot, first");
            Sequence seq = sequences.get(seqId);
            if (seq == null) {
                assertFalse(c.sequenceIds.contains(seqId), "the snapshot's id is not reused for a thread");
                seq = new Sequence();
                sequences.put(seqId, seq);
                c.sequenceIds.add(seqId);
                assertEquals(3, p.varint(13), "a sequence opens with SEQ_INCREMENTAL_STATE_CLEARED|NEEDS (13)");
                assertEquals(3, p.message(59).varint(58), "trace_packet_defaults (59) timestamp_clock_id (58) MONOTONIC");
                assertEquals(3, p.varint(58), "the opening packet's own timestamp_clock_id (58)");
                assertEquals(1, p.varint(87), "first_packet_on_sequence (87)");
            } else {
                assertEquals(2, p.varint(13), "later packets say SEQ_NEEDS_INCREMENTAL_STATE (13)");
                assertFalse(p.has(59), "defaults only in the opening packet");
            }
            assertTrue(p.has(8), "every packet on a thread's sequence has a timestamp (8)");
            long ts = p.varint(8);
            assertTrue(ts >= seq.lastTs, "packet " + index + " goes back in time on sequence " + seqId);
            seq.lastTs = ts;
            assertTrue(p.all(12).size() <= 1, "at most one interned_data (12) per packet: readers keep the last");
            if (p.has(12)) {
                Msg interned = p.message(12);
                define(seq.categories, interned.messages(1), "event_categories (1)");
                define(seq.eventNames, interned.messages(2), "event_names (2)");
                define(seq.annotationNames, interned.messages(3), "debug_annotation_names (3)");
            }
            if (p.has(60)) { // track_descriptor
                c.describe(p.message(60));
            }
            if (p.has(11)) { // track_event
                c.events.add(c.event(p, p.message(11), seq, seqId));
            }
        }
        c.matchSlices(expectComplete);
        c.checkFlows(expectComplete);
        return c;
    }

    private static void define(Map<Long, String> index, List<Msg> entries, String what) {
        for (Msg e : entries) {
            long iid = e.varint(1); // iid (1)
            String name = e.string(2); // name (2)
            assertTrue(iid != 0, what + ": iid 0 is invalid");
            String old = index.put(iid, name);
            assertTrue(old == null || old.equals(name), what + ": iid " + iid + " redefined");
        }
    }

    private void describe(Msg d) {
        long uuid = d.varint(1); // uuid (1)
        long parent = d.has(5) ? d.varint(5) : 0; // parent_uuid (5)
        if (d.has(3)) { // process (3)
            Msg proc = d.message(3);
            String name = proc.string(6); // process_name (6)
            processNames.computeIfAbsent(uuid, k -> new ArrayList<>()).add(name);
            cmdlines.put(uuid, proc.all(2).stream().map(Field::string).toList()); // cmdline (2), repeated
            Track old = tracks.put(uuid, new Track(uuid, 0, (int) proc.varint(1), null, name, false)); // pid (1)
            assertTrue(old == null || old.pid().equals((int) proc.varint(1)), "a process track keeps its pid");
        } else if (d.has(4)) { // thread (4)
            Msg th = d.message(4);
            Track proc = tracks.get(parent);
            assertNotNull(proc, "a thread track's parent (5) is described before it");
            assertNotNull(proc.pid(), "a thread track's parent is a process track");
            assertEquals(proc.pid().longValue(), th.varint(1), "thread pid (1) matches its process track");
            tracks.put(uuid, new Track(uuid, parent, (int) th.varint(1), (int) th.varint(2), th.string(5), false));
            threadNameHistory.computeIfAbsent((int) th.varint(2), k -> new ArrayList<>()).add(th.string(5));
        } else {
            assertTrue(d.has(8), "a track is a process, thread or counter track: " + d); // counter (8)
            Track proc = tracks.get(parent);
            assertNotNull(proc, "a counter track's parent is described before it");
            assertTrue(proc.pid() != null && proc.tid() == null, "counter tracks hang under a process");
            assertTrue(d.message(8).has(3), "the counter declares its unit (3)");
            assertNull(tracks.put(uuid, new Track(uuid, parent, null, null, d.string(2), true)), "described once");
        }
    }

    private Event event(Msg packet, Msg e, Sequence seq, long seqId) {
        int type = (int) e.varint(9); // type (9)
        long track = e.varint(11); // track_uuid (11)
        Track t = tracks.get(track);
        assertNotNull(t, "track " + track + " described before its first event");
        assertEquals(t.counter(), type == 4, "counter events (TYPE_COUNTER=4) exactly on counter tracks");
        String name = null;
        String category = null;
        Map<String, Object> args = new LinkedHashMap<>();
        if (type == 1 || type == 3) { // TYPE_SLICE_BEGIN, TYPE_INSTANT
            name = seq.eventNames.get(e.varint(10)); // name_iid (10)
            assertNotNull(name, "name_iid defined earlier on the sequence");
            category = seq.categories.get(e.varint(3)); // category_iids (3)
            assertNotNull(category, "category_iid defined earlier on the sequence");
        }
        for (Msg a : e.messages(4)) { // debug_annotations (4)
            String key = seq.annotationNames.get(a.varint(1)); // name_iid (1)
            assertNotNull(key, "debug annotation name_iid defined earlier on the sequence");
            assertNull(args.put(key, annotationValue(a)), "annotation " + key + " given once");
        }
        List<Long> flows = e.all(47).stream().map(Field::value).toList(); // flow_ids (47, fixed64)
        List<Long> terminating = e.all(48).stream().map(Field::value).toList(); // terminating_flow_ids (48)
        assertTrue(e.all(47).stream().allMatch(f -> f.wireType() == 1), "flow_ids are fixed64");
        assertTrue(e.all(48).stream().allMatch(f -> f.wireType() == 1), "terminating_flow_ids are fixed64");
        Long value = type == 4 ? e.varint(30) : null; // counter_value (30)
        return new Event(packet.varint(8), type, track, name, category, args, flows, terminating, value, seqId);
    }

    /** A DebugAnnotation's value: String, Long (int), Unsigned, Pointer, Boolean, or a nested Map/List. */
    private static Object annotationValue(Msg a) {
        if (a.has(6)) return a.string(6); // string_value
        if (a.has(4)) return a.varint(4); // int_value
        if (a.has(3)) return new Unsigned(a.varint(3)); // uint_value
        if (a.has(7)) return new Pointer(a.varint(7)); // pointer_value
        if (a.has(2)) return a.varint(2) != 0; // bool_value
        assertTrue(a.has(8), "an annotation has a value: " + a);
        return nested(a.message(8)); // nested_value
    }

    /** A NestedValue: DICT (1) keys (2) values (3), ARRAY (2) values (4), or a leaf int (5) / bool (7) / string (8). */
    private static Object nested(Msg n) {
        long type = n.has(1) ? n.varint(1) : 0;
        if (type == 1) {
            List<String> keys = n.all(2).stream().map(Field::string).toList();
            List<Msg> values = n.messages(3);
            assertEquals(keys.size(), values.size(), "a dict has a value per key");
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                assertNull(m.put(keys.get(i), nested(values.get(i))), "dict key " + keys.get(i) + " once");
            }
            return m;
        }
        if (type == 2) {
            return n.messages(4).stream().map(PerfettoTraceChecker::nested).toList();
        }
        if (n.has(5)) return n.varint(5);
        if (n.has(7)) return n.varint(7) != 0;
        assertTrue(n.has(8), "a nested leaf has a value: " + n);
        return n.string(8);
    }

    private void matchSlices(boolean expectComplete) {
        Map<Long, List<Event>> byTrack = new HashMap<>();
        for (Event e : events) {
            if (e.type() == 1 || e.type() == 2) {
                byTrack.computeIfAbsent(e.track(), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<Event> list : byTrack.values()) {
            // Trace processor sorts by timestamp; a stable sort keeps a zero-length slice's begin before its end.
            List<Event> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingLong(Event::ts));
            Deque<Event> open = new ArrayDeque<>();
            for (Event e : sorted) {
                if (e.type() == 1) {
                    open.push(e);
                } else {
                    Event begin = open.poll();
                    assertNotNull(begin, "slice end without a begin on track " + e.track());
                    Map<String, Object> args = new LinkedHashMap<>(begin.args());
                    args.putAll(e.args()); // the importer merges both ends' annotations
                    slices.add(new Slice(e.track(), begin.name(), begin.ts(), e.ts(), args));
                }
            }
            if (expectComplete) {
                assertTrue(open.isEmpty(), "every slice ends on its track");
            }
            assertTrue(open.size() <= 1, "at most the last slice of a track is cut off");
        }
    }

    private void checkFlows(boolean expectComplete) {
        Map<Long, Event> sources = new HashMap<>();
        Map<Long, Event> sinks = new HashMap<>();
        for (Event e : events) {
            if (!e.flowIds().isEmpty() || !e.terminatingFlowIds().isEmpty()) {
                assertEquals(1, e.type(), "flows hang on the slices they connect (TYPE_SLICE_BEGIN): " + e);
            }
            e.flowIds().forEach(id -> assertNull(sources.put(id, e), "flow " + id + " leaves once"));
            e.terminatingFlowIds().forEach(id -> assertNull(sinks.put(id, e), "flow " + id + " arrives once"));
        }
        if (expectComplete) {
            assertEquals(sources.keySet(), sinks.keySet(), "every flow leaves and arrives");
        }
        for (long id : sinks.keySet()) {
            Event from = sources.get(id);
            if (from != null) {
                assertTrue(from.ts() <= sinks.get(id).ts(), "flow " + id + " goes forward in time");
            }
        }
    }

    /** The counter track of this process track with this name. */
    long counterTrack(long processTrack, String name) {
        return tracks.values().stream()
                .filter(t -> t.counter() && t.parent() == processTrack && t.name().equals(name))
                .findFirst().orElseThrow().uuid();
    }

    /** A counter's values in timestamp order. */
    List<Long> counterValues(long track) {
        return events.stream().filter(e -> e.track() == track && e.type() == 4)
                .sorted(Comparator.comparingLong(Event::ts)).map(Event::counterValue).toList();
    }

    /** The process tracks with this pid, in description order. */
    List<Track> processTracks(int pid) {
        return tracks.values().stream().filter(t -> !t.counter() && t.tid() == null && t.pid() == pid).toList();
    }
}
