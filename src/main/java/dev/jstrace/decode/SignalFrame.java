package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * rt_sigreturn's one printed argument, {@code {mask=[...]}}: the signal mask
 * the kernel is about to restore, read from the signal frame on the stack.
 */
final class SignalFrame {
    private SignalFrame() {}

    /** Where {@code uc_sigmask} lies above the stack pointer at rt_sigreturn's entry (a per-arch fact). */
    static long maskOffset(Arch arch) {
        return arch.signalMaskOffset();
    }

    /** {@code [{mask=[CHLD]}]}, or nothing when the frame could not be read. */
    static List<Value> decode(RawEvent.SyscallEntry entry) {
        if (entry.arch() == null) return List.of();
        Snapshot.Region r = entry.memory().find(entry.stackPointer() + maskOffset(entry.arch()), Snapshot.Kind.BYTES);
        if (r == null || !r.complete() || r.data().length < 8) return List.of();
        long mask = MemorySegment.ofArray(r.data()).get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
        return List.of(new Value.Text("{mask=" + SignalNames.sigset(mask, 64) + "}"));
    }
}
