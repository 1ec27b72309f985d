package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's {@code struct sigaction} of rt_sigaction (not glibc's, whose mask is 128 bytes
 * and comes second) as strace 6.1 prints it: {@code {sa_handler=0x55d0c0a3e1a0, sa_mask=[],
 * sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f0c2c642520}}.
 */
final class SigactionDecoder extends StructDecoder {
    /** asm/signal.h's {@code struct sigaction} on LP64 with SA_RESTORER: the mask is one unsigned long, last. */
    static final StructLayout LAYOUT = structLayout(JAVA_LONG.withName("sa_handler"), JAVA_LONG.withName("sa_flags"),
            JAVA_LONG.withName("sa_restorer"), JAVA_LONG.withName("sa_mask")).withName("struct sigaction");
    /** asm-generic's where the arch defines no SA_RESTORER (riscv64): handler, flags, mask. */
    static final StructLayout NO_RESTORER = structLayout(JAVA_LONG.withName("sa_handler"),
            JAVA_LONG.withName("sa_flags"), JAVA_LONG.withName("sa_mask")).withName("struct sigaction");
    private static final Member HANDLER = Member.of(LAYOUT, "sa_handler"), FLAGS = Member.of(LAYOUT, "sa_flags"),
            RESTORER = Member.of(LAYOUT, "sa_restorer"), MASK = Member.of(LAYOUT, "sa_mask"),
            MASK_NO_RESTORER = Member.of(NO_RESTORER, "sa_mask");
    /** SA_RESTORER: sa_restorer is set (strace prints it only then). */
    private static final long SA_RESTORER = 0x04000000;

    SigactionDecoder() {
        // The kernel's struct, which glibc's <signal.h> would redefine: this probe is built on its own.
        super("#include <asm/signal.h>\n", arch -> arch.sigactionHasRestorer() ? LAYOUT : NO_RESTORER);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        boolean hasRestorer = c.arch.sigactionHasRestorer();
        long handler = HANDLER.u(b), flags = FLAGS.u(b);
        long mask = (hasRestorer ? MASK : MASK_NO_RESTORER).u(b);
        List<Value.Field> fs = new ArrayList<>(4);
        String hn = Constants.SIG_HANDLER.name(handler);
        fs.add(f("sa_handler", hn != null ? c.sym(Constants.SIG_HANDLER, handler)
                : new Value.Num(handler, Value.Radix.HEX)));
        fs.add(f("sa_mask", new Value.Text(SignalNames.sigset(mask, 64, c.opt.xlat()))));
        fs.add(f("sa_flags", c.sym(Constants.saFlags(c.arch), flags)));
        if (hasRestorer && (flags & SA_RESTORER) != 0) {
            fs.add(f("sa_restorer", new Value.Num(RESTORER.u(b), Value.Radix.HEX)));
        }
        return new Value.Struct(fs, false);
    }
}
