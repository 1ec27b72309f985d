package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Golden cases for the rendering options ({@code -s 0}, {@code -v}, {@code -X raw|verbose},
 * {@code -y}/{@code -yy}, {@code -e raw=}). Every expected line was copied from what the
 * installed strace 6.1 printed on this machine for the command named beside it; registers and
 * memory are rebuilt from that line's values.
 */
class OptionVariantsGoldenTest {
    private static final DecodeOptions RAW = opts(32, false, DecodeOptions.Xlat.RAW, 0, Set.of());
    private static final DecodeOptions VERBOSE_X = opts(32, false, DecodeOptions.Xlat.VERBOSE, 0, Set.of());

    private static DecodeOptions opts(int s, boolean v, DecodeOptions.Xlat x, int y, Set<String> raw) {
        return new DecodeOptions(s, v, 0, x, y, raw);
    }

    @Test
    void zeroStringLimitPrintsAnEmptyTruncatedBuffer() {
        // strace -s 0 -e trace=read cat /etc/hostname: nothing is copied, yet the buffer is a string.
        assertEquals("read(3, \"\"..., 131072) = 3", line(opts(0, false, DecodeOptions.Xlat.ABBREV, 0, Set.of()),
                Arch.X86_64, "read", new long[] {3, 0x1000, 131072, 0, 0, 0}, Snapshot.EMPTY, 3, Snapshot.EMPTY));
    }

    @Test
    void rawSyscallsPrintTheirResultInHex() {
        // strace -e raw=openat -e trace=openat cat /etc/hostname; strace -e raw=close cat /nonexist
        DecodeOptions raw = opts(32, false, DecodeOptions.Xlat.ABBREV, 0, Set.of("openat", "close"));
        assertEquals("openat(0xffffff9c, 0x7ffc6b60da1e, 0, 0) = 0x3", line(raw, Arch.X86_64, "openat",
                new long[] {0xffffff9cL, 0x7ffc6b60da1eL, 0, 0, 0, 0}, Snapshot.EMPTY, 3, Snapshot.EMPTY));
        assertEquals("close(0x1) = 0", line(raw, Arch.X86_64, "close", new long[] {1, 0, 0, 0, 0, 0},
                Snapshot.EMPTY, 0, Snapshot.EMPTY));
    }

    @Test
    void signalSetsFollowTheConstantStyle() {
        // python3 -c 'import signal; signal.pthread_sigmask(signal.SIG_BLOCK, [SIGCHLD, SIGUSR1, 40])'
        byte[] set = new byte[8];
        ByteBuffer.wrap(set).order(ByteOrder.LITTLE_ENDIAN).putLong(0, (1L << 9) | (1L << 16) | (1L << 39));
        Snapshot in = bytes(0x1000, set);
        Snapshot out = bytes(0x2000, new byte[8]);
        long[] args = {0, 0x1000, 0x2000, 8, 0, 0};
        assertEquals("rt_sigprocmask(0, [10 17 40], [], 8) = 0",
                line(RAW, Arch.X86_64, "rt_sigprocmask", args, in, 0, out));
        assertEquals("rt_sigprocmask(0 /* SIG_BLOCK */, [10 /* USR1 */ 17 /* CHLD */ 40 /* RT_8 */], [], 8) = 0",
                line(VERBOSE_X, Arch.X86_64, "rt_sigprocmask", args, in, 0, out));
    }

