package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict reader and checker for the Trace Event Format files the TEF sink
 * writes: strict UTF-8, strict JSON (duplicate keys rejected), and the rules
 * Perfetto's and catapult's importers rely on. Numbers are kept as
 * BigDecimal so that timestamp checks are exact.
 */
final class TefValidator {
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TefValidator() {}

    /** Parses and validates; returns the root object. */
    static Map<String, Object> validate(byte[] file) throws IOException {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file));
        } catch (CharacterCodingException e) {
            fail("not strict UTF-8: " + e);
        }
        Object root;
        try (JsonParser p = STRICT.createParser(file)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), "object form");
            root = read(p);
            assertNull(p.nextToken(), "nothing after the root object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> obj = (Map<String, Object>) root;
        List<Map<String, Object>> events = events(obj);
        checkEvents(events);
        return obj;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Map<String, Object> root) {
        Object te = root.get("traceEvents");
        assertInstanceOf(List.class, te, "traceEvents is an array");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) te) {
            assertInstanceOf(Map.class, o, "every trace event is an object");
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    private static void checkEvents(List<Map<String, Object>> events) {
        Set<Long> namedPids = new HashSet<>();
        Set<Long> namedTids = new HashSet<>();
        Set<Long> usedPids = new HashSet<>();
        Set<Long> usedTids = new HashSet<>();
        Map<Long, List<long[]>> slicesByTid = new HashMap<>();
        Map<Long, Map<String, Object>> flowStarts = new HashMap<>();
        Map<Long, Map<String, Object>> flowEnds = new HashMap<>();
        for (Map<String, Object> e : events) {
            String ph = string(e, "ph");
            long pid = integer(e, "pid");
            long tid = integer(e, "tid");
            switch (ph) {
                case "M" -> {
                    String name = string(e, "name");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> args = (Map<String, Object>) e.get("args");
                    assertNotNull(args, "metadata has args");
                    assertTrue(!string(args, "name").isEmpty(), "metadata names something");
                    if (name.equals("process_name")) {
                        namedPids.add(pid);
                    } else if (name.equals("thread_name")) {
                        namedTids.add(tid);
                    }
                }
                case "X" -> {
                    string(e, "name");
                    long ts = nanos(e, "ts");
                    long dur = nanos(e, "dur");
                    assertTrue(dur >= 0, "dur >= 0: " + e);
                    slicesByTid.computeIfAbsent(tid, k -> new ArrayList<>()).add(new long[] {ts, ts + dur});
                    usedPids.add(pid);
                    usedTids.add(tid);
                }
                case "i" -> {
                    string(e, "name");
                    nanos(e, "ts");
                    String scope = string(e, "s");
                    assertTrue(scope.equals("t") || scope.equals("p") || scope.equals("g"), "instant scope: " + e);
                    usedPids.add(pid);
                    usedTids.add(tid);
                }
                case "s", "f" -> {
                    long id = integer(e, "id");
                    nanos(e, "ts");
                    Map<Long, Map<String, Object>> side = ph.equals("s") ? flowStarts : flowEnds;
                    assertNull(side.put(id, e), "flow id used once per side: " + id);
                    if (ph.equals("f")) {
                        assertEquals("e", string(e, "bp"), "flow ends bind to their enclosing slice");
                    }
                }
                default -> fail("unexpected phase " + ph);
            }
        }
        for (Map.Entry<Long, List<long[]>> entry : slicesByTid.entrySet()) {
            List<long[]> slices = entry.getValue();
            slices.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
            for (int i = 1; i < slices.size(); i++) {
                long[] prev = slices.get(i - 1);
                long[] cur = slices.get(i);
                boolean disjoint = cur[0] >= prev[1];
                boolean nested = cur[1] <= prev[1];
                assertTrue(disjoint || nested, "slices on tid " + entry.getKey() + " overlap without nesting: ["
                        + prev[0] + "," + prev[1] + ") and [" + cur[0] + "," + cur[1] + ")");
            }
        }
        for (long pid : usedPids) {
            assertTrue(namedPids.contains(pid), "pid " + pid + " has process_name metadata");
        }
        for (long tid : usedTids) {
            assertTrue(namedTids.contains(tid), "tid " + tid + " has thread_name metadata");
        }
        assertEquals(flowStarts.keySet(), flowEnds.keySet(), "every flow start has an end and vice versa");
        for (long id : flowStarts.keySet()) {
            Map<String, Object> s = flowStarts.get(id);
            Map<String, Object> f = flowEnds.get(id);
            assertEquals(s.get("cat"), f.get("cat"), "flow halves share cat");
            assertEquals(s.get("name"), f.get("name"), "flow halves share name");
            assertTrue(nanos(s, "ts") <= nanos(f, "ts"), "flow " + id + " goes forward in time");
            assertTrue(inside(slicesByTid.get(integer(s, "tid")), nanos(s, "ts")), "flow start inside a slice");
            assertTrue(inside(slicesByTid.get(integer(f, "tid")), nanos(f, "ts")), "flow end inside a slice");
        }
    }

    private static boolean inside(List<long[]> slices, long t) {
        if (slices == null) {
            return false;
        }
        for (long[] s : slices) {
            if (s[0] <= t && t <= s[1]) {
                return true;
            }
        }
        return false;
    }

    static String string(Map<String, Object> e, String key) {
        Object v = e.get(key);
        assertInstanceOf(String.class, v, key + " is a string in " + e);
        return (String) v;
    }

    static long integer(Map<String, Object> e, String key) {
        Object v = e.get(key);
        assertInstanceOf(BigDecimal.class, v, key + " is a number in " + e);
        return ((BigDecimal) v).longValueExact();
    }

    /** A microsecond field, exactly, in nanoseconds. */
    static long nanos(Map<String, Object> e, String key) {
        Object v = e.get(key);
        assertInstanceOf(BigDecimal.class, v, key + " is a number in " + e);
        return ((BigDecimal) v).movePointRight(3).longValueExact();
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, read(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected token " + t);
        }
    }
}
