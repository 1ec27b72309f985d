package dev.jstrace.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.decode.DecodeOptions;
import dev.jstrace.decode.DecodedCall;
import dev.jstrace.decode.SyscallDecoder;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * strace 6.1's own set of syscalls per arch (generated from its src/linux/ARCH/syscallent.h) and
 * what the strace text does with a number outside it: strace 6.1 prints such a call raw, with six
 * arguments, as {@code syscall_0x102(...)}, even where the kernel tables jstrace is built from name it.
 */
@Tag("unit")
class StraceKnownSyscallsTest {
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        // x86-64: 0..334 and the common 424..450; uretprobe/uprobe (335, 336) and cachestat (451) on are newer.
        "X86_64, 0, true", "X86_64, 334, true", "X86_64, 335, false", "X86_64, 336, false", "X86_64, 423, false",
        "X86_64, 424, true", "X86_64, 450, true", "X86_64, 451, false", "X86_64, 469, false", "X86_64, -1, false",
        // aarch64: the generic 64/ list; 244..259 are the arch-specific block, unused on arm64.
        "AARCH64, 38, true", "AARCH64, 243, true", "AARCH64, 244, false", "AARCH64, 258, false",
        "AARCH64, 259, false", "AARCH64, 260, true", "AARCH64, 294, true", "AARCH64, 295, false",
        "AARCH64, 450, true", "AARCH64, 451, false",
        // riscv64: the generic list plus riscv_flush_icache (259); riscv_hwprobe (258, v6.4) is newer.
        "RISCV64, 258, false", "RISCV64, 259, true", "RISCV64, 451, false", "RISCV64, 450, true",
    })
    void straceKnowsItsOwnTable(Arch arch, int nr, boolean known) {
        assertEquals(known, arch.straceKnows(nr));
    }

    @Test
    void numbersStraceLacksPrintRawWhileTheKernelNameStaysForTheApi() {
        assertEquals("riscv_hwprobe", Arch.RISCV64.syscallName(258));
        assertEquals("syscall_0x102", Arch.RISCV64.straceName(258));
        assertEquals("riscv_flush_icache", Arch.RISCV64.straceName(259));
        assertEquals("syscall_0x1c3", Arch.X86_64.straceName(451));
        assertEquals("cachestat", Arch.X86_64.displayName(451));
        assertEquals("syscall_0x3e7", Arch.AARCH64.straceName(999));
        assertTrue(Arch.isRawName("syscall_0x102"));
        assertFalse(Arch.isRawName("riscv_hwprobe"));
        assertTrue(Arch.namesStraceLacks().containsAll(java.util.List.of("riscv_hwprobe", "cachestat", "uretprobe")));
        assertFalse(Arch.namesStraceLacks().contains("openat"));
        // strace's --seccomp-bpf filter stops past its table only: the holes in it run unseen.
        assertTrue(Arch.namesPastStracesTable().containsAll(java.util.List.of("cachestat", "file_setattr")));
        assertFalse(Arch.namesPastStracesTable().contains("riscv_hwprobe"));
        assertFalse(Arch.namesPastStracesTable().contains("uretprobe"));
    }

    @Test
    void theDecoderFollowsStracesSetOnlyWhenAsked() {
        // sid's static glibc at start, in the riscv64 guest under strace 6.1:
        //   syscall_0x102(0x3fffd5e5a8, 0x1, 0, 0, 0, 0) = 0
        long[] args = {0x3fffd5e5a8L, 1, 0, 0, 0, 0};
        assertEquals("syscall_0x102(0x3fffd5e5a8, 0x1, 0, 0, 0, 0) = 0",
                line(DecodeOptions.defaults().withStraceSyscalls(), Arch.RISCV64, 258, args, 0));
        // The Java API keeps the kernel's name and its five arguments.
        String api = line(DecodeOptions.defaults(), Arch.RISCV64, 258, args, 0);
        assertTrue(api.startsWith("riscv_hwprobe("), api);
        // A number strace knows decodes as before either way; an error prints as strace's errno.
        assertEquals(line(DecodeOptions.defaults(), Arch.RISCV64, 259, args, 0),
                line(DecodeOptions.defaults().withStraceSyscalls(), Arch.RISCV64, 259, args, 0));
        assertEquals("syscall_0x1c3(0xface0fedbadc0ded, 0x1, 0, 0, 0, 0) = -1 EBADF (Bad file descriptor)",
                line(DecodeOptions.defaults().withStraceSyscalls(), Arch.X86_64, 451,
                        new long[] {0xface0fedbadc0dedL, 1, 0, 0, 0, 0}, -9));
        // The option survives the timeline sinks' capture.
        assertTrue(DecodeOptions.defaults().withStraceSyscalls().withTimelineStrings().straceSyscalls());
    }

    private static String line(DecodeOptions o, Arch arch, int nr, long[] args, long rval) {
        var e = new RawEvent.SyscallEntry(1, 1, 0, arch, nr, args, Snapshot.EMPTY);
        var x = new RawEvent.SyscallExit(1, 1, 0, rval, rval < 0 && rval > -4096, Snapshot.EMPTY);
        DecodedCall d = new SyscallDecoder(o).decode(e, x);
        return d.name() + "(" + String.join(", ", d.argTexts()) + ") = " + d.result();
    }
}
