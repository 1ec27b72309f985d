package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an {@code strace -f -o FILE} text into lines that two runs of the same
 * deterministic program share, so strace's and jstrace's outputs can be compared.
 *
 * <p>What it removes is only what differs between any two runs, even two runs of
 * strace itself: pids (the prefix and every mention of a known pid), ASLR addresses
 * (hex of seven digits or more), times, inode and device numbers, ephemeral ports,
 * random bytes, live system counters (sysinfo, the tracer as parent), and where a call was split by another thread
 * ({@code <unfinished ...>}/{@code resumed>} pairs are joined back into one line,
 * because the split depends only on scheduling).
 */
public final class TraceNormalizer {
    private static final Pattern PREFIX = Pattern.compile("^(\\d+) +(.*)$");
    private static final Pattern UNFINISHED = Pattern.compile("^(.*) <unfinished \\.\\.\\.>$");
    private static final Pattern RESUMED = Pattern.compile("^<\\.\\.\\. [A-Za-z0-9_]+ resumed>(.*)$");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{7,}");
    private static final List<Map.Entry<Pattern, String>> RULES = List.of(
            rule("(st_[amc]time(?:_nsec)?|tv_u?sec|tv_nsec|stx_[amcb]time)=[0-9]+", "$1=T"),
            rule("(st_[amc]time|stx_[a-z]*time)=[0-9-]+T[0-9:.+-]+", "$1=DATE"),
            // A nonzero clock_t carries its seconds in a comment: "si_utime=4 /* 0.04 s */".
            rule("(si_utime|si_stime)=[0-9]+ /\\* [0-9.]+ s \\*/", "$1=N"),
            rule("(st_ino|d_ino|stx_ino|st_dev|stx_dev_minor|st_blocks|stx_blocks|d_off|si_utime|si_stime"
                    + "|ru_[a-z]+)=[0-9x]+", "$1=N"),
            rule("/\\* [0-9-]+T[0-9:.+-]+ \\*/", "/* DATE */"),
            // Free blocks and inodes of the file system change between the two runs.
            rule("(f_bfree|f_bavail|f_ffree)=[0-9]+", "$1=N"),
            rule("(st_ino|d_ino|st_dev)=makedev\\([^)]*\\)", "$1=N"),
            rule("htons\\([0-9]+\\)", "htons(PORT)"),
            rule("/\\* [0-9]+ vars \\*/", "/* N vars */"),
            rule("^(getrandom\\()\"[^\"]*\"(\\.\\.\\.)?", "$1\"RANDOM\""),
            // A read of /proc/PID/maps (python on aarch64 reads its own): the text is ASLR's addresses.
            rule("^(read\\(\\d+(?:<[^>]*>)?, )\"[0-9a-f]*-?[0-9a-f]* [r-][w-][x-][ps] [0-9a-f]{8}[^\"]*\"", "$1\"MAPS\""),
            // ... or a read that starts inside a line's name ("   [vdso]\n7fffb33f0000-7", riscv64's python).
            rule("^(read\\(\\d+(?:<[^>]*>)?, )\"[^\"]*\\\\n[0-9a-f]{8,}-[0-9a-f]*\"", "$1\"MAPS\""),
            rule("<[0-9]+\\.[0-9]+>$", "<T>"),
            rule("^sysinfo\\(\\{.*\\}\\)", "sysinfo({LIVE})"),
            // The JVM reads live counters: /proc/stat's cpu times, /proc/meminfo, its cgroup's memory.stat.
            rule("^(read\\(\\d+(?:<[^>]*>)?, )\"(?:cpu  [0-9]|[ 0-9]+ kB\\\\n|cache [0-9]+\\\\nrss )[^\"]*\"(?:\\.\\.\\.)?, "
                    + "(\\d+)\\)\\s+= (?:\\d+|PID)$", "$1\"LIVE\", $2) = N"),
            rule("^getppid\\(\\)\\s+= [0-9]+", "getppid() = PPID"),
            // glibc trims a new malloc arena to an aligned 64 MiB: the sizes depend on where ASLR put it.
            rule("^munmap\\(0xADDR, [0-9]+\\)", "munmap(0xADDR, N)"),
            rule("(inotify|pipe|socket|anon_inode:\\[[a-z]+\\]|UNIX|TCP|UDP|NETLINK):\\[[0-9]+\\]", "$1:[INO]"),
            rule("\\b(pipe|socket):\\[[0-9]+\\]", "$1:[INO]"));

    private TraceNormalizer() {}

    private static Map.Entry<Pattern, String> rule(String regex, String replacement) {
        return Map.entry(Pattern.compile(regex), replacement);
    }

