package dev.jstrace;

import dev.jstrace.proc.InjectionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which syscalls to tamper with and how, in order: a later entry for a syscall replaces an
 * earlier one (as a later {@code -e inject=} does in strace). Immutable; {@link #inject} returns
 * a changed copy. Given to {@link TraceOptions#withInjections} or used by an {@link Injector}.
 *
 * <p>Calls count per syscall and per thread: a {@link Tamper#when(int)} of 3 fails each thread's
 * third call, and a child process counts from 1 again.
 */
public final class Injections {
    /** Nothing is tampered with. */
    public static final Injections NONE = new Injections(List.of(), false);

    private final List<InjectionTable.Entry> entries;
    private final boolean onlyReported;

    private Injections(List<InjectionTable.Entry> entries, boolean onlyReported) {
        this.entries = List.copyOf(entries);
        this.onlyReported = onlyReported;
    }

    /**
     * With {@code tamper} applied to the syscall {@code name} ({@code "openat"}).
     *
     * @param name the name
     * @param tamper the tamper
     * @return the changed copy
     */
    public Injections inject(String name, Tamper tamper) {
        if (name == null || !Tamper.knownSyscall(name)) throw new IllegalArgumentException("unknown syscall: " + name);
        return inject(Set.of(name), tamper);
    }

    /**
     * With {@code tamper} applied to each of {@code names} ({@code null}: every syscall).
     *
     * @param names the names
     * @param tamper the tamper
     * @return the changed copy
     */
    public Injections inject(Set<String> names, Tamper tamper) {
        if (names != null) {
            for (String n : names) {
                if (!Tamper.knownSyscall(n)) throw new IllegalArgumentException("unknown syscall: " + n);
            }
        }
        if (!tamper.hasAction()) throw new IllegalArgumentException("a tampering needs an action");
        List<InjectionTable.Entry> e = new ArrayList<>(entries);
        e.add(new InjectionTable.Entry(names == null ? null : Set.copyOf(names), tamper.rule()));
        return new Injections(e, onlyReported);
    }

    /**
     * Whether only reported calls ({@link TraceOptions#syscalls()}) are tampered with, as strace does
     * ({@code -e trace=} that leaves a call out leaves out its injection too). Off by default: a
     * tampering applies whatever is reported.
     *
     * @param on whether it is on
     * @return the changed copy
     */
    public Injections withOnlyReported(boolean on) {
        return new Injections(entries, on);
    }

    /** {@return whether nothing is tampered with} */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The loop's table, or null when empty. */
    InjectionTable table() {
        return entries.isEmpty() ? null : new InjectionTable(entries, onlyReported);
    }

    /** The names some entry applies to on the running ABI ({@code null}: every syscall). */
    Set<String> names() {
        for (InjectionTable.Entry e : entries) if (e.syscalls() == null) return null;
        return new InjectionTable(entries, onlyReported).names(dev.jstrace.arch.Arch.current());
    }
}
