package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The traced program sees the world it would see untraced: argv and environ
 * byte for byte, the caller's descriptors (flags, offsets, closed ones closed),
 * ignored and blocked signals, rlimits, cwd, umask, process group, and no trace
 * of jstrace (no hsperfdata for {@code jps}). Each case is a bash snippet that
 * runs the observer ({@code observer.c}, compiled here) three ways: untraced,
 * under the installed strace and under {@code scripts/jstrace} (reached through
 * a symlink from another directory, as on a user's PATH); the three reports and
 * exit statuses must be identical.
 */
class ContextFidelityTest {
    @TempDir
    static Path dir;
    private static String jstrace;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "needs gcc to build the observer program");
        assumeTrue(CliProcess.straceInstalled(), "needs the installed strace as the reference");
        Path src = dir.resolve("observer.c");
        try (var in = ContextFidelityTest.class.getResourceAsStream("/dev/jstrace/context/observer.c")) {
            Files.write(src, in.readAllBytes());
        }
        Process cc = new ProcessBuilder("gcc", "-O1", "-o", dir.resolve("obs").toString(), src.toString())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), "gcc failed: " + ccOut);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("jstrace"), InstalledLauncher.create(dir.resolve("jstrace-home")));
        jstrace = bin.resolve("jstrace").toString();
    }

    private record Run(String report, int status) {}

    /** Runs {@code script} with {@code $T} empty, strace and jstrace; asserts the same reports and statuses. */
    private static void sameEverywhere(String name, String script) throws Exception {
        Run plain = run(name, "plain", "", script);
        Run strace = run(name, "strace", "/usr/bin/strace -o /dev/null", script);
        Run ours = run(name, "jstrace", jstrace + " -o /dev/null", script);
        assertEquals(plain, strace, "strace differs from an untraced run (the test's own assumption)");
        assertEquals(plain, ours, "jstrace differs from an untraced run");
    }

    /** For options that have no untraced meaning ({@code -E}): strace and jstrace must agree. */
    private static void sameAsStrace(String name, String script) throws Exception {
        Run strace = run(name, "strace", "/usr/bin/strace -o /dev/null", script);
        Run ours = run(name, "jstrace", jstrace + " -o /dev/null", script);
        assertEquals(strace, ours, "jstrace differs from strace");
    }

    /**
     * One run of {@code script} in {@code DIR/name/run}: the same directory for every mode (paths, PWD and
     * descriptor targets then compare as they are), emptied first. The script does not end in the
     * command, so bash forks it and the observer's parent is bash (or the tracer), not this JVM.
     */
    private static Run run(String name, String mode, String tracer, String script) throws Exception {
        Path runDir = dir.resolve(name).resolve("run");
        if (Files.exists(runDir)) {
            try (var old = Files.walk(runDir)) {
                for (Path f : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
            }
        }
        Files.createDirectories(runDir);
        Path log = dir.resolve(name).resolve("output"); // the same file for every mode: it is fd 1 and 2
        System.out.println(mode + ": " + script);
        Process p = new ProcessBuilder("/bin/bash", "-c", "T=\"$1\"; " + script + "\nexit $?", "runner", tracer)
                .directory(runDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), mode + " did not end: " + Files.readString(log));
        Path report;
        try (var found = Files.walk(runDir)) {
            report = found.filter(f -> f.getFileName().toString().equals("report")).findFirst().orElse(null);
        }
        assertTrue(report != null, mode + " wrote no report; its output: " + Files.readString(log));
        return new Run(Files.readString(report), p.exitValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "C.UTF-8"})
    void argvBytesAreExact(String locale) throws Exception {
        sameEverywhere("argv-" + locale, "env LC_ALL=" + locale
                + " $T ../../obs -x 7 café $'\\xff\\xfe' '' 'a b' $'new\\nline' 'back\\slash' -- -o");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "C.UTF-8"})
    void environmentBytesAreExact(String locale) throws Exception {
        sameEverywhere("env-" + locale, "env -i LC_ALL=" + locale + " PATH=/usr/bin:/bin V=$'caf\\xc3\\xa9'"
                + " W=$'\\xff\\xfe' N=$'a\\nb' B='back\\slash' Z= $T ../../obs");
    }

    @Test
    void anEmptiedEnvironmentStaysExactlyAsGiven() throws Exception {
        // No PATH at all, and variables bash would set or rewrite (PWD, SHLVL, _) given by the caller.
        sameEverywhere("env-i", "env -i B=2 A=1 $T ../../obs");
        sameEverywhere("env-i-shell-vars", "env -i PWD=/nonexistent _=mine SHLVL=7 OLDPWD=/ A=1 $T ../../obs");
    }

    @Test
    void dashEAppliesOnTopAsStraceApplies() throws Exception {
        sameAsStrace("dash-E", "env -i A=1 B=2 D=4 A=5 $T -E A=9 -E C=3 -E B -E Y=$'\\xff' -E C=7 -E D -E D=0"
                + " ../../obs");
    }

    @Test
    void descriptorsThreeToNineArriveWithFlagsAndOffsets() throws Exception {
        sameEverywhere("fds", "printf abcdef > in4; exec 4<in4; read -r -n 3 -u 4 x;"
                + " env $T ../../obs 3>o3 5>>o5 6<>o6 7>&1 8<&4 9>o9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<&-", ">&-", "2>&-", "<&- >&- 2>&-"})
    void closedStandardDescriptorsStayClosed(String closing) throws Exception {
        sameEverywhere("closed-" + closing.replaceAll("[^0-9]", "") + closing.length(),
                "env $T ../../obs " + closing);
    }

    @Test
    void aMakeRecipeKeepsTheJobserver() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/make")), "needs make for its jobserver descriptors");
        // A '+' recipe gets make's jobserver: MAKEFLAGS names the descriptors, which must be open.
        sameEverywhere("jobserver", "printf 'all:\\n\\t+env %s ../../obs\\n' \"$T\" > Makefile; make -s -j4");
    }

    @Test
    void aProcessSubstitutionPathCanBeOpened() throws Exception {
        sameEverywhere("procsubst", "env $T ../../obs <(echo hi)");
    }

    @Test
    void ignoredAndBlockedSignalsAreTheCallers() throws Exception {
        sameEverywhere("sig-trap", "trap '' INT QUIT; env $T ../../obs");
        // Blocked USR1 and TERM, ignored HUP: set up by the observer itself, then exec'd into the run.
        sameEverywhere("sig-mask", "../../obs -e 0000000000004200 0000000000000001 -- env $T ../../obs");
        // Ignored SIGCHLD, which bash stops ignoring for itself (the suite's sigign 1 17).
        sameEverywhere("sig-chld", "../../obs -e 0000000000000000 0000000000010000 -- env $T ../../obs");
    }

    @Test
    void loweredResourceLimitsAreTheCallers() throws Exception {
        sameEverywhere("rlimits", "ulimit -Hn 4096; ulimit -Sn 256; ulimit -Sc 0; ulimit -Ss 4096;"
                + " ulimit -Su 5000; env $T ../../obs");
    }

    @Test
    void umaskAndWorkingDirectoryAreTheCallers() throws Exception {
        sameEverywhere("umask", "umask 027; mkdir -p sub; cd sub; env $T ../../../obs");
    }

    /**
     * The suite's redirect: once the command runs, jstrace lets go of its own standard input and output
     * (strace's redirect_standard_fds), so a program that closes its pipe ends closes the pipe: the writer
     * gets SIGPIPE, the reader its end of file, while the program still runs (lock2 still there).
     */
    @Test
    void aProgramClosingItsPipeEndsClosesThePipe() throws Exception {
        Path runDir = Files.createDirectories(dir.resolve("redirect"));
        String tracee = " -qq -enone -esignal=none sh -c 'exec <&- >&-; rm -f lock1; sleep 3; rm -f lock2'";
        String script = "touch lock1 lock2; (while [ -f lock1 ]; do sleep 0.1; done; yes;"
                + " [ -f lock2 ] && echo input >> early) | " + jstrace + tracee + "\n"
                + "touch lock1 lock2; " + jstrace + tracee + " | (while [ -f lock1 ]; do sleep 0.1; done;"
                + " cat > /dev/null; [ -f lock2 ] && echo output >> early)\n";
        Process p = new ProcessBuilder("/bin/bash", "-c", script).directory(runDir.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals("input\noutput\n", Files.readString(runDir.resolve("early")), out);
    }

    /** Sanity: the observer does tell a difference (each field above can fail). */
    @Test
    void theObserverSeesADifferentContext() throws Exception {
        Run a = run("sanity", "a", "", "env A=1 $T ../../obs 3>o3");
        Run b = run("sanity", "b", "", "env A=2 $T ../../obs");
        List<String> differing = a.report().lines().filter(l -> !b.report().contains(l)).toList();
        assertTrue(differing.stream().anyMatch(l -> l.startsWith("env ")), differing.toString());
        assertTrue(differing.stream().anyMatch(l -> l.startsWith("fd 3")), differing.toString());
    }
}
