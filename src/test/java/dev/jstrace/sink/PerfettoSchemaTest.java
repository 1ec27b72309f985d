package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.TraceEvent;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decodes real jstrace protobuf traces with {@code protoc --decode} against a
 * schema the project writes itself ({@code src/test/resources/perfetto/jstrace_trace.proto},
 * transcribed from Perfetto's protos), and fails on any field protoc does not
 * know: protoc prints an unknown field, and a known number arriving with the
 * wrong wire type, by its bare number.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PerfettoSchemaTest {
    /** A field protoc could not map to the schema: {@code 58: 3}, {@code 87: 1}, {@code 900 {}. */
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("(?m)^\\s*(\\d+)\\s*(:|\\{)");

    @Test
    void aLiveTraceHasOnlyFieldsOfThePublishedSchema(@TempDir Path dir) throws Exception {
        Path protoc = protoc();
        Path trace = dir.resolve("live.pftrace");
        try (PerfettoSink sink = new PerfettoSink(trace)) {
            TracedProcess p = Tracer.launch(new ProcessBuilder("/bin/sh", "-c",
                    "cat /etc/hostname >/dev/null; (echo sub; kill -USR1 $$) | cat >/dev/null; exit 3"),
                    TraceOptions.defaults(), sink);
            p.waitFor();
            p.awaitTraceEnd();
        }
        String text = decode(protoc, trace);
        assertNoUnknownFields(text);
        for (String field : List.of("trusted_packet_sequence_id", "sequence_flags", "clock_snapshot",
                "track_descriptor", "track_event", "debug_annotations", "interned_data", "flow_ids",
                "terminating_flow_ids", "counter_value", "int_value", "string_value", "timestamp_clock_id",
                "trace_packet_defaults", "first_packet_on_sequence", "pointer_value", "nested_value")) {
            assertTrue(text.contains(field + ":") || text.contains(field + " {"), "the trace uses " + field);
        }
    }

    @Test
    void theScenarioHasOnlyFieldsOfThePublishedSchema(@TempDir Path dir) throws Exception {
        Path protoc = protoc();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PerfettoSink sink = new PerfettoSink(bytes, PerfettoScenario.INFO)) {
            for (TraceEvent e : PerfettoScenario.build().events) {
                sink.onEvent(e);
            }
        }
        Path trace = dir.resolve("scenario.pftrace");
        Files.write(trace, bytes.toByteArray());
        assertNoUnknownFields(decode(protoc, trace));
    }

    @Test
    void theCheckCatchesAFieldOutsideTheSchema(@TempDir Path dir) throws Exception {
        Path protoc = protoc();
        ProtoWriter w = new ProtoWriter();
        int packet = w.beginNested(1);
        w.varint(10, 7); // trusted_packet_sequence_id: known
        w.varint(79, 1234); // trusted_pid: a real Perfetto field this schema leaves out
        w.fixed64(8, 5); // timestamp with the wrong wire type
        w.endNested(packet);
        Path trace = dir.resolve("odd.pftrace");
        Files.write(trace, w.toByteArray());
        String text = decode(protoc, trace);
        Matcher m = UNKNOWN_FIELD.matcher(text);
        assertTrue(m.find() && m.group(1).equals("79"), text);
        assertTrue(m.find() && m.group(1).equals("8"), "a wire-type mismatch shows as unknown too: " + text);
    }

    private static void assertNoUnknownFields(String text) {
        Matcher m = UNKNOWN_FIELD.matcher(text);
        if (m.find()) {
            int at = m.start();
            String context = text.substring(Math.max(0, at - 400), Math.min(text.length(), at + 200));
            throw new AssertionError("field " + m.group(1) + " is not in the schema (or has the wrong wire type):\n"
                    + context);
        }
        assertTrue(text.contains("packet {"), "protoc decoded packets");
    }

    private static String decode(Path protoc, Path trace) throws IOException, InterruptedException {
        Path schema;
        try {
            schema = Path.of(PerfettoSchemaTest.class.getResource("/perfetto/jstrace_trace.proto").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Process p = new ProcessBuilder(protoc.toString(), "--proto_path=" + schema.getParent(),
                "--decode=jstrace.schema.Trace", schema.getFileName().toString())
                .redirectInput(trace.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "protoc finished");
        assertEquals(0, p.exitValue(), "protoc --decode failed:\n" + out);
        return out;
    }

    private static Path protoc() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "protoc");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        assumeTrue(false, "protoc is not installed (Debian protobuf-compiler; scripts/setup-test-tools installs it)");
        return null;
    }
}
