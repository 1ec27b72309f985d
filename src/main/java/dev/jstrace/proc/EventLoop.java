package dev.jstrace.proc;

import static dev.jstrace.ffi.Ptrace.*;

import dev.jstrace.arch.Arch;
import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.NativeException;
import dev.jstrace.ffi.Ptrace;
import dev.jstrace.ffi.ptrace_syscall_info;
import dev.jstrace.ffi.siginfo_t;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ptrace event loop. Everything here runs on one platform thread, the
 * tracer of every tracee in the session: the kernel accepts ptrace requests
 * for a tracee only from the thread that attached it.
 *
 * <p>At each stop the loop does only what cannot wait: it reads the syscall
 * info, lets the {@link CapturePlanner} copy the memory the decoder will need,
 * hands a {@link RawEvent} to the sink and restarts the tracee. Decoding and
 * output happen on the consumer side.
 */
public final class EventLoop {
    private static final int ESRCH = 3;
    private static final int EINTR = 4;
    private static final int ECHILD = 10;
    private static final int CLONE_THREAD = 0x10000;

    /** Where events go. {@code accept} may block: the tracee then waits, nothing is lost. */
    @FunctionalInterface
    public interface EventSink {
        /** Takes one event, in stop order. */
        void accept(RawEvent event) throws InterruptedException;
    }

    /**
     * What to trace.
     *
     * @param followForks trace children and threads created by tracees ({@code -f})
     * @param planner     decides which memory to copy at each stop
     * @param traced      per ABI, which syscall numbers are reported; {@code null} = all
     */
    public record Config(boolean followForks, CapturePlanner planner, Map<Arch, boolean[]> traced) {
        /** The per-ABI table for {@code traced}: which numbers carry one of {@code names} ({@code null}: all). */
        public static Map<Arch, boolean[]> tracedNumbers(java.util.Set<String> names) {
            if (names == null) return null;
            Map<Arch, boolean[]> m = new HashMap<>();
            for (Arch a : Arch.values()) {
                boolean[] set = new boolean[Math.max(a.tableSize(), 1024)];
                for (String n : names) {
                    int nr = a.syscallNumber(n);
                    if (nr >= 0 && nr < set.length) set[nr] = true;
                }
                m.put(a, set);
            }
            return m;
        }
    }

    private final Config config;
    /** Where events go when there is no ring. */
    private final EventSink sink;
    /** Ring mode: syscall stops are filled into preallocated slots (no allocation per stop). */
    private final EventRing ring;
    /** The last audit arch seen and its ABI: {@code Arch.values()} would copy an array per stop. */
    private int lastAudit;
    private Arch lastArch;
    private final TraceeTable tracees = new TraceeTable();
    /** Stops of auto-attached children seen before their parent's fork event: held, not restarted. */
    private final Map<Integer, Integer> earlyStops = new HashMap<>();
    private final Arena arena = Arena.ofShared();
    private final MemorySegment status = arena.allocate(ValueLayout.JAVA_INT);
    private final MemorySegment info = arena.allocate(ptrace_syscall_info.layout());
    private final MemorySegment siginfo = arena.allocate(siginfo_t.layout());
    private final MemorySegment eventMsg = arena.allocate(ValueLayout.JAVA_LONG);
    /** wait4's rusage under {@link #setSystemTimes}: the stopped tracee's system CPU time; else NULL. */
    private MemorySegment rusage = MemorySegment.NULL;
    private final ProcessMemory memory = new ProcessMemory();
    private final Snapshot.Builder snapshot = Snapshot.builder();
    private final long[] argScratch = new long[6];
    /** The one capture slot of sink mode (no ring): filled at a stop, turned into a record after the restart. */
    private final EventRing.Slot direct = new EventRing.Slot();
    private volatile boolean detachRequested;
    /** See {@link #requestDetach(int, int)}: written before {@link #detachRequested}, read after it. */
    private volatile int detachSignalPid;
    private volatile int detachSignal;
    /** See {@link #setEntryHook}; null: every entry is traced. */
    private EntryHook entryHook;
    /** See {@link #setSeccompMode}. */
    private boolean seccompMode;
    /** See {@link #setBenchFloor}. */
    private boolean benchFloor;
    /** See {@link #setKillOnExit}. */
    private boolean killOnExit;
    /** See {@link #setInjections}; null: nothing is tampered with. */
    private SyscallTamperer tamperer;
    /**
     * With the floor: also fetch each stop's PTRACE_GET_SYSCALL_INFO, the one
     * request any decoding needs, so the bench can show its share of the cost
     * ({@code -Djstrace.benchFloorInfo=true}).
     */
    private static final boolean FLOOR_INFO = Boolean.getBoolean("jstrace.benchFloorInfo");
    /** A child that only sleeps; killing it wakes our wait4 (see {@link #requestDetach}). */
    private volatile int waker = -1;
    private Thread thread;

