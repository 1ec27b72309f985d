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
        IoDumps.append(b, 2, new Value.Array(List.of(a, empty, a), false), -1, 1);
        assertEquals(" * 3 bytes in buffer 0\n"
                + " | 00000  30 31 32                                          012              |\n", b.toString());
    }

    @Test
    void aChunkThatCannotBeFetchedEndsTheDumpWithWhereAfterTheFirst() {
        // tests/read-write.c: 1114112 readable bytes of a 1114113-byte write; strace fetches 64 KiB at a time.
        byte[] data = new byte[(1 << 20) + (1 << 16)];
        StringBuilder b = new StringBuilder();
        IoDumps.append(b, 1, Value.Str.buffer(data, data.length + 1L, false).at(0x7f0000000000L), -1, 42);
        assertTrue(b.toString().startsWith(" | 000000  00 "));
        assertTrue(b.toString().endsWith(" | 10fff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................ |\n"
                + " | <Cannot fetch 1 byte from pid 42 @0x7f0000110000>\n"), b.substring(b.length() - 200));
        // Nothing when not even the first chunk could be fetched.
        StringBuilder none = new StringBuilder();
        IoDumps.append(none, 1, Value.Str.buffer(new byte[3], 4, false).at(0x1000), -1, 42);
        assertEquals("", none.toString());
    }

    @Test
    void anIovecArrayThatCannotBeReadWholeIsNotDumpedAndAReadIsCutToItsResult() {
        Value.Struct a = new Value.Struct(List.of(new Value.Field("iov_base", Value.Str.buffer("0123".getBytes(), 4,
                false)), new Value.Field("iov_len", new Value.Num(4, Value.Radix.UDEC))), false);
        StringBuilder b = new StringBuilder();
        IoDumps.append(b, 2, new Value.Array(List.of(a, new Value.Commented(new Value.Text("..."), "0x1000")), false),
                -1, 1);
        assertEquals("", b.toString());
        IoDumps.append(b, 2, new Value.Array(List.of(a, a), false), 6, 1);
        assertEquals(" * 4 bytes in buffer 0\n"
                + " | 00000  30 31 32 33                                       0123             |\n"
                + " * 2 bytes in buffer 1\n"
                + " | 00000  30 31                                             01               |\n", b.toString());
    }

    @Test
    void everyLeadingBangInvertsTheSet() throws Exception {
        // tests/readv.test: -eread='!0,1,2', '!!!0,...', '!none', '!all'.
        var notLow = dev.jstrace.cli.FilterSets.descriptors("!0,1,2");
        assertEquals(false, notLow.contains(1));
        assertEquals(true, notLow.contains(3));
        var odd = dev.jstrace.cli.FilterSets.descriptors("!!!0,4");
        assertEquals(false, odd.contains(4));
        assertEquals(true, odd.contains(5));
        assertEquals(true, dev.jstrace.cli.FilterSets.descriptors("!none").contains(9));
        assertEquals(true, dev.jstrace.cli.FilterSets.descriptors("!all").isEmpty());
        assertEquals(true, dev.jstrace.cli.FilterSets.descriptors("!!3").contains(3));
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
