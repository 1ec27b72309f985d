package dev.jstrace;

import dev.jstrace.decode.DecodeOptions;
import java.util.Set;

/**
 * How to trace: which processes, which calls, how they render.
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param followForks   trace children, threads and their execs (strace's {@code -f}); on by default
 * @param syscalls      the names of the syscalls to report, or {@code null} for all ({@code -e trace=});
 *                      classes ({@code %network}, {@code %file}, see {@link SyscallClasses}) stand for
 *                      their members, and a name no architecture knows is refused
 * @param decode        rendering options ({@code -s}, {@code -v}, {@code -x}, {@code -X}, {@code -y})
 * @param scope         for {@link Tracer#start()}: the calling thread only, or the whole process
 * @param queueCapacity how many captured events may wait for the decoder before the tracee waits
 * @param wantEntries   deliver {@link SyscallEntered} events (needed for strace's {@code <unfinished ...>} lines)
 * @param seccompBpf    stop only at the traced calls through a seccomp filter installed in a launched
 *                      child ({@code --seccomp-bpf}); ignored for attached processes
 * @param killOnExit    launched and attached tracees die with this JVM (PTRACE_O_EXITKILL; strace's
 *                      {@code --kill-on-exit}); off by default, so a launched child outlives a JVM that
 *                      dies, as a {@link ProcessBuilder} child does, and runs on untraced
 * @param benchFloor    a benchmark mode: syscall stops are restarted at once, nothing is read or
 *                      reported (the ptrace cost and an empty hand-over to the decoder thread: the
 *                      floor {@code scripts/bench} compares with)
 * @param injections    the syscalls to tamper with ({@code -e inject=}); {@link Injections#NONE} for none
 * @param systemTimes   each {@link Syscall} carries the system CPU time spent in it ({@link Syscall#cpuNanos},
 *                      strace's {@code -c} measure without {@code -w}); off by default, as it costs the
 *                      kernel a walk over the tracee's threads at every stop
 */