    /** A loop that reports to {@code sink}. Create it on, and use it only from, the tracer thread. */
    public EventLoop(Config config, EventSink sink) {
        this.config = config;
        this.sink = sink;
        this.ring = null;
    }

    /**
     * A loop that hands events over through {@code ring}, whose only producer
     * it is: syscall stops then allocate nothing on the tracer thread.
     */
    public EventLoop(Config config, EventRing ring) {
        this.config = config;
        this.ring = ring;
        this.sink = ring::put;
    }

    /**
     * Whether each reported call carries the system CPU time spent in it (strace's {@code -c} without
     * {@code -w}): wait4's rusage at the entry stop and at the exit stop, as strace takes them (the
     * tracee's process, its reaped children included). Off by default: the kernel sums every thread
     * of the process for each stop.
     *
     * @param on whether to measure
     */
    public void setSystemTimes(boolean on) {
        rusage = on ? arena.allocate(dev.jstrace.ffi.Rusage.layout()) : MemorySegment.NULL;
    }

    private int options() {
        // TRACEEXIT as strace sets it: a thread's call ends "= ?" when the thread starts to exit, not
        // when its exit is reaped (a leader's is reaped only after its last thread, or never: execve).
        int o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
        if (config.followForks()) o |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
        if (killOnExit) o |= PTRACE_O_EXITKILL;
        if (seccompMode) o |= PTRACE_O_TRACESECCOMP;
        return o;
    }

    /**
     * Seccomp mode ({@code --seccomp-bpf}): the spawned child installs a
     * {@link SeccompFilter} before its execve, so only traced calls stop, as
     * PTRACE_EVENT_SECCOMP stops at their entry. Tracees then run under
     * PTRACE_CONT; a seccomp stop counts as the entry and the loop restarts
     * with PTRACE_SYSCALL to catch that call's exit, then PTRACE_CONT again.
     * Set before {@link #adoptSpawnedChild}, on the tracer thread.
     */
    public void setSeccompMode(boolean on) {
        this.seccompMode = on;
    }

    /**
     * Tampers with the calls {@code table} names ({@code -e inject=}); see {@link SyscallTamperer}.
     * Set before {@link #run()}, on the tracer thread.
     */
    public void setInjections(InjectionTable table) {
        this.tamperer = table == null ? null : new SyscallTamperer(table, () -> {
            if (waker < 0) startWaker();
        }, () -> {
            int w = waker;
            if (w > 0) Libc.kill(w, Libc.SIGSTOP); // its stop wakes wait4 (WUNTRACED), see handle()
        });
    }

    /**
     * {@code --kill-on-exit}: every tracee dies with this process (PTRACE_O_EXITKILL).
     * Off, as in strace 6.1: a tracer that dies leaves its tracees running untraced.
     * Set before the first seize, on the tracer thread.
     */
    public void setKillOnExit(boolean on) {
        this.killOnExit = on;
    }

    /**
     * The benchmark floor: every syscall stop is restarted at once with
     * nothing read or reported, so a run measures ptrace's own cost.
     */
    public void setBenchFloor(boolean on) {
        this.benchFloor = on;
    }

