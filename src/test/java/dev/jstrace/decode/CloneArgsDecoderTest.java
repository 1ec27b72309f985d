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
        // glibc's pthread_create also points pidfd at the tid (unused without CLONE_PIDFD): the exit still
        // reads parent_tid (found by the differential in the aarch64 guest, on every arch's python threads).
        set(b, l, "pidfd", 0x7f5ee963b990L);
        var glibc = new DecoderGolden().put(0x9000, b.array()).put(0x7f5ee963b990L, new byte[] {(byte) 0x52, 0x12, 0, 0});
        for (Arch arch : Arch.values()) {
            assertEquals("clone3(" + args + " => {parent_tid=[4690]}, 88) = 4690",
                    glibc.line(arch, "clone3", new long[] {0x9000, 88}, 4690));
        }
    }

    /** Lines of strace 6.1's clone3 test: the tail past the known struct, set_tid, cgroup, a huge exit_signal. */
    @Test
    void extensibleStructTailAndSetTid() {
        var l = CloneArgsDecoder.LAYOUT;
        var b = DecoderGolden.struct(96);
        set(b, l, "exit_signal", 0xdeadface00000011L);
        b.putLong(88, 0xfacefeeddeadc0deL);
        var g = new DecoderGolden().put(0x9000, b.array());
        assertEquals("clone3({flags=0, exit_signal=16045756810061152273, stack=NULL, stack_size=0,"
                + " /* bytes 88..95 */ \"\\xde\\xc0\\xad\\xde\\xed\\xfe\\xce\\xfa\"}, 96) = -1 E2BIG (Argument list too long)",
                g.line(Arch.X86_64, "clone3", new long[] {0x9000, 96}, -7));
        // The tail cannot be read: strace prints ??? (and again after a successful call).
        var small = DecoderGolden.struct(88);
        var h = new DecoderGolden().put(0xa000, small.array());
        assertEquals("clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, ???} => {???}, 96) = 42",
                h.line(Arch.X86_64, "clone3", new long[] {0xa000, 96}, 42));
        var t = DecoderGolden.struct(88);
        set(t, l, "set_tid", 0xb000);
        set(t, l, "set_tid_size", 2);
        set(t, l, "flags", 0x200000000L);
        var k = new DecoderGolden().put(0x9000, t.array()).put(0xb000, new byte[] {1, 0, 0, 0, -2, -1, -1, -1});
        assertEquals("clone3({flags=CLONE_INTO_CGROUP, exit_signal=0, stack=NULL, stack_size=0, set_tid=[1, -2],"
                + " set_tid_size=2, cgroup=0}, 88) = -1 EINVAL (Invalid argument)",
                k.line(Arch.X86_64, "clone3", new long[] {0x9000, 88}, -22));
    }
}
