package dev.jstrace.decode;

import static dev.jstrace.decode.DecoderGolden.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link CloneArgsDecoder}: the line strace 6.1 printed for python3 starting a thread
 * ({@code strace -f}): the struct at entry, the thread id the kernel stored through parent_tid after.
 */
@Tag("unit")
class CloneArgsDecoderTest {
    @Test
    void threadStart() {
        var l = CloneArgsDecoder.LAYOUT;
        var b = DecoderGolden.struct(l.byteSize());
        set(b, l, "flags", 0x3d0f00);
        set(b, l, "child_tid", 0x7f5ee963b990L);
        set(b, l, "parent_tid", 0x7f5ee963b990L);
        set(b, l, "stack", 0x7f5ee8e3b000L);
        set(b, l, "stack_size", 0x7fff80);
        set(b, l, "tls", 0x7f5ee963b6c0L);
        // The kernel stores the new thread's id through parent_tid (the image is read at entry and at exit).
        var g = new DecoderGolden().put(0x9000, b.array()).put(0x7f5ee963b990L, new byte[] {(byte) 0x52, 0x12, 0, 0});
        String args = "{flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS"
                + "|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f5ee963b990, parent_tid=0x7f5ee963b990,"
                + " exit_signal=0, stack=0x7f5ee8e3b000, stack_size=0x7fff80, tls=0x7f5ee963b6c0}";
        for (Arch arch : Arch.values()) {
            assertEquals("clone3(" + args + " => {parent_tid=[4690]}, 88) = 4690",
                    g.line(arch, "clone3", new long[] {0x9000, 88}, 4690));
        }
        assertEquals("clone3(" + args + ", 88) = -1 EAGAIN (Resource temporarily unavailable)",
                g.line(Arch.X86_64, "clone3", new long[] {0x9000, 88}, -11));
    }
}
