package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** strace's dumpstr layout, checked against lines of strace 6.1's own expected outputs (recvmsg, read-write). */
class IoDumpsTest {
    @Test
    void shortBufferPadsTheHexAndTextColumns() {
        StringBuilder b = new StringBuilder();
        IoDumps.dump(b, "012".getBytes());
        assertEquals(" | 00000  30 31 32                                          012              |\n", b.toString());
    }

    @Test
    void aBufferOverOneMebibyteWidensTheOffset() {
        byte[] data = new byte[(1 << 20) + 1];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        StringBuilder b = new StringBuilder();
        IoDumps.dump(b, data);
        String first = b.substring(0, b.indexOf("\n"));
        assertEquals(" | 000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  ................ |", first);
        assertTrue(b.toString().endsWith(
                " | 100000  00                                                .                |\n"));
    }

    @Test
    void vectorsDumpEachBufferUntilAnEmptyOne() {
        Value.Struct a = new Value.Struct(List.of(new Value.Field("iov_base", Value.Str.buffer("012".getBytes(), 3,
                false)), new Value.Field("iov_len", new Value.Num(3, Value.Radix.UDEC))), false);
        Value.Struct empty = new Value.Struct(List.of(new Value.Field("iov_base", Value.Str.buffer(new byte[0], 0,
                false)), new Value.Field("iov_len", new Value.Num(0, Value.Radix.UDEC))), false);
        StringBuilder b = new StringBuilder();
        IoDumps.append(b, 2, new Value.Array(List.of(a, empty, a), false));
        assertEquals(" * 3 bytes in buffer 0\n"
                + " | 00000  30 31 32                                          012              |\n", b.toString());
    }

    @Test
    void setsChooseTheCalls() {
        IoDumps d = new IoDumps(Set.of(0), null);
        assertEquals(1, d.kind("read", 0));
        assertEquals(0, d.kind("read", 1));
        assertEquals(2, d.kind("writev", 7));
        assertEquals(0, d.kind("close", 0));
        assertTrue(d.any());
        assertEquals(false, IoDumps.NONE.any());
    }
}