    /**
     * Takes over a child of this thread that has stopped itself with SIGSTOP
     * right before its execve (see {@link Spawner}): seizes it and lets it
     * run. Nothing before its first execve is reported.
     *
     * @return 0 when the child is now traced; otherwise the raw wait status of a child that exited first
     */
    public int adoptSpawnedChild(int pid) throws InterruptedException {
        thread = Thread.currentThread();
        int r;
        do {
            r = Libc.wait4(pid, status, Libc.WUNTRACED | Libc.__WALL, MemorySegment.NULL);
        } while (r == -EINTR);
        NativeException.check(r, "wait4(" + pid + ")");
        int st = status.get(ValueLayout.JAVA_INT, 0);
        if (!stopped(st)) return st == 0 ? -1 : st;
        // Seize rather than PTRACE_TRACEME: only seized tracees get PTRACE_LISTEN and proper group-stops.
        long seized = Ptrace.ptrace(PTRACE_SEIZE, pid, 0, options());
        if (seized < 0) {
            // Refused (this JVM is itself traced, a Yama or seccomp policy): the child would wait
            // stopped for ever. It has run nothing of the program yet; end it before reporting.
            Libc.kill(pid, Libc.SIGKILL);
            do {
                r = Libc.wait4(pid, status, Libc.__WALL, MemorySegment.NULL);
            } while (r == -EINTR);
            Ptrace.check(seized, PTRACE_SEIZE, pid);
        }
        // The waker lets requestDetach (an interrupted command line) reach a loop blocked in wait4.
        if (waker < 0) startWaker();
        Tracee t = new Tracee(pid, pid);
        t.beforeExec = true;
        tracees.put(pid, t);
        // The child sits in a group-stop of its own making: SIGCONT ends it.
        // The stops this causes (PTRACE_EVENT_STOP, the SIGCONT delivery) fall
        // before the execve and are not reported.
        Libc.kill(pid, Libc.SIGCONT);
        sink.accept(new RawEvent.TaskStart(pid, pid, System.nanoTime(), 0, RawEvent.TaskStart.How.SPAWN));
        return 0;
    }

    /**
     * Seizes every thread of a running process, rescanning {@code /proc/PID/task}
     * until no new thread appears, and interrupts each so syscall tracing can start.
     *
     * @throws NativeException naming the refusal (EPERM, ESRCH) when the first thread cannot be seized
     */
    public void attach(int pid) throws InterruptedException {
        attach(pid, tid -> false);
    }

    /**
     * As {@link #attach(int)}, leaving out the threads {@code skip} accepts
     * (a self-trace must not trace the thread that reads its own events).
     */
    public void attach(int pid, java.util.function.IntPredicate skip) throws InterruptedException {
        thread = Thread.currentThread();
        if (waker < 0) startWaker();
        boolean any = true;
        boolean first = true;
        while (any) {
            any = false;
            for (int tid : ProcTasks.list(pid)) {
                if (tracees.containsKey(tid) || skip.test(tid)) continue;
                long r = Ptrace.ptrace(PTRACE_SEIZE, tid, 0, options());
                if (r < 0) {
                    if (first) refused(r, pid);
                    continue; // a thread that exited meanwhile
                }
                first = false;
                any = true;
                Tracee t = new Tracee(tid, pid);
                t.awaitingInitialStop = true;
                tracees.put(tid, t);
                Ptrace.ptrace(PTRACE_INTERRUPT, tid, 0, 0);
                sink.accept(new RawEvent.TaskStart(tid, pid, System.nanoTime(), 0, RawEvent.TaskStart.How.ATTACH));
            }
            if (first) refused(-ESRCH, pid);
        }
    }

    /**
     * Seizes one thread of a running process (not its siblings) and
     * interrupts it so syscall tracing can start: a self-trace of one thread.
     *
     * @throws NativeException naming the refusal (EPERM, ESRCH)
     */
    public void seizeThread(int tid, int pid) throws InterruptedException {
        thread = Thread.currentThread();
        if (waker < 0) startWaker();
        long r = Ptrace.ptrace(PTRACE_SEIZE, tid, 0, options());
        if (r < 0) refused(r, tid);
        Tracee t = new Tracee(tid, pid);
        t.awaitingInitialStop = true;
        tracees.put(tid, t);
        Ptrace.ptrace(PTRACE_INTERRUPT, tid, 0, 0);
        sink.accept(new RawEvent.TaskStart(tid, pid, System.nanoTime(), 0, RawEvent.TaskStart.How.ATTACH));
    }

    /**
     * Throws the seize's refusal, first ending the waker: run() will never
     * reap it, and a leaked waker keeps our stdout/stderr pipes open forever
     * (a build tool waiting for their EOF then hangs).
     */
    private void refused(long r, int pid) {
        stopWaker();
        Ptrace.check(r, PTRACE_SEIZE, pid);
    }

    /** What an {@link EntryHook} asks the loop to do with a syscall-entry stop. */
    public enum EntryAction {
        /** Trace the call as usual. */
        TRACE,
        /** Trace the call, but do not tamper with it (a self-trace's calls outside its block). */
        TRACE_UNTAMPERED,
        /** Detach this thread right at this stop; the call runs untraced. */
        DETACH_THREAD,
        /** As {@link #DETACH_THREAD}, then detach every other tracee at its next stop. */
        DETACH_ALL
    }

