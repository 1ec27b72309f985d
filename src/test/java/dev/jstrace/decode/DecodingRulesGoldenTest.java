package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rules every decoder inherits (integer width and sign per argument type, output
 * arguments only as the kernel wrote them, unreadable memory as the address): each
 * expected line is what strace 6.1's own test suite expects (tests/NAME.c names the test).
 */
@Tag("unit")
class DecodingRulesGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();
    private static final DecodeOptions VERBOSE = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0,
            Set.of());
    private static final DecodeOptions RAW = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.RAW, 0, Set.of());

    private static String call(DecodeOptions o, String name, long[] args, Snapshot in, long rval, Snapshot out) {
        return line(o, Arch.X86_64, name, args, in, rval, out);
    }

    private static long[] args(long... a) {
        return java.util.Arrays.copyOf(a, 6);
    }

    @Test
    void modesAreTheLow16BitsInOctal() {
        // tests/umask.c, creat.c: the high bits of the register are not part of the mode.
        assertEquals("umask(000) = 022", call(DEF, "umask", args(0xffffffffffff0000L), Snapshot.EMPTY, 022,
                Snapshot.EMPTY));
        assertEquals("creat(\"f\", 0177777) = -1 ETXTBSY (Text file busy)", call(DEF, "creat",
                args(0x1000, 0xffffffffffffffffL), str(0x1000, "f"), -26, Snapshot.EMPTY));
    }

    @Test
    void mknodPrintsTheTypeAndTheDeviceOnlyForDevices() {
        // tests/mknod.c
        long dev = 0xdeadbeefbadc0dedL;
        assertEquals("mknod(\"f\", 000) = -1 EEXIST (File exists)", call(DEF, "mknod",
                args(0x1000, 0xffffffffffff0000L, dev), str(0x1000, "f"), -17, Snapshot.EMPTY));
        assertEquals("mknod(\"f\", S_IFREG|000) = -1 EEXIST (File exists)", call(DEF, "mknod",
                args(0x1000, 0100000, 0), str(0x1000, "f"), -17, Snapshot.EMPTY));
        assertEquals("mknod(\"f\", S_IFCHR|024, makedev(0x1, 0x7)) = -1 EEXIST (File exists)", call(DEF, "mknod",
                args(0x1000, 020024, 0xdeadbeef00000107L), str(0x1000, "f"), -17, Snapshot.EMPTY));
        assertEquals("mknod(\"f\", S_IFBLK|S_ISUID|S_ISGID|S_ISVTX|0777, makedev(0xc0d, 0xbaded)) = -1 EEXIST"
                        + " (File exists)", call(DEF, "mknod", args(0x1000, 0xffff & ~0170000 | 060000, dev),
                str(0x1000, "f"), -17, Snapshot.EMPTY));
        // -X verbose: the number, then the names in a comment (print_symbolic_mode_t).
        assertEquals("mknod(\"f\", 0100000 /* S_IFREG|000 */) = 0", call(VERBOSE, "mknod", args(0x1000, 0100000, 0),
                str(0x1000, "f"), 0, Snapshot.EMPTY));
        assertEquals("mknod(\"f\", 0100000) = 0", call(RAW, "mknod", args(0x1000, 0100000, 0), str(0x1000, "f"), 0,
                Snapshot.EMPTY));
    }

    @Test
    void uidsAreUnsignedExceptMinusOne() {
        // tests/chown.c, setfsuid.c
        assertEquals("chown(\"f\", 4294901760, -1) = -1 ENOENT (No such file or directory)", call(DEF, "chown",
                args(0x1000, 0xffff0000L, -1), str(0x1000, "f"), -2, Snapshot.EMPTY));
        assertEquals("setfsuid(4294901760) = 0", call(DEF, "setfsuid", args(0xffffffffffff0000L), Snapshot.EMPTY, 0,
                Snapshot.EMPTY));
        byte[] ids = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).array();
        assertEquals("getresuid([-1], NULL, NULL) = 0", call(DEF, "getresuid", args(0x2000), Snapshot.EMPTY, 0,
                bytes(0x2000, ids)));
    }

    @Test
    void futexValuesAreUnsignedAndFollowTheCommand() {
        // tests/futex.c
        assertEquals("futex(NULL, FUTEX_WAIT, 4207869677, NULL) = -1 EFAULT (Bad address)", call(DEF, "futex",
                args(0, 0, 0xbadda7a0facefeedL), Snapshot.EMPTY, -14, Snapshot.EMPTY));
        // An operation with no name still prints the arguments of its command (op & 127).
        assertEquals("futex(0x1000, 0x101 /* FUTEX_??? */, 3735928546) = -1 ENOSYS (Function not implemented)",
                call(DEF, "futex", args(0x1000, 0x101, 0xface1e55deadbee2L), Snapshot.EMPTY, -38, Snapshot.EMPTY));
        assertEquals("futex(0x1000, FUTEX_WAKE_OP, 2, 1, 0x2000, FUTEX_OP_OPARG_SHIFT<<28|FUTEX_OP_ANDN<<28"
                        + "|0xdfa<<12|0xa<<24 /* FUTEX_OP_CMP_??? */|0xced) = -1 ENOSYS (Function not implemented)",
                call(DEF, "futex", args(0x1000, 5, 2, 1, 0x2000, 0xbadfacedL), Snapshot.EMPTY, -38, Snapshot.EMPTY));
    }

    @Test
    void timespecFractionsAreUnsigned() {
        // tests/nanosleep.c
        byte[] ts = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).putLong(-1).array();
        assertEquals("nanosleep({tv_sec=-1, tv_nsec=18446744073709551615}, NULL) = -1 EINVAL (Invalid argument)",
                call(DEF, "nanosleep", args(0x1000, 0), bytes(0x1000, ts), -22, Snapshot.EMPTY));
    }

    @Test
    void utimensatTimesCarryTheirDateAndUtimeNamesReplaceTheStruct() {
        // tests/utimensat.c (TZ=UTC as the suite runs it is not assumed: only the special values here)
        byte[] ts = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(0xdeadbeefL)
                .putLong((1L << 30) - 1).putLong(0).putLong((1L << 30) - 2).array();
        assertEquals("utimensat(AT_FDCWD, \"f\", [UTIME_NOW, UTIME_OMIT], 0) = 0", line(DEF, Arch.X86_64, "utimensat",
                args(-100, 0x1000, 0x2000, 0), Snapshot.builder().add(new Snapshot.Region(0x1000, "f".getBytes(),
                        true, true, Snapshot.Kind.STRING)).add(new Snapshot.Region(0x2000, ts, true, true,
                        Snapshot.Kind.BYTES)).build(), 0, Snapshot.EMPTY));
    }

    @Test
    void aStringWithoutItsNulBeforeUnreadableMemoryIsItsAddress() {
        // tests/utimensat.c: a name that runs into an unmapped page prints as the pointer.
        Snapshot s = Snapshot.builder().add(new Snapshot.Region(0x1000, new byte[0], false, false,
                Snapshot.Kind.STRING)).build();
        assertEquals("chdir(0x1000) = -1 EFAULT (Bad address)", call(DEF, "chdir", args(0x1000), s, -14,
                Snapshot.EMPTY));
    }

    @Test
    void aSleepsRemainingTimeIsDecodedOnlyWhenASignalInterruptedIt() {
        // tests/nanosleep.c, clock_nanosleep.c: on success the kernel does not write rem.
        byte[] req = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(789985).array();
        byte[] rem = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(880806822).array();
        assertEquals("nanosleep({tv_sec=0, tv_nsec=789985}, 0x2000) = 0", call(DEF, "nanosleep", args(0x1000, 0x2000),
                bytes(0x1000, req), 0, bytes(0x2000, rem)));
        assertEquals("nanosleep({tv_sec=0, tv_nsec=789985}, {tv_sec=0, tv_nsec=880806822}) = ? ERESTART_RESTARTBLOCK"
                + " (Interrupted by signal)", call(DEF, "nanosleep", args(0x1000, 0x2000), bytes(0x1000, req), -516,
                bytes(0x2000, rem)));
        assertEquals("clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=0, tv_nsec=789985}, 0x2000) = ?"
                + " ERESTART_RESTARTBLOCK (Interrupted by signal)", call(DEF, "clock_nanosleep",
                args(0, 1, 0x1000, 0x2000), bytes(0x1000, req), -516, bytes(0x2000, rem)));
    }

    @Test
    void wait4sStatusAndRusageAreDecodedOnlyWhenAChildWasReported() {
        // tests/wait4.c: WNOHANG with no child ready returns 0 and writes nothing.
        assertEquals("wait4(2842, 0x1000, WNOHANG|__WALL, 0x2000) = 0", call(DEF, "wait4",
                args(2842, 0x1000, 0x40000001, 0x2000), Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("wait4(-1, 0x1000, WNOHANG|WSTOPPED|__WALL, 0x2000) = -1 ECHILD (No child processes)",
                call(DEF, "wait4", args(-1, 0x1000, 0x40000003, 0x2000), Snapshot.EMPTY, -10, Snapshot.EMPTY));
        // tests/waitid.c: a siginfo the kernel zeroed (no child) is {}.
        assertEquals("waitid(P_PID, 2056, {}, WNOHANG|WEXITED, NULL) = 0", call(DEF, "waitid",
                args(1, 2056, 0x1000, 5, 0), Snapshot.EMPTY, 0, bytes(0x1000, new byte[128])));
    }

    @Test
    void aSignalSetPrintsAsLongAsItsSizeSaysAndAsTheAddressOutsideAWordToASigset() {
        // tests/rt_sigprocmask.c, rt_sigpending.c, rt_sigsuspend.c
        byte[] full = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).array();
        assertEquals("rt_sigprocmask(SIG_SETMASK, 0x1000, 0x2000, 16) = -1 EINVAL (Invalid argument)", call(DEF,
                "rt_sigprocmask", args(2, 0x1000, 0x2000, 16), bytes(0x1000, full), -22, Snapshot.EMPTY));
        assertEquals("rt_sigsuspend(0x1000, 4) = -1 EINVAL (Invalid argument)", call(DEF, "rt_sigsuspend",
                args(0x1000, 4), bytes(0x1000, full), -22, Snapshot.EMPTY));
        assertEquals("rt_sigpending([], 4) = 0", call(DEF, "rt_sigpending", args(0x1000, 4), Snapshot.EMPTY, 0,
                bytes(0x1000, new byte[4])));
        // Two thirds of the bits or more: the complement (sprintsigmask_n); 40 of 64 is not enough.
        byte[] forty = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong((1L << 40) - 1).array();
        String set = call(DEF, "rt_sigsuspend", args(0x1000, 8), bytes(0x1000, forty), -4, Snapshot.EMPTY);
        assertEquals("rt_sigsuspend([HUP INT", set.substring(0, "rt_sigsuspend([HUP INT".length()));
    }
}
