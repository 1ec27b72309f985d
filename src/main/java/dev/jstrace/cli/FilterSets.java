package dev.jstrace.cli;

import dev.jstrace.SyscallClasses;
import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Signals;
import dev.jstrace.sink.StraceTextOptions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * strace's {@code -e QUALIFIER=SET} expressions: comma-separated items, a
 * leading {@code !} negating the whole set, {@code all} and {@code none}.
 * For {@code trace=} an item is a name, a class ({@code %file}, legacy
 * {@code file}), a {@code /regex}, and {@code ?} before an item ignores it
 * when it matches nothing. Names are checked against the syscall tables of
 * every architecture jstrace decodes, as strace checks every personality.
 */
public final class FilterSets {
    private FilterSets() {}

    /** Every syscall name jstrace knows, on any architecture. */
    public static Set<String> allSyscalls() {
        return SyscallClasses.allNames();
    }

    /** {@code -e trace=SET}: the names, or {@code null} for all of them. */
    public static Set<String> syscalls(String expr) throws UsageException {
        // strace's qualify_syscall_tokens: each leading ! inverts; "all" and "none" only as the whole set;
        // empty items between commas are skipped (strtok), and a set with no item at all is an error.
        boolean negate = false;
        String body = expr;
        while (body.startsWith("!")) {
            negate = !negate;
            body = body.substring(1);
        }
        Set<String> all = allSyscalls();
        Set<String> chosen = new HashSet<>();
        boolean everything = body.equals("all");
        boolean given = everything || body.equals("none");
        for (String raw : given ? new String[0] : body.split(",")) {
            if (raw.isEmpty()) continue;
            given = true;
            boolean optional = raw.startsWith("?");
            String item = raw.replaceFirst("^\\?+", "");
            if (item.equals("all")) {
                everything = true;
                continue;
            }
            if (item.equals("none")) continue;
            // strace's qualify_syscall tries a class before a name: "ipc" is the class, not i386's ipc(2).
            Set<String> members = SyscallClasses.members(item);
            if (members != null) {
                chosen.addAll(members);
                continue;
            }
            // A call only another personality has (i386's mmap2): strace accepts it; nothing here makes it.
            if (!all.contains(item) && OtherPersonalities.NAMES.contains(item)) continue;
            if (item.startsWith("/")) {
                Pattern p;
                try {
                    p = Pattern.compile(item.substring(1));
                } catch (PatternSyntaxException e) {
                    throw new UsageException("regcomp: " + item.substring(1) + ": Invalid regular expression", false);
                }
                boolean any = false;
                for (String n : all) {
                    if (p.matcher(n).find()) {
                        chosen.add(n);
                        any = true;
                    }
                }
                if (!any && !optional) throw new UsageException("invalid system call '" + raw + "'", false);
                continue;
            }
            if (all.contains(item)) {
                chosen.add(item);
            } else if (item.matches("\\d+") && Integer.parseInt(item) < Arch.current().tableSize()
                    && Arch.current().syscallName(Integer.parseInt(item)) != null) {
                chosen.add(Arch.current().syscallName(Integer.parseInt(item)));
            } else if (!optional) {
                throw new UsageException("invalid system call '" + raw + "'", false);
            }
        }
        if (!given) throw new UsageException("invalid system call '" + expr + "'", false);
        if (everything) return negate ? Set.of() : null;
        if (!negate) return Set.copyOf(chosen);
        Set<String> rest = new HashSet<>(all);
        rest.removeAll(chosen);
        return Set.copyOf(rest);
    }