    /** Looks at each syscall entry before anything is captured or reported (a self-trace's end marker). */
    @FunctionalInterface
    public interface EntryHook {
        /** Decides what happens to this stop; runs on the tracer thread while the tracee waits. */
        EntryAction atEntry(int tid, Arch arch, int nr, long[] args);
    }

    /** Installs {@code hook}; call before {@link #run()}, on the tracer thread. */
    public void setEntryHook(EntryHook hook) {
        this.entryHook = hook;
    }

    /**
     * Asks the loop to detach from every tracee; callable from any thread.
     * Only the tracer thread may ptrace, and it may be blocked in wait4 while
     * every tracee sleeps in a syscall, so the request also kills the waker
     * child (attach sessions have one): its exit wakes the loop.
     */
    public void requestDetach() {
        requestDetach(0, 0);
    }

    /**
     * As {@link #requestDetach()}, and once every tracee is in detach mode the
     * loop sends {@code pid} SIGCONT and {@code sig} (strace's cleanup on an
     * interrupt): any stop after the signal detaches, so the program's
     * handler runs untraced.
     */
    public void requestDetach(int pid, int sig) {
        detachSignal = sig;
        detachSignalPid = pid;
        detachRequested = true;
        int w = waker;
        if (w > 0) Libc.kill(w, Libc.SIGKILL);
    }

    /**
     * Starts the waker: a clone of this thread that runs no Java and sleeps
     * in ppoll(NULL, 0, NULL, NULL) (every ABI has it; the generic table has no pause) until killed.
     */
    private void startWaker() {
        Arch arch = Arch.current();
        SpawnOp sleep = SpawnOp.of(SpawnSyscall.PPOLL.number(arch), 0, 0, 0, 0);
        // A clone has copies of every fd of this JVM: it closes them (a pipe to a child must see its EOF
        // when we close our end) and dies with the tracer thread (kill -9 of jstrace).
        SpawnOp closeAll = SpawnOp.of(SpawnSyscall.CLOSE_RANGE.number(arch), 0, 0xFFFF_FFFFL, 0);
        SpawnOp dieWithUs = SpawnOp.of(SpawnSyscall.PRCTL.number(arch), Libc.PR_SET_PDEATHSIG, Libc.SIGKILL);
        long pid;
        try (Arena a = Arena.ofConfined()) {
            // Every signal blocked: a Ctrl-C to the process group must not run the JVM's handler in the clone.
            MemorySegment all = a.allocate(ValueLayout.JAVA_LONG);
            all.set(ValueLayout.JAVA_LONG, 0, -1L);
            SpawnOp blockAll = SpawnOp.of(SpawnSyscall.RT_SIGPROCMASK.number(arch), 2 /* SIG_SETMASK */,
                    all.address(), 0, 8);
            pid = SpawnStub.run(List.of(closeAll, dieWithUs, blockAll, sleep), -1);
        }
        if (pid > 0) waker = (int) pid;
    }

    private void stopWaker() {
        int w = waker;
        waker = -1;
        if (w > 0) {
            Libc.kill(w, Libc.SIGKILL);
            while (Libc.wait4(w, status, Libc.__WALL, MemorySegment.NULL) == -EINTR) {
                // retry
            }
        }
    }

    /**
     * The wait4 flags: __WNOTHREAD keeps the JVM's other children (its own processes) out of the tracer
     * thread's waits, except when jstrace is the init of its pid namespace ({@code unshare -Urpf jstrace},
     * as strace's suite runs it): orphans are then reparented to the JVM's process, not to this thread, and
     * must be reaped here, or a nested namespace's init that waits for its zombies never exits (strace,
     * single-threaded, reaps them with its wait4(-1, __WALL)).
     */
    private final int waitFlags = Libc.__WALL | Libc.WUNTRACED | (Libc.getpid() == 1 ? 0 : Libc.__WNOTHREAD);

