package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished Trace renders as strace's -c table, TEF JSON and Perfetto protobuf. */
class TraceOutputTest {
    @Test
    void summaryTefAndPerfettoFromOneTrace(@TempDir Path dir) throws Exception {
        TracedProcess p = Tracer.launch(new ProcessBuilder("sh", "-c", "cat /etc/hostname /nonexistent; true")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD));
        assertEquals(0, p.waitFor());
        Trace t = p.trace();
        String table = t.summary();
        assertTrue(table.startsWith("% time     seconds  usecs/call     calls    errors syscall"), table);
        long openats = t.syscalls("openat").size();
        assertTrue(table.lines().anyMatch(l -> l.endsWith(" openat") && l.contains(" " + openats + " ")), table);

        String json = t.toTef();
        int events = 0;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken tok;
            while ((tok = parser.nextToken()) != null) {
                if (tok == JsonToken.FIELD_NAME && parser.currentName().equals("ph")) events++;
            }
        }
        assertTrue(events >= t.syscalls().size(), "one X event per syscall at least");

        Path pb = dir.resolve("t.pftrace");
        t.writePerfetto(pb);
        byte[] bytes = Files.readAllBytes(pb);
        assertTrue(bytes.length > 100);
        assertEquals(0x0a, bytes[0], "a Trace starts with field 1 (packet), length-delimited");
    }
}
