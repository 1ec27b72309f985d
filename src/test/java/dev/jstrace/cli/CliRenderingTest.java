package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filtering, rendering, quiet, time-stamp and summary options on one real
 * command, each option set run under jstrace and under the installed strace and
 * the two outputs compared line by line after replacing what differs from run
 * to run (addresses, pids, times).
 */
class CliRenderingTest {
    /** One process (the shell execs cat), a file read, a failed open, output to /dev/null. */
    private static final String[] CMD = {"sh", "-c", "exec cat /etc/hostname /nonexistent-jstrace >/dev/null 2>&1"};

    private static final String[][] OPTION_SETS = {
            {}, {"-e", "trace=%file"}, {"-e", "trace=%desc,%memory"}, {"-e", "trace=/^(open|read)"},
            {"-e", "trace=!read,mmap,mprotect"}, {"-e", "trace=?nosuchcall,openat"}, {"-e", "trace=none"},
            {"-e", "trace=file"}, {"-e", "status=failed"}, {"-e", "status=successful"}, {"-z"}, {"-Z"},
            {"-s", "4"},  {"-x"}, {"-xx"}, {"-e", "trace=%file,read,close", "-y"}, {"-e", "trace=%file", "-X", "raw"}, {"-e", "trace=%file", "-X", "verbose"},
            {"-a", "60"}, {"-a", "0"}, {"-q"}, {"-qq"}, {"--quiet=exit"}, {"-T"}, {"--syscall-times=ms"},
            {"-t"}, {"-tt"}, {"-ttt"}, {"-r"}, {"--absolute-timestamps=format:unix,precision:ms"},
            {"--relative-timestamps=ns"}, {"-C", "-U", "name,calls,errors", "-S", "name"},
            {"-c", "-U", "calls,errors,name", "-S", "name"}, {"-c", "-w", "-U", "name,calls", "-S", "calls"},
    };

    /**
     * Option sets that once differed from strace 6.1 (found by this test) and now match: {@code -s 0}
     * printed a read buffer as an address; {@code -v} stopped envp at 32 entries; {@code -yy} lacked
     * {@code <char 1:3>} for devices; {@code -X raw}/{@code verbose} printed signal names in sigset_t and
     * sa_handler; {@code -e raw=openat} printed the result {@code 3}, strace {@code 0x3}; {@code -y} left
     * fcntl(F_DUPFD)'s result undecorated.
     */
    private static final String[][] DECODE_GAPS = {
            {"-s", "0", "-e", "trace=read"}, {"-v"}, {"-e", "abbrev=none"}, {"-yy"},
            {"-X", "raw"}, {"-X", "verbose"}, {"-e", "raw=openat,read"}, {"-y"},
    };

    /**
     * Still different: {@code -e verbose=none} should print execve's argv/envp (and every struct) as
     * addresses; per-syscall verbose sets are not in DecodeOptions and the CLI does not pass them.
     */
    private static final String[][] VERBOSE_SET_GAPS = {{"-e", "verbose=none"}};

    @Test
    void optionSetsRenderAsStrace(@TempDir Path dir) throws Exception {
        compare(dir, OPTION_SETS);
    }

    @Test
    void optionSetsWithKnownDecodingGapsRenderAsStrace(@TempDir Path dir) throws Exception {
        compare(dir, DECODE_GAPS);
    }

    @Test
    @org.junit.jupiter.api.Disabled("needs per-syscall verbose sets in DecodeOptions and the CLI: see VERBOSE_SET_GAPS")
    void perSyscallVerboseSetsRenderAsStrace(@TempDir Path dir) throws Exception {
        compare(dir, VERBOSE_SET_GAPS);
    }

    private static void compare(Path dir, String[][] optionSets) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace to compare with");
        List<String> differences = new ArrayList<>();
        for (String[] set : optionSets) {
            Path ours = dir.resolve("ours");
            Path theirs = dir.resolve("theirs");
            List<String> a = new ArrayList<>(List.of(set));
            a.addAll(List.of("-o", ours.toString()));
            a.addAll(List.of(CMD));
            Main.Outcome o = Main.execute(a, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(new Main.Outcome(1, 0), o, String.join(" ", set) + ": cat's status");
            List<String> s = new ArrayList<>(List.of("/usr/bin/strace"));
            s.addAll(List.of(set));
            s.addAll(List.of("-o", theirs.toString()));
            s.addAll(List.of(CMD));
            // Pipes, as this JVM's own stdout and stderr (which jstrace's command inherits) are under a test runner.
            Process p = new ProcessBuilder(s).start();
            p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            p.waitFor();
            List<String> x = normalized(theirs);
            List<String> y = normalized(ours);
            assertFalse(set.length == 0 && x.isEmpty(), "strace printed nothing");
            if (!x.equals(y)) differences.add(String.join(" ", set) + firstDifference(x, y));
        }
        assertEquals("", String.join("\n", differences));
    }

    private static String firstDifference(List<String> x, List<String> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!x.get(i).equals(y.get(i))) return "\n  strace:  " + x.get(i) + "\n  jstrace: " + y.get(i);
        }
        return "\n  strace: " + x.size() + " lines, jstrace: " + y.size();
    }

    /** Calls whose results differ from run to run (pids, random bytes, the heap and relro layout). */
    private static final java.util.regex.Pattern NOISE = java.util.regex.Pattern.compile(
            "^(STAMP )?(getpid|getppid|getrandom|brk|mprotect)\\(.*");

    /** Lines with addresses, pids, times and the environment's size replaced; -c time columns dropped. */
    private static List<String> normalized(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            String l = line.replaceAll("0x[0-9a-f]{6,}", "0xADDR").replaceAll("pipe:\\[\\d+\\]", "pipe:[N]")
                    .replaceAll("^[0-9:.]+ ", "STAMP ").replaceAll("^ *[0-9]+\\.[0-9]+ ", "STAMP ")
                    .replaceAll(" <[0-9]+\\.[0-9]+>$", " <T>")
                    .replaceAll("/\\* \\d+ vars \\*/", "/* N vars */")
                    .replaceAll("set_tid_address\\((.*)\\) += \\d+", "set_tid_address($1) = PID")
                    .replaceAll("st_(a|m|c)time(_nsec)?=[^,}]+", "st_$1time$2=T")
                    .replaceAll("\\[\\{?WIFEXITED.*", "");
            // A replaced field (a pipe inode, an address) had a run-dependent width, and so has the -a
            // padding after it: the two runs' padding is compared only on lines nothing was replaced in.
            if (!l.equals(line)) l = l.replaceFirst("\\) +(= [^=]*)$", ") $1");
            if (l.matches("^ *[0-9]+\\.[0-9]+ +[0-9]+\\.[0-9]+ .*") || l.matches("^ *[0-9]+\\.[0-9]+ +[0-9]+ .*")) {
                continue; // a -c row with time columns: times differ
            }
            if (!NOISE.matcher(l).matches()) out.add(l);
        }
        return out;
    }
}