public record TraceOptions(boolean followForks, Set<String> syscalls, DecodeOptions decode, Scope scope,
                           int queueCapacity, boolean wantEntries, boolean seccompBpf, boolean benchFloor,
                           Injections injections, boolean killOnExit, boolean systemTimes) {

    /**
     * The options without CPU times.
     *
     * @param followForks   trace children and threads
     * @param syscalls      the names to report, or {@code null} for all
     * @param decode        rendering options
     * @param scope         for {@link Tracer#start()}: thread or process
     * @param queueCapacity events that may wait for the decoder
     * @param wantEntries   deliver {@link SyscallEntered} events too
     * @param seccompBpf    stop only at traced calls (launched children)
     * @param benchFloor    the benchmark floor mode
     * @param injections    the tampering to apply
     * @param killOnExit    whether tracees die with this JVM
     */
    public TraceOptions(boolean followForks, Set<String> syscalls, DecodeOptions decode, Scope scope,
                        int queueCapacity, boolean wantEntries, boolean seccompBpf, boolean benchFloor,
                        Injections injections, boolean killOnExit) {
        this(followForks, syscalls, decode, scope, queueCapacity, wantEntries, seccompBpf, benchFloor,
                injections, killOnExit, false);
    }

    /** What {@link Tracer#start()} traces in this JVM. */
    public enum Scope {
        /** The OS thread that calls {@code start()}: the JIT's and GC's calls stay out. */
        THREAD,
        /** Every thread of the JVM, and threads started while tracing. */
        PROCESS
    }

    /**
     * Validates, and expands syscall classes.
     *
     * @throws IllegalArgumentException on a syscall name that no architecture knows (a typo such as
     *                                  {@code "opne"} would otherwise filter out everything, silently)
     */
    public TraceOptions {
        if (queueCapacity < 16) throw new IllegalArgumentException("queueCapacity must be at least 16");
        if (decode == null) throw new IllegalArgumentException("decode options must not be null");
        if (scope == null) throw new IllegalArgumentException("scope must not be null");
        syscalls = syscalls == null ? null : Set.copyOf(SyscallClasses.resolve(syscalls));
        if (injections == null) injections = Injections.NONE;
    }

    /**
     * The options without {@code --kill-on-exit} (tracees outlive this JVM).
     *
     * @param followForks   trace children and threads
     * @param syscalls      the names to report, or {@code null} for all
     * @param decode        rendering options
     * @param scope         for {@link Tracer#start()}: thread or process
     * @param queueCapacity events that may wait for the decoder
     * @param wantEntries   deliver {@link SyscallEntered} events too
     * @param seccompBpf    stop only at traced calls (launched children)
     * @param benchFloor    the benchmark floor mode
     * @param injections    the tampering to apply
     */
    public TraceOptions(boolean followForks, Set<String> syscalls, DecodeOptions decode, Scope scope,
                        int queueCapacity, boolean wantEntries, boolean seccompBpf, boolean benchFloor,
                        Injections injections) {
        this(followForks, syscalls, decode, scope, queueCapacity, wantEntries, seccompBpf, benchFloor,
                injections, false);
    }

    /**
     * The options without tampering.
     *
     * @param followForks   trace children and threads
     * @param syscalls      the names to report, or {@code null} for all
     * @param decode        rendering options
     * @param scope         for {@link Tracer#start()}: thread or process
     * @param queueCapacity events that may wait for the decoder
     * @param wantEntries   deliver {@link SyscallEntered} events too
     * @param seccompBpf    stop only at traced calls (launched children)
     * @param benchFloor    the benchmark floor mode
     */
    public TraceOptions(boolean followForks, Set<String> syscalls, DecodeOptions decode, Scope scope,
                        int queueCapacity, boolean wantEntries, boolean seccompBpf, boolean benchFloor) {
        this(followForks, syscalls, decode, scope, queueCapacity, wantEntries, seccompBpf, benchFloor,
                Injections.NONE, false);
    }

    /**
     * Tampering with the calls {@code i} names (see {@link Injections}, {@link Tamper}).
     *
     * @param i the tampering to apply
     * @return the changed copy
     */
    public TraceOptions withInjections(Injections i) {
        return new TraceOptions(followForks, syscalls, decode, scope, queueCapacity, wantEntries, seccompBpf,
                benchFloor, i, killOnExit, systemTimes);
    }

    /**
     * The options without the seccomp and floor modes (both off).
     *
     * @param followForks   trace children and threads
     * @param syscalls      the names to report, or {@code null} for all
     * @param decode        rendering options
     * @param scope         for {@link Tracer#start()}: thread or process
     * @param queueCapacity events that may wait for the decoder
     * @param wantEntries   deliver {@link SyscallEntered} events too
     */
    public TraceOptions(boolean followForks, Set<String> syscalls, DecodeOptions decode, Scope scope,
                        int queueCapacity, boolean wantEntries) {
        this(followForks, syscalls, decode, scope, queueCapacity, wantEntries, false, false);
    }

    /** {@return follow forks, all calls, strace's default rendering, thread scope} */
    public static TraceOptions defaults() {
        return new TraceOptions(true, null, DecodeOptions.defaults(), Scope.THREAD, 1 << 14, false, false, false);
    }

    /**
     * With or without following children and threads.
     *
     * @param follow whether to follow
     * @return the changed copy
     */
    public TraceOptions withFollowForks(boolean follow) {
        return new TraceOptions(follow, syscalls, decode, scope, queueCapacity, wantEntries, seccompBpf,
                benchFloor, injections, killOnExit, systemTimes);
    }

    /**
     * Reporting only the named syscalls ({@code null}: all), for example
     * {@code Set.of("openat", "read")} or {@code Set.of("%network")}.
     *
     * @param names the names and classes to report, or {@code null} for all
     * @return the changed copy
     * @throws IllegalArgumentException on a name no architecture knows, naming it
     */
    public TraceOptions withSyscalls(Set<String> names) {
        return new TraceOptions(followForks, names, decode, scope, queueCapacity, wantEntries, seccompBpf,
                benchFloor, injections, killOnExit, systemTimes);
    }

    /**
     * With other rendering options.
     *
     * @param options the rendering
     * @return the changed copy
     */
    public TraceOptions withDecode(DecodeOptions options) {
        return new TraceOptions(followForks, syscalls, options, scope, queueCapacity, wantEntries,
                seccompBpf, benchFloor, injections, killOnExit, systemTimes);
    }

    /**
     * With another scope for {@link Tracer#start()}.
     *
     * @param s the scope
     * @return the changed copy
     */
    public TraceOptions withScope(Scope s) {
        return new TraceOptions(followForks, syscalls, decode, s, queueCapacity, wantEntries, seccompBpf,
                benchFloor, injections, killOnExit, systemTimes);
    }

    /**
     * With another queue capacity.
     *
     * @param capacity events that may wait for the decoder (at least 16)
     * @return the changed copy
     */
    public TraceOptions withQueueCapacity(int capacity) {
        return new TraceOptions(followForks, syscalls, decode, scope, capacity, wantEntries, seccompBpf,
                benchFloor, injections, killOnExit, systemTimes);
    }

    /**
     * Delivering {@link SyscallEntered} events too, or not.
     *
     * @param want whether to deliver them
     * @return the changed copy
     */
    public TraceOptions withEntries(boolean want) {
        return new TraceOptions(followForks, syscalls, decode, scope, queueCapacity, want, seccompBpf,
                benchFloor, injections, killOnExit, systemTimes);
    }

    /**
     * With or without {@code --seccomp-bpf}: only traced calls stop a launched child.
     *
     * @param on whether to filter in the kernel
     * @return the changed copy
     */
    public TraceOptions withSeccompBpf(boolean on) {
        return new TraceOptions(followForks, syscalls, decode, scope, queueCapacity, wantEntries, on,
                benchFloor, injections, killOnExit, systemTimes);
    }

    /**
     * With or without the benchmark floor mode (see {@link #benchFloor}).
     *
     * @param on whether to run the floor mode
     * @return the changed copy
     */
    public TraceOptions withBenchFloor(boolean on) {
        return new TraceOptions(followForks, syscalls, decode, scope, queueCapacity, wantEntries, seccompBpf,
                on, injections, killOnExit, systemTimes);
    }

    /**
     * With or without killing every tracee when this JVM dies (see {@link #killOnExit}).
     *
     * @param on whether tracees die with this JVM
     * @return the changed copy
     */
    public TraceOptions withKillOnExit(boolean on) {
        return new TraceOptions(followForks, syscalls, decode, scope, queueCapacity, wantEntries, seccompBpf,
                benchFloor, injections, on, systemTimes);
    }

    /**
     * With or without the system CPU time of each call (see {@link #systemTimes}).
     *
     * @param on whether to measure it
     * @return the changed copy
     */
    public TraceOptions withSystemTimes(boolean on) {
        return new TraceOptions(followForks, syscalls, decode, scope, queueCapacity, wantEntries, seccompBpf,
                benchFloor, injections, killOnExit, on);
    }
}