    /**
     * {@code -e read=SET}, {@code -e write=SET}: descriptor numbers, {@code all} or {@code none}, each
     * leading {@code !} inverting the rest; strace's words for a bad item ({@code invalid descriptor ''}).
     */
    public static dev.jstrace.decode.IoDumps.Fds descriptors(String expr) throws UsageException {
        // strace's qualify_tokens: every leading ! inverts; "all" and "none" only as the whole set; empty items
        // are skipped (strtok), a set with no item is invalid as a whole; an item is a number up to INT_MAX.
        int bangs = 0;
        while (bangs < expr.length() && expr.charAt(bangs) == '!') bangs++;
        boolean negate = bangs % 2 == 1;
        String body = expr.substring(bangs);
        if (body.equals("none")) return new dev.jstrace.decode.IoDumps.Fds(Set.of(), negate);
        if (body.equals("all")) return new dev.jstrace.decode.IoDumps.Fds(Set.of(), !negate);
        Set<Integer> chosen = new HashSet<>();
        for (String item : body.split(",")) {
            if (item.isEmpty()) continue;
            if (!item.matches("\\d{1,10}") || Long.parseLong(item) > Integer.MAX_VALUE) {
                throw new UsageException("invalid descriptor '" + item + "'", false);
            }
            chosen.add(Integer.parseInt(item));
        }
        if (chosen.isEmpty()) throw new UsageException("invalid descriptor '" + expr + "'", false);
        return new dev.jstrace.decode.IoDumps.Fds(chosen, negate);
    }

    /** {@code -e signal=SET}: signal names ({@code SIGCHLD}), or {@code null} for all. */
    public static Set<String> signals(String expr) throws UsageException {
        boolean negate = expr.startsWith("!");
        String body = negate ? expr.substring(1) : expr;
        Set<String> chosen = new HashSet<>();
        boolean everything = false;
        for (String item : body.split(",", -1)) {
            if (item.equals("all")) {
                everything = true;
                continue;
            }
            if (item.equals("none")) continue;
            int sig = item.matches("\\d+") ? Integer.parseInt(item) : Signals.number(item);
            if (Signals.name(sig) == null) throw new UsageException("invalid signal '" + item + "'", false);
            chosen.add(Signals.name(sig));
        }
        if (everything) return negate ? Set.of() : null;
        if (!negate) return Set.copyOf(chosen);
        Set<String> rest = new HashSet<>();
        for (int s = 1; Signals.name(s) != null; s++) rest.add(Signals.name(s));
        rest.removeAll(chosen);
        return Set.copyOf(rest);
    }

    /** {@code -e status=SET}, {@code -z} ({@code successful}), {@code -Z} ({@code failed}). */
    public static Set<StraceTextOptions.Status> statuses(String expr) throws UsageException {
        boolean negate = expr.startsWith("!");
        String body = negate ? expr.substring(1) : expr;
        Set<StraceTextOptions.Status> chosen = EnumSet.noneOf(StraceTextOptions.Status.class);
        String[] items = body.split(",", -1);
        for (String item : items) {
            if ((item.equals("all") || item.equals("none")) && items.length == 1) {
                if (item.equals("all")) chosen = EnumSet.allOf(StraceTextOptions.Status.class);
                continue;
            }
            try {
                chosen.add(StraceTextOptions.Status.valueOf(item.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid status '" + item + "'", false);
            }
        }
        return negate ? EnumSet.complementOf(EnumSet.copyOf(chosen.isEmpty()
                ? EnumSet.noneOf(StraceTextOptions.Status.class) : chosen)) : chosen;
    }

    /** {@code --quiet=SET}: {@code attach exit path-resolution personality thread-execve}. */
    public static Set<String> quiet(String expr) throws UsageException {
        Set<String> known = Set.of("attach", "exit", "exits", "path-resolution", "personality", "thread-execve",
                "superseded");
        boolean negate = expr.startsWith("!");
        String body = negate ? expr.substring(1) : expr;
        Set<String> chosen = new HashSet<>();
        for (String item : body.split(",", -1)) {
            if (item.equals("all")) {
                chosen.addAll(known);
            } else if (item.equals("none")) {
                continue;
            } else if (known.contains(item)) {
                chosen.add(item.equals("exits") ? "exit" : item);
            } else {
                throw new UsageException("invalid quiet '" + item + "'", false);
            }
        }
        if (!negate) return chosen;
        Set<String> rest = new HashSet<>(known);
        rest.removeAll(chosen);
        return rest;
    }
}
