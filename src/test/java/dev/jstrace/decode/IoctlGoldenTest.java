package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ioctl request names as strace 6.1 prints them: the generated header table (with
 * {@code A or B} for shared numbers), the families that encode arguments in the number,
 * strace's {@code _IOC(...)} fallback, and an unknown request's argument in hex. The
 * expected lines are those of strace 6.1's own suite (ioctl_loop, ioctl_evdev, ioctl_block).
 */
@Tag("unit")
class IoctlGoldenTest {
    private static final long BADF = -9;

    private static String ioctl(DecodeOptions.Xlat x, long req, long arg) {
        DecodeOptions o = new DecodeOptions(32, false, 0, x, 0, Set.of());
        return line(o, Arch.X86_64, "ioctl", new long[] {-1, req, arg, 0, 0, 0}, Snapshot.EMPTY, BADF,
                Snapshot.EMPTY);
    }

    private static String ioctl(long req, long arg) {
        return ioctl(DecodeOptions.Xlat.ABBREV, req, arg);
    }

    @Test
    void unnamedNumbersPrintTheirFields() {
        assertEquals("ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0x4c, 0xed, 0x3eed), 0xdeadbeefbadc0ded)"
                + " = -1 EBADF (Bad file descriptor)", ioctl(0xfeed4cedL, 0xdeadbeefbadc0dedL));
        assertEquals("ioctl(-1, _IOC(_IOC_NONE, 0x4c, 0xb, 0), 0xdeadbeefbadc0ded) = -1 EBADF (Bad file descriptor)",
                ioctl(0x4c0b, 0xdeadbeefbadc0dedL));
    }

    @Test
    void headerNamesAndSharedNumbers() {
        assertEquals("ioctl(-1, BLKBSZSET, NULL) = -1 EBADF (Bad file descriptor)", ioctl(0x40081271L, 0));
        assertEquals("ioctl(-1, _IOC(_IOC_NONE, 0x57, 0xff, 0), 0) = -1 EBADF (Bad file descriptor)", ioctl(0x57ff, 0));
        assertEquals("ioctl(-1, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EBADF (Bad file descriptor)",
                ioctl(0x40049409L, 3));
    }

    @Test
    void evdevNumbersCarryTheirArguments() {
        // EVIOCGBIT(EV_KEY, 96), EVIOCGNAME(64), and an event type no header names (EV_MAX is 0x1f);
        // a failed getter's pointer prints as an address (NULL).
        assertEquals("ioctl(-1, EVIOCGBIT(EV_KEY, 96), NULL) = -1 EBADF (Bad file descriptor)",
                ioctl(0x80604521L, 0));
        assertEquals("ioctl(-1, EVIOCGNAME(64), NULL) = -1 EBADF (Bad file descriptor)", ioctl(0x80404506L, 0));
        assertEquals("ioctl(-1, EVIOCGBIT(0x1f /* EV_??? */, 42), NULL) = -1 EBADF (Bad file descriptor)",
                ioctl(0x802a453fL, 0));
        assertEquals("ioctl(-1, 0x802a453f /* EVIOCGBIT(0x1f, 42) */, NULL) = -1 EBADF (Bad file descriptor)",
                ioctl(DecodeOptions.Xlat.VERBOSE, 0x802a453fL, 0));
        assertEquals("ioctl(-1, 0x802a453f, NULL) = -1 EBADF (Bad file descriptor)",
                ioctl(DecodeOptions.Xlat.RAW, 0x802a453fL, 0));
    }

    @Test
    void familyArgumentsAndResults() {
        // ioctl_watchdog, ioctl_fs_x, ioctl_nsfs: an int set at entry, a struct read at entry, a named result.
        byte[] four = {123, 0, 0, 0};
        DecodeOptions o = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());
        Snapshot in = SyscallDecoderGoldenTest.bytes(0x2000, four);
        assertEquals("ioctl(-1, WDIOC_SETTIMEOUT, [123]) = -1 EBADF (Bad file descriptor)", line(o, Arch.X86_64,
                "ioctl", new long[] {-1, 0xc0045706L, 0x2000, 0, 0, 0}, in, BADF, Snapshot.EMPTY));
        assertEquals("ioctl(-1, WDIOC_KEEPALIVE) = -1 EBADF (Bad file descriptor)", ioctl(0x80045705L, 0x2000));
        assertEquals("ioctl(-1, FITRIM, NULL) = -1 EBADF (Bad file descriptor)", ioctl(0xc0185879L, 0));
        assertEquals("ioctl(6, NS_GET_NSTYPE) = 268435456 (CLONE_NEWUSER)", line(o, Arch.X86_64, "ioctl",
                new long[] {6, 0xb703, 0, 0, 0, 0}, Snapshot.EMPTY, 0x10000000, Snapshot.EMPTY));
    }

    @Test
    void evdevSettersPrintTheirValues() {
        // ioctl_evdev: EVIOCSKEYCODE's pair with the key's name, EVIOCGRAB's value, a getter's NULL.
        byte[] pair = {(byte) 0xef, (byte) 0xbe, (byte) 0xad, (byte) 0xde, 1, 0, 0, 0};
        DecodeOptions o = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());
        assertEquals("ioctl(-1, EVIOCSKEYCODE, [3735928559, KEY_ESC]) = -1 EBADF (Bad file descriptor)",
                line(o, Arch.X86_64, "ioctl", new long[] {-1, 0x40084504L, 0x2000, 0, 0, 0},
                        SyscallDecoderGoldenTest.bytes(0x2000, pair), BADF, Snapshot.EMPTY));
        assertEquals("ioctl(-1, EVIOCGRAB, 16045690984232390125) = -1 EBADF (Bad file descriptor)",
                ioctl(0x40044590L, 0xdeadbeefbadc0dedL));
        assertEquals("ioctl(-1, EVIOCGVERSION, NULL) = -1 EBADF (Bad file descriptor)", ioctl(0x80044501L, 0));
    }
}
