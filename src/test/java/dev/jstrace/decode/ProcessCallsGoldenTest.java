package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calls about other processes as strace 6.1 prints them: rt_sigqueueinfo and rt_tgsigqueueinfo
 * (the siginfo they send), get_robust_list (the head and its size written at exit) and
 * process_vm_readv/writev (the local iovecs with their data, the remote ones as addresses).
 * Each expected line is one strace's own suite expects (tests/NAME.c) and strace 6.1 printed.
 */
@Tag("unit")
class ProcessCallsGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();

    private static byte[] siginfo(int signo, int code, int errno, int pid, int uid, long value) {
        ByteBuffer b = DecoderGolden.struct(SiginfoLayouts.SIZE);
        DecoderGolden.set(b, SiginfoLayouts.RT, "si_signo", signo);
        DecoderGolden.set(b, SiginfoLayouts.RT, "si_errno", errno);
        DecoderGolden.set(b, SiginfoLayouts.RT, "si_code", code);
        DecoderGolden.set(b, SiginfoLayouts.RT, "si_pid", pid);
        DecoderGolden.set(b, SiginfoLayouts.RT, "si_uid", uid);
        DecoderGolden.set(b, SiginfoLayouts.RT, "si_value", value);
        return b.array();
    }

    @Test
    void sigqueueinfoSendsASiginfo() {
        DecoderGolden g = new DecoderGolden().put(0x1000, siginfo(10, -1, 0, 20366, 0, 0xdeadbeefbadc0dedL))
                .put(0x2000, siginfo(10, -1, 2, 21473, 0, 0xdeadbeeffacefeedL));
        assertEquals("rt_sigqueueinfo(20366, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=20366, si_uid=0,"
                        + " si_int=-1159983635, si_ptr=0xdeadbeefbadc0ded}) = 0",
                g.line(Arch.X86_64, "rt_sigqueueinfo", new long[] {20366, 10, 0x1000}, 0));
        assertEquals("rt_tgsigqueueinfo(21473, 21473, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=ENOENT,"
                        + " si_pid=21473, si_uid=0, si_int=-87097619, si_ptr=0xdeadbeeffacefeed}) = 0",
                g.line(Arch.X86_64, "rt_tgsigqueueinfo", new long[] {21473, 21473, 10, 0x2000}, 0));
    }

    @Test
    void getRobustListWritesAtExit() {
        DecoderGolden g = new DecoderGolden().put(0x1000, ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(0, 0x7ff1b21eea20L).array()).put(0x2000, new byte[] {24, 0, 0, 0, 0, 0, 0, 0});
        assertEquals("get_robust_list(0, NULL, NULL) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "get_robust_list", new long[] {0, 0, 0}, -14));
        assertEquals("get_robust_list(15357, [0x7ff1b21eea20], [24]) = 0",
                g.line(Arch.X86_64, "get_robust_list", new long[] {15357, 0x1000, 0x2000}, 0));
        assertEquals("get_robust_list(15357, 0x1000, 0x2000) = -1 ESRCH (No such process)",
                g.line(Arch.X86_64, "get_robust_list", new long[] {15357, 0x1000, 0x2000}, -3));
    }

    private static byte[] iovecs(long... baseAndLen) {
        ByteBuffer b = DecoderGolden.struct(8L * baseAndLen.length);
        for (int i = 0; i < baseAndLen.length; i++) b.putLong(8 * i, baseAndLen[i]);
        return b.array();
    }

    @Test
    void processVmRemoteIovecsAreAddresses() {
        DecoderGolden g = new DecoderGolden().put(0x1000, iovecs(0x5000, 3, 0x6000, 4))
                .put(0x2000, iovecs(0x7000, 7)).put(0x5000, "abc".getBytes()).put(0x6000, "defg".getBytes());
        assertEquals("process_vm_writev(10636, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"defg\", iov_len=4}], 2,"
                        + " [{iov_base=0x7000, iov_len=7}], 1, 0) = 7",
                g.line(Arch.X86_64, "process_vm_writev", new long[] {10636, 0x1000, 2, 0x2000, 1, 0}, 7));
        assertEquals("process_vm_readv(10636, [{iov_base=\"abc\", iov_len=3}, {iov_base=\"d\", iov_len=4}], 2,"
                        + " [{iov_base=0x7000, iov_len=7}], 1, 0) = 4",
                g.line(Arch.X86_64, "process_vm_readv", new long[] {10636, 0x1000, 2, 0x2000, 1, 0}, 4));
        assertEquals("process_vm_readv(10636, [{iov_base=0x5000, iov_len=3}, {iov_base=0x6000, iov_len=4}], 2,"
                        + " [{iov_base=0x7000, iov_len=7}], 1, 0) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "process_vm_readv", new long[] {10636, 0x1000, 2, 0x2000, 1, 0}, -14));
    }

    @Test
    void anIovecWithoutALimitIsNeverCountedDown() {
        // strace's print_iovec_klong: a data size of -1 is no limit; huge lengths do not wrap it round.
        DecoderGolden g = new DecoderGolden().put(0x1000, iovecs(0x5000, -2, 0x6000, 2)).put(0x5000, "ab".getBytes())
                .put(0x6000, "cd".getBytes());
        assertEquals("writev(1, [{iov_base=0x5000, iov_len=18446744073709551614}, {iov_base=\"cd\", iov_len=2}], 2)"
                        + " = -1 EINVAL (Invalid argument)",
                g.line(Arch.X86_64, "writev", new long[] {1, 0x1000, 2}, -22));
    }
}
