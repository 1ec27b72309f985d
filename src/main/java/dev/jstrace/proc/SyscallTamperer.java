package dev.jstrace.proc;

import static dev.jstrace.ffi.Ptrace.*;

import dev.jstrace.arch.Arch;
import dev.jstrace.arch.SyscallRegisters;
import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.Ptrace;
import dev.jstrace.ffi.iovec;
import dev.jstrace.ffi.ptrace_syscall_info;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tampering with syscalls at their stops ({@code -e inject=}), on the tracer
 * thread. The kernel's rules decide the mechanism:
 *
 * <ul>
 *   <li>An error or a return value: at the entry the call is made invalid (number -1, or the
 *       {@code syscall=} substitute), so the kernel runs nothing and returns -ENOSYS; at the exit
 *       that result is overwritten. Both through {@code PTRACE_SET_SYSCALL_INFO} (Linux 6.16),
 *       which works alike on every ABI; on older kernels through the ABI's registers
 *       ({@link SyscallRegisters}).</li>
 *   <li>A signal: the entry stop is restarted with it. The kernel then sends it to the tracee
 *       ({@code ptrace_report_syscall}: {@code si_code=SI_KERNEL}, as strace shows it). A seccomp
 *       stop is an event stop, where the kernel drops a restart signal: so does strace.</li>
 *   <li>A delay: the tracee is not restarted. A timer thread, when the delay is over, stops the
 *       loop's waker child with SIGSTOP; the loop's {@code wait4} reports that stop, and the loop
 *       continues the waker and restarts every tracee whose delay is over. The tracer thread never
 *       sleeps, other tracees run on, and a delay costs no fork (one waker per loop).</li>
 *   <li>A poke: {@code process_vm_writev}, or {@code PTRACE_POKEDATA} word by word where that is
 *       refused.</li>
 * </ul>
 */
final class SyscallTamperer {
    /** Exit flag: the result was injected (strace's {@code (INJECTED)}). */
    static final int INJECTED = RawEvent.SyscallExit.INJECTED;
    /** Exit flag: memory was poked. */
    static final int POKED = RawEvent.SyscallExit.POKED;
    /** Exit flag: the call was delayed. */
    static final int DELAYED = RawEvent.SyscallExit.DELAYED;

    /** Whether PTRACE_SET_SYSCALL_INFO works here; cleared on the first EIO (kernels before 6.16). */
    private static volatile boolean setInfo = !Boolean.getBoolean("jstrace.noSetSyscallInfo");

    private final InjectionTable table;
    /** Wakes the loop's wait4 (stops its waker); callable from any thread. */
    private final Runnable wake;
    /** The delayed tracees and when ({@link System#nanoTime()}) each may go on. Tracer thread only. */
    private final Map<Tracee, Long> delayed = new HashMap<>();
    /** Fires {@link #wake} at each deadline; made at the first delay. */
    private ScheduledExecutorService timer;

    /** Makes sure the waker exists; on the tracer thread, before a delay is timed. */
    private final Runnable prepare;

    /**
     * @param prepare starts the loop's waker if it has none (tracer thread)
     * @param wake    stops the loop's waker so that its wait4 returns; called on the timer thread
     */
    SyscallTamperer(InjectionTable table, Runnable prepare, Runnable wake) {
        this.table = table;
        this.prepare = prepare;
        this.wake = wake;
    }

    /** Whether calls that are not reported are tampered with too. */
    boolean tampersUnreported() {
        return !table.onlyTraced();
    }

    /**
     * At an entry (or seccomp) stop whose {@code info} was just read: counts the call and, when its
     * rule fires, tampers. Sets the tracee's tamper state for the exit.
     *
     * @return the signal to restart the tracee with, or 0
     */
    int atEntry(Tracee t, Arch arch, int nr, MemorySegment info) {
        t.tamper = null;
        t.tampered = 0;
        t.pendingSignal = 0;
        if (arch == null || table.rule(arch, nr) == null) return 0;
        int[] counters = t.injectCounters.computeIfAbsent(arch, InjectionTable::newCounters);
        if (!table.fires(arch, nr, counters)) return 0;
        InjectRule r = table.rule(arch, nr);
        t.tamper = r;
        if (r.result() != InjectRule.Result.UNCHANGED) {
            int substitute = table.substitute(arch, nr);
            if (setNumber(t.tid, arch, substitute, info)) t.tampered |= INJECTED;
        }
        if (r.pokesAt(true) && poke(t, r, true)) t.tampered |= POKED;
        if (r.delayEnterNanos() > 0) delay(t, r.delayEnterNanos());
        t.pendingSignal = r.signal();
        t.tampered |= (r.signal() & 0xff) << 8;
        return r.signal();
    }

