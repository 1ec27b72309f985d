package dev.jstrace.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.arch.gen.Errnos;
import dev.jstrace.arch.gen.Signals;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errno and signal names as strace prints them, checked against glibc (via python3) and strace. */
class ErrnosAndSignalsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "2|ENOENT|No such file or directory",
        "11|EAGAIN|Resource temporarily unavailable",
        "35|EDEADLK|Resource deadlock avoided",
        "95|EOPNOTSUPP|Operation not supported",
        "512|ERESTARTSYS|To be restarted if SA_RESTART is set",
        "513|ERESTARTNOINTR|To be restarted",
        "514|ERESTARTNOHAND|To be restarted if no handler",
        "516|ERESTART_RESTARTBLOCK|Interrupted by signal",
        "517|EPROBE_DEFER|Unknown error 517",
    })
    void errnos(int errno, String name, String message) {
        assertEquals(name, Errnos.name(errno));
        assertEquals(message, Errnos.message(errno));
        assertEquals(errno, Errnos.number(name));
    }

    @Test
    void unknownErrnos() {
        assertNull(Errnos.name(0));
        assertNull(Errnos.name(520));
        assertNull(Errnos.message(4095));
        assertEquals(-1, Errnos.number("EWOULDBLOCK"), "aliases are not names strace prints");
    }

    /** Every message below 512 is glibc's strerror text; python3's os.strerror calls the same glibc. */
    @Test
    void messagesAreGlibcs() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c",
                    "import os\nfor e in range(1, 134): print(e, os.strerror(e), sep='\\t')")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 not installed");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        int checked = 0;
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", 2);
            int e = Integer.parseInt(f[0]);
            if (Errnos.name(e) == null) continue; // 41 and 58 are unassigned
            assertEquals(f[1], Errnos.message(e), "errno " + e);
            checked++;
        }
        assertTrue(checked > 120, "checked " + checked);
    }

    /**
     * strace prints its own text for the restart codes: interrupt pause(2), a sleep and a
     * pipe read with a handled SIGALRM and compare what the installed strace prints.
     */
    @Test
    void restartCodesMatchInstalledStrace() throws Exception {
        String script = """
                import signal, os, ctypes
                signal.signal(signal.SIGALRM, lambda *a: None)
                libc = ctypes.CDLL(None)
                signal.setitimer(signal.ITIMER_REAL, 0.05)
                libc.pause()
                signal.setitimer(signal.ITIMER_REAL, 0.05)
                libc.usleep(2000000)
                r, w = os.pipe()
                signal.setitimer(signal.ITIMER_REAL, 0.05)
                libc.read(r, ctypes.create_string_buffer(1), 1)
                """;
        String err = StraceOracle.run("pause,clock_nanosleep,nanosleep,read", script);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("= \\? (E\\w+) \\((.*)\\)").matcher(err);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            int errno = Errnos.number(m.group(1));
            assertTrue(errno >= 512, m.group(1));
            assertEquals(m.group(2), Errnos.message(errno), m.group(1));
            seen.add(m.group(1));
        }
        assertEquals(java.util.Set.of("ERESTARTNOHAND", "ERESTART_RESTARTBLOCK", "ERESTARTSYS"), seen, err);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"1, SIGHUP", "6, SIGABRT", "9, SIGKILL", "17, SIGCHLD", "29, SIGIO", "31, SIGSYS",
        "32, SIGRTMIN", "33, SIGRT_1", "34, SIGRT_2", "64, SIGRT_32"})
    void signalNames(int sig, String name) {
        assertEquals(name, Signals.name(sig));
        assertEquals(sig, Signals.number(name));
    }

    @Test
    void signalParsing() {
        assertEquals(9, Signals.number("kill"));
        assertEquals(9, Signals.number("SigKill"));
        assertEquals(6, Signals.number("SIGIOT"));
        assertEquals(29, Signals.number("POLL"));
        assertEquals(-1, Signals.number("SIGFOO"));
        assertNull(Signals.name(0));
        assertNull(Signals.name(65));
    }

    /** strace prints kill(2)'s signal argument with the same names. */
    @Test
    void signalNamesMatchInstalledStrace() throws Exception {
        assumeTrue(Arch.current() == Arch.X86_64, "the oracle run uses the x86-64 kill number");
        String err = StraceOracle.run("kill",
                "import ctypes\nfor s in (9, 17, 31, 32, 33, 34, 64): ctypes.CDLL(None).syscall(62, 999999999, s)");
        for (int s : new int[] {9, 17, 31, 32, 33, 34, 64}) {
            String expected = "kill(999999999, " + Signals.name(s) + ")";
            assertTrue(err.contains(expected), expected + " not in:\n" + err);
        }
    }
}
