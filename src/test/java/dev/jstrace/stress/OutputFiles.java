package dev.jstrace.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that jstrace's output files are whole: strace text, TEF JSON, Perfetto protobuf framing. */
final class OutputFiles {
    private OutputFiles() {}

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Strict UTF-8 (malformed input is an error, not a replacement character). */
    static String utf8(byte[] b) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    }

    /** The text trace: valid UTF-8, ends at a line end, no line cut off. Returns its lines. */
    static java.util.List<String> straceText(Path f) throws IOException {
        String s = utf8(Files.readAllBytes(f));
        assertTrue(s.isEmpty() || s.endsWith("\n"), "the last line is complete: ..."
                + s.substring(Math.max(0, s.length() - 200)));
        return s.lines().toList();
    }

    /**
     * The TEF file parses strictly (no duplicate keys, nothing after the root)
     * as the bare array the TEF sink writes, [ {... "ph": ...}, ... ], closed.
     * Returns the number of events.
     */
    static int tef(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        utf8(b);
        int events = 0;
        try (JsonParser p = STRICT.createParser(b)) {
            assertEquals(JsonToken.START_ARRAY, p.nextToken(), "root is the array of events");
            while (p.nextToken() == JsonToken.START_OBJECT) {
                boolean ph = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (p.currentName().equals("ph")) ph = true;
                    p.nextToken();
                    p.skipChildren();
                }
                assertTrue(ph, "every event has a phase");
                events++;
            }
            assertEquals(JsonToken.END_ARRAY, p.currentToken(), "the array is closed");
            assertNull(p.nextToken(), "nothing after the root array");
        }
        return events;
    }

    /**
     * The Perfetto file is a whole protobuf {@code Trace}: a sequence of
     * field-1 (TracePacket) length-delimited records that ends exactly at the
     * file's end. Returns the number of packets.
     */
    static int perfetto(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        int i = 0;
        int packets = 0;
        while (i < b.length) {
            assertEquals(0x0a, b[i] & 0xff, "field 1, wire type 2 at offset " + i);
            i++;
            long len = 0;
            int shift = 0;
            while (true) {
                assertTrue(i < b.length, "length varint cut off");
                int c = b[i++] & 0xff;
                len |= (long) (c & 0x7f) << shift;
                shift += 7;
                if ((c & 0x80) == 0) break;
            }
            assertTrue(i + len <= b.length, "packet " + packets + " cut off at the end of the file");
            i += (int) len;
            packets++;
        }
        return packets;
    }
}
