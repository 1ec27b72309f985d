package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * riscv64's decoder facts on records built from riscv64's layouts (they run on
 * x86-64): the expected lines are what strace 6.1 built for riscv64 prints for
 * those values (checked in the emulated riscv64 machine, scripts/test-arch riscv64).
 */
@Tag("unit")
class Riscv64DecodeTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();

    @Test
    void sigactionHasNoRestorer() {
        // asm-generic struct sigaction without SA_RESTORER: handler, flags, mask (24 bytes).
        byte[] act = new byte[32];
        ByteBuffer.wrap(act).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 0x2ab7e0L).putLong(8, 0x10000000L)
                .putLong(16, 1L << 16).putLong(24, 0x7777L);
        assertEquals("rt_sigaction(SIGINT, {sa_handler=0x2ab7e0, sa_mask=[CHLD], sa_flags=SA_RESTART},"
                        + " {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0",
                line(DEF, Arch.RISCV64, "rt_sigaction", new long[] {2, 0x1000, 0x2000, 8, 0, 0}, bytes(0x1000, act),
                        0, bytes(0x2000, new byte[32])));
        // 0x04000000 is no flag on riscv: strace prints it as unknown bits (printflags: /* SA_??? */).
        ByteBuffer.wrap(act).order(ByteOrder.LITTLE_ENDIAN).putLong(8, 0x04000000L);
        assertEquals("rt_sigaction(SIGINT, {sa_handler=0x2ab7e0, sa_mask=[CHLD], sa_flags=0x4000000 /* SA_??? */}, NULL, 8) = 0",
                line(DEF, Arch.RISCV64, "rt_sigaction", new long[] {2, 0x1000, 0, 8, 0, 0}, bytes(0x1000, act),
                        0, Snapshot.EMPTY));
    }

    @Test
    void cloneTakesTlsBeforeChildTid() {
        assertEquals("clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
                        + "child_tidptr=0x3f9a6c70d0) = 97",
                line(DEF, Arch.RISCV64, "clone", new long[] {0x01200011, 0, 0, 0, 0x3f9a6c70d0L, 0},
                        Snapshot.EMPTY, 97, Snapshot.EMPTY));
    }

    @Test
    void genericTableWithRiscvCalls() {
        assertEquals(-1, Arch.RISCV64.syscallNumber("renameat"), "riscv has no renameat (no __ARCH_WANT_RENAMEAT)");
        assertEquals(259, Arch.RISCV64.syscallNumber("riscv_flush_icache"));
        assertEquals(56, Arch.RISCV64.syscallNumber("openat"));
        assertEquals("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3",
                line(DEF, Arch.RISCV64, "openat", new long[] {-100, 0x1000, 02000000, 0, 0, 0},
                        str(0x1000, "/etc/ld.so.cache"), 3, Snapshot.EMPTY));
        // asm-generic open flags, as x86-64's (arm64's O_DIRECTORY is 040000).
        assertEquals("openat(AT_FDCWD, \"/\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3",
                line(DEF, Arch.RISCV64, "openat", new long[] {-100, 0x1000, 02000000 | 0200000 | 04000, 0, 0, 0},
                        str(0x1000, "/"), 3, Snapshot.EMPTY));
    }

    @Test
    void seccompSiginfoNamesTheArch() {
        byte[] si = new byte[128];
        ByteBuffer bb = ByteBuffer.wrap(si).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(0, 31).putInt(8, 1).putLong(16, 0x3fa0011234L).putInt(24, 1).putInt(28, 0xC00000F3);
        assertEquals("{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x3fa0011234, si_syscall=1,"
                + " si_arch=AUDIT_ARCH_RISCV64}", SiginfoText.render(31, si));
    }
}
