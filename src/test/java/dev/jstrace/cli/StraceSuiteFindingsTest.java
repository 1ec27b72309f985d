package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.arch.Arch;
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
 * Bugs that strace 6.1's own test suite ({@code scripts/strace-suite}) found, each on a real
 * process: the suite test that found it is named in each case.
 */
class StraceSuiteFindingsTest {
    private record Result(Main.Outcome outcome, String err) {}

    private static Result jstrace(Path dir, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(List.of(args), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(o, err.toString(StandardCharsets.UTF_8));
    }

    /** attach-p-cmd: {@code -p PID CMD} traces both; the command used never to start. */
    @Test
    void attachWithACommandTracesBoth(@TempDir Path dir) throws Exception {
        int pid = CliProcess.daemon(dir, "sh", "-c", "echo up; sleep 2; cd /; exit 0");
        Path out = dir.resolve("out");
        Result r = jstrace(dir, "-o", out.toString(), "-e", "trace=chdir", "-p", Integer.toString(pid),
                "sh", "-c", "cd /tmp");
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        List<String> lines = Files.readAllLines(out);
        // Two processes from the start: every line of -o FILE has its pid, as strace's print_pid_pfx.
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\d+ +chdir\\(\"/tmp\"\\) += 0")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches(pid + " +chdir\\(\"/\"\\) += 0")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches(pid + " +\\+\\+\\+ exited with 0 \\+\\+\\+")), lines.toString());
    }

    /** detach-stopped: SIGTERM to jstrace -p on a stopped process detaches it, left stopped. */
    @Test
    void sigtermDetachesAStoppedProcessLeavingItStopped(@TempDir Path dir) throws Exception {
        int pid = CliProcess.daemon(dir, "sh", "-c", "echo up; exec sleep 20");
        try {
            new ProcessBuilder("kill", "-STOP", Integer.toString(pid)).start().waitFor();
            CliProcess.await("the stop", () -> CliProcess.procStatus(pid, "State").startsWith("T"));
            CliProcess t = CliProcess.jstrace(dir, "-p", Integer.toString(pid));
            t.awaitStderr(l -> l.startsWith("--- stopped by SIGSTOP"));
            assertEquals(143, t.signalAndWait("TERM"), t.errorText());
            assertTrue(t.errorText().contains("jstrace: Process " + pid + " detached"), t.errorText());
            assertEquals("0", CliProcess.procStatus(pid, "TracerPid"), "detached");
            assertTrue(CliProcess.procStatus(pid, "State").startsWith("T (stopped)"),
                    "still group-stopped: " + CliProcess.procStatus(pid, "State"));
        } finally {
            new ProcessBuilder("kill", "-KILL", Integer.toString(pid)).start().waitFor();
        }
    }

    /** The suite's {@code -P} tests: a relative path also matches its real path, with strace's message. */
    @Test
    void tracePathResolvesARelativePath(@TempDir Path dir) throws Exception {
        Path real = dir.toRealPath();
        Files.writeString(real.resolve("pp.txt"), "x\n");
        Path out = real.resolve("out");
        CliProcess p = CliProcess.jstrace(real, "-o", out.toString(), "-P", "pp.txt", "cat", real + "/pp.txt");
        assertEquals(0, p.exitValue(), p.errorText());
        assertEquals("jstrace: Requested path \"pp.txt\" resolved into \"" + real + "/pp.txt\"\n", p.errorText());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("openat(AT_FDCWD, \"" + real + "/pp.txt\"")),
                lines.toString());
    }

    /** net-sockaddr: nl_groups is C's %#08x ({@code 0xfacefeed}); the 0x was missing. */
    @Test
    void netlinkGroupsPrintAsHashHex(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 to bind a netlink socket");
        Path out = dir.resolve("out");
        Result r = jstrace(dir, "-o", out.toString(), "-e", "trace=bind", "python3", "-c",
                "import socket\ns=socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)\n"
                        + "try: s.bind((0, 0xfacefeed))\nexcept OSError: pass\n");
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        String text = Files.readString(out);
        // nl_pad too when the caller left it nonzero (CPython does not clear it), as strace 6.1 prints it.
        assertTrue(text.matches("(?s).*\\{sa_family=AF_NETLINK, (nl_pad=0x[0-9a-f]+, )?nl_pid=0, nl_groups=0xfacefeed\\}.*"),
                text);
    }

    /** futex: an operation strace's futexops do not name is {@code 0x201 /* FUTEX_??? *\/}, not 513_PRIVATE. */
    @Test
    void unknownFutexOperationsPrintAsStrace(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 to call futex");
        int nr = Arch.current().syscallNumber("futex");
        Path out = dir.resolve("out");
        // 0x201: FUTEX_WAKE with FUTEX_CLOCK_REALTIME (only waits take it); 0x8e: command 14, unknown.
        String py = "import ctypes\nl=ctypes.CDLL(None, use_errno=True)\n"
                + "for op in (0x201, 0x8e, 0x189):\n    l.syscall(" + nr + ", None, op, 0, None, None, 0)\n";
        Result r = jstrace(dir, "-o", out.toString(), "-e", "trace=futex", "python3", "-c", py);
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        List<String> ops = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^futex\\(NULL, ([^,]+),").matcher(Files.readString(out));
        while (m.find()) ops.add(m.group(1));
        assertEquals(List.of("0x201 /* FUTEX_??? */", "0x8e /* FUTEX_??? */",
                "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME"), ops);
    }

    /** The usage lines list only options the parser takes (they listed -d, which was rejected). */
    @Test
    void everyOptionInTheUsageLinesIsAccepted() throws Exception {
        // "[-ACffh...]" on the first line, "-c[fwzZ]" (flags taken with -c) on the second.
        Matcher m = Pattern.compile("(\\[-|-c\\[)([A-Za-z]+)\\]").matcher(HelpText.TEXT.lines().limit(5)
                .reduce("", String::concat));
        int clusters = 0;
        while (m.find()) {
            clusters++;
            for (char c : m.group(2).toCharArray()) {
                List<String> args = m.group(1).equals("-c[") || c == 'w' ? List.of("-c", "-" + c, "true")
                        : List.of("-" + c, "true");
                OptionParser.parse(args, new ArrayList<>()); // throws UsageException for an option it rejects
            }
        }
        assertEquals(2, clusters, "the two usage lines' clusters of flags");
    }

    /** The suite's messages name the program as invoked ($0), as strace's do; the launcher passes it. */
    @Test
    void messagesNameTheProgramAsInvoked(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Djstrace.program=/some/where/jstrace",
                "-cp", System.getProperty("java.class.path"), "dev.jstrace.cli.Main", "-Q"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor());
        assertEquals("/some/where/jstrace: invalid option -- 'Q'\n"
                + "Try '/some/where/jstrace -h' for more information.\n", text);
    }

    /** The suite's option lists: empty items are skipped, names of other personalities accepted. */
    @Test
    void traceSetsTakeEmptyItemsAndOtherPersonalitiesNames(@TempDir Path dir) throws Exception {
        assertEquals(java.util.Set.of("write"), FilterSets.syscalls(",mmap2,,write,"));
        assertEquals(java.util.Set.of("write"), FilterSets.syscalls("!!write"));
        // "ipc" is the class (strace tries a class before a name), not i386's ipc(2): the suite's -eipc.
        assertEquals(dev.jstrace.SyscallClasses.members("%ipc"), FilterSets.syscalls("ipc"));
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> FilterSets.syscalls(","));
        assertEquals("invalid system call ','", e.getMessage());
        Path out = dir.resolve("out");
        Result r = jstrace(dir, "-o", out.toString(), "-e,exit_group,mmap2", "true");
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        assertEquals(List.of("exit_group(0)                           = ?", "+++ exited with 0 +++"),
                Files.readAllLines(out));
    }

    /** fflush: an output file that cannot be written is reported as strace's outf_perror does; the status stays. */
    @Test
    void unwritableOutputFileIsReported(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        Result r = jstrace(dir, "-o", "/dev/full", "-e", "trace=none", "true");
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        assertEquals("jstrace: /dev/full: No space left on device\n", r.err());
    }

    /** restart_syscall: its one argument names the call it resumes, strace's {@code <... resuming interrupted NAME ...>}. */
    @Test
    void restartSyscallNamesTheInterruptedCall(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 to sleep through an ignored signal");
        Path out = dir.resolve("out");
        // A relative nanosleep interrupted by a signal the tracee ignores: the kernel resumes it by restart_syscall.
        Result r = jstrace(dir, "-o", out.toString(), "-e", "trace=clock_nanosleep,restart_syscall", "/usr/bin/python3",
                "-c", "import ctypes, signal\n"
                        + "class TS(ctypes.Structure): _fields_ = [('s', ctypes.c_long), ('ns', ctypes.c_long)]\n"
                        + "signal.signal(signal.SIGALRM, signal.SIG_IGN); signal.setitimer(signal.ITIMER_REAL, 1.0)\n"
                        + "ctypes.CDLL(None).nanosleep(ctypes.byref(TS(3, 0)), None)\n");
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        String text = Files.readString(out);
        assertTrue(text.contains("restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0"), text);
    }

    /**
     * count, strace-C: the -c table counts the system CPU time spent in each call, as strace does
     * without -w (a 0.6 s sleep is ~0 s), -w its latency, less -O per call (strace's parse_ts units).
     */
    @Test
    void summaryCountsSystemTimeUnlessWallClock(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 to sleep");
        assertTrue(sleepSeconds(dir, "-c") < 0.1, "system time");
        assertTrue(sleepSeconds(dir, "-cw") >= 0.6, "latency");
        double less = sleepSeconds(dir, "-cw", "--summary-syscall-overhead=4.5e2ms");
        assertTrue(less >= 0.15 && less < 0.6, "latency less 0.45 s: " + less);
        Result bad = jstrace(dir, "-c", "-O", "1x", "true");
        assertEquals("jstrace: invalid -O argument: '1x'\nTry 'jstrace -h' for more information.\n", bad.err());
    }

    /** The seconds column of clock_nanosleep's row in the -c table of a 0.6 s sleep traced with {@code opts}. */
    private static double sleepSeconds(Path dir, String... opts) throws Exception {
        Path out = dir.resolve("summary");
        List<String> args = new ArrayList<>(List.of("-o", out.toString()));
        args.addAll(List.of(opts));
        args.addAll(List.of("-e", "trace=clock_nanosleep", "/usr/bin/python3", "-c", "import ctypes\n"
                + "class TS(ctypes.Structure): _fields_ = [('s', ctypes.c_long), ('ns', ctypes.c_long)]\n"
                + "ctypes.CDLL(None).nanosleep(ctypes.byref(TS(0, 600000000)), None)\n"));
        Result r = jstrace(dir, args.toArray(String[]::new));
        assertEquals(new Main.Outcome(0, 0), r.outcome(), r.err());
        String table = Files.readString(out);
        Matcher m = Pattern.compile("(?m)^ *[0-9.]+ +([0-9.]+) .* clock_nanosleep$").matcher(table);
        assertTrue(m.find(), table);
        return Double.parseDouble(m.group(1));
    }
}
