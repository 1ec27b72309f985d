package dev.jstrace.proc;

import dev.jstrace.arch.Arch;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rule applies to which syscall number, per ABI, and when it fires.
 * Rules are given in order; a later rule for a syscall replaces an earlier one,
 * as a later {@code -e inject=} does in strace.
 *
 * <p>Counting is strace's: per syscall and per traced thread. Each thread
 * starts from the rules' {@code first}/{@code last} and counts its own calls,
 * so a child of {@code -f} counts afresh, and an exec keeps the count.
 */
public final class InjectionTable {
    /** One rule and the syscall names it applies to ({@code null}: every syscall). */
    public record Entry(Set<String> syscalls, InjectRule rule) {}

    private final Map<Arch, InjectRule[]> byNumber = new EnumMap<>(Arch.class);
    private final Map<Arch, int[]> substitutes = new EnumMap<>(Arch.class);
    private final boolean onlyTraced;
    private final List<Entry> entries;

    /**
     * @param entries    the rules, later ones winning
     * @param onlyTraced tamper only with calls that are reported (strace's rule: {@code -e trace=}
     *                   leaves out a call, and so its injection); false: with every matching call
     */
    public InjectionTable(List<Entry> entries, boolean onlyTraced) {
        this.onlyTraced = onlyTraced;
        this.entries = List.copyOf(entries);
        for (Arch a : Arch.values()) {
            InjectRule[] rules = new InjectRule[a.tableSize()];
            int[] subs = new int[a.tableSize()];
            for (Entry e : entries) {
                for (int nr = 0; nr < rules.length; nr++) {
                    String name = a.syscallName(nr);
                    if (name == null || (e.syscalls() != null && !e.syscalls().contains(name))) continue;
                    rules[nr] = e.rule();
                    subs[nr] = e.rule().substitute() == null ? -1 : a.syscallNumber(e.rule().substitute());
                }
            }
            byNumber.put(a, rules);
            substitutes.put(a, subs);
        }
    }

    /** The rules, in order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Whether only reported calls are tampered with. */
    public boolean onlyTraced() {
        return onlyTraced;
    }

    /** The rule for a call, or null. */
    InjectRule rule(Arch arch, int nr) {
        InjectRule[] r = byNumber.get(arch);
        return r == null || nr < 0 || nr >= r.length ? null : r[nr];
    }

    /** The number the call is replaced with: the rule's substitute on {@code arch}, or -1 (invalid). */
    int substitute(Arch arch, int nr) {
        int[] s = substitutes.get(arch);
        return s == null || nr < 0 || nr >= s.length ? -1 : s[nr];
    }

    /** The names of the syscalls some rule applies to on {@code arch} (for the seccomp filter). */
    public Set<String> names(Arch arch) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        InjectRule[] r = byNumber.get(arch);
        for (int nr = 0; nr < r.length; nr++) if (r[nr] != null) names.add(arch.syscallName(nr));
        return names;
    }

    /**
     * Counts one call of a thread and says whether the rule fires on it:
     * strace's countdown of {@code first} and {@code last} ({@code tamper_with_syscall_entering}).
     *
     * @param counters the thread's counters for this ABI, two ints per syscall number (made by
     *                 {@link #newCounters}); updated
     */
    boolean fires(Arch arch, int nr, int[] counters) {
        InjectRule r = rule(arch, nr);
        if (r == null) return false;
        int i = 2 * nr;
        if (counters[i] == 0) { // a fresh counter: the rule's own values (strace copies them on first use)
            counters[i] = r.first();
            counters[i + 1] = r.last();
        }
        if (counters[i] < 0 || counters[i + 1] == 0) return false; // spent
        if (counters[i + 1] != InjectRule.NO_LAST) counters[i + 1]--;
        if (--counters[i] != 0) return false;
        counters[i] = r.step() == 0 ? -1 : r.step();
        return true;
    }

    /** Fresh counters for one thread on {@code arch}. */
    static int[] newCounters(Arch arch) {
        return new int[2 * arch.tableSize()];
    }
}
