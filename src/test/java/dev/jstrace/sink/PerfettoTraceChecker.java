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
 * processor relies on: one packet sequence whose first packet clears
 * incremental state, every interned id defined before (or in) the packet
 * that uses it, tracks described before use, thread tracks under their
 * process's track, counter tracks under a process, and every slice begun and
 * ended on its own track. Field numbers are transcribed here independently of
 * the sink's {@code PerfettoFields}, from the same protos.
 */
final class PerfettoTraceChecker {
    /** A described track: the latest descriptor wins (a rename re-describes it). */
    record Track(long uuid, long parent, Integer pid, Integer tid, String name, boolean counter) {}

    /** A track event with its packet timestamp, resolved names and annotations. */
    record Event(long ts, int type, long track, String name, String category, Map<String, Object> args,
                 List<Long> flowIds, List<Long> terminatingFlowIds, Long counterValue) {}

    /** A matched begin/end pair. */
    record Slice(long track, String name, long start, long end, Map<String, Object> args) {}

    final Map<Long, Track> tracks = new LinkedHashMap<>();
    /** Every process name a process track has had, in order. */
    final Map<Long, List<String>> processNames = new HashMap<>();
    final List<Event> events = new ArrayList<>();
    final List<Slice> slices = new ArrayList<>();
    int packetCount;

    /** Decodes and checks the whole file; {@code expectComplete} also demands matched slices and no cut packet. */
    static PerfettoTraceChecker check(byte[] file, boolean expectComplete) {
        ProtoReader.Packets packets = ProtoReader.packets(file);
        if (expectComplete) {
            assertFalse(packets.truncated(), "the file ends on a packet boundary");
        }
        PerfettoTraceChecker c = new PerfettoTraceChecker();
        Map<Long, String> eventNames = new HashMap<>();
        Map<Long, String> annotationNames = new HashMap<>();
        Map<Long, String> categories = new HashMap<>();
        for (byte[] raw : packets.complete()) {
            Msg p = Msg.parse(raw);
            int index = c.packetCount++;
            assertEquals(1, p.varint(10), "trusted_packet_sequence_id (10) on every packet");
            if (index == 0) {
                assertEquals(1, p.varint(13) & 1, "first packet: sequence_flags (13) SEQ_INCREMENTAL_STATE_CLEARED");
                Set<Long> clocks = new HashSet<>();
                for (Msg clock : p.message(6).messages(1)) { // clock_snapshot (6).clocks (1)
                    clocks.add(clock.varint(1)); // clock_id (1)
                    assertTrue(clock.varint(2) > 0, "clock timestamp (2)");
                }
                assertEquals(Set.of(6L, 1L), clocks, "BOOTTIME (6) and REALTIME (1) in the snapshot");
            }
            assertTrue(p.all(12).size() <= 1, "at most one interned_data (12) per packet: readers keep the last");
            if (p.has(12)) {
                Msg interned = p.message(12);
                define(categories, interned.messages(1), "event_categories (1)");
                define(eventNames, interned.messages(2), "event_names (2)");
                define(annotationNames, interned.messages(3), "debug_annotation_names (3)");
            }
            if (p.has(60)) { // track_descriptor
                c.describe(p.message(60));
            }
            if (p.has(11)) { // track_event
                assertTrue(p.has(8), "track events carry a timestamp (8)");
                c.events.add(c.event(p, p.message(11), eventNames, annotationNames, categories));
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
            Track old = tracks.put(uuid, new Track(uuid, 0, (int) proc.varint(1), null, name, false)); // pid (1)
            assertTrue(old == null || old.pid().equals((int) proc.varint(1)), "a process track keeps its pid");
        } else if (d.has(4)) { // thread (4)
            Msg th = d.message(4);
            Track proc = tracks.get(parent);
            assertNotNull(proc, "a thread track's parent (5) is described before it");
            assertNotNull(proc.pid(), "a thread track's parent is a process track");
            assertEquals(proc.pid().longValue(), th.varint(1), "thread pid (1) matches its process track");
            tracks.put(uuid, new Track(uuid, parent, (int) th.varint(1), (int) th.varint(2), th.string(5), false));
        } else {
            assertTrue(d.has(8), "a track is a process, thread or counter track: " + d); // counter (8)
            Track proc = tracks.get(parent);
            assertNotNull(proc, "a counter track's parent is described before it");
            assertTrue(proc.pid() != null && proc.tid() == null, "counter tracks hang under a process");
            assertTrue(d.message(8).has(3), "the counter declares its unit (3)");
            assertNull(tracks.put(uuid, new Track(uuid, parent, null, null, d.string(2), true)), "described once");
        }
    }

    private Event event(Msg packet, Msg e, Map<Long, String> names, Map<Long, String> annotationNames,
                        Map<Long, String> categories) {
        int type = (int) e.varint(9); // type (9)
        long track = e.varint(11); // track_uuid (11)
        Track t = tracks.get(track);
        assertNotNull(t, "track " + track + " described before its first event");
        assertEquals(t.counter(), type == 4, "counter events (TYPE_COUNTER=4) exactly on counter tracks");
        String name = null;
        String category = null;
        Map<String, Object> args = new LinkedHashMap<>();
        if (type == 1 || type == 3) { // TYPE_SLICE_BEGIN, TYPE_INSTANT
            assertEquals(2, packet.varint(13) & 2, "packets using interned data say SEQ_NEEDS_INCREMENTAL_STATE");
            name = names.get(e.varint(10)); // name_iid (10)
            assertNotNull(name, "name_iid defined earlier on the sequence");
            category = categories.get(e.varint(3)); // category_iids (3)
            assertNotNull(category, "category_iid defined earlier on the sequence");
            for (Msg a : e.messages(4)) { // debug_annotations (4)
                String key = annotationNames.get(a.varint(1)); // name_iid (1)
                assertNotNull(key, "debug annotation name_iid defined earlier on the sequence");
                Object value = a.has(6) ? a.string(6) : a.has(4) ? (Object) a.varint(4) : (Object) (a.varint(2) != 0);
                assertNull(args.put(key, value), "annotation " + key + " given once");
            }
        }
        List<Long> flows = e.all(47).stream().map(Field::value).toList(); // flow_ids (47, fixed64)
        List<Long> terminating = e.all(48).stream().map(Field::value).toList(); // terminating_flow_ids (48)
        assertTrue(e.all(47).stream().allMatch(f -> f.wireType() == 1), "flow_ids are fixed64");
        Long value = type == 4 ? e.varint(30) : null; // counter_value (30)
        return new Event(packet.varint(8), type, track, name, category, args, flows, terminating, value);
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
                    slices.add(new Slice(e.track(), begin.name(), begin.ts(), e.ts(), begin.args()));
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
