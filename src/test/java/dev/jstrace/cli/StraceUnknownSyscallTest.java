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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real process calls a syscall strace 6.1 does not know: 451, cachestat since Linux 6.5 on every
 * arch, which jstrace's kernel tables name. strace 6.1 prints it whatever {@code -e trace=} says
 * ({@code get_scno}: {@code QUAL_RAW | DEFAULT_QUAL_FLAGS}), raw with six arguments, and under
 * {@code -d} says {@code pid N invalid syscall 0x1c3} first; its seccomp filter traces every number
 * past its table. The same check as strace's own nsyscalls, nsyscalls-d and nsyscalls-nd tests.
 */
class StraceUnknownSyscallTest {
    /** What nsyscalls.c passes: 0xface0fedbadc0ded, 0xface1fedbadc1ded, ... */
    private static final String CALL = "syscall_0x1c3(0xface0fedbadc0ded, 0xface1fedbadc1ded, 0xface2fedbadc2ded,"
            + " 0xface3fedbadc3ded, 0xface4fedbadc4ded, 0xface5fedbadc5ded) = ";
    private static final String SCRIPT = "import ctypes\n"
            + "libc = ctypes.CDLL(None, use_errno=True)\n"
            + "a = [ctypes.c_ulong(0xface0fedbadc0ded + i * 0x100000001000) for i in range(6)]\n"
            + "libc.syscall(ctypes.c_long(451), *a)\n";

    /** What jstrace printed (the trace, on standard error) and its outcome for OPTIONS and the script. */
    private record Run(Main.Outcome outcome, String trace) {}

    private static Run run(String options) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3 (with ctypes)");
        List<String> args = new ArrayList<>(List.of(options.split(" ")));
        args.addAll(List.of(python.toString(), "-c", SCRIPT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Outcome o = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(o, err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-e trace=none", "-e trace=cachestat,write", "-f --seccomp-bpf -e trace=none",
            "-d -e trace=none", "-d"})
    void aCallStraceDoesNotKnowPrintsRawWhateverTheFilter(String options) throws Exception {
        Run r = run(options);
        Main.Outcome o = r.outcome();
        String text = r.trace();
        List<String> lines = text.lines().toList();
        List<String> calls = lines.stream().filter(l -> l.contains(CALL)).toList();
        assertEquals(1, calls.size(), text);
        boolean filtered = options.contains("trace=");
        if (filtered) {
            // Nothing else of python's start passes trace=none (or trace=cachestat,write: python writes nothing).
            for (String l : lines) {
                assertTrue(l.contains(CALL) || l.contains("invalid syscall") || l.startsWith("+++ exited with 0"), l);
            }
        }
        List<String> debug = lines.stream().filter(l -> l.contains("invalid syscall")).toList();
        if (options.contains("-d")) {
            // strace's debug_msg at the entry: before the call's line, the number as %#lx.
            assertEquals(1, debug.size(), text);
            assertTrue(debug.getFirst().matches("jstrace: pid \\d+ invalid syscall 0x1c3"), debug.getFirst());
            assertTrue(lines.indexOf(debug.getFirst()) < lines.indexOf(calls.getFirst()), text);
        } else {
            assertEquals(List.of(), debug);
        }
        assertTrue(lines.contains("+++ exited with 0 +++"), text);
        assertEquals(0, o.status(), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-c -e trace=none", "-c"})
    void theSummaryLeavesOutACallStraceDoesNotKnow(String options) throws Exception {
        // strace 6.1's count_syscall counts only numbers in its table (scno_in_range), and prints no
        // table at all when it counted nothing: -c -e trace=none here prints nothing.
        Run r = run(options);
        Main.Outcome o = r.outcome();
        String text = r.trace();
        assertEquals(0, o.status(), text);
        assertTrue(!text.contains("syscall_0x1c3") && !text.contains("cachestat"), text);
        if (options.contains("trace=none")) {
            assertEquals("", text);
        } else {
            assertTrue(text.lines().anyMatch(l -> l.matches(".* execve$")), text);
        }
    }

    @org.junit.jupiter.api.Test
    void withTheSeccompFilterOnlyNumbersPastStracesTableStop() throws Exception {
        // Seen in the riscv64 guest (InjectDifferentialTest, --seccomp-bpf -f): strace 6.1's filter returns
        // RET_TRACE for every number past its table but lets a hole inside it run, so sid's glibc's
        // riscv_hwprobe (258) printed nothing there, while without the filter it prints raw.
        Invocation plain = OptionParser.parse(List.of("-f", "-e", "trace=getpid", "true"), new ArrayList<>());
        Invocation seccomp = OptionParser.parse(List.of("-f", "--seccomp-bpf", "-e", "trace=getpid", "true"),
                new ArrayList<>());
        assertTrue(plain.stoppingSyscalls().containsAll(List.of("getpid", "cachestat", "riscv_hwprobe", "uretprobe")));
        assertTrue(seccomp.stoppingSyscalls().containsAll(List.of("getpid", "cachestat", "file_setattr")));
        assertTrue(!seccomp.stoppingSyscalls().contains("riscv_hwprobe") && !seccomp.stoppingSyscalls().contains("uretprobe"));
    }
}