    /** Runs until no tracee remains, then emits {@link RawEvent.End}. */
    public void run() throws InterruptedException {
        thread = Thread.currentThread();
        boolean detaching = false;
        try {
            while (!tracees.isEmpty()) {
                if (detachRequested && !detaching) {
                    detaching = true;
                    // Every tracee, a group-stopped one too, is interrupted and detached at the stop that
                    // reports: a tracee parked by PTRACE_LISTEN is not in a ptrace-stop (PTRACE_DETACH
                    // fails with ESRCH and it stays traced), but PTRACE_INTERRUPT makes it report one.
                    // Detached there with no signal, it stays group-stopped, as strace leaves it.
                    List<Tracee> detachedNow = new ArrayList<>();
                    for (Tracee t : tracees.all()) {
                        t.detachPending = true;
                        if (t.delayed) {
                            // Held at a syscall stop by its delay: in a ptrace-stop already, detach now.
                            tamperer.forget(t);
                            Ptrace.ptrace(PTRACE_DETACH, t.tid, 0, 0);
                            detachedNow.add(t);
                            sink.accept(new RawEvent.Detached(t.tid, t.pid, System.nanoTime()));
                        } else {
                            Ptrace.ptrace(PTRACE_INTERRUPT, t.tid, 0, 0);
                        }
                    }
                    for (Tracee t : detachedNow) tracees.remove(t.tid);
                    int target = detachSignalPid;
                    if (target > 0) {
                        // strace's cleanup(): only now, with every tracee in detach mode, does the command
                        // get SIGCONT and the signal; its handler then runs untraced.
                        Libc.kill(target, Libc.SIGCONT);
                        Libc.kill(target, detachSignal);
                    }
                }
                // WUNTRACED: the waker's SIGSTOP ends a delay (tracees' stops are reported anyway).
                int tid = Libc.wait4(-1, status, waitFlags, rusage);
                if (tid < 0) {
                    if (tid == -EINTR) continue;
                    if (tid == -ECHILD) break;
                    NativeException.check(tid, "wait4(-1)");
                }
                handle(tid, status.get(ValueLayout.JAVA_INT, 0), System.nanoTime());
            }
        } finally {
            if (tamperer != null) tamperer.close();
            stopWaker();
            memory.close();
            sink.accept(new RawEvent.End(0, 0, System.nanoTime()));
        }
    }

    private void handle(int tid, int st, long now) throws InterruptedException {
        Tracee t = tracees.get(tid);
        if (t == null) {
            if (tid == waker && stopped(st)) {
                // A delay is over (SyscallTamperer's timer stopped the waker). Continue it first:
                // SIGCONT discards a SIGSTOP that comes meanwhile, and that delay is due by then too.
                Libc.kill(tid, Libc.SIGCONT);
                if (tamperer != null) for (Tracee d : tamperer.expired()) endDelay(d);
            } else if (tid == waker) {
                waker = -1;
            } else if (stopped(st) && config.followForks()) {
                // An auto-attached child reported before its parent's fork event; hold it.
                earlyStops.put(tid, st);
            } else if (stopped(st)) {
                // Traced without -f: a tracee's CLONE_PTRACE child, stopped at its start. strace's
                // maybe_allocate_tcb lets it go at once (the stop is its initial one, no signal to pass).
                Ptrace.ptrace(PTRACE_DETACH, tid, 0, 0);
                sink.accept(new RawEvent.Unknown(tid, tid, now, true));
            } else if (exited(st) || signaled(st)) {
                // A child of this process that is not traced: a tracee's CLONE_PARENT child.
                sink.accept(new RawEvent.Unknown(tid, tid, now, false));
            }
            return;
        }
        if (exited(st) || signaled(st)) {
            tracees.remove(tid);
            boolean last = !tracees.anyOfProcess(t.pid);
            sink.accept(new RawEvent.TaskExit(tid, t.pid, now, st, last));
            return;
        }
        if (!stopped(st)) return;
        int sig = (st >> 8) & 0xff;
        int event = (st >> 16) & 0xffff;
        if (t.detachPending) {
            detach(t, sig, event, now);
            return;
        }
        if (sig == (Libc.SIGTRAP | 0x80)) {
            if (benchFloor) {
                if (FLOOR_INFO) Ptrace.ptrace(PTRACE_GET_SYSCALL_INFO, t.tid, info.byteSize(), info.address());
                restartUnreported(t);
                return;
            }
            syscallStop(t, now);
            return;
        }
        switch (event) {
            case PTRACE_EVENT_SECCOMP -> syscallStop(t, now);
            case 0 -> signalStop(t, sig, now);
            case PTRACE_EVENT_FORK, PTRACE_EVENT_VFORK, PTRACE_EVENT_CLONE -> newTask(t, event, now);
            case PTRACE_EVENT_EXEC -> exec(t, now);
            case PTRACE_EVENT_EXIT -> exiting(t, now);
            case PTRACE_EVENT_STOP -> eventStop(t, sig, now);
            default -> restart(t, 0);
        }
    }

