package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * rt_sigtimedwait(set, info, timeout, sigsetsize) as strace 6.1 prints it (src/signal.c): with no
 * info pointer everything at entry; with one, the set at entry and the siginfo the kernel filled,
 * the timeout and the size at exit. A signal taken is the result's decoration ({@code 14 (SIGALRM)}).
 */
final class SigtimedwaitFormat implements CallFormat {
    private static final Signature SIG = SignatureCatalog.forName("rt_sigtimedwait");

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        SigsetDecoder.capture(mem, SIG, args, 0);
        if (args[2] != 0) mem.bytes(args[2], StructLayouts.size(StructLayouts.TIMESPEC));
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (args[1] != 0) mem.bytes(args[1], ArgDecoder.SIGINFO_SIZE);
    }

    @Override
    public Decoded decode(CallContext c) {
        List<Value> out = new ArrayList<>(4);
        out.add(SigsetDecoder.decode(c, c.in, 0));
        out.add(ArgDecoder.decode(ArgType.SIGINFO_OUT, 1, c));
        out.add(StructDecoders.timespec(c.in, c.arg(2)));
        out.add(new Value.Num(c.arg(3), Value.Radix.UDEC));
        String result = c.succeeded() && c.rval != 0 ? c.rval + " (" + SignalNames.name((int) c.rval) + ")" : null;
        return new Decoded(out, c.arg(1) == 0 ? out.size() : 1, result);
    }
}
