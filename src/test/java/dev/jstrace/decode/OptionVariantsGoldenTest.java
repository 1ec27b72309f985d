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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden cases for the rendering options ({@code -s 0}, {@code -v}, {@code -X raw|verbose},
 * {@code -y}/{@code -yy}, {@code -e raw=}). Every expected line was copied from what the
 * installed strace 6.1 printed on this machine for the command named beside it; registers and
 * memory are rebuilt from that line's values.
 */
@Tag("unit")
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
        byte[] act = new byte[(int) SigactionDecoder.LAYOUT.byteSize()];
        ByteBuffer.wrap(act).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1).putLong(8, 0xc000000L)
                .putLong(16, 0x7fbafb65a050L);
        Snapshot in = bytes(0x1000, act);
        Snapshot out = bytes(0x2000, new byte[(int) SigactionDecoder.LAYOUT.byteSize()]);
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

    @Test
    void threadNamesOfFifteenCharactersAreMarkedTruncated() {
        // python3 -S calling prctl(PR_SET_NAME, ...) through ctypes with 14, 15 and 16 characters
        long[] args = {15, 0x1000, 0, 0, 0, 0};
        DecodeOptions def = DecodeOptions.defaults();
        assertEquals("prctl(PR_SET_NAME, \"abcdefghijklmn\") = 0",
                line(def, Arch.X86_64, "prctl", args, str(0x1000, "abcdefghijklmn"), 0, Snapshot.EMPTY));
        assertEquals("prctl(PR_SET_NAME, \"abcdefghijklmno\"...) = 0",
                line(def, Arch.X86_64, "prctl", args, str(0x1000, "abcdefghijklmno"), 0, Snapshot.EMPTY));
        Snapshot longer = Snapshot.builder().add(new Snapshot.Region(0x1000, "abcdefghijklmnop".getBytes(), true,
                false, Snapshot.Kind.STRING)).build();
        assertEquals("prctl(PR_SET_NAME, \"abcdefghijklmno\"...) = 0",
                line(def, Arch.X86_64, "prctl", args, longer, 0, Snapshot.EMPTY));
    }

    @Test
    void statfsAndFstatfs() {
        // python3 -S: os.statvfs("/"), os.statvfs("/proc"), os.fstatvfs(fd) on /etc/hostname
        byte[] ext = statfs(0xef53, 66053021, 60186686, 20731393, 16777216, 16360717, 0x273dc16e, 0x3bd981b);
        String extText = "{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, f_bfree=60186686, f_bavail=20731393,"
                + " f_files=16777216, f_ffree=16360717, f_fsid={val=[0x273dc16e, 0x3bd981b]}, f_namelen=255,"
                + " f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}";
        DecodeOptions def = DecodeOptions.defaults();
        assertEquals("statfs(\"/\", " + extText + ") = 0", line(def, Arch.X86_64, "statfs",
                new long[] {0x1000, 0x2000, 0, 0, 0, 0}, str(0x1000, "/"), 0, bytes(0x2000, ext)));
        assertEquals("fstatfs(3, " + extText + ") = 0", line(def, Arch.AARCH64, "fstatfs",
                new long[] {3, 0x2000, 0, 0, 0, 0}, Snapshot.EMPTY, 0, bytes(0x2000, ext)));
        assertEquals("statfs(\"/proc\", {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0,"
                + " f_files=0, f_ffree=0, f_fsid={val=[0x15, 0]}, f_namelen=255, f_frsize=4096,"
                + " f_flags=ST_VALID|ST_RELATIME}) = 0", line(def, Arch.X86_64, "statfs",
                new long[] {0x1000, 0x2000, 0, 0, 0, 0}, str(0x1000, "/proc"), 0,
                bytes(0x2000, statfs(0x9fa0, 0, 0, 0, 0, 0, 0x15, 0))));
    }

    private static byte[] statfs(long type, long blocks, long bfree, long bavail, long files, long ffree,
                                 int fsid0, int fsid1) {
        byte[] b = new byte[(int) StatfsDecoder.LAYOUT.byteSize()];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, type).putLong(8, 4096).putLong(16, blocks)
                .putLong(24, bfree).putLong(32, bavail).putLong(40, files).putLong(48, ffree).putInt(56, fsid0)
                .putInt(60, fsid1).putLong(64, 255).putLong(72, 4096).putLong(80, 0x1020);
        return b;
    }

    /** A pty's default termios, as python3's termios.tcgetattr read it. */
    private static byte[] defaultTermios(int lflag) {
        byte[] b = new byte[TermiosDecoder.SIZE];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x500).putInt(4, 0x5).putInt(8, 0xbf)
                .putInt(12, lflag);
        byte[] cc = {3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf, 0x17, 0x16, 0, 0, 0};
        System.arraycopy(cc, 0, b, 17, cc.length);
        return b;
    }

    @Test
    void terminalAttributes() {
        // strace -e trace=ioctl python3 -S -c 'import termios; t = termios.tcgetattr(0); termios.tcsetattr(0, ...)'
        // run on a pty from python3's pty.fork(), with -v, -X raw and -X verbose
        String abbrev = "{c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD,"
                + " c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}";
        long[] get = {0, 0x5401, 0x2000, 0, 0, 0};
        Snapshot out = bytes(0x2000, defaultTermios(0x8a3b));
        assertEquals("ioctl(0, TCGETS, " + abbrev + ") = 0",
                line(DecodeOptions.defaults(), Arch.X86_64, "ioctl", get, Snapshot.EMPTY, 0, out));
        assertEquals("ioctl(3, TCGETS, 0x7fff64914400) = -1 ENOTTY (Inappropriate ioctl for device)",
                line(DecodeOptions.defaults(), Arch.X86_64, "ioctl", new long[] {3, 0x5401, 0x7fff64914400L, 0, 0, 0},
                        Snapshot.EMPTY, -25, Snapshot.EMPTY));
        assertEquals("ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR,"
                + " c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=N_TTY,"
                + " c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1,"
                + " [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf,"
                + " [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}) = 0",
                line(opts(32, true, DecodeOptions.Xlat.ABBREV, 0, Set.of()), Arch.X86_64, "ioctl", get,
                        Snapshot.EMPTY, 0, out));
        assertEquals("ioctl(0, 0x5401, {c_iflag=0x500, c_oflag=0|0|0|0|0|0|0x5, c_cflag=0xf|0x30|0x80,"
                + " c_lflag=0x8a3b, ...}) = 0", line(RAW, Arch.X86_64, "ioctl", get, Snapshot.EMPTY, 0, out));
        assertEquals("ioctl(0, 0x5402 /* SNDCTL_TMR_START or TCSETS */, {c_iflag=0x500 /* ICRNL|IXON */,"
                + " c_oflag=0 /* NL0 */|0 /* CR0 */|0 /* TAB0 */|0 /* BS0 */|0 /* VT0 */|0 /* FF0 */|0x5 /* OPOST|ONLCR */,"
                + " c_cflag=0xf /* B38400 */|0x30 /* CS8 */|0x80 /* CREAD */,"
                + " c_lflag=0x8a3b /* ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE */, ...}) = 0",
                line(VERBOSE_X, Arch.X86_64, "ioctl", new long[] {0, 0x5402, 0x2000, 0, 0, 0},
                        bytes(0x2000, defaultTermios(0x8a3b)), 0, Snapshot.EMPTY));
        // tcsetattr(TCSADRAIN) with c_oflag cleared, CSTOPB set and ECHO off: nothing after FF0's "|"
        byte[] changed = defaultTermios(0x8a33);
        ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0).putInt(8, 0xbf | 0100);
        assertEquals("ioctl(0, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|,"
                + " c_cflag=B38400|CS8|CSTOPB|CREAD, c_lflag=ISIG|ICANON|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0",
                line(DecodeOptions.defaults(), Arch.X86_64, "ioctl", new long[] {0, 0x5403, 0x2000, 0, 0, 0},
                        bytes(0x2000, changed), 0, Snapshot.EMPTY));
    }

    private static byte[] longs(long... v) {
        byte[] b = new byte[8 * v.length];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) bb.putLong(8 * i, v[i]);
        return b;
    }

    @Test
    void alternateStacksAndTimers() {
        // A C program calling sigaltstack, setitimer, getitimer, timer_create/settime/gettime/delete,
        // traced by strace 6.1 (addresses and the remaining times are those strace printed).
        DecodeOptions def = DecodeOptions.defaults();
        assertEquals("sigaltstack({ss_sp=0x55c7afde42a0, ss_flags=0, ss_size=65536}, {ss_sp=NULL, ss_flags=SS_DISABLE,"
                + " ss_size=0}) = 0", line(def, Arch.X86_64, "sigaltstack", new long[] {0x1000, 0x2000, 0, 0, 0, 0},
                bytes(0x1000, longs(0x55c7afde42a0L, 0, 65536)), 0, bytes(0x2000, longs(0, 2, 0))));
        assertEquals("sigaltstack(NULL, {ss_sp=0x55c7afde42a0, ss_flags=0, ss_size=65536}) = 0", line(def, Arch.X86_64,
                "sigaltstack", new long[] {0, 0x2000, 0, 0, 0, 0}, Snapshot.EMPTY, 0,
                bytes(0x2000, longs(0x55c7afde42a0L, 0, 65536))));
        assertEquals("setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=500000}},"
                + " {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0", line(def, Arch.X86_64,
                "setitimer", new long[] {0, 0x1000, 0x2000, 0, 0, 0}, bytes(0x1000, longs(0, 0, 1, 500000)), 0,
                bytes(0x2000, longs(0, 0, 0, 0))));
        assertEquals("setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}},"
                + " NULL) = 0", line(def, Arch.X86_64, "setitimer", new long[] {0, 0x1000, 0, 0, 0, 0},
                bytes(0x1000, longs(0, 0, 0, 0)), 0, Snapshot.EMPTY));
        assertEquals("getitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=499979}})"
                + " = 0", line(def, Arch.X86_64, "getitimer", new long[] {0, 0x2000, 0, 0, 0, 0}, Snapshot.EMPTY, 0,
                bytes(0x2000, longs(0, 0, 1, 499979))));
        assertEquals("timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=5, tv_nsec=0}},"
                + " {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0", line(def, Arch.X86_64,
                "timer_settime", new long[] {0, 0, 0x1000, 0x2000, 0, 0}, bytes(0x1000, longs(0, 0, 5, 0)), 0,
                bytes(0x2000, longs(0, 0, 0, 0))));
        assertEquals("timer_gettime(0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=4, tv_nsec=999979679}})"
                + " = 0", line(def, Arch.X86_64, "timer_gettime", new long[] {0, 0x2000, 0, 0, 0, 0}, Snapshot.EMPTY, 0,
                bytes(0x2000, longs(0, 0, 4, 999979679))));
        assertEquals("timer_delete(0) = 0", line(def, Arch.X86_64, "timer_delete", new long[6], Snapshot.EMPTY, 0,
                Snapshot.EMPTY));
    }

    @Test
    void selectSetsAndTheTimeLeft() {
        // strace -e trace=pselect6 python3 -S -c 'import select, os; r, w = os.pipe();
        //   select.select([r], [], [], 0.001); os.write(w, b"x"); select.select([r], [w], [], 1)'
        DecodeOptions def = DecodeOptions.defaults();
        Snapshot.Builder in = Snapshot.builder().add(new Snapshot.Region(0x1000, longs(1L << 3), true, true,
                Snapshot.Kind.BYTES)).add(new Snapshot.Region(0x3000, longs(0, 1000000), true, true,
                Snapshot.Kind.BYTES));
        assertEquals("pselect6(4, [3], NULL, NULL, {tv_sec=0, tv_nsec=1000000}, NULL) = 0 (Timeout)",
                line(def, Arch.X86_64, "pselect6", new long[] {4, 0x1000, 0, 0, 0x3000, 0}, in.build(), 0,
                        Snapshot.EMPTY));
        Snapshot entry = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, longs(1L << 3), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x2000, longs(1L << 4), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x3000, longs(1, 0), true, true, Snapshot.Kind.BYTES)).build();
        Snapshot exit = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, longs(1L << 3), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x2000, longs(1L << 4), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x3000, longs(0, 999998307), true, true, Snapshot.Kind.BYTES)).build();
        assertEquals("pselect6(5, [3], [4], NULL, {tv_sec=1, tv_nsec=0}, NULL) = 2 (in [3], out [4],"
                + " left {tv_sec=0, tv_nsec=999998307})", line(def, Arch.X86_64, "pselect6",
                new long[] {5, 0x1000, 0x2000, 0, 0x3000, 0}, entry, 2, exit));
        // glibc's pselect(3) from a C program: the sigmask pair with a NULL mask
        Snapshot withMask = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, longs(1), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x3000, longs(0, 1000), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x4000, longs(0, 8), true, true, Snapshot.Kind.BYTES)).build();
        Snapshot left = Snapshot.builder()
                .add(new Snapshot.Region(0x1000, longs(1), true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x3000, longs(0, 499), true, true, Snapshot.Kind.BYTES)).build();
        assertEquals("pselect6(1, [0], NULL, NULL, {tv_sec=0, tv_nsec=1000}, {sigmask=NULL, sigsetsize=8}) = 1"
                + " (in [0], left {tv_sec=0, tv_nsec=499})", line(def, Arch.X86_64, "pselect6",
                new long[] {1, 0x1000, 0, 0, 0x3000, 0x4000}, withMask, 1, left));
    }

    private static byte[] flock(int type, int whence, long start, long len, int pid) {
        byte[] b = new byte[32];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) type).putShort(2, (short) whence)
                .putLong(8, start).putLong(16, len).putInt(24, pid);
        return b;
    }

    @Test
    void recordLocks() {
        // python3 -S: fcntl.lockf(fd, LOCK_EX), lockf(fd, LOCK_UN, 10, 5, 1), fcntl(fd, F_GETLK, ...) and an
        // F_SETLKW the kernel refused, traced by strace 6.1
        DecodeOptions def = DecodeOptions.defaults();
        assertEquals("fcntl(3, F_SETLKW, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0}) = 0",
                line(def, Arch.X86_64, "fcntl", new long[] {3, 7, 0x1000, 0, 0, 0},
                        bytes(0x1000, flock(1, 0, 0, 0, 0)), 0, Snapshot.EMPTY));
        assertEquals("fcntl(3, F_SETLKW, {l_type=F_UNLCK, l_whence=SEEK_CUR, l_start=5, l_len=10}) = 0",
                line(def, Arch.X86_64, "fcntl", new long[] {3, 7, 0x1000, 0, 0, 0},
                        bytes(0x1000, flock(2, 1, 5, 10, 0)), 0, Snapshot.EMPTY));
        assertEquals("fcntl(3, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=0, l_pid=0}) = 0",
                line(def, Arch.X86_64, "fcntl", new long[] {3, 5, 0x1000, 0, 0, 0},
                        bytes(0x1000, flock(0, 0, 0, 0, 0)), 0, bytes(0x1000, flock(2, 0, 0, 0, 0))));
        assertEquals("fcntl(3, F_SETLKW, {l_type=F_RDLCK, l_whence=SEEK_END, l_start=-3, l_len=7}) = -1 EINVAL"
                + " (Invalid argument)", line(def, Arch.X86_64, "fcntl", new long[] {3, 7, 0x1000, 0, 0, 0},
                bytes(0x1000, flock(0, 2, -3, 7, 0)), -22, Snapshot.EMPTY));
    }
}
