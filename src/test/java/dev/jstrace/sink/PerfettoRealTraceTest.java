package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.Syscall;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Both sinks fed live by the engine tracing a real shell that forks, reads and writes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PerfettoRealTraceTest {

    @Test
    void aForkingShellTracedLiveGivesValidFiles(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("trace.json");
        Path proto = dir.resolve("trace.pftrace");
        AtomicLong syscalls = new AtomicLong();
        try (TefSink tef = new TefSink(json); PerfettoSink perfetto = new PerfettoSink(proto)) {
            TraceListener both = new TraceListener() {
                @Override
                public void onEvent(TraceEvent e) {
                    if (e instanceof Syscall) {
                        syscalls.incrementAndGet();
                    }
                    tef.onEvent(e);
                    perfetto.onEvent(e);
                }

                @Override
                public void onEnd() {
                    tef.onEnd();
                    perfetto.onEnd();
                }
            };
            TracedProcess p = Tracer.launch(new ProcessBuilder("/bin/sh", "-c",
                    "cat /etc/hostname >/dev/null; (echo sub) | cat >/dev/null; exit 3"),
                    TraceOptions.defaults(), both);
            assertEquals(3, p.waitFor());
            p.awaitTraceEnd();
        }
        Map<String, Object> root = TefValidator.validate(Files.readAllBytes(json));
        List<Map<String, Object>> events = TefValidator.events(root);
        long slices = events.stream().filter(e -> "X".equals(e.get("ph")) || "B".equals(e.get("ph"))).count();
        assertEquals(syscalls.get(), slices, "one complete event (or, never returning, a B/E pair) per syscall");
        assertTrue(events.stream().anyMatch(e -> "s".equals(e.get("ph"))), "the shell's forks are linked");
        assertTrue(events.stream().anyMatch(e -> "M".equals(e.get("ph")) && "process_name".equals(e.get("name"))
                && String.valueOf(((Map<?, ?>) e.get("args")).get("name")).startsWith("cat ")),
                "the forked cat is named after its execve");
        assertTrue(events.stream().anyMatch(e -> "process exited".equals(e.get("name"))
                && ((Map<?, ?>) e.get("args")).get("strace").equals("+++ exited with 3 +++")));

        PerfettoTraceChecker c = PerfettoTraceChecker.check(Files.readAllBytes(proto), true);
        assertEquals(syscalls.get(), c.slices.size(), "one slice per syscall");
        assertTrue(c.events.stream().anyMatch(e -> !e.terminatingFlowIds().isEmpty()));
        assertTrue(c.tracks.values().stream().anyMatch(t -> t.counter() && t.name().equals("bytes read")));
    }
}
