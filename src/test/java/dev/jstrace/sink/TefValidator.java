package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * writes: strict UTF-8, strict JSON (duplicate keys rejected) for each event,
 * the bare-array framing read by the rules of Perfetto's JSON tokenizer
 * ({@code src/trace_processor/importers/json/json_trace_tokenizer.cc}: a
 * leading {@code [}, objects separated by optional commas, a closing
 * {@code ]} that a cut-off file may lack, whose last partial object is then
 * dropped), and the rules Perfetto's and catapult's importers rely on.
 * Numbers are kept as BigDecimal so that timestamp checks are exact, and no
 * integer may exceed 2^53 (JavaScript readers round it).
 */
final class TefValidator {
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final BigDecimal MAX_SAFE_INTEGER = BigDecimal.valueOf((1L << 53) - 1);

    private TefValidator() {}

    /** Parses and validates a complete file; returns {@code {"traceEvents": [...]}}. */
    static Map<String, Object> validate(byte[] file) throws IOException {
        Map<String, Object> root = read(file, true);
        checkEvents(events(root), true);
        return root;
    }

    /**
     * Reads a file that may have been cut anywhere (jstrace killed) as
     * Perfetto's tokenizer does, checks the complete events, and returns them
     * as {@code {"traceEvents": [...]}}; fails on anything the tokenizer rejects.
     */
    static Map<String, Object> validateTruncated(byte[] file) throws IOException {
        Map<String, Object> root = read(file, false);
        checkEvents(events(root), false);
        return root;
    }

    private static Map<String, Object> read(byte[] file, boolean complete) throws IOException {
        int end = file.length;
        if (!complete) {
            while (end > 0 && (file[end - 1] & 0xC0) == 0x80) {
                end--; // a cut may split a UTF-8 sequence: the tokenizer never decodes past the last event
            }
            if (end > 0 && (file[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, 0, end));
        } catch (CharacterCodingException e) {
            fail("not strict UTF-8: " + e);
        }
        List<Object> events = new ArrayList<>();
        int i = skipSpace(file, 0);
        assertTrue(i < file.length && file[i] == '[', "bare-array form: the file starts with [");
        i++;
        boolean closed = false;
        while (true) {
            i = skipSpace(file, i);
            if (i < file.length && file[i] == ',') {
                i = skipSpace(file, i + 1);
            }
            if (i >= file.length) {
                break; // cut after a whole event: the tokenizer accepts this for a bare array
            }
            if (file[i] == ']') {
                closed = true;
                assertEquals(file.length, skipSpace(file, i + 1), "nothing after the closing ]");
                break;
            }
            assertEquals('{', (char) file[i], "an event is an object, at byte " + i);
            int objectEnd = objectEnd(file, i);
            if (objectEnd < 0) {
                assertFalse(complete, "the last event is cut off");
                break; // a cut-off last event: dropped, as the tokenizer drops it
            }
            try (JsonParser p = STRICT.createParser(file, i, objectEnd - i)) {
                p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                p.nextToken();
                events.add(read(p));
                assertNull(p.nextToken(), "one object");
            }
            i = objectEnd;
        }
        if (complete) {
            assertTrue(closed, "a complete file ends with ]");
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("traceEvents", events);
        return root;
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index after the object starting at {@code start}, or -1 when the file ends first. */
    private static int objectEnd(byte[] b, int start) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < b.length; i++) {
            byte c = b[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
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

    private static void checkEvents(List<Map<String, Object>> events, boolean complete) {
        Set<Long> namedPids = new HashSet<>();
        Set<Long> namedTids = new HashSet<>();
        Set<Long> usedPids = new HashSet<>();
        Set<Long> usedTids = new HashSet<>();
        Map<Long, List<long[]>> slicesByTid = new HashMap<>();
        Map<Long, Map<String, Object>> flowStarts = new HashMap<>();
        Map<Long, Map<String, Object>> flowEnds = new HashMap<>();
        Map<Long, Long> openBegins = new HashMap<>();
        for (Map<String, Object> e : events) {
            noUnsafeIntegers(e);
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
                case "B" -> {
                    string(e, "name");
                    assertNull(openBegins.put(tid, nanos(e, "ts")), "one open B per thread: " + e);
                    usedPids.add(pid);
                    usedTids.add(tid);
                }
                case "E" -> {
                    Long begin = openBegins.remove(tid);
                    assertNotNull(begin, "E after its B on tid " + tid);
                    long endTs = nanos(e, "ts");
                    assertTrue(endTs >= begin, "E not before its B");
                    slicesByTid.computeIfAbsent(tid, k -> new ArrayList<>()).add(new long[] {begin, endTs});
                }
                case "i" -> {
                    string(e, "name");
                    nanos(e, "ts");
                    String scope = string(e, "s");
                    assertTrue(scope.equals("t") || scope.equals("p") || scope.equals("g"), "instant scope: " + e);
                    if (!scope.equals("g")) {
                        usedPids.add(pid);
                        usedTids.add(tid);
                    }
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
        if (!complete) {
            return; // a cut may fall between the two halves of a flow or a B and its E
        }
        assertTrue(openBegins.isEmpty(), "every B has its E: " + openBegins);
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

    @SuppressWarnings("unchecked")
    private static void noUnsafeIntegers(Object v) {
        if (v instanceof BigDecimal d) {
            assertTrue(d.abs().compareTo(MAX_SAFE_INTEGER) <= 0, "a number above 2^53: " + d);
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(TefValidator::noUnsafeIntegers);
        } else if (v instanceof List<?> l) {
            l.forEach(TefValidator::noUnsafeIntegers);
        }
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