    private void syscallStop(Tracee t, long now) throws InterruptedException {
        if (Ptrace.ptrace(PTRACE_GET_SYSCALL_INFO, t.tid, info.byteSize(), info.address()) < 0) {
            restart(t, 0);
            return;
        }
        int op = ptrace_syscall_info.op(info);
        // A seccomp stop carries the same nr and args as an entry stop, and is this call's entry.
        if (op == ptrace_syscall_info.PTRACE_SYSCALL_INFO_ENTRY || op == ptrace_syscall_info.PTRACE_SYSCALL_INFO_SECCOMP) {
            int nr = (int) ptrace_syscall_info.entry_nr(info);
            Arch arch = arch(ptrace_syscall_info.arch(info));
            for (int i = 0; i < 6; i++) t.args[i] = ptrace_syscall_info.entry_args(info, i);
            t.nr = nr;
            t.arch = arch;
            t.inSyscall = true;
            EntryAction action = entryHook == null ? EntryAction.TRACE : entryHook.atEntry(t.tid, arch, nr, t.args);
            t.tamper = null;
            t.tampered = 0;
            if (action == EntryAction.DETACH_THREAD || action == EntryAction.DETACH_ALL) {
                // Detaching from a syscall-entry stop is allowed: the call then runs untraced.
                Ptrace.ptrace(PTRACE_DETACH, t.tid, 0, 0);
                tracees.remove(t.tid);
                sink.accept(new RawEvent.Detached(t.tid, t.pid, now));
                if (action == EntryAction.DETACH_ALL) detachRequested = true;
                return;
            }
            if (t.beforeExec) {
                if (arch == null || !isExec(arch, nr)) {
                    t.quiet = true;
                    restartUnreported(t);
                    return;
                }
                t.beforeExec = false;
                t.inInitialExec = true;
            }
            t.quiet = !traced(arch, nr);
            int sig = 0;
            if (tamperer != null && action == EntryAction.TRACE && (!t.quiet || tamperer.tampersUnreported())) {
                // Before the capture: a poke at the entry shows in the decoded arguments, as in strace.
                sig = tamperer.atEntry(t, arch, nr, info);
            }
            if (t.quiet) {
                if (t.delayed) {
                    if (ring != null) ring.putNothing();
                } else {
                    restart(t, sig);
                    if (ring != null) ring.putNothing();
                }
                return;
            }
            long sp = ptrace_syscall_info.stack_pointer(info);
            if (rusage != MemorySegment.NULL) t.systemTimeAtEntry = dev.jstrace.ffi.Rusage.systemTimeNanos(rusage);
            EventRing.Slot s = claimSlot();
            s.type = EventRing.Slot.ENTRY;
            s.tid = t.tid;
            s.pid = t.pid;
            s.nanos = now;
            s.arch = arch;
            s.nr = nr;
            System.arraycopy(t.args, 0, s.args, 0, 6);
            s.stackPointer = sp;
            if (arch != null) {
                memory.bind(t.tid, s, sp);
                config.planner().atEntry(arch, nr, t.args, memory);
            }
            if (!t.delayed) restart(t, sig);
            hand(s);
        } else if (op == ptrace_syscall_info.PTRACE_SYSCALL_INFO_EXIT) {
            boolean report = t.inSyscall && !t.quiet;
            t.inSyscall = false;
            // Before the capture: the decoder sees the injected result and poked memory, as in strace.
            if (t.tamper != null) tamperer.atExit(t, t.arch, info);
            int tampering = t.tampered;
            t.tampered = 0;
            if (t.inInitialExec) {
                // The spawned child's execve failed (EACCES for a directory, say): it is the spawn
                // stub again, whose last calls (report the errno, exit) are not the program's.
                t.inInitialExec = false;
                t.beforeExec = ptrace_syscall_info.exit_is_error(info);
            }
            if (!report) {
                if (t.delayed) {
                    if (ring != null) ring.putNothing();
                } else {
                    restartUnreported(t);
                }
                return;
            }
            long rval = ptrace_syscall_info.exit_rval(info);
            boolean isError = ptrace_syscall_info.exit_is_error(info);
            EventRing.Slot s = claimSlot();
            s.type = EventRing.Slot.EXIT;
            s.tid = t.tid;
            s.pid = t.pid;
            s.nanos = now;
            s.rval = rval;
            s.isError = isError;
            s.tampering = tampering;
            s.cpuNanos = rusage == MemorySegment.NULL ? -1
                    : Math.max(0, dev.jstrace.ffi.Rusage.systemTimeNanos(rusage) - t.systemTimeAtEntry);
            if (t.arch != null) {
                memory.bind(t.tid, s, 0);
                System.arraycopy(t.args, 0, argScratch, 0, 6);
                config.planner().atExit(t.arch, t.nr, argScratch, rval, isError, memory);
            }
            if (!t.delayed) restart(t, 0);
            hand(s);
        } else {
            restart(t, 0);
        }
    }

