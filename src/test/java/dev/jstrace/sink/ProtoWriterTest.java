package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hand-written encoder against wire bytes from the protobuf encoding
 * spec, and the TEF timestamp formatter against BigDecimal arithmetic.
 */
@Tag("unit")
class ProtoWriterTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void varintsMatchTheSpecExamples() {
        // protobuf.dev/programming-guides/encoding: field 1 = 150 is 08 96 01.
        Object[][] cases = {
            {1, 150L, bytes(0x08, 0x96, 0x01)},
            {1, 0L, bytes(0x08, 0x00)},
            {1, 1L, bytes(0x08, 0x01)},
            {16, 300L, bytes(0x80, 0x01, 0xAC, 0x02)},
            // A negative int64 takes ten bytes.
            {2, -1L, bytes(0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)},
        };
        for (Object[] c : cases) {
            ProtoWriter w = new ProtoWriter();
            w.varint((int) c[0], (long) c[1]);
            assertArrayEquals((byte[]) c[2], w.toByteArray(), "field " + c[0] + " = " + c[1]);
        }
    }

    @Test
    void stringsAndFixed64() {
        ProtoWriter w = new ProtoWriter();
        w.string(2, "testing"); // the spec's example: 12 07 74 65 73 74 69 6e 67
        assertArrayEquals(bytes(0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67), w.toByteArray());
        w.reset();
        w.string(1, "é");
        assertArrayEquals(bytes(0x0A, 0x02, 0xC3, 0xA9), w.toByteArray(), "UTF-8, length in bytes");
        w.reset();
        w.fixed64(47, 0x0102030405060708L);
        assertArrayEquals(bytes(0xF9, 0x02, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01), w.toByteArray());
    }

    @Test
    void nestedMessagesGetARedundantFourByteLength() {
        ProtoWriter w = new ProtoWriter();
        int outer = w.beginNested(3);
        int inner = w.beginNested(1);
        w.varint(1, 150);
        w.endNested(inner);
        w.endNested(outer);
        assertArrayEquals(bytes(0x1A, 0x88, 0x80, 0x80, 0x00, 0x0A, 0x83, 0x80, 0x80, 0x00, 0x08, 0x96, 0x01),
                w.toByteArray());
    }

    @Test
    void longMessagesPatchAllFourLengthBytes() {
        ProtoWriter w = new ProtoWriter();
        int token = w.beginNested(1);
        String big = "x".repeat(200_000);
        w.string(2, big);
        w.endNested(token);
        byte[] b = w.toByteArray();
        int len = (b[1] & 0x7F) | (b[2] & 0x7F) << 7 | (b[3] & 0x7F) << 14 | (b[4] & 0x7F) << 21;
        assertEquals(b.length - 5, len);
    }

    @Test
    void tefMicrosAreExact() {
        long[] cases = {0, 1, 999, 1000, 1_234_567, -1, -1000, -1_234_567, 1_700_000_000_123_456_789L,
            Long.MAX_VALUE, Long.MIN_VALUE};
        char[] buf = new char[24];
        for (long ns : cases) {
            int n = TefNumbers.formatMicros(ns, buf);
            String expected = BigDecimal.valueOf(ns).movePointLeft(3).setScale(3).toPlainString();
            assertEquals(expected, new String(buf, 0, n), "ns " + ns);
        }
    }
}
