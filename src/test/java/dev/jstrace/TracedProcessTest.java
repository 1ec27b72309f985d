package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TracedProcess is a drop-in for what ProcessBuilder.start() returns: the same
 * assertions run against both.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TracedProcessTest {
    interface Starter {
        Process start(ProcessBuilder pb) throws IOException;
    }

    static Stream<Arguments> starters() {
        return Stream.of(
                Arguments.of("ProcessBuilder.start", (Starter) ProcessBuilder::start),
                Arguments.of("Tracer.launch", (Starter) Tracer::launch));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starters")
    void streamsAndExitCode(String name, Starter starter) throws Exception {
        Process p = starter.start(new ProcessBuilder("sh", "-c", "tr a-z A-Z; echo err >&2; exit 3"));
        try (OutputStream in = p.getOutputStream()) {
            in.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("HELLO\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("err\n", new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(3, p.waitFor());
        assertEquals(3, p.exitValue());
        assertFalse(p.isAlive());
        assertSame(p, p.onExit().get(5, TimeUnit.SECONDS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starters")
    void mergedErrorStream(String name, Starter starter) throws Exception {
        Process p = starter.start(new ProcessBuilder("sh", "-c", "echo out; echo err >&2").redirectErrorStream(true));
        assertEquals("out\nerr\n", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(-1, p.getErrorStream().read(), "merged: the error stream is empty");
        assertEquals(0, p.waitFor());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starters")
    void destroyAndDestroyForcibly(String name, Starter starter) throws Exception {
        Process p = starter.start(new ProcessBuilder("sleep", "30"));
        assertTrue(p.isAlive());
        assertFalse(p.waitFor(100, TimeUnit.MILLISECONDS));
        assertThrows(IllegalThreadStateException.class, p::exitValue);
        assertEquals(p.pid(), p.toHandle().pid());
        assertTrue(p.supportsNormalTermination());
        p.destroy();
        assertEquals(128 + 15, p.waitFor(), "SIGTERM");
        Process q = starter.start(new ProcessBuilder("sleep", "30"));
        q.destroyForcibly();
        assertEquals(128 + 9, q.waitFor(), "SIGKILL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starters")
    void theHandleOutlivesTheProcess(String name, Starter starter) throws Exception {
        Process p = starter.start(new ProcessBuilder("true"));
        assertEquals(0, p.waitFor());
        ProcessHandle h = p.toHandle();
        assertEquals(p.pid(), h.pid());
        assertFalse(h.isAlive(), "the handle of an ended process is not alive");
        assertNotNull(p.info(), "info() of an ended process");
        assertTrue(p.waitFor(1, TimeUnit.SECONDS));
    }
}