    /** A delay is over: restart its tracee (if still traced) as its stop would have been. */
    private void endDelay(Tracee t) {
        if (t == null || tracees.get(t.tid) != t) return;
        int sig = t.pendingSignal;
        t.pendingSignal = 0;
        restart(t, sig);
    }

    private void signalStop(Tracee t, int sig, long now) throws InterruptedException {
        byte[] raw = null;
        if (Ptrace.ptrace(PTRACE_GETSIGINFO, t.tid, 0, siginfo.address()) >= 0) {
            raw = siginfo.toArray(ValueLayout.JAVA_BYTE);
        }
        // Deliver the signal: the tracee must see every signal it would see untraced.
        restart(t, sig);
        if (!t.beforeExec) sink.accept(new RawEvent.Signal(t.tid, t.pid, now, sig, raw));
    }

    private void eventStop(Tracee t, int sig, long now) throws InterruptedException {
        if (t.awaitingInitialStop || t.beforeExec) {
            t.awaitingInitialStop = false;
            restart(t, 0);
            return;
        }
        if (sig == Libc.SIGSTOP || sig == 20 /* SIGTSTP */ || sig == 21 /* SIGTTIN */ || sig == 22 /* SIGTTOU */) {
            // A group-stop: park the tracee so it stays stopped until SIGCONT,
            // while we still hear of that SIGCONT (PTRACE_LISTEN).
            boolean first = !t.groupStopped;
            t.groupStopped = true;
            Ptrace.ptrace(PTRACE_LISTEN, t.tid, 0, 0);
            if (first) sink.accept(new RawEvent.GroupStop(t.tid, t.pid, now, sig));
            return;
        }
        t.groupStopped = false;
        restart(t, 0);
    }

    private void newTask(Tracee parent, int event, long now) throws InterruptedException {
        Ptrace.ptrace(PTRACE_GETEVENTMSG, parent.tid, 0, eventMsg.address());
        int child = (int) eventMsg.get(ValueLayout.JAVA_LONG, 0);
        boolean thread = event == PTRACE_EVENT_CLONE && (cloneFlags(parent) & CLONE_THREAD) != 0;
        RawEvent.TaskStart.How how = switch (event) {
            case PTRACE_EVENT_FORK -> RawEvent.TaskStart.How.FORK;
            case PTRACE_EVENT_VFORK -> RawEvent.TaskStart.How.VFORK;
            default -> thread ? RawEvent.TaskStart.How.CLONE_THREAD : RawEvent.TaskStart.How.CLONE_PROCESS;
        };
        Tracee c = new Tracee(child, thread ? parent.pid : child);
        tracees.put(child, c);
        sink.accept(new RawEvent.TaskStart(child, c.pid, now, parent.tid, how));
        restart(parent, 0);
        Integer early = earlyStops.remove(child);
        if (early != null) {
            restart(c, 0);
        } else {
            c.awaitingInitialStop = true;
        }
    }

    /** The new task's clone flags: clone's first argument, or clone3's {@code clone_args.flags}. */
    private long cloneFlags(Tracee parent) {
        if (parent.arch == null) return 0;
        String name = parent.arch.syscallName(parent.nr);
        if ("clone".equals(name)) return parent.args[0];
        if ("clone3".equals(name)) {
            snapshot.reset();
            memory.bind(parent.tid, snapshot);
            Snapshot.Region r = memory.bytes(parent.args[0], 8);
            if (r.complete()) {
                return MemorySegment.ofArray(r.data()).get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
            }
        }
        return 0;
    }

    private void exec(Tracee t, long now) throws InterruptedException {
        Ptrace.ptrace(PTRACE_GETEVENTMSG, t.tid, 0, eventMsg.address());
        int former = (int) eventMsg.get(ValueLayout.JAVA_LONG, 0);
        Tracee cur = t;
        if (former != t.tid) {
            // A non-leader thread exec'd: it now carries the leader's id. Its
            // syscall state (inside execve) moves with it; the old leader is gone.
            Tracee moved = tracees.remove(former);
            if (moved != null) {
                Tracee leader = new Tracee(t.tid, t.pid);
                leader.inSyscall = moved.inSyscall;
                leader.quiet = moved.quiet;
                leader.nr = moved.nr;
                leader.arch = moved.arch;
                System.arraycopy(moved.args, 0, leader.args, 0, 6);
                tracees.put(t.tid, leader);
                cur = leader;
            }
        }
        restart(cur, 0);
        if (!cur.beforeExec) sink.accept(new RawEvent.Exec(cur.tid, cur.pid, now, former));
    }

