package dev.jstrace.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.ProcessEvent;
import dev.jstrace.Syscall;
import dev.jstrace.SyscallEntered;
import dev.jstrace.TraceEvent;
import dev.jstrace.TraceListener;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared pieces of the stress suite: the short/full size switch, compiling
 * the C programs under {@code src/test/resources/stress}, grandchild targets
 * for attach tests, and a listener that counts per thread.
 */
final class StressSupport {
    private StressSupport() {}

    /** Whether {@code -Djstrace.stress=full} asked for the long form. */
    static final boolean FULL = "full".equals(System.getProperty("jstrace.stress"));

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    /** Compiles {@code stress/NAME.c} once per JVM with gcc; skips the test when gcc is absent. */
    static Path compiled(String name) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed");
        Path cached = BUILT.get(name);
        if (cached != null) return cached;
        synchronized (BUILT) {
            cached = BUILT.get(name);
            if (cached != null) return cached;
            Path src = resource("/stress/" + name + ".c");
            Path dir = Files.createTempDirectory("jstrace-stress-");
            Path exe = dir.resolve(name);
            Process gcc = new ProcessBuilder("gcc", "-O1", "-pthread", "-o", exe.toString(), src.toString())
                    .redirectErrorStream(true).start();
            String log = new String(gcc.getInputStream().readAllBytes());
            assertEquals(0, gcc.waitFor(), "gcc " + name + ".c: " + log);
            exe.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            BUILT.put(name, exe);
            return exe;
        }
    }

    /** Starts {@code cmd} as a grandchild of this JVM: see {@link dev.jstrace.Daemons}. */
    static int daemon(Path dir, String... cmd) throws Exception {
        return dev.jstrace.Daemons.start(dir, "out", cmd);
    }

    /** The daemon's exit status, once its subshell has recorded it. */
    static int awaitStatus(Path dir) throws Exception {
        return dev.jstrace.Daemons.awaitStatus(dir);
    }

    static Path resource(String name) throws URISyntaxException {
        var url = StressSupport.class.getResource(name);
        if (url == null) throw new IllegalStateException("missing test resource " + name);
        return Path.of(url.toURI());
    }

    /** "tid count" lines the test programs print, as a map; other lines are ignored. */
    static Map<Integer, Long> reportedCounts(String out) {
        Map<Integer, Long> m = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 2 && f[0].matches("\\d+") && f[1].matches("\\d+")) {
                m.merge(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long::sum);
            }
        }
        return m;
    }

    /** The first letter of a task's {@code State:} line in /proc, or null when it is gone. */
    static String state(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("State:")) return l.substring(6).trim().substring(0, 1);
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Every thread of {@code pid} with its state letter; empty when the process is gone. */
    /** {@code TracerPid} of /proc/PID/status, or null when the process is gone. */
    static String tracerPid(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("TracerPid:")) return l.substring(10).trim();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static Map<Integer, String> threadStates(long pid) {
        Map<Integer, String> m = new HashMap<>();
        try (var s = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : s.toList()) {
                int tid = Integer.parseInt(t.getFileName().toString());
                String st = state(tid);
                if (st != null) m.put(tid, st);
            }
        } catch (IOException e) {
            return m;
        }
        return m;
    }

    /** Polls until {@code pid} has gone or is a zombie: true; false after {@code millis}. */
    static boolean awaitGone(long pid, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            String s = state(pid);
            if (s == null || s.equals("Z") || s.equals("X")) return true;
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * Counts, per tid, calls entered, calls ended (returned or {@code = ?}) and
     * calls by name; keeps process events. Written by the consumer thread,
     * read after the trace has ended.
     */
    static final class Counting implements TraceListener {
        final Map<Integer, long[]> enteredEnded = new ConcurrentHashMap<>();
        final Map<String, Map<Integer, Long>> byName = new ConcurrentHashMap<>();
        final List<ProcessEvent> processEvents = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Syscall> kept = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.function.Predicate<Syscall> keep;

        Counting(java.util.function.Predicate<Syscall> keep) {
            this.keep = keep;
        }

        @Override
        public void onEvent(TraceEvent e) {
            switch (e) {
                case SyscallEntered s -> enteredEnded.computeIfAbsent(s.tid(), k -> new long[2])[0]++;
                case Syscall s -> {
                    enteredEnded.computeIfAbsent(s.tid(), k -> new long[2])[1]++;
                    byName.computeIfAbsent(s.name(), k -> new ConcurrentHashMap<>()).merge(s.tid(), 1L, Long::sum);
                    if (keep.test(s)) kept.add(s);
                }
                case ProcessEvent p -> processEvents.add(p);
                default -> { }
            }
        }

        /** Calls of {@code name} per tid. */
        Map<Integer, Long> calls(String name) {
            return byName.getOrDefault(name, Map.of());
        }

        long total(String name) {
            return calls(name).values().stream().mapToLong(Long::longValue).sum();
        }

        long totalEntered() {
            return enteredEnded.values().stream().mapToLong(a -> a[0]).sum();
        }

        long totalEnded() {
            return enteredEnded.values().stream().mapToLong(a -> a[1]).sum();
        }

        /** The tids whose entries and ends differ, with both counts. */
        Map<Integer, String> unmatched() {
            Map<Integer, String> m = new HashMap<>();
            enteredEnded.forEach((tid, a) -> {
                if (a[0] != a[1]) m.put(tid, a[0] + " entered, " + a[1] + " ended");
            });
            return m;
        }
    }
}
