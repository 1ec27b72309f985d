package dev.jstrace.decode;

import static dev.jstrace.decode.DecoderGolden.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link OpenHowDecoder}: lines of strace 6.1's openat2 test. */
@Tag("unit")
class OpenHowDecoderTest {
    @Test
    void openHow() {
        var l = OpenHowDecoder.LAYOUT;
        var b = DecoderGolden.struct(32);
        set(b, l, "flags", 0x80);
        var g = new DecoderGolden().putString(0x1000, "openat2.sample").put(0x2000, b.array());
        assertEquals("openat2(-1, \"openat2.sample\", {flags=O_RDONLY|O_EXCL, resolve=0}, 24) = -1 EBADF"
                + " (Bad file descriptor)", g.line(Arch.X86_64, "openat2", new long[] {-1, 0x1000, 0x2000, 24}, -9));
        // Shorter than the first version: the address; longer: the tail, here all zero.
        assertEquals("openat2(-1, \"openat2.sample\", 0x2000, 20) = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "openat2", new long[] {-1, 0x1000, 0x2000, 20}, -22));
        assertEquals("openat2(-1, \"openat2.sample\", {flags=O_RDONLY|O_EXCL, resolve=0}, 32) = -1 EBADF"
                + " (Bad file descriptor)", g.line(Arch.X86_64, "openat2", new long[] {-1, 0x1000, 0x2000, 32}, -9));
        var c = DecoderGolden.struct(24);
        set(c, l, "flags", 0101);
        set(c, l, "mode", 0644);
        set(c, l, "resolve", 0x28);
        g.put(0x3000, c.array());
        assertEquals("openat2(-1, \"openat2.sample\", {flags=O_WRONLY|O_CREAT, mode=0644,"
                + " resolve=RESOLVE_BENEATH|RESOLVE_CACHED}, 24) = 3",
                g.line(Arch.X86_64, "openat2", new long[] {-1, 0x1000, 0x3000, 24}, 3));
        // The tail past 24 bytes cannot be read: ???.
        assertEquals("openat2(-1, \"openat2.sample\", {flags=O_WRONLY|O_CREAT, mode=0644,"
                + " resolve=RESOLVE_BENEATH|RESOLVE_CACHED, ???}, 32) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "openat2", new long[] {-1, 0x1000, 0x3000, 32}, -14));
    }
}
