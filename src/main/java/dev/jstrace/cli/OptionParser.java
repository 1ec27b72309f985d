package dev.jstrace.cli;

import dev.jstrace.decode.DecodeOptions;
import dev.jstrace.sink.StraceTimestamps;
import dev.jstrace.sink.Summary;
import dev.jstrace.sink.SummaryColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a jstrace command line the way strace's {@code getopt_long} does:
 * short options cluster ({@code -ff}, {@code -fttT}), a short option's
 * argument is the rest of its word or the next word ({@code -etrace=open},
 * {@code -e trace=open}), long options take {@code --name=value} or
 * {@code --name value}, and the first word that is not an option starts the
 * command (strace's {@code +} in its option string). Error messages are
 * strace's, with jstrace's name.
 */
public final class OptionParser {
    /** Short options that take an argument (strace's option string, minus what jstrace lacks). */
    private static final String WITH_ARGUMENT = "abeEIoOpPsSuUX";
    private static final String WITHOUT_ARGUMENT = "AcCdfhnqrtTvVwxyzZ";
    /** Long option to [short equivalent or internal key, argument: 0 none, 1 required, 2 optional]. */
    private static final Map<String, String[]> LONG = Map.ofEntries(
            Map.entry("columns", new String[]{"a", "1"}),
            Map.entry("output", new String[]{"o", "1"}),
            Map.entry("output-append-mode", new String[]{"A", "0"}),
            Map.entry("output-separately", new String[]{"output-separately", "0"}),
            Map.entry("follow-forks", new String[]{"f", "0"}),
            Map.entry("summary-only", new String[]{"c", "0"}),
            Map.entry("summary", new String[]{"C", "0"}),
            Map.entry("summary-sort-by", new String[]{"S", "1"}),
            Map.entry("summary-columns", new String[]{"U", "1"}),
            Map.entry("summary-wall-clock", new String[]{"w", "0"}),
            Map.entry("summary-syscall-overhead", new String[]{"O", "1"}),
            Map.entry("tips", new String[]{"tips", "2"}),
            Map.entry("strings-in-hex", new String[]{"strings-in-hex", "2"}),
            Map.entry("failing-only", new String[]{"Z", "0"}),
            Map.entry("attach", new String[]{"p", "1"}),
            Map.entry("env", new String[]{"E", "1"}),
            Map.entry("string-limit", new String[]{"s", "1"}),
            Map.entry("no-abbrev", new String[]{"v", "0"}),
            Map.entry("const-print-style", new String[]{"X", "1"}),
            Map.entry("trace-path", new String[]{"P", "1"}),
            Map.entry("successful-only", new String[]{"z", "0"}),
            Map.entry("failed-only", new String[]{"Z", "0"}),
            Map.entry("user", new String[]{"u", "1"}),
            Map.entry("help", new String[]{"h", "0"}),
            Map.entry("debug", new String[]{"d", "0"}),
            Map.entry("version", new String[]{"V", "0"}),
            Map.entry("trace", new String[]{"e:trace", "1"}),
            Map.entry("signal", new String[]{"e:signal", "1"}),
            Map.entry("signals", new String[]{"e:signal", "1"}),
            Map.entry("status", new String[]{"e:status", "1"}),
            Map.entry("abbrev", new String[]{"e:abbrev", "1"}),
            Map.entry("verbose", new String[]{"e:verbose", "1"}),
            Map.entry("raw", new String[]{"e:raw", "1"}),
            Map.entry("inject", new String[]{"e:inject", "1"}),
            Map.entry("fault", new String[]{"e:fault", "1"}),
            Map.entry("quiet", new String[]{"quiet", "2"}),
            Map.entry("silent", new String[]{"quiet", "2"}),
            Map.entry("silence", new String[]{"quiet", "2"}),
            Map.entry("decode-fds", new String[]{"decode-fds", "2"}),
            Map.entry("decode-pids", new String[]{"e:decode-pids", "1"}),
            Map.entry("read", new String[]{"e:read", "1"}),
            Map.entry("write", new String[]{"e:write", "1"}),
            Map.entry("syscall-number", new String[]{"n", "0"}),
            Map.entry("pidns-translation", new String[]{"pidns-translation", "0"}),
            Map.entry("absolute-timestamps", new String[]{"absolute-timestamps", "2"}),
            Map.entry("timestamps", new String[]{"absolute-timestamps", "2"}),
            Map.entry("relative-timestamps", new String[]{"relative-timestamps", "2"}),
            Map.entry("syscall-times", new String[]{"syscall-times", "2"}),
            Map.entry("seccomp-bpf", new String[]{"seccomp-bpf", "0"}),
            Map.entry("interruptible", new String[]{"I", "1"}),
            Map.entry("kill-on-exit", new String[]{"kill-on-exit", "0"}),
            // Hidden (not in -h): scripts/bench's floor, ptrace stops with no capture and no output.
            Map.entry("bench-floor", new String[]{"bench-floor", "0"}),
            Map.entry("tef", new String[]{"tef", "1"}),
            Map.entry("perfetto", new String[]{"perfetto", "1"}));

    private final Invocation inv = new Invocation();
    private final List<String> warnings = new ArrayList<>();
    /** The option being applied as the user spelled it ({@code -s}, {@code --string-limit}): strace's messages name it so. */
    private String spelled = "";

    private OptionParser() {}

    /** Parses {@code args}; the warnings (such as for {@code --seccomp-bpf}) go into {@code warnings}. */
    public static Invocation parse(List<String> args, List<String> warnings) throws UsageException {
        OptionParser p = new OptionParser();
        p.run(args);
        warnings.addAll(p.warnings);
        return p.inv;
    }

    private void run(List<String> args) throws UsageException {
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                String[] spec = LONG.get(name);
                if (spec == null) throw new UsageException("unrecognized option '" + a + "'", true);
                if (spec[1].equals("0") && value != null) {
                    throw new UsageException("option '--" + name + "' doesn't allow an argument", true);
                }
                if (spec[1].equals("1") && value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option '--" + name + "' requires an argument", true);
                    }
                    value = args.get(++i);
                }
                spelled = "--" + name;
                apply(spec[0], value);
                if (inv.help) return; // strace prints its help and exits at once, ignoring what follows (not so for -V)
                i++;
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    if (WITH_ARGUMENT.indexOf(c) >= 0) {
                        String value;
                        if (k + 1 < a.length()) {
                            value = a.substring(k + 1);
                        } else if (i + 1 < args.size()) {
                            value = args.get(++i);
                        } else {
                            throw new UsageException("option requires an argument -- '" + c + "'", true);
                        }
                        spelled = "-" + c;
                        apply(String.valueOf(c), value);
                        break;
                    } else if (WITHOUT_ARGUMENT.indexOf(c) >= 0) {
                        apply(String.valueOf(c), null);
                        if (inv.help) return;
                    } else {
                        throw new UsageException("invalid option -- '" + c + "'", true);
                    }
                }
                i++;
                continue;
            }
            break;
        }
        inv.command.addAll(args.subList(i, args.size()));
        if (inv.help || inv.version) return;
        if (inv.command.isEmpty() && inv.pids.isEmpty()) {
            throw new UsageException("must have PROG [ARGS] or -p PID", true);
        }
        checkCombinations();
        if (inv.followForks == 2 && inv.outputFile == null) inv.followForks = 1;
        // strace's limits and words: the filter is set up in a child it starts, and is inherited by
        // that child's children, which only -f follows.
        if (inv.seccompBpf && !inv.pids.isEmpty()) {
            warnings.add("--seccomp-bpf is not enabled for processes attached with -p");
            inv.seccompBpf = false;
        } else if (inv.seccompBpf && inv.followForks == 0) {
            warnings.add("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
            inv.seccompBpf = false;
        }
    }

    /** strace's checks of options that only make sense together, in strace 6.1's order and words. */
    private void checkCombinations() throws UsageException {
        if (inv.summary != 0 && inv.followForks == 2) {
            throw new UsageException("(-c/--summary-only or -C/--summary) and -ff/--output-separately"
                    + " are mutually exclusive", true);
        }
        if (inv.summary == 0 && inv.wallClock) {
            throw new UsageException("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
                    true);
        }
        if (inv.summary == 0 && inv.columns != null) {
            throw new UsageException("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)",
                    true);
        }
        if (inv.summary == 1) {
            if (inv.relative) warnings.add("-r/--relative-timestamps has no effect with -c/--summary-only");
            if (inv.absolute != StraceTimestamps.Absolute.NONE) {
                warnings.add("-t/--absolute-timestamps has no effect with -c/--summary-only");
            }
            if (inv.durations) warnings.add("-T/--syscall-times has no effect with -c/--summary-only");
            if (inv.fdPaths > 0) warnings.add("-y/--decode-fds has no effect with -c/--summary-only");
        }
        if (inv.append && inv.outputFile == null) {
            warnings.add("-A/--output-append-mode has no effect without -o/--output");
        }
        if (inv.sortBySet && inv.summary == 0) {
            warnings.add("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
        }
    }

    private void apply(String key, String value) throws UsageException {
        switch (key) {
            case "a" -> inv.alignColumn = number(spelled, value, 0);
            case "A" -> inv.append = true;
            case "b" -> throw new UsageException("-b is not supported", false);
            case "c", "C" -> {
                int kind = key.equals("c") ? 1 : 2;
                if (inv.summary != 0 && inv.summary != kind) {
                    throw new UsageException("-c/--summary-only and -C/--summary are mutually exclusive", true);
                }
                inv.summary = kind;
            }
            case "e" -> qualify(value);
            case "e:trace", "e:signal", "e:status", "e:abbrev", "e:verbose", "e:raw", "e:inject", "e:fault",
                 "e:decode-pids", "e:read", "e:write" ->
                    qualify(key.substring(2) + "=" + value);
            case "E" -> {
                inv.environmentEdits.add(value);
                int eq = value.indexOf('=');
                if (eq < 0) inv.environment.put(value, null);
                else inv.environment.put(value.substring(0, eq), value.substring(eq + 1));
            }
            case "d" -> inv.debug = true;
            case "f" -> inv.followForks = Math.min(2, inv.followForks + 1);
            case "output-separately" -> inv.followForks = 2;
            case "h" -> inv.help = true;
            case "o" -> inv.outputFile = value;
            case "I" -> inv.interruptible = switch (value) {
                case "1", "anywhere", "always" -> 1;
                case "2", "waiting" -> 2;
                case "3", "never" -> 3;
                case "4", "never_tstp" -> 4;
                default -> throw new UsageException("invalid " + spelled + " argument: '" + value + "'", true);
            };
            case "kill-on-exit" -> inv.killOnExit = true;
            case "n" -> inv.syscallNumbers = true;
            case "pidns-translation" -> inv.pidTranslation = true;
            case "O" -> {
                // strace's set_overhead: parse_ts (microseconds without a suffix).
                java.time.Duration d = StraceTimeSpec.parse(value);
                if (d == null) throw new UsageException("invalid " + spelled + " argument: '" + value + "'", true);
                inv.overheadNanos = d.toNanos();
            }
            case "p" -> pids(value);
            case "P" -> inv.paths.add(value);
            case "q" -> {
                // strace: -q attach,personality; -qq adds exit; -qqq is all.
                if (inv.quiet == null) inv.quiet = new java.util.HashSet<>();
                if (inv.quiet.contains("exit")) inv.quiet.addAll(FilterSets.quiet("all"));
                if (inv.quiet.contains("attach")) inv.quiet.add("exit");
                inv.quiet.add("attach");
                inv.quiet.add("personality");
            }
            case "quiet" -> inv.quiet = value == null ? new java.util.HashSet<>(java.util.Set.of("attach",
                    "personality")) : new java.util.HashSet<>(FilterSets.quiet(value));
            case "r" -> inv.relative = true;
            case "relative-timestamps" -> {
                inv.relative = true;
                if (value != null) inv.relativePrecision = precision(value, "--relative-timestamps");
            }
            case "s" -> inv.stringLimit = number(spelled, value, 0);
            case "S" -> {
                if (!Summary.validSortKey(value)) throw new UsageException("invalid sortby: '" + value + "'", true);
                inv.sortBy = value;
                inv.sortBySet = true;
            }
            case "t" -> {
                switch (inv.absolute) {
                    case NONE -> {
                        inv.absolute = StraceTimestamps.Absolute.TIME;
                        inv.absolutePrecision = 0;
                    }
                    case TIME -> {
                        if (inv.absolutePrecision == 0) inv.absolutePrecision = 6;
                        else inv.absolute = StraceTimestamps.Absolute.UNIX;
                    }
                    case UNIX -> {}
                }
            }
            case "absolute-timestamps" -> absoluteTimestamps(value);
            case "T" -> inv.durations = true;
            case "syscall-times" -> {
                inv.durations = true;
                if (value != null) inv.durationPrecision = precision(value, "--syscall-times");
            }
            case "u" -> throw new UsageException("-u is not supported: jstrace runs the command as the user"
                    + " that runs jstrace (use sudo -u USER on the command instead)", false);
            case "U" -> {
                List<SummaryColumn> cols = new ArrayList<>();
                for (String n : value.split(",")) {
                    SummaryColumn c = SummaryColumn.byName(n);
                    if (c == null) throw new UsageException("unknown column name: '" + n + "'", true);
                    cols.add(c);
                }
                inv.columns = cols;
            }
            case "v" -> inv.verbose = true;
            case "V" -> inv.version = true;
            case "w" -> inv.wallClock = true;
            case "x" -> inv.hex = Math.min(2, inv.hex + 1);
            case "tips" -> {
                inv.tips = Tips.parse(value == null ? "" : value, inv.tips);
                if (inv.tips == null) throw new UsageException("invalid " + spelled + " argument: '" + value + "'", true);
            }
            case "strings-in-hex" -> inv.hex = switch (value == null ? "all" : value) {
                case "none" -> 0;
                case "non-ascii" -> 1;
                case "all" -> 2;
                case "non-ascii-chars" -> 3; // strace 6.1: C escapes kept, other non-printables as \xNN
                default -> throw new UsageException("invalid " + spelled + " argument: '" + value + "'", true);
            };
            case "X" -> inv.xlat = switch (value) {
                case "raw" -> DecodeOptions.Xlat.RAW;
                case "abbrev" -> DecodeOptions.Xlat.ABBREV;
                case "verbose" -> DecodeOptions.Xlat.VERBOSE;
                default -> throw new UsageException("invalid " + spelled + " argument: '" + value + "'", true);
            };
            case "y" -> inv.fdPaths = Math.min(2, inv.fdPaths + 1);
            case "decode-fds" -> inv.fdPaths = value == null ? Math.max(1, inv.fdPaths) : decodeFds(value);
            case "z" -> inv.statuses = FilterSets.statuses("successful");
            case "Z" -> inv.statuses = FilterSets.statuses("failed");
            case "seccomp-bpf" -> inv.seccompBpf = true;
            case "bench-floor" -> inv.benchFloor = true;
            case "tef" -> inv.tefFile = value;
            case "perfetto" -> inv.perfettoFile = value;
            default -> throw new IllegalStateException("unhandled option " + key);
        }
    }

    /** {@code -e [QUALIFIER=]SET}: a missing or unknown qualifier means {@code trace}, as in strace. */
    private void qualify(String expr) throws UsageException {
        int eq = expr.indexOf('=');
        String q = eq < 0 ? "trace" : expr.substring(0, eq);
        String set = eq < 0 ? expr : expr.substring(eq + 1);
        switch (q) {
            case "trace", "t" -> inv.syscalls = FilterSets.syscalls(set);
            case "signal", "signals", "s" -> inv.signals = FilterSets.signals(set);
            case "status" -> inv.statuses = FilterSets.statuses(set);
            case "abbrev", "a" -> inv.verbose = FilterSets.syscalls(set) != null && FilterSets.syscalls(set).isEmpty();
            case "verbose", "v" -> inv.verbose = FilterSets.syscalls(set) == null;
            case "raw", "x" -> {
                java.util.Set<String> names = FilterSets.syscalls(set);
                inv.raw = names == null ? FilterSets.allSyscalls() : names;
            }
            case "quiet", "silent", "silence", "q" -> inv.quiet = new java.util.HashSet<>(FilterSets.quiet(set));
            case "decode-fds", "decode-fd" -> inv.fdPaths = decodeFds(set);
            case "decode-pids", "decode-pid" -> inv.pidTranslation = decodePids(set);
            case "read", "reads", "r" -> inv.ioDumps = new dev.jstrace.decode.IoDumps(FilterSets.descriptors(set),
                    inv.ioDumps.writes());
            case "write", "writes", "w" -> inv.ioDumps = new dev.jstrace.decode.IoDumps(inv.ioDumps.reads(),
                    FilterSets.descriptors(set));
            case "inject", "fault" -> inv.injections = InjectSpec.add(inv.injections, set, q.equals("fault"), warnings);
            default -> inv.syscalls = FilterSets.syscalls(expr);
        }
    }

    /**
     * strace 6.1's {@code decode-fds} set (none, all, path, socket, dev, pidfd) as a {@code -y} count:
     * jstrace decodes paths (1) and socket details (2); dev and pidfd are accepted and decode as paths.
     */
    private static int decodeFds(String set) throws UsageException {
        int level = 0;
        for (String item : set.split(",", -1)) {
            switch (item) {
                case "none" -> level = 0;
                case "path", "dev", "pidfd" -> level = Math.max(level, 1);
                case "socket", "all" -> level = 2;
                default -> throw new UsageException("invalid decode-fds '" + item + "'", false);
            }
        }
        return level;
    }

    /**
     * strace 6.1's {@code decode-pids} set: {@code pidns} (translation into the tracer's pid namespace),
     * {@code comm} (the command names, strace's {@code -Y}: not implemented, refused), {@code none}, {@code all}.
     */
    private static boolean decodePids(String set) throws UsageException {
        boolean pidns = false;
        for (String item : set.split(",", -1)) {
            switch (item) {
                case "none" -> pidns = false;
                case "pidns" -> pidns = true;
                case "comm", "all" -> throw new UsageException("--decode-pids=" + item
                        + " is not supported: jstrace does not print command names (-Y)", false);
                default -> throw new UsageException("invalid decode-pids '" + item + "'", false);
            }
        }
        return pidns;
    }

    private void pids(String value) throws UsageException {
        // strace splits on commas and white space; an empty item between two commas is an error.
        for (String s : value.strip().split(",|\\s+", -1)) {
            int pid;
            try {
                pid = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                pid = -1;
            }
            if (pid <= 0) throw new UsageException("Invalid process id: '" + s + "'", false);
            if (!inv.pids.contains(pid)) inv.pids.add(pid);
        }
    }

    private void absoluteTimestamps(String value) throws UsageException {
        if (inv.absolute == StraceTimestamps.Absolute.NONE) {
            inv.absolute = StraceTimestamps.Absolute.TIME;
            inv.absolutePrecision = 0;
        }
        if (value == null) return;
        for (String part : value.split(",")) {
            String v = part.startsWith("format:") ? part.substring(7)
                    : part.startsWith("precision:") ? part.substring(10) : part;
            switch (v) {
                case "time" -> inv.absolute = StraceTimestamps.Absolute.TIME;
                case "unix" -> inv.absolute = StraceTimestamps.Absolute.UNIX;
                case "none" -> inv.absolute = StraceTimestamps.Absolute.NONE;
                default -> inv.absolutePrecision = precision(v, "--absolute-timestamps", value);
            }
        }
    }

    private static int precision(String v, String option) throws UsageException {
        return precision(v, option, v);
    }

    private static int precision(String v, String option, String whole) throws UsageException {
        return switch (v) {
            case "s" -> 0;
            case "ms" -> 3;
            case "us" -> 6;
            case "ns" -> 9;
            default -> throw new UsageException("invalid " + option + " argument: '" + whole + "'", true);
        };
    }

    private static int number(String option, String value, int min) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // strace reports both the same way
        }
        throw new UsageException("invalid " + option + " argument: '" + value + "'", true);
    }
}
