package dev.jstrace.cli;

import dev.jstrace.Injections;
import dev.jstrace.SyscallClasses;
import dev.jstrace.Tamper;
import dev.jstrace.arch.gen.Errnos;
import dev.jstrace.arch.gen.Signals;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * strace 6.1's {@code -e inject=} and {@code -e fault=} expressions
 * ({@code SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=NAME][:delay_enter=DELAY]
 * [:delay_exit=DELAY][:poke_enter=@argN=HEX,...][:poke_exit=@argN=HEX,...][:when=EXPR]}),
 * read as strace reads them ({@code filter_qualify.c}): tokens split at {@code :} (empty ones
 * skipped), each kind at most once except {@code when} (the last wins), the set read as
 * {@code -e trace=}'s, and one message for any malformed token:
 * {@code invalid inject argument 'SPEC'} (or {@code fault}).
 */
final class InjectSpec {
    private final String spec;
    private final boolean fault;
    private final List<String> warnings;
    private Tamper result;
    private Tamper signal;
    private String substitute;
    private Tamper delayEnter;
    private Tamper delayExit;
    private final Set<String> pokedEnter = new HashSet<>();
    private final Set<String> pokedExit = new HashSet<>();
    private Tamper pokes;
    private int first = 1;
    private int last = Tamper.NO_LAST;
    private int step = 1;

    private InjectSpec(String spec, boolean fault, List<String> warnings) {
        this.spec = spec;
        this.fault = fault;
        this.warnings = warnings;
    }

    /**
     * Adds one {@code -e inject=SPEC} ({@code fault}: {@code -e fault=SPEC}) to {@code into}.
     *
     * @param warnings receives strace's warnings (an inadvertent error in a {@code retval})
     */
    static Injections add(Injections into, String spec, boolean fault, List<String> warnings) throws UsageException {
        return new InjectSpec(spec, fault, warnings).parse(into);
    }

    private Injections parse(Injections into) throws UsageException {
        String name;
        if (spec.isEmpty() || spec.charAt(0) == ':') {
            name = "";
        } else {
            String[] tokens = spec.split(":");
            name = tokens[0];
            for (int i = 1; i < tokens.length; i++) {
                if (!tokens[i].isEmpty() && !token(tokens[i])) throw invalid();
            }
        }
        Set<String> names = FilterSets.syscalls(name);
        Tamper t = combine();
        if (t == null) {
            if (!fault) throw invalid();
            t = Tamper.error(38); // ENOSYS: fault='s default
        }
        if (substitute != null) t = t.instead(substitute);
        t = last == Tamper.NO_LAST && step == 0 ? t.when(first) : t.when(first, last, Math.max(step, 1));
        if (names != null && names.isEmpty()) return into;
        return into.inject(names, t);
    }

    private UsageException invalid() {
        return new UsageException("invalid " + (fault ? "fault" : "inject") + " argument '" + spec + "'", false);
    }

    private Tamper combine() {
        Tamper t = null;
        for (Tamper part : new Tamper[]{result, signal, delayEnter, delayExit, pokes}) {
            if (part != null) t = t == null ? part : t.and(part);
        }
        return t;
    }

    /** One token; false when strace rejects it. */
    private boolean token(String token) {
        if (token.startsWith("when=")) return when(token.substring(5));
        if (token.startsWith("syscall=")) {
            String v = token.substring(8);
            // strace accepts only calls without side effects: its %pure class.
            if (substitute != null || !SyscallClasses.members("%pure").contains(v)) {
                return false;
            }
            substitute = v;
            return true;
        }
        if (token.startsWith("error=")) {
            if (result != null) return false;
            String v = token.substring(6);
            int e = uintUpTo(v, 4095);
            if (e < 0) e = Errnos.number(v.toUpperCase(java.util.Locale.ROOT));
            if (e < 1) return false;
            result = Tamper.error(e);
            return true;
        }
        if (fault) return false;
        if (token.startsWith("retval=")) {
            if (result != null) return false;
            Long v = strtoull(token.substring(7));
            if (v == null) return false;
            if (v < 0 && v >= -4095) {
                warnings.add("Inadvertent injection of error " + -v + " is possible for retval="
                        + Long.toUnsignedString(v));
            }
            result = Tamper.retval(v);
            return true;
        }
        if (token.startsWith("signal=")) {
            if (signal != null) return false;
            String v = token.substring(7);
            int s = !v.isEmpty() && Character.isDigit(v.charAt(0)) ? uintUpTo(v, 255) : signalNumber(v);
            if (s < 1 || s > 64) return false;
            signal = Tamper.signal(s);
            return true;
        }
        if (token.startsWith("poke_enter=")) return poke(token.substring(11), true);
        if (token.startsWith("poke_exit=")) return poke(token.substring(10), false);
        if (token.startsWith("delay_enter=")) {
            if (delayEnter != null) return false;
            Duration d = StraceTimeSpec.parse(token.substring(12));
            if (d == null) return false;
            delayEnter = Tamper.delayEnter(d.isZero() ? Duration.ofNanos(1) : d);
            return true;
        }
        if (token.startsWith("delay_exit=")) {
            if (delayExit != null) return false;
            Duration d = StraceTimeSpec.parse(token.substring(11));
            if (d == null) return false;
            delayExit = Tamper.delayExit(d.isZero() ? Duration.ofNanos(1) : d);
            return true;
        }
        return false;
    }