    /**
     * PTRACE_EVENT_EXIT: the thread is exiting (exit, exit_group, a fatal signal, another thread's
     * execve). A call it was inside never returns; strace's print_event_exit ends it here with
     * {@code = ?}, so the line comes before whatever the other threads do next.
     */
    private void exiting(Tracee t, long now) throws InterruptedException {
        boolean report = t.inSyscall && !t.quiet && !t.beforeExec;
        t.inSyscall = false;
        restart(t, 0);
        if (report) sink.accept(new RawEvent.Exiting(t.tid, t.pid, now));
    }

    private void detach(Tracee t, int sig, int event, long now) throws InterruptedException {
        // Pass on a signal that was about to be delivered; swallow our own interrupt trap.
        int deliver = (event == 0 && sig != (Libc.SIGTRAP | 0x80)) ? sig : 0;
        Ptrace.ptrace(PTRACE_DETACH, t.tid, 0, deliver);
        tracees.remove(t.tid);
        sink.accept(new RawEvent.Detached(t.tid, t.pid, now));
    }

    /**
     * Where a syscall stop is captured: the ring's next slot, or (with a plain
     * {@link EventSink}) one slot reused for every stop.
     */
    private EventRing.Slot claimSlot() {
        if (ring != null) return ring.claim();
        direct.clearMemory();
        return direct;
    }

    /** Hands a filled slot on; called after the tracee has been restarted. */
    private void hand(EventRing.Slot s) throws InterruptedException {
        if (ring != null) {
            ring.publish();
        } else {
            RawEvent e = s.toEvent();
            s.release();
            sink.accept(e);
        }
    }

    /**
     * Restarts a syscall stop that reports nothing (before the first execve, filtered
     * out by {@code -e trace=}, or the bench floor), still handing the decoder thread an empty slot: its polling
     * (see {@link EventRing}) is what keeps stops cheap on these VMs, and without it
     * {@code -e trace=none} on the dd workload took 9.7 s against 2.4 s for tracing all.
     */
    private void restartUnreported(Tracee t) {
        restart(t, 0);
        if (ring != null) ring.putNothing();
    }

    private void restart(Tracee t, int sig) {
        // Seccomp mode: PTRACE_CONT between traced calls (the filter makes the next
        // entry stop); PTRACE_SYSCALL inside one, to catch its exit stop.
        int request = seccompMode && !t.inSyscall ? PTRACE_CONT : PTRACE_SYSCALL;
        long r = Ptrace.ptrace(request, t.tid, 0, sig);
        if (r < 0 && r != -ESRCH) {
            throw new NativeException("ptrace(" + Ptrace.requestName(request) + ", " + t.tid + ")", (int) -r);
        }
        // ESRCH: the tracee was killed meanwhile; its exit arrives through wait4.
    }

    private Arch arch(int audit) {
        if (audit != lastAudit || lastArch == null) {
            lastArch = Arch.fromAudit(audit);
            lastAudit = audit;
        }
        return lastArch;
    }

    private boolean traced(Arch arch, int nr) {
        if (config.traced() == null || arch == null) return true;
        boolean[] set = config.traced().get(arch);
        return set == null || (nr >= 0 && nr < set.length && set[nr]);
    }

    private static boolean isExec(Arch arch, int nr) {
        String n = arch.syscallName(nr);
        return "execve".equals(n) || "execveat".equals(n);
    }

    /** The OS thread this loop runs on, once started. */
    public Thread thread() {
        return thread;
    }

    /** The tids currently traced (for diagnostics and tests). */
    public List<Integer> tids() {
        List<Integer> tids = new ArrayList<>();
        for (Tracee t : tracees.all()) tids.add(t.tid);
        return tids;
    }

    static boolean exited(int st) {
        return (st & 0x7f) == 0;
    }

    static boolean signaled(int st) {
        return ((st & 0x7f) + 1) >> 1 > 0 && (st & 0x7f) != 0x7f && (st & 0x7f) != 0;
    }

    static boolean stopped(int st) {
        return (st & 0xff) == 0x7f;
    }
}
