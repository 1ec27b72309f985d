package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * strace 6.1's rules for reading tracee memory (ucopy.c's umoven/umovestr, util.c's printstr_ex and
 * printpathn): how many bytes it reads, and when a read that runs into unmapped memory makes it print
 * the address. The memory image ends where the tracee's mapping ends. Expected lines are those of
 * strace 6.1's suite (tests/NAME.c names the test).
 */
@Tag("unit")
class MemoryReadRulesGoldenTest {
    private static final long P = 0x7f0000001000L;

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void aBufferIsReadToOneByteMoreThanTheStringLimitAndIsItsAddressWhenThatByteIsUnmapped() {
        // tests/printstrn-umoven-undumpable.c: add_key's payload of 33 bytes whose last one is unmapped;
        // strace reads min(len, -s + 1) = 33 bytes, all or nothing.
        var g = new DecoderGolden().put(P, filled(32, '/'));
        assertEquals("add_key(NULL, NULL, 0x7f0000001000, 33, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "add_key", new long[] {0, 0, P, 33, -1}, -14));
        assertEquals("add_key(NULL, NULL, \"" + "/".repeat(32) + "\", 32, KEY_SPEC_THREAD_KEYRING)"
                + " = -1 EFAULT (Bad address)", g.line(Arch.X86_64, "add_key", new long[] {0, 0, P, 32, -1}, -14));
        // Longer than -s with the byte after the shown ones mapped: the first 32 and "...".
        var more = new DecoderGolden().put(P, filled(33, '/'));
        assertEquals("add_key(NULL, NULL, \"" + "/".repeat(32) + "\"..., 4096, KEY_SPEC_THREAD_KEYRING)"
                + " = -1 EFAULT (Bad address)", more.line(Arch.X86_64, "add_key", new long[] {0, 0, P, 4096, -1}, -14));
    }

    @Test
    void anIovecOfHugeLengthReadsOneByteMoreThanTheStringLimit() {
        // tests/printstr.c: iov_len=-1 is a size_t, 33 bytes are read; 32 mapped ones print as the address.
        long iov = 0x5000;
        byte[] vec = DecoderGolden.struct(16).putLong(0, P).putLong(8, -1L).array();
        var g = new DecoderGolden().put(iov, vec).put(P, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("writev(-1, [{iov_base=0x7f0000001000, iov_len=18446744073709551615}], 1) = -1 EBADF (Bad file descriptor)",
                g.line(Arch.X86_64, "writev", new long[] {-1, iov, 1}, -9));
    }

    @Test
    void aPathWithoutANulInPathMaxBytesPrintsItsFirst4095AndEllipsis() {
        // tests/chdir.c: PATH_MAX slashes then an unmapped page.
        var g = new DecoderGolden().put(P, filled(4096, '/'));
        assertEquals("chdir(\"" + "/".repeat(4095) + "\"...) = -1 ENAMETOOLONG (File name too long)",
                g.line(Arch.X86_64, "chdir", new long[] {P}, -36));
        // 4095 bytes and the NUL: printed whole.
        byte[] b = filled(4096, '/');
        b[4095] = 0;
        assertEquals("chdir(\"" + "/".repeat(4095) + "\") = -1 ENAMETOOLONG (File name too long)",
                new DecoderGolden().put(P, b).line(Arch.X86_64, "chdir", new long[] {P}, -36));
    }
    @Test
    void anArgvRunningIntoUnmappedMemoryEndsWithTheAddressOfThePointerThatCouldNotBeRead() {
        // tests/execve.c: three strings, then pointers up to the end of the mapping.
        long argv = 0x6000, envp = 0x7000;
        var v = DecoderGolden.struct(24).putLong(0, 0x9000).putLong(8, 0x9010).putLong(16, -1L).array();
        var e = DecoderGolden.struct(16).putLong(0, 0x9000).putLong(8, 0x9010).array();
        var g = new DecoderGolden().put(argv, v).put(envp, e).putString(0x9000, "first").putString(0x9010, "second")
                .putString(0x8000, "name");
        assertEquals("execve(\"name\", [\"first\", \"second\", 0xffffffffffffffff, ... /* 0x6018 */],"
                + " 0x7000 /* 2 vars, unterminated */) = -1 EACCES (Permission denied)",
                g.line(Arch.X86_64, "execve", new long[] {0x8000, argv, envp}, -13));
        // An array whose first pointer is unmapped is its address, argv and envp alike.
        assertEquals("execve(\"name\", 0x5000, 0x5000) = -1 ENOENT (No such file or directory)",
                g.line(Arch.X86_64, "execve", new long[] {0x8000, 0x5000, 0x5000}, -2));
    }
    @Test
    void aSigeventIsReadAsStracesThirtyTwoByteStructNotGlibcsSixtyFour() {
        // tests/mq_sendrecv.c: mq_notify's struct sigevent at the last 32 bytes of a mapping.
        var sev = DecoderGolden.struct(32).putLong(0, 0xdeadbeefbadc0dedL).putInt(8, 14).putInt(12, 0).array();
        var g = new DecoderGolden().put(P, sev);
        assertEquals("mq_notify(-559039906, {sigev_value={sival_int=-1159983635, sival_ptr=0xdeadbeefbadc0ded},"
                + " sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "mq_notify", new long[] {0xfeedfacedeadba5eL, P}, -14));
    }
    @Test
    void epollCtlDelDoesNotReadItsEvent() {
        // tests/epoll_ctl.c: the kernel ignores the event of EPOLL_CTL_DEL, strace prints its address.
        var ev = DecoderGolden.struct(12).putInt(0, 1).putLong(4, -1L).array();
        var g = new DecoderGolden().put(P, ev);
        assertEquals("epoll_ctl(-3, EPOLL_CTL_DEL, -4, 0x7f0000001000) = -1 EBADF (Bad file descriptor)",
                g.line(Arch.X86_64, "epoll_ctl", new long[] {-3, 2, -4, P}, -9));
        assertEquals("epoll_ctl(-3, EPOLL_CTL_ADD, -4, {events=EPOLLIN, data={u32=4294967295, u64=18446744073709551615}})"
                + " = -1 EBADF (Bad file descriptor)", g.line(Arch.X86_64, "epoll_ctl", new long[] {-3, 1, -4, P}, -9));
    }
    @Test
    void epollPwait2PrintsItsInputsAtExitAsAddressesAfterAnError() {
        // tests/epoll_pwait2.c: strace prints the timeout and the sigmask after the events, at exit.
        long ts = 0x3000, mask = 0x4000;
        var g = new DecoderGolden().put(ts, DecoderGolden.struct(16).putLong(0, -1).putLong(8, -1).array())
                .put(mask, new byte[8]);
        assertEquals("epoll_pwait2(-1, 0x5000, 4, 0x3000, 0x4000, 8) = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "epoll_pwait2", new long[] {-1, 0x5000, 4, ts, mask, 8}, -22));
    }

    @Test
    void processMadvisePrintsTheIovecBasesAsAddresses() {
        // tests/process_madvise.c: the iovecs describe another process's memory.
        long iov = 0x6000;
        var v = DecoderGolden.struct(16).putLong(0, 0x8786858483828180L).putLong(8, 5).array();
        var g = new DecoderGolden().put(iov, v);
        assertEquals("process_madvise(0, [{iov_base=0x8786858483828180, iov_len=5}], 1, MADV_COLD, 0xffffffff)"
                + " = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "process_madvise", new long[] {0, iov, 1, 20, 0xffffffffL}, -22));
    }
    @Test
    void ioPgeteventsPrintsItsTimeoutAndSignalSetWhetherItFailedOrNot() {
        // tests/aio_pgetevents.c: the kernel reads both at entry; strace prints them after the events.
        long ts = 0x3000, pair = 0x4000, set = 0x4100;
        var g = new DecoderGolden().put(ts, DecoderGolden.struct(16).putLong(0, 3735928559L).putLong(8, 4207869677L).array())
                .put(pair, DecoderGolden.struct(16).putLong(0, set).putLong(8, 8).array())
                .put(set, DecoderGolden.struct(8).putLong(0, -1L).array());
        assertEquals("io_pgetevents(0xface1e55deadbeef, 0, 0, NULL, {tv_sec=3735928559, tv_nsec=4207869677},"
                + " {sigmask=~[], sigsetsize=8}) = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "io_pgetevents", new long[] {0xface1e55deadbeefL, 0, 0, 0, ts, pair}, -22));
        assertEquals("io_pgetevents(0xface1e55deadbeef, -1, 2, 0x5000, NULL, NULL) = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "io_pgetevents", new long[] {0xface1e55deadbeefL, -1, 2, 0x5000, 0, 0}, -22));
    }
}
