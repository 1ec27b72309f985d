package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * mmap's and remap_file_pages' flags, mremap's new address, arch_prctl, timer_create, the
 * utime family and siginfo at entry as strace 6.1 prints them; each expected line is one
 * strace 6.1's own suite expects (tests/mmap.c, remap_file_pages.c, arch_prctl.c,
 * timer_create.c, utimes.c, utime.c, pidfd_send_signal.c).
 */
@Tag("unit")
class MemoryAndTimeCallsGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();
    private static final DecodeOptions RAW = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.RAW, 0, Set.of());
    private static final DecodeOptions VERBOSE =
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of());

    private static String call(DecodeOptions o, String name, long[] args, Snapshot in, long rval, Snapshot out) {
        return line(o, Arch.X86_64, name, args, in, rval, out);
    }

    private static byte[] longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) b.putLong(x);
        return b.array();
    }

    @Test
    void mmapFlagsPrintTheTypeByValueThenTheBitsThenTheHugePageSize() {
        long[] file = {0, 0, 0, 0, 0, 0};
        assertEquals("mmap(NULL, 0, PROT_NONE, MAP_FILE, 0, 0) = -1 EBADF (Bad file descriptor)",
                call(DEF, "mmap", file, Snapshot.EMPTY, -9, Snapshot.EMPTY));
        assertEquals("mmap(NULL, 0, 0 /* PROT_NONE */, 0 /* MAP_FILE */, 0, 0) = -1 EBADF (Bad file descriptor)",
                call(VERBOSE, "mmap", file, Snapshot.EMPTY, -9, Snapshot.EMPTY));
        long flags = 0xf | 0x10 | 0x4000 | 0x40000 | (21L << 26);
        long[] remap = {0xfacefeeddeadf00dL, Long.parseUnsignedLong("16067382020775526127"), 0xdefaced00000000L,
                Long.parseUnsignedLong("14624237743343197933"), flags, 0};
        assertEquals("remap_file_pages(0xfacefeeddeadf00d, 16067382020775526127, 0xdefaced00000000 /* PROT_??? */,"
                        + " 14624237743343197933, 0xf /* MAP_??? */|MAP_FIXED|MAP_NORESERVE|MAP_HUGETLB"
                        + "|21<<MAP_HUGE_SHIFT) = -1 EINVAL (Invalid argument)",
                call(DEF, "remap_file_pages", remap, Snapshot.EMPTY, -22, Snapshot.EMPTY));
        assertEquals("remap_file_pages(0xfacefeeddeadf00d, 16067382020775526127, 0xdefaced00000000,"
                        + " 14624237743343197933, 0x5404401f) = -1 EINVAL (Invalid argument)",
                call(RAW, "remap_file_pages", remap, Snapshot.EMPTY, -22, Snapshot.EMPTY));
    }

    @Test
    void mremapPrintsTheNewAddressOnlyWhenMovedToIt() {
        assertEquals("mremap(0xfacefeed000, 24576, 12288, 0) = 0xfacefeed000",
                call(DEF, "mremap", new long[] {0xfacefeed000L, 24576, 12288, 0, 0, 0}, Snapshot.EMPTY,
                        0xfacefeed000L, Snapshot.EMPTY));
        assertEquals("mremap(0xfacefeed000, 12288, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0xfacefef0000) = 0xfacefef0000",
                call(DEF, "mremap", new long[] {0xfacefeed000L, 12288, 8192, 3, 0xfacefef0000L, 0}, Snapshot.EMPTY,
                        0xfacefef0000L, Snapshot.EMPTY));
    }

    @Test
    void archPrctlByCode() {
        assertEquals("arch_prctl(0xdeadc0de /* ARCH_??? */, 0) = -1 EINVAL (Invalid argument)",
                call(DEF, "arch_prctl", new long[] {0xdeadc0deL, 0, 0, 0, 0, 0}, Snapshot.EMPTY, -22, Snapshot.EMPTY));
        assertEquals("arch_prctl(ARCH_GET_GS, [NULL]) = 0",
                call(DEF, "arch_prctl", new long[] {0x1004, 0x1000, 0, 0, 0, 0}, Snapshot.EMPTY, 0,
                        bytes(0x1000, longs(0))));
        assertEquals("arch_prctl(ARCH_GET_CPUID) = 0",
                call(DEF, "arch_prctl", new long[] {0x1011, 0xdeadc0deL, 0, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("arch_prctl(ARCH_GET_XCOMP_SUPP, [0x600e7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM"
                        + "|XFEATURE_MASK_AVX512|XFEATURE_MASK_XTILE */]) = 0",
                call(DEF, "arch_prctl", new long[] {0x1021, 0x1000, 0, 0, 0, 0}, Snapshot.EMPTY, 0,
                        bytes(0x1000, longs(0x600e7))));
        assertEquals("arch_prctl(0x1023 /* ARCH_REQ_XCOMP_PERM */, 0xb /* XFEATURE_??? */) = 0x1 (XFEATURE_MASK_FP)",
                call(VERBOSE, "arch_prctl", new long[] {0x1023, 0xb, 0, 0, 0, 0}, Snapshot.EMPTY, 1, Snapshot.EMPTY));
    }

    @Test
    void timerCreatePrintsTheSigevent() {
        byte[] sev = new byte[64];
        ByteBuffer.wrap(sev).order(ByteOrder.LITTLE_ENDIAN).putLong(0xdeadbeefbadc0dedL).putInt(0xfacefeed)
                .putInt(0xdefaced);
        assertEquals("timer_create(CLOCK_REALTIME, {sigev_value={sival_int=-1159983635, sival_ptr=0xdeadbeefbadc0ded},"
                        + " sigev_signo=4207869677, sigev_notify=0xdefaced /* SIGEV_??? */}, NULL)"
                        + " = -1 EINVAL (Invalid argument)",
                call(DEF, "timer_create", new long[] {0, 0x1000, 0, 0, 0, 0}, bytes(0x1000, sev), -22, Snapshot.EMPTY));
    }

    @Test
    void utimesDatesEachTimevalInMicroseconds() {
        assertEquals("utimes(\"utimes_sample\", [{tv_sec=1492358607, tv_usec=345678} /* 2017-04-16T16:03:27.345678+0000 */,"
                        + " {tv_sec=1492356078, tv_usec=1000001}]) = -1 ENOENT (No such file or directory)",
                call(DEF, "utimes", new long[] {0x2000, 0x1000, 0, 0, 0, 0}, Snapshot.builder()
                        .add(new Snapshot.Region(0x1000, longs(1492358607, 345678, 1492356078, 1000001), true, true,
                                Snapshot.Kind.BYTES))
                        .add(new Snapshot.Region(0x2000, "utimes_sample".getBytes(), true, true, Snapshot.Kind.STRING))
                        .build(), -2, Snapshot.EMPTY));
        assertEquals(null, TimeArgs.usecComment(0, 0));
        assertEquals("1970-01-01T00:00:00.000001+0000", TimeArgs.usecComment(0, 1));
    }

    @Test
    void siginfoAtEntryPrintsErrnoAfterTheCode() {
        byte[] si = new byte[128];
        ByteBuffer.wrap(si).order(ByteOrder.LITTLE_ENDIAN).putInt(10).putInt(-1).putInt(-1).putInt(0).putInt(21886)
                .putInt(-1).putLong(-1);
        assertEquals("pidfd_send_signal(3, SIGUSR2, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=4294967295,"
                        + " si_pid=21886, si_uid=-1, si_int=-1, si_ptr=0xffffffffffffffff}, 0xffffffff)"
                        + " = -1 EINVAL (Invalid argument)",
                call(DEF, "pidfd_send_signal", new long[] {3, 12, 0x1000, 0xffffffffffffffffL, 0, 0},
                        bytes(0x1000, si), -22, Snapshot.EMPTY));
    }

    @Test
    void numaCallsPrintNodeMasksAndModes() {
        assertEquals("set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, [0x00000000000001], 2) = -1 EINVAL (Invalid argument)",
                call(DEF, "set_mempolicy", new long[] {2 | 0x8000, 0x1000, 2, 0, 0, 0}, bytes(0x1000, longs(1)), -22,
                        Snapshot.EMPTY));
        // One node: (1 + 62) / 64 words is none, and strace prints the address.
        assertEquals("set_mempolicy(MPOL_BIND, 0x1000, 1) = -1 EINVAL (Invalid argument)",
                call(DEF, "set_mempolicy", new long[] {2, 0x1000, 1, 0, 0, 0}, bytes(0x1000, longs(1)), -22,
                        Snapshot.EMPTY));
        assertEquals("set_mempolicy(0x8002 /* MPOL_BIND|MPOL_F_STATIC_NODES */, [], 0) = -1 EINVAL (Invalid argument)",
                call(VERBOSE, "set_mempolicy", new long[] {2 | 0x8000, 0x1000, 0, 0, 0, 0}, Snapshot.EMPTY, -22,
                        Snapshot.EMPTY));
        assertEquals("mbind(0xfffffff1fffffff2, 18446744026464911348, MPOL_DEFAULT, 0xfffffff5fffffff6,"
                        + " 18446744039349813240, MPOL_MF_STRICT|MPOL_MF_MOVE|MPOL_MF_MOVE_ALL|0xfffffff8)"
                        + " = -1 EINVAL (Invalid argument)",
                call(DEF, "mbind", new long[] {0xfffffff1fffffff2L, Long.parseUnsignedLong("18446744026464911348"), 0,
                        0xfffffff5fffffff6L, Long.parseUnsignedLong("18446744039349813240"), 0xfffffff7ffffffffL},
                        Snapshot.EMPTY, -22, Snapshot.EMPTY));
        byte[] status = new byte[8];
        ByteBuffer.wrap(status).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(-2);
        assertEquals("move_pages(1, 2, [0x1000, NULL], NULL, [0, -ENOENT], MPOL_MF_MOVE) = 0",
                call(DEF, "move_pages", new long[] {1, 2, 0x3000, 0, 0x4000, 0xfacefeed00000002L},
                        bytes(0x3000, longs(0x1000, 0)), 0, bytes(0x4000, status)));
    }
}