    /** {@code F}, {@code F+}, {@code F+S}, {@code F..L}, {@code F..L+S}; numbers 1..65535, L below 65535. */
    private boolean when(String v) {
        int i = digits(v, 0);
        int f = number(v, 0, i, 0xffff);
        if (f < 1) return false;
        int l = Tamper.NO_LAST;
        if (i < v.length() && v.charAt(i) == '.') {
            if (i + 1 >= v.length() || v.charAt(i + 1) != '.') return false;
            int j = digits(v, i + 2);
            l = number(v, i + 2, j, 0xffff);
            if (l < f || l == 0xffff) return false;
            i = j;
        }
        int s;
        if (i < v.length()) {
            if (v.charAt(i) != '+') return false;
            String rest = v.substring(i + 1);
            if (rest.isEmpty()) {
                s = 1;
            } else {
                s = uintUpTo(rest, 0xffff);
                if (s < 1) return false;
            }
        } else {
            s = l == Tamper.NO_LAST ? 0 : 1;
        }
        first = f;
        last = l;
        step = s;
        return true;
    }

    private boolean poke(String v, boolean entry) {
        Set<String> seen = entry ? pokedEnter : pokedExit;
        if (!seen.isEmpty() || v.isEmpty()) return false;
        Tamper all = null;
        for (String item : v.split(",")) {
            if (item.isEmpty()) continue;
            if (!item.startsWith("@arg") || item.length() < 6) return false;
            char n = item.charAt(4);
            if (n < '1' || n > '7' || item.charAt(5) != '=') return false;
            String hex = item.substring(6);
            if (hex.isEmpty() || hex.length() % 2 != 0 || hex.length() > 2048) return false;
            byte[] data = new byte[hex.length() / 2];
            for (int k = 0; k < data.length; k++) {
                int hi = Character.digit(hex.charAt(2 * k), 16);
                int lo = Character.digit(hex.charAt(2 * k + 1), 16);
                if (hi < 0 || lo < 0) return false;
                data[k] = (byte) (hi * 16 + lo);
            }
            if (!seen.add(String.valueOf(n))) return false;
            // @arg7 exists only on ABIs with seven arguments: strace then only complains at run time.
            if (n == '7') continue;
            Tamper p = entry ? Tamper.pokeEnter(n - '0', data) : Tamper.pokeExit(n - '0', data);
            all = all == null ? p : all.and(p);
        }
        if (seen.isEmpty()) return false;
        if (all != null) pokes = pokes == null ? all : pokes.and(all);
        return true;
    }

    private static int signalNumber(String v) {
        String n = v.regionMatches(true, 0, "SIG", 0, 3) ? v.substring(3) : v;
        for (int s = 1; s <= 64; s++) {
            String name = Signals.name(s);
            if (name != null && name.substring(3).equalsIgnoreCase(n)) return s;
        }
        return -1;
    }

    private static int digits(String v, int from) {
        int i = from;
        while (i < v.length() && Character.isDigit(v.charAt(i))) i++;
        return i;
    }

    /** The decimal number in {@code v[from, to)}, or -1 when empty or above {@code max}. */
    private static int number(String v, int from, int to, int max) {
        if (to == from || to - from > 9) return -1;
        int n = Integer.parseInt(v.substring(from, to));
        return n > max ? -1 : n;
    }

    /** strace's {@code string_to_uint_upto}: all of {@code v} a decimal number up to {@code max}, else -1. */
    static int uintUpTo(String v, int max) {
        int end = digits(v, 0);
        return end != v.length() ? -1 : number(v, 0, end, max);
    }

    /** strtoull with base 0 taking all of {@code v}: decimal, 0x hex or 0 octal, an optional sign. */
    private static Long strtoull(String v) {
        String s = v.strip();
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            s = s.substring(1);
        }
        if (s.isEmpty()) return null;
        try {
            long n = Long.parseUnsignedLong(s, radix);
            return negative ? -n : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