    /** Normalised lines of one trace, in file order after joining split calls. */
    public static List<String> normalise(List<String> raw) {
        Set<String> pids = new LinkedHashSet<>();
        List<String[]> rows = new ArrayList<>();
        Map<String, Integer> pending = new HashMap<>();
        for (String line : raw) {
            Matcher m = PREFIX.matcher(line);
            String pid = m.matches() ? m.group(1) : "";
            String body = m.matches() ? m.group(2) : line;
            if (!pid.isEmpty()) {
                pids.add(pid);
            }
            Matcher r = RESUMED.matcher(body);
            if (r.matches() && pending.containsKey(pid)) {
                int at = pending.remove(pid);
                rows.get(at)[1] = rows.get(at)[1] + r.group(1);
                continue;
            }
            Matcher u = UNFINISHED.matcher(body);
            if (u.matches()) {
                pending.put(pid, rows.size());
                body = u.group(1);
            }
            rows.add(new String[] {pid, body});
        }
        // Digits right after a backslash are an octal escape's (an aarch64 ELF header's \267 is
        // EM_AARCH64, not pid 267); a pid may follow letters (/tmp/.java_pid3096).
        Pattern pidWord = pids.isEmpty() ? null
                : Pattern.compile("(?<![0-9\\\\])(" + String.join("|", pids) + ")(?![0-9])");
        Set<String> periodic = periodicTaskThreads(rows);
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            String s = row[1];
            if (periodic.contains(row[0]) && PERIODIC_TICK.matcher(s).find()) continue;
            // Addresses go first: the digits 165 inside 0x5555a165b000 are the address's, and
            // replaced as a pid they would make it 0x5555aPIDb000, which the address rule misses.
            s = ADDRESS.matcher(s).replaceAll("0xADDR");
            if (pidWord != null) {
                s = replacePids(pidWord, s);
            }
            for (var e : RULES) {
                s = e.getKey().matcher(s).replaceAll(e.getValue());
            }
            s = s.replaceAll("\\s+=", " =");
            out.add(s);
        }
        return out;
    }

    /**
     * The JVM's threads that wake on a clock (prctl's 15 bytes of their names): the WatcherThread's
     * periodic tasks, the monitor deflation thread (every GuaranteedAsyncDeflationInterval, 250 ms) and
     * the service thread's timed waits for cleanup work.
     */
    private static final Pattern PERIODIC_NAME = Pattern.compile(
            "^prctl\\(PR_SET_NAME, \"(?:VM Periodic Tas|Monitor Deflati|Service Thread)\"");
    /** One tick of its loop: a timed wait that timed out, then a wake that woke nobody. */
    private static final Pattern PERIODIC_TICK = Pattern.compile("^futex\\(0x[0-9a-f]+, (?:FUTEX_WAIT_BITSET_PRIVATE, 0, "
            + "\\{tv_sec=\\d+, tv_nsec=\\d+\\}, FUTEX_BITSET_MATCH_ANY\\)\\s+= -1 ETIMEDOUT|FUTEX_WAKE_PRIVATE, 1\\)\\s+= 0$)");

    /**
     * The pids of the JVM's clock-driven threads ({@link #PERIODIC_NAME}): they tick for as long as the
     * JVM lives, so how many ticks a trace has is the JVM's wall time (in the aarch64 guest strace's
     * {@code java -version} ran longer than jstrace's: 109 ticks of the periodic task thread against 32,
     * 16 of the deflation thread against 11). Their ticks are dropped; every other line stays.
     */
    private static Set<String> periodicTaskThreads(List<String[]> rows) {
        Set<String> pids = new java.util.HashSet<>();
        for (String[] row : rows) {
            if (!row[0].isEmpty() && PERIODIC_NAME.matcher(row[1]).find()) pids.add(row[0]);
        }
        return pids;
    }

    /** A struct field's name right before a value: {@code st_size=}. */
    private static final Pattern FIELD_BEFORE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=$");

    /**
     * Every mention of a known pid becomes {@code PID}, except the value of a field whose name says it is
     * something else: in the aarch64 guest a directory's {@code st_size=220} met pid 220 of one run only.
     * A field naming a pid or tid ({@code si_pid=}, {@code l_pid=}) is a pid.
     */
    private static String replacePids(Pattern pidWord, String s) {
        Matcher m = pidWord.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Matcher f = FIELD_BEFORE.matcher(s.substring(Math.max(0, m.start() - 40), m.start()));
            boolean otherField = f.find() && !f.group(1).contains("pid") && !f.group(1).contains("tid");
            m.appendReplacement(out, otherField ? m.group() : "PID");
        }
        return m.appendTail(out).toString();
    }

    /**
     * The multiset comparison: lines common to both (counted with multiplicity),
     * and the lines only one side has. Multiset rather than sequence, because
     * threads of one process legitimately interleave differently from run to run.
     */
    public record Comparison(int common, int total, List<String> onlyStrace, List<String> onlyJstrace) {
        /** The share of lines that both sides have, 1.0 when both are empty. */
        double ratio() {
            return total == 0 ? 1.0 : (double) common / total;
        }
    }

    /** Compares two normalised traces as multisets of lines. */
    public static Comparison compare(List<String> strace, List<String> jstrace) {
        Map<String, Integer> counts = new TreeMap<>();
        strace.forEach(l -> counts.merge(l, 1, Integer::sum));
        List<String> onlyJ = new ArrayList<>();
        int common = 0;
        for (String l : jstrace) {
            Integer c = counts.get(l);
            if (c != null && c > 0) {
                counts.put(l, c - 1);
                common++;
            } else {
                onlyJ.add(l);
            }
        }
        List<String> onlyS = new ArrayList<>();
        for (String l : strace) {
            Integer c = counts.get(l);
            if (c != null && c > 0) {
                counts.put(l, c - 1);
                onlyS.add(l);
            }
        }
        return new Comparison(common, Math.max(strace.size(), jstrace.size()), onlyS, onlyJ);
    }
}