    @Test
    void signalHandlersFollowTheConstantStyle() {
        // python3 -c 'import signal; signal.signal(signal.SIGUSR1, signal.SIG_IGN)' under -X raw / -X verbose
        byte[] act = new byte[StructDecoders.SIGACTION_SIZE];
        ByteBuffer.wrap(act).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1).putLong(8, 0xc000000L)
                .putLong(16, 0x7fbafb65a050L);
        Snapshot in = bytes(0x1000, act);
        Snapshot out = bytes(0x2000, new byte[StructDecoders.SIGACTION_SIZE]);
        long[] args = {10, 0x1000, 0x2000, 8, 0, 0};
        assertEquals("rt_sigaction(10, {sa_handler=0x1, sa_mask=[], sa_flags=0xc000000, sa_restorer=0x7fbafb65a050},"
                + " {sa_handler=0, sa_mask=[], sa_flags=0}, 8) = 0", line(RAW, Arch.X86_64, "rt_sigaction", args, in,
                0, out));
        assertEquals("rt_sigaction(10 /* SIGUSR1 */, {sa_handler=0x1 /* SIG_IGN */, sa_mask=[], sa_flags=0xc000000"
                + " /* SA_RESTORER|SA_ONSTACK */, sa_restorer=0x7fbafb65a050}, {sa_handler=0 /* SIG_DFL */,"
                + " sa_mask=[], sa_flags=0}, 8) = 0", line(VERBOSE_X, Arch.X86_64, "rt_sigaction", args, in, 0, out));
    }

    @Test
    void futexOperationIsHexUnderRawAndVerbose() {
        // python3 starting and joining a thread, under -X raw and -X verbose
        long[] args = {0x7f6ce84fca4cL, 0x81, 2147483647, 0, 0, 0};
        assertEquals("futex(0x7f6ce84fca4c, 0x81, 2147483647) = 0",
                line(RAW, Arch.X86_64, "futex", args, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("futex(0x7f6ce84fca4c, 0x81 /* FUTEX_WAKE_PRIVATE */, 2147483647) = 0",
                line(VERBOSE_X, Arch.X86_64, "futex", args, Snapshot.EMPTY, 0, Snapshot.EMPTY));
    }

    @Test
    void dupfdResultCarriesItsPath() {
        // strace -y: python3 calling fcntl.fcntl(w, fcntl.F_DUPFD, 10) on a pipe's write end
        Snapshot in = Snapshot.builder().fdPath(5, "pipe:[228666]").build();
        Snapshot out = Snapshot.builder().fdPath(11, "pipe:[228666]").build();
        assertEquals("fcntl(5<pipe:[228666]>, F_DUPFD, 10) = 11<pipe:[228666]>",
                line(opts(32, false, DecodeOptions.Xlat.ABBREV, 1, Set.of()), Arch.X86_64, "fcntl",
                        new long[] {5, 0, 10, 0, 0, 0}, in, 11, out));
    }

    @Test
    void devicesGainTheirNumbersUnderDoubleY() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/null")), "needs /dev/null to stat");
        // strace -yy -e trace=openat python3 -c 'import os; os.open("/dev/null", os.O_RDONLY)'
        Snapshot in = Snapshot.builder().add(new Snapshot.Region(0x1000, "/dev/null".getBytes(), true, true,
                Snapshot.Kind.STRING)).fdPath(-100, "/tmp").build();
        Snapshot out = Snapshot.builder().fdPath(3, "/dev/null").build();
        long[] args = {-100, 0x1000, 02000000, 0, 0, 0};
        assertEquals("openat(AT_FDCWD</tmp>, \"/dev/null\", O_RDONLY|O_CLOEXEC) = 3</dev/null<char 1:3>>",
                line(opts(32, false, DecodeOptions.Xlat.ABBREV, 2, Set.of()), Arch.X86_64, "openat", args, in, 3,
                        out));
        // -y alone leaves the device unmarked (strace -y: 3</dev/null>)
        assertEquals("openat(AT_FDCWD</tmp>, \"/dev/null\", O_RDONLY|O_CLOEXEC) = 3</dev/null>",
                line(opts(32, false, DecodeOptions.Xlat.ABBREV, 1, Set.of()), Arch.X86_64, "openat", args, in, 3,
                        out));
    }

    @Test
    void verboseShowsEveryArgument() {
        // strace -v -e trace=execve /bin/true $(seq 40): all 41 arguments, no "..." after the 32nd (envp emptied here)
        Snapshot.Builder b = Snapshot.builder();
        b.add(new Snapshot.Region(0x1000, "/bin/true".getBytes(), true, true, Snapshot.Kind.STRING));
        byte[] argv = new byte[64 * 8];
        ByteBuffer bb = ByteBuffer.wrap(argv).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder expected = new StringBuilder("execve(\"/bin/true\", [\"/bin/true\"");
        b.add(new Snapshot.Region(0x3000, "/bin/true".getBytes(), true, true, Snapshot.Kind.STRING));
        bb.putLong(0, 0x3000);
        for (int i = 1; i <= 40; i++) {
            bb.putLong(8 * i, 0x3000 + 16L * i);
            b.add(new Snapshot.Region(0x3000 + 16L * i, Integer.toString(i).getBytes(), true, true,
                    Snapshot.Kind.STRING));
            expected.append(", \"").append(i).append('"');
        }
        b.add(new Snapshot.Region(0x2000, argv, true, true, Snapshot.Kind.BYTES));
        b.add(new Snapshot.Region(0x8000, new byte[64 * 8], true, true, Snapshot.Kind.BYTES));
        expected.append("], []) = 0");
        assertEquals(expected.toString(), line(opts(32, true, DecodeOptions.Xlat.ABBREV, 0, Set.of()), Arch.X86_64,
                "execve", new long[] {0x1000, 0x2000, 0x8000, 0, 0, 0}, b.build(), 0, Snapshot.EMPTY));
    }
}
