package dev.jstrace.decode;

import static dev.jstrace.decode.DecoderGolden.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link SigactionDecoder}: the line strace 6.1 printed on x86-64 for python3's {@code signal.signal(SIGUSR1, f)};
 * on riscv64 the same call without sa_restorer.
 */
@Tag("unit")
class SigactionDecoderTest {
    @Test
    void installAHandlerAndReadTheOldOne() {
        for (Arch arch : Arch.values()) {
            // riscv64 has no SA_RESTORER: its struct is handler, flags, mask (the C library restores itself).
            boolean restorer = arch.sigactionHasRestorer();
            var l = SignatureCatalog.forName("rt_sigaction").struct(1).layout(arch);
            var act = DecoderGolden.struct(l.byteSize());
            set(act, l, "sa_handler", 0x7f5eea0d4d00L);
            set(act, l, "sa_flags", (restorer ? 0x04000000 : 0) | 0x08000000);
            if (restorer) set(act, l, "sa_restorer", 0x7f5ee9c5a050L);
            var g = new DecoderGolden().put(0x1000, act.array()).put(0x2000, new byte[(int) l.byteSize()]);
            String installed = restorer
                    ? "{sa_handler=0x7f5eea0d4d00, sa_mask=[], sa_flags=SA_RESTORER|SA_ONSTACK, sa_restorer=0x7f5ee9c5a050}"
                    : "{sa_handler=0x7f5eea0d4d00, sa_mask=[], sa_flags=SA_ONSTACK}";
            assertEquals("rt_sigaction(SIGUSR1, " + installed + ", {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0",
                    g.line(arch, "rt_sigaction", new long[] {10, 0x1000, 0x2000, 8}, 0), arch.name());
            assertEquals("rt_sigaction(SIGUSR1, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0",
                    g.line(arch, "rt_sigaction", new long[] {10, 0, 0x2000, 8}, 0));
        }
    }
}
