package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden lines for the fixes the differential corpus ({@link StraceDifferentialTest})
 * found. Every expected string was copied from what the installed strace 6.1 printed
 * for the corpus programs on this machine (ls, find -X verbose, sort, cp, python3
 * sockets/subprocess, java -version); registers and memory are rebuilt from the
 * values in those lines.
 */
@Tag("unit")
class CorpusGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();
    private static final DecodeOptions VERBOSE =
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of());
    private static final Arch X = Arch.X86_64;

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void emptyReadAndEndOfDirectory() {
        // strace -f ls -la .
        assertEquals("read(3, \"\", 1024) = 0", line(DEF, X, "read", new long[] {3, 0x55d0c0a0, 1024, 0, 0, 0},
                Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("getdents64(3, 0x55971f36b2d0 /* 0 entries */, 32768) = 0", line(DEF, X, "getdents64",
                new long[] {3, 0x55971f36b2d0L, 32768, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
    }

    @Test
    void openAndSigactionFlagOrder() {
        assertEquals("openat(AT_FDCWD, \".\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3", line(DEF, X, "openat",
                new long[] {-100, 0x1000, 02204000, 0, 0, 0}, str(0x1000, "."), 3, Snapshot.EMPTY));
        assertEquals("openat(AT_FDCWD, \"g.txt\", O_RDONLY|O_PATH|O_DIRECTORY) = -1 ENOENT (No such file or directory)",
                line(DEF, X, "openat", new long[] {-100, 0x1000, 010200000, 0, 0, 0}, str(0x1000, "g.txt"), -2,
                        Snapshot.EMPTY));
        // java -version: rt_sigaction(SIGRT_1, {..., sa_flags=SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_SIGINFO, ...})
        assertEquals("SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_SIGINFO",
                Constants.saFlags(dev.jstrace.arch.Arch.X86_64).render(0x1c000004L, DecodeOptions.Xlat.ABBREV));
    }

    @Test
    void cpuSetsIntValuesAndPollResults() {
        byte[] mask = new byte[32];
        mask[0] = 3;
        assertEquals("sched_getaffinity(0, 128, [0 1]) = 32", line(DEF, X, "sched_getaffinity",
                new long[] {0, 128, 0x2000, 0, 0, 0}, Snapshot.EMPTY, 32, bytes(0x2000, mask)));
        assertEquals("setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0", line(DEF, X, "setsockopt",
                new long[] {3, 1, 2, 0x3000, 4, 0}, bytes(0x3000, le(4).putInt(1).array()), 0, Snapshot.EMPTY));
        byte[] in = le(16).putInt(3).putShort((short) 1).putShort((short) 0)
                .putInt(5).putShort((short) 1).putShort((short) 0).array();
        byte[] out = le(16).putInt(3).putShort((short) 1).putShort((short) 1)
                .putInt(5).putShort((short) 1).putShort((short) 0).array();
        assertEquals("poll([{fd=3, events=POLLIN}, {fd=5, events=POLLIN}], 2, -1) = 1 ([{fd=3, revents=POLLIN}])",
                line(DEF, X, "poll", new long[] {0x4000, 2, -1, 0, 0, 0}, bytes(0x4000, in), 1, bytes(0x4000, out)));
    }

    @Test
    void ioctlsClocksAndPrctl() {
        assertEquals("ioctl(3, FIOCLEX) = 0", line(DEF, X, "ioctl", new long[] {3, 0x5451, 0, 0, 0, 0},
                Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EOPNOTSUPP (Operation not supported)",
                line(DEF, X, "ioctl", new long[] {4, 0x40049409L, 3, 0, 0, 0}, Snapshot.EMPTY, -95, Snapshot.EMPTY));
        assertEquals("clock_getres(0xfffc7626 /* CLOCK_??? */, {tv_sec=0, tv_nsec=1}) = 0", line(DEF, X,
                "clock_getres", new long[] {0xfffffffffffc7626L, 0x5000, 0, 0, 0, 0}, Snapshot.EMPTY, 0,
                bytes(0x5000, le(16).putLong(0).putLong(1).array())));
        assertEquals("prctl(PR_SET_NAME, \"VM Thread\") = 0", line(DEF, X, "prctl",
                new long[] {15, 0x6000, 0, 1, 0, 0}, str(0x6000, "VM Thread"), 0, Snapshot.EMPTY));
        assertEquals("prctl(PR_SET_NAME, \"Reference Handl\"...) = 0", line(DEF, X, "prctl",
                new long[] {15, 0x6000, 0, 1, 0, 0}, str(0x6000, "Reference Handler"), 0, Snapshot.EMPTY));
    }

    @Test
    void verboseXlatForms() {
        // strace -f -X verbose find .
        assertEquals("prlimit64(0, 0x3 /* RLIMIT_STACK */, NULL, {rlim_cur=8388608 /* 8192*1024 */, "
                        + "rlim_max=18446744073709551615 /* RLIM64_INFINITY */}) = 0",
                line(VERBOSE, X, "prlimit64", new long[] {0, 3, 0, 0x7000, 0, 0}, Snapshot.EMPTY, 0,
                        bytes(0x7000, le(16).putLong(8388608).putLong(-1).array())));
        assertEquals("fcntl(4, 0x406 /* F_DUPFD_CLOEXEC */, 3) = 5", line(VERBOSE, X, "fcntl",
                new long[] {4, 0x406, 3, 0, 0, 0}, Snapshot.EMPTY, 5, Snapshot.EMPTY));
        byte[] st = le(144).array();
        ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 0100644).putLong(48, 34947);
        assertEquals("newfstatat(3, \"\", {st_mode=0100644 /* S_IFREG|0644 */, st_size=34947, ...}, "
                        + "0x1000 /* AT_EMPTY_PATH */) = 0",
                line(VERBOSE, X, "newfstatat", new long[] {3, 0x1000, 0x8000, 0x1000, 0, 0}, str(0x1000, ""), 0,
                        bytes(0x8000, st)));
    }

    @Test
    void clone3ParentTidFollowsTheStruct() {
        // java -version: the struct at entry, " => {parent_tid=[28987]}" from the exit
        byte[] args = le(88).putLong(0x3d0f00).putLong(0).putLong(0x7fa0d2f1f990L).putLong(0x7fa0d2f1f990L)
                .putLong(0).putLong(0x7fa0d2e20000L).putLong(0xfef80).putLong(0x7fa0d2f1f6c0L).array();
        Snapshot in = bytes(0x9000, args);
        // At exit strace reads the struct again, then the tid through parent_tid.
        Snapshot out = Snapshot.builder().add(new Snapshot.Region(0x9000, args, true, true, Snapshot.Kind.BYTES))
                .add(new Snapshot.Region(0x7fa0d2f1f990L, le(4).putInt(28987).array(), true, true,
                        Snapshot.Kind.BYTES)).build();
        assertEquals("clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM"
                        + "|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7fa0d2f1f990, "
                        + "parent_tid=0x7fa0d2f1f990, exit_signal=0, stack=0x7fa0d2e20000, stack_size=0xfef80, "
                        + "tls=0x7fa0d2f1f6c0} => {parent_tid=[28987]}, 88) = 28987",
                line(DEF, X, "clone3", new long[] {0x9000, 88, 0, 0, 0, 0}, in, 28987, out));
    }

    @Test
    void wholeSecondTimesHaveNoFraction() {
        Assumptions.assumeTrue(ZoneId.systemDefault().getRules().getOffset(java.time.Instant.EPOCH)
                .equals(ZoneOffset.UTC), "strace prints local time; the expected text is in UTC");
        // strace -v stat f.txt: st_mtime=1685210301 /* 2023-05-27T17:58:21+0000 */
        assertEquals("2023-05-27T17:58:21+0000", StructDecoders.dateText(1685210301, 0));
    }
}