    /** At the exit stop of a tampered call: pokes, sets the result (in {@code info} too), maybe delays. */
    void atExit(Tracee t, Arch arch, MemorySegment info) {
        InjectRule r = t.tamper;
        t.tamper = null;
        if (r == null) return;
        if (r.pokesAt(false) && poke(t, r, false)) t.tampered |= POKED;
        if (r.delayExitNanos() > 0) delay(t, r.delayExitNanos());
        if ((t.tampered & INJECTED) != 0) {
            boolean error = r.result() == InjectRule.Result.ERROR;
            long rval = error ? -r.value() : r.value();
            setResult(t.tid, arch, rval, error, info);
        }
        t.pendingSignal = 0;
    }

    /** The delayed tracees whose time has come, no longer delayed; the caller restarts them. */
    List<Tracee> expired() {
        long now = System.nanoTime();
        List<Tracee> due = new ArrayList<>();
        delayed.entrySet().removeIf(e -> {
            if (e.getValue() - now > 0) return false;
            e.getKey().delayed = false;
            due.add(e.getKey());
            return true;
        });
        return due;
    }

    /** Forgets the delay of {@code t} (it is being detached or is gone). */
    void forget(Tracee t) {
        delayed.remove(t);
        t.delayed = false;
    }

    /** Ends the timer (the loop is ending). */
    void close() {
        delayed.clear();
        if (timer != null) timer.shutdownNow();
    }

    private void delay(Tracee t, long nanos) {
        t.tampered |= DELAYED;
        prepare.run();
        t.delayed = true;
        delayed.put(t, System.nanoTime() + nanos);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon(true)
                    .name("jstrace-delay-timer").unstarted(r));
        }
        timer.schedule(wake, nanos, TimeUnit.NANOSECONDS);
    }

    private boolean setNumber(int tid, Arch arch, int nr, MemorySegment info) {
        if (setInfo) {
            ptrace_syscall_info.entry_nr(info, nr);
            long r = Ptrace.ptrace(PTRACE_SET_SYSCALL_INFO, tid, info.byteSize(), info.address());
            if (r == 0) return true;
            if (r != -5) return false; // EIO: an older kernel without the request
            setInfo = false;
        }
        return write(tid, arch.syscallRegisters().number(), nr);
    }

    private void setResult(int tid, Arch arch, long rval, boolean error, MemorySegment info) {
        ptrace_syscall_info.exit(info, rval, error);
        if (setInfo) {
            long r = Ptrace.ptrace(PTRACE_SET_SYSCALL_INFO, tid, info.byteSize(), info.address());
            if (r == 0 || r != -5) return;
            setInfo = false;
        }
        write(tid, arch.syscallRegisters().result(), rval);
    }

    /** Writes {@code value} into one register of the stopped tracee; false when ptrace refused. */
    private static boolean write(int tid, SyscallRegisters.Slot slot, long value) {
        if (slot.userOffset() >= 0) return Ptrace.ptrace(PTRACE_POKEUSER, tid, slot.userOffset(), value) == 0;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment set = a.allocate(slot.regsetSize(), 8);
            MemorySegment iov = a.allocate(iovec.layout());
            iovec.set(iov, 0, set.address(), slot.regsetSize());
            if (Ptrace.ptrace(PTRACE_GETREGSET, tid, slot.regset(), iov.address()) != 0) return false;
            if (slot.width() == 4) set.set(ValueLayout.JAVA_INT, slot.regsetOffset(), (int) value);
            else set.set(ValueLayout.JAVA_LONG, slot.regsetOffset(), value);
            return Ptrace.ptrace(PTRACE_SETREGSET, tid, slot.regset(), iov.address()) == 0;
        }
    }

    /** Writes the rule's pokes of one phase; true when one was written (strace's TCB_TAMPERED_POKED). */
    private boolean poke(Tracee t, InjectRule r, boolean entry) {
        boolean any = false;
        for (InjectRule.Poke p : r.pokes()) {
            if (p.atEntry() != entry || p.argIndex() > 6) continue;
            if (TraceeWriter.write(t.tid, t.args[p.argIndex() - 1], p.data())) any = true;
        }
        return any;
    }
}
