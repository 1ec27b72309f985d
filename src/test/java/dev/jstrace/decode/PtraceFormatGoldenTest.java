package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.ByteBuffer;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ptrace(2) as strace 6.1 prints it: requests, resume signals, options, and
 * PTRACE_GET_SYSCALL_INFO's struct cut at the size both sides cover; each expected line is one
 * of strace's own suite (tests/ptrace.c, tests/ptrace_syscall_info.c).
 */
@Tag("unit")
class PtraceFormatGoldenTest {
    private static final DecodeOptions VERBOSE =
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of());

    @Test
    void requestsAndTheirArguments() {
        DecoderGolden g = new DecoderGolden();
        assertEquals("ptrace(0xdeadbeeffffffeed /* PTRACE_??? */, 11412, NULL, NULL) = -1 ESRCH (No such process)",
                g.line(Arch.X86_64, "ptrace", new long[] {0xdeadbeeffffffeedL, 11412, 0, 0}, -3));
        assertEquals("ptrace(PTRACE_ATTACH, 11412) = -1 EPERM (Operation not permitted)",
                g.line(Arch.X86_64, "ptrace", new long[] {0x10, 11412, 0, 0}, -1));
        assertEquals("ptrace(PTRACE_CONT, 11412, NULL, SIGUSR1) = -1 ESRCH (No such process)",
                g.line(Arch.X86_64, "ptrace", new long[] {7, 11412, 0, 10}, -3));
        assertEquals("ptrace(PTRACE_SEIZE, 11412, 0xdeadbeeffffffeed, PTRACE_O_TRACESYSGOOD) = -1 EIO"
                        + " (Input/output error)",
                g.line(Arch.X86_64, "ptrace", new long[] {0x4206, 11412, 0xdeadbeeffffffeedL, 1}, -5));
        assertEquals("ptrace(0x4200 /* PTRACE_SETOPTIONS */, 12456, NULL, 0x1 /* PTRACE_O_TRACESYSGOOD */) = 0",
                g.line(VERBOSE, Arch.X86_64, "ptrace", new long[] {0x4200, 12456, 0, 1}, 0));
    }

    @Test
    void syscallInfoAsFarAsFetched() {
        ByteBuffer b = DecoderGolden.struct(StructLayouts.size(PtraceFormat.SYSCALL_INFO));
        DecoderGolden.set(b, PtraceFormat.SYSCALL_INFO, "op", 1);
        DecoderGolden.set(b, PtraceFormat.SYSCALL_INFO, "arch", 0xc000003eL);
        DecoderGolden.set(b, PtraceFormat.SYSCALL_INFO, "instruction_pointer", 0x7efcb4f57829L);
        DecoderGolden.set(b, PtraceFormat.SYSCALL_INFO, "stack_pointer", 0x7ffc22cb90b8L);
        DecoderGolden.set(b, PtraceFormat.SYSCALL_INFO, "entry.nr", 80);
        b.putLong(32, 0x563da982c248L).putLong(40, 0xbad1fed1L);
        DecoderGolden g = new DecoderGolden().put(0x5000, b.array());
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 12260, 13, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64})"
                + " = 80", g.line(Arch.X86_64, "ptrace", new long[] {0x420e, 12260, 13, 0x5000}, 80));
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 12260, 49, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64,"
                        + " instruction_pointer=0x7efcb4f57829, stack_pointer=0x7ffc22cb90b8, entry={nr=__NR_chdir,"
                        + " args=[0x563da982c248, 0xbad1fed1]}}) = 80",
                g.line(Arch.X86_64, "ptrace", new long[] {0x420e, 12260, 49, 0x5000}, 80));
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 12260, 1, NULL) = -1 EFAULT (Bad address)",
                g.line(Arch.X86_64, "ptrace", new long[] {0x420e, 12260, 1, 0}, -14));

        ByteBuffer x = DecoderGolden.struct(StructLayouts.size(PtraceFormat.SYSCALL_INFO));
        DecoderGolden.set(x, PtraceFormat.SYSCALL_INFO, "op", 2);
        DecoderGolden.set(x, PtraceFormat.SYSCALL_INFO, "arch", 0xc000003eL);
        DecoderGolden.set(x, PtraceFormat.SYSCALL_INFO, "exit.rval", -2);
        DecoderGolden.set(x, PtraceFormat.SYSCALL_INFO, "exit.is_error", 1);
        DecoderGolden e = new DecoderGolden().put(0x6000, x.array());
        assertEquals("ptrace(0x420e /* PTRACE_GET_SYSCALL_INFO */, 12456, 33, {op=0x2 /* PTRACE_SYSCALL_INFO_EXIT */,"
                        + " arch=0xc000003e /* AUDIT_ARCH_X86_64 */, instruction_pointer=NULL, stack_pointer=NULL,"
                        + " exit={rval=-2 /* -ENOENT */, is_error=1}}) = 33",
                e.line(VERBOSE, Arch.X86_64, "ptrace", new long[] {0x420e, 12456, 33, 0x6000}, 33));
        assertEquals("ptrace(PTRACE_GET_SYSCALL_INFO, 12456, 32, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64,"
                        + " instruction_pointer=NULL, stack_pointer=NULL, exit={rval=-2}}) = 33",
                e.line(Arch.X86_64, "ptrace", new long[] {0x420e, 12456, 32, 0x6000}, 33));
    }
}
