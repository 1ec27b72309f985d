package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options strace's own suite needs (issue 18) on real processes, each compared with the
 * installed strace given the same options: {@code --decode-pids=pidns} in a child pid namespace,
 * {@code -n}, {@code --strings-in-hex=non-ascii-chars}, strace's {@code -S} aliases,
 * {@code -I always} and the {@code -e read=}/{@code -e write=} dumps.
 */
class CliPidsAndPrefixesTest {
    private static Main.Outcome jstrace(String... args) {
        return Main.execute(List.of(args), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** jstrace's standard error for {@code args}, which must fail. */
    private static String jstraceError(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(List.of(args), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(new Main.Outcome(1, 0), o, String.join(" ", args));
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int strace(String... args) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace to compare with");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/strace"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static boolean unshareWorks() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) return false;
        return new ProcessBuilder("/usr/bin/unshare", "-Urpf", "true").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    private static final Pattern GETPID = Pattern.compile("^(\\d+) +getpid\\(\\) += (\\d+)(.*)$");

    /**
     * A shell in a new pid namespace is pid 1 there: its getpid result carries the number the tracer
     * knows it by, which is the pid the line starts with (strace's {@code 1 /* N in strace's PID NS * /}).
     */
    @Test
    void pidsInAChildNamespaceCarryTheirTranslation(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(unshareWorks(), "needs unshare -Urpf (user and pid namespaces)");
        String[] cmd = {"/usr/bin/unshare", "-Urpf", "sh", "-c", "echo $$ > /dev/null"};
        Path ours = dir.resolve("j.txt");
        List<String> a = new ArrayList<>(List.of("--decode-pids=pidns", "-f", "-e", "trace=getpid", "-o",
                ours.toString()));
        a.addAll(List.of(cmd));
        assertEquals(new Main.Outcome(0, 0), jstrace(a.toArray(String[]::new)));
        String line = getpidLine(ours);
        Matcher m = GETPID.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals("1", m.group(2), "the shell is its namespace's init: " + line);
        assertEquals(" /* " + m.group(1) + " in strace's PID NS */", m.group(3), line);
        // --pidns-translation is the same option (strace 6.1 keeps it as an alias).
        a.set(0, "--pidns-translation");
        assertEquals(new Main.Outcome(0, 0), jstrace(a.toArray(String[]::new)));
        assertTrue(getpidLine(ours).endsWith(" in strace's PID NS */"), getpidLine(ours));

        Path theirs = dir.resolve("s.txt");
        List<String> s = new ArrayList<>(List.of("--decode-pids=pidns", "-f", "-e", "trace=getpid", "-o",
                theirs.toString()));
        s.addAll(List.of(cmd));
        assertEquals(0, strace(s.toArray(String[]::new)));
        Matcher t = GETPID.matcher(getpidLine(theirs));
        assertTrue(t.matches(), getpidLine(theirs));
        assertEquals(t.group(2), m.group(2));
        assertEquals(" /* " + t.group(1) + " in strace's PID NS */", t.group(3), "strace's shape");
    }

    /** Without the option, and in the tracer's own namespace, no comment. */
    @Test
    void pidsInTheTracersNamespacePrintPlain(@TempDir Path dir) throws Exception {
        Path ours = dir.resolve("j.txt");
        assertEquals(new Main.Outcome(0, 0), jstrace("--decode-pids=pidns", "-f", "-e", "trace=getpid", "-o",
                ours.toString(), "sh", "-c", "echo $$ > /dev/null"));
        Matcher m = GETPID.matcher(getpidLine(ours));
        assertTrue(m.matches(), getpidLine(ours));
        assertEquals(m.group(1), m.group(2));
        assertEquals("", m.group(3));
    }

    private static String getpidLine(Path f) throws Exception {
        return Files.readAllLines(f).stream().filter(l -> l.contains("getpid(")).findFirst().orElse("(none)");
    }

    /** {@code -n}: {@code [ NNN] } before the call, with strace's {@code %4u}. */
    @Test
    void syscallNumbersAsStrace(@TempDir Path dir) throws Exception {
        Path ours = dir.resolve("j.txt");
        Path theirs = dir.resolve("s.txt");
        assertEquals(new Main.Outcome(0, 0), jstrace("-n", "-qq", "-e", "trace=exit_group", "-o", ours.toString(),
                "/bin/true"));
        List<String> lines = Files.readAllLines(ours);
        assertTrue(lines.getFirst().matches("\\[ *\\d{1,4}\\] exit_group\\(0\\) +\\= \\?"), lines.getFirst());
        assertEquals(0, strace("-n", "-qq", "-e", "trace=exit_group", "-o", theirs.toString(), "/bin/true"));
        assertEquals(Files.readAllLines(theirs), Files.readAllLines(ours));
    }

    /** {@code --strings-in-hex=non-ascii-chars}: C escapes stay, the other non-printables are {@code \xNN}. */
    @Test
    void stringsInHexNonAsciiCharsAsStrace(@TempDir Path dir) throws Exception {
        Path ours = dir.resolve("j.txt");
        Path theirs = dir.resolve("s.txt");
        String[] cmd = {"printf", "a\\001\\tb\\n\\377"};
        List<String> a = new ArrayList<>(List.of("--strings-in-hex=non-ascii-chars", "-e", "trace=write", "-o",
                ours.toString()));
        a.addAll(List.of(cmd));
        assertEquals(new Main.Outcome(0, 0), jstrace(a.toArray(String[]::new)));
        List<String> lines = Files.readAllLines(ours);
        assertEquals("write(1, \"a\\x01\\tb\\n\\xff\", 6)           = 6", lines.getFirst());
        List<String> s = new ArrayList<>(List.of("--strings-in-hex=non-ascii-chars", "-e", "trace=write", "-o",
                theirs.toString()));
        s.addAll(List.of(cmd));
        assertEquals(0, strace(s.toArray(String[]::new)));
        assertEquals(Files.readAllLines(theirs), lines);
    }

    /** strace's underscore spellings of {@code -S} keys and {@code -I always} are accepted, as by strace. */
    @Test
    void straceAliasesAreAccepted() throws Exception {
        for (String[] a : List.of(new String[]{"-c", "-S", "time_total", "/bin/true"},
                new String[]{"-c", "--summary-sort-by=avg_time", "/bin/true"},
                new String[]{"-c", "-U", "name,time_total,calls", "/bin/true"},
                new String[]{"--interruptible=always", "-e", "trace=none", "/bin/true"})) {
            assertEquals(new Main.Outcome(0, 0), jstrace(a), String.join(" ", a));
            assertEquals(0, strace(a), "strace " + String.join(" ", a));
        }
    }

    /** {@code -e write=1}: the written data dumped after the line, byte for byte as strace. */
    @Test
    void writeDumpsAsStrace(@TempDir Path dir) throws Exception {
        Path ours = dir.resolve("j.txt");
        Path theirs = dir.resolve("s.txt");
        String[] cmd = {"printf", "hello world, this is longer than sixteen bytes\\001\\377\\n"};
        List<String> a = new ArrayList<>(List.of("-e", "write=1", "-e", "trace=write", "-o", ours.toString()));
        a.addAll(List.of(cmd));
        assertEquals(new Main.Outcome(0, 0), jstrace(a.toArray(String[]::new)));
        List<String> lines = Files.readAllLines(ours);
        assertEquals(" | 00000  68 65 6c 6c 6f 20 77 6f  72 6c 64 2c 20 74 68 69  hello world, thi |", lines.get(1));
        assertTrue(lines.get(3).endsWith(" 01 ff   sixteen bytes.. |"), lines.get(3));
        a.set(5, theirs.toString());
        assertEquals(0, strace(a.toArray(String[]::new)));
        assertEquals(Files.readAllLines(theirs), lines);
    }

    /** {@code -e read=3}: reads dumped up to the count returned (a file read by head on fd 3). */
    @Test
    void readDumpsAsStrace(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        byte[] bytes = new byte[70];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 7);
        Files.write(data, bytes);
        Path ours = dir.resolve("j.txt");
        Path theirs = dir.resolve("s.txt");
        List<String> a = new ArrayList<>(List.of("-e", "read=3", "-e", "trace=read", "-o", ours.toString(),
                "head", "-c", "50", data.toString()));
        assertEquals(new Main.Outcome(0, 0), jstrace(a.toArray(String[]::new)));
        List<String> lines = Files.readAllLines(ours);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(" | 00040  ")), String.join("\n", lines));
        a.set(5, theirs.toString());
        assertEquals(0, strace(a.toArray(String[]::new)));
        assertEquals(Files.readAllLines(theirs), lines);
    }

    /** strace's words for a bad descriptor set. */
    @Test
    void descriptorSetErrorsAsStrace() throws Exception {
        assertTrue(jstraceError("-e", "read=", "/bin/true").contains(": invalid descriptor ''"));
        assertTrue(jstraceError("--write=1,all", "/bin/true").contains(": invalid descriptor 'all'"));
        assertTrue(jstraceError("-ewrite=-1", "/bin/true").contains(": invalid descriptor '-1'"));
        assertTrue(jstraceError("-e", "read=!,", "/bin/true").contains(": invalid descriptor '!,'"));
        assertEquals(1, strace("-e", "read=", "/bin/true"));
        assertEquals(1, strace("--write=1,all", "/bin/true"));
    }
}
