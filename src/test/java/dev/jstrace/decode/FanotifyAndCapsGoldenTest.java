package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.ByteBuffer;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * fanotify_init, fanotify_mark, capget and capset as strace 6.1 prints them; each expected line
 * is one of strace's own suite (tests/fanotify_init.c, fanotify_mark.c, caps.awk).
 */
@Tag("unit")
class FanotifyAndCapsGoldenTest {
    private static final DecodeOptions RAW = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.RAW, 0, Set.of());
    private static final DecodeOptions VERBOSE =
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of());

    @Test
    void fanotifyInit() {
        DecoderGolden g = new DecoderGolden();
        assertEquals("fanotify_init(FAN_CLASS_NOTIF, O_RDONLY) = 4",
                g.line(Arch.X86_64, "fanotify_init", new long[] {0xffffffff00000000L, 0xffffffff00000000L}, 4));
        assertEquals("fanotify_init(FAN_CLASS_CONTENT|0xeface000 /* FAN_??? */, O_WRONLY|0x80000000)"
                        + " = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "fanotify_init", new long[] {0xdec0deddeface004L, 0xdeadbeef80000001L}, -22));
        assertEquals("fanotify_init(0xc /* FAN_CLASS_??? */|FAN_CLOEXEC|FAN_NONBLOCK|FAN_UNLIMITED_QUEUE"
                        + "|FAN_UNLIMITED_MARKS|FAN_ENABLE_AUDIT|FAN_REPORT_PIDFD|FAN_REPORT_TID|FAN_REPORT_FID"
                        + "|FAN_REPORT_DIR_FID|FAN_REPORT_NAME|FAN_REPORT_TARGET_FID|0xffffe000, O_RDONLY)"
                        + " = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "fanotify_init", new long[] {-1L, 0xffffffff00000000L}, -22));
    }

    @Test
    void fanotifyMark() {
        DecoderGolden g = new DecoderGolden();
        long[] args = {305419896, 0xeface800L, 0xffffffffa7f02000L, -1, 0};
        assertEquals("fanotify_mark(305419896, 0xeface800 /* FAN_MARK_??? */, 0xffffffffa7f02000 /* FAN_??? */,"
                + " FAN_NOFD, NULL) = -1 EINVAL (Invalid argument)", g.line(Arch.X86_64, "fanotify_mark", args, -22));
        assertEquals("fanotify_mark(305419896, 0xeface800, 0xffffffffa7f02000, -1, NULL)"
                + " = -1 EINVAL (Invalid argument)", g.line(RAW, Arch.X86_64, "fanotify_mark", args, -22));
        assertEquals("fanotify_mark(305419896, 0x1 /* FAN_MARK_ADD */, 0x80000 /* FAN_DIR_MODIFY */,"
                        + " -1 /* FAN_NOFD */, NULL) = -1 EINVAL (Invalid argument)",
                g.line(VERBOSE, Arch.X86_64, "fanotify_mark", new long[] {305419896, 1, 0x80000, -1, 0}, -22));
        assertEquals("fanotify_mark(305419896, 0, 0, AT_FDCWD, NULL) = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "fanotify_mark", new long[] {305419896, 0, 0, -100, 0}, -22));
    }

    private static byte[] ints(int... v) {
        ByteBuffer b = DecoderGolden.struct(4L * v.length);
        for (int i = 0; i < v.length; i++) b.putInt(4 * i, v[i]);
        return b.array();
    }

    @Test
    void caps() {
        int v1 = 0x19980330, v3 = 0x20080522;
        DecoderGolden g = new DecoderGolden().put(0x1000, ints(v3, 0)).put(0x2000, ints(2, 4, 0, 8, 16, 0))
                .put(0x3000, ints(v1, 0)).put(0x4000, ints(0xbadc0ded, -1576685468));
        assertEquals("capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_DAC_OVERRIDE"
                        + "|1<<CAP_WAKE_ALARM, permitted=1<<CAP_DAC_READ_SEARCH|1<<CAP_BLOCK_SUSPEND, inheritable=0})"
                        + " = -1 EPERM (Operation not permitted)",
                g.line(Arch.X86_64, "capset", new long[] {0x1000, 0x2000}, -1));
        assertEquals("capset({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=1<<CAP_DAC_OVERRIDE,"
                        + " permitted=1<<CAP_DAC_READ_SEARCH, inheritable=0}) = -1 EPERM (Operation not permitted)",
                g.line(Arch.X86_64, "capset", new long[] {0x3000, 0x2000}, -1));
        // Data that cannot be read prints as its address.
        assertEquals("capset({version=0xbadc0ded /* _LINUX_CAPABILITY_VERSION_??? */, pid=-1576685468}, 0x9000)"
                        + " = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "capset", new long[] {0x4000, 0x9000}, -22));
        assertEquals("capget(NULL, NULL) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "capget", new long[] {0, 0}, -14));
        assertEquals("capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x2000) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "capget", new long[] {0x1000, 0x2000}, -14));
    }
}
