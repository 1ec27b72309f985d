package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Tracing a block of this very JVM through the helper process. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SelfTraceTest {

    @Test
    void helloBlockHoldsExactlyItsOwnCalls(@TempDir Path dir) throws Exception {
        byte[] text = "Hello\n".getBytes(StandardCharsets.UTF_8);
        // The same call once untraced first: class loading and linking stay out of the block.
        Files.write(dir.resolve("warm.txt"), text);
        // A GC safepoint that falls inside the block really adds futex waits to
        // this thread's calls; a few attempts get one block without. Leaked
        // handshake or marker calls would be in every attempt.
        List<String> seen = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            Path hello = dir.resolve("hello" + attempt + ".txt");
            Tracer t = new Tracer();
            t.start();
            Files.write(hello, text);
            Trace trace = t.end();
            List<Syscall> calls = trace.syscalls();
            seen.add(trace.toString());
            if (!calls.stream().map(Syscall::name).toList().equals(List.of("openat", "write", "close"))) continue;
            int tid = calls.get(0).tid();
            assertTrue(calls.stream().allMatch(s -> s.tid() == tid), "one thread");
            Syscall open = calls.get(0);
            assertEquals("\"" + hello + "\"", open.argTexts().get(1), open::toString);
            long fd = open.returnValue();
            assertTrue(fd >= 0, open::toString);
            Syscall write = calls.get(1);
            assertEquals(6, write.returnValue());
            assertEquals("write(" + fd + ", \"Hello\\n\", 6) = 6", write.straceText());
            assertEquals("close(" + fd + ") = 0", calls.get(2).straceText());
            assertEquals("Hello\n", Files.readString(hello));
            return;
        }
        fail("no block held exactly openat, write, close:\n" + String.join("----\n", seen));
    }

    @Test
    void processScopeSeesAThreadStartedInsideTheBlock(@TempDir Path dir) throws Exception {
        Path inner = dir.resolve("from-thread.txt");
        int[] innerTid = new int[1];
        Trace trace;
        try (Tracer t = new Tracer(TraceOptions.defaults().withScope(TraceOptions.Scope.PROCESS)).start()) {
            Thread th = Thread.ofPlatform().name("inside-the-block").start(() -> {
                innerTid[0] = dev.jstrace.ffi.Libc.gettid();
                try {
                    Files.writeString(inner, "from a thread\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            th.join();
            trace = t.trace();
        }
        List<Syscall> opens = trace.syscalls("openat").stream()
                .filter(s -> s.argTexts().get(1).equals("\"" + inner + "\"")).toList();
        assertEquals(1, opens.size(), trace::toString);
        assertEquals(innerTid[0], opens.get(0).tid(), "the new thread's own call");
        assertTrue(trace.events().stream().anyMatch(e -> e instanceof ProcessEvent p
                && p.kind() == ProcessEvent.Kind.STARTED && p.tid() == innerTid[0]), "its start is an event");
        assertTrue(trace.syscalls("write").stream().anyMatch(s -> s.tid() == innerTid[0]
                && s.argTexts().get(1).equals("\"from a thread\\n\"") && s.returnValue() == 14), trace::toString);
    }

    @Test
    void endTwiceOrBeforeStartIsAClearError() {
        Tracer never = new Tracer();
        IllegalStateException before = assertThrows(IllegalStateException.class, never::end);
        assertTrue(before.getMessage().contains("before start()"), before.getMessage());
        Tracer t = new Tracer().start();
        t.end();
        IllegalStateException twice = assertThrows(IllegalStateException.class, t::end);
        assertTrue(twice.getMessage().contains("already ended"), twice.getMessage());
        assertThrows(IllegalStateException.class, t::start, "a Tracer is for one block");
    }

    @Test
    @SuppressWarnings("try") // the block is the point, not the resource
    void anOverlappingTracerOnTheSameThreadIsExplained() {
        try (Tracer outer = new Tracer().start()) {
            TraceRefusedException e = assertThrows(TraceRefusedException.class, () -> new Tracer().start());
            assertTrue(e.getMessage().contains("another Tracer of this JVM"), e.getMessage());
        }
    }

    @Test
    void endFromAnotherThreadDetachesTheTracedOne() throws Exception {
        java.util.concurrent.CompletableFuture<Tracer> started = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        int[] tid = new int[1];
        Thread a = Thread.ofPlatform().start(() -> {
            tid[0] = dev.jstrace.ffi.Libc.gettid();
            started.complete(new Tracer().start());
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Trace trace = started.get().end();
        assertEquals("0", dev.jstrace.proc.ProcTasks.status(tid[0], "TracerPid"), "detached although it sleeps");
        ended.countDown();
        a.join();
        assertTrue(trace.syscalls().stream().allMatch(s -> s.tid() == tid[0]), trace::toString);
    }

    @Test
    void threadScopeFromAVirtualThreadIsRefusedWithTheWayOut() throws Exception {
        Throwable[] thrown = new Throwable[1];
        Thread.ofVirtual().start(() -> {
            try {
                new Tracer().start().end();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }).join();
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, thrown[0]);
        assertTrue(e.getMessage().contains("virtual thread"), e.getMessage());
        assertTrue(e.getMessage().contains("Scope.PROCESS") && e.getMessage().contains("platform thread"),
                e.getMessage());
    }

    @Test
    void processScopeWorksFromAVirtualThread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("virtual.txt");
        Trace[] trace = new Trace[1];
        Thread.ofVirtual().start(() -> {
            try (Tracer t = new Tracer(TraceOptions.defaults().withScope(TraceOptions.Scope.PROCESS)).start()) {
                Files.writeString(file, "v");
                trace[0] = t.trace();
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).join();
        assertTrue(trace[0].syscalls("openat").stream().anyMatch(s -> s.argTexts().get(1).equals("\"" + file + "\"")),
                trace[0]::toString);
    }

    @Test
    @SuppressWarnings("try") // the block is the point, not the resource
    void theThreadRunsOnUntracedAfterEnd() throws Exception {
        try (Tracer t = new Tracer().start()) {
            Thread.sleep(1);
        }
        String tracer = dev.jstrace.proc.ProcTasks.status((int) ProcessHandle.current().pid(), "TracerPid");
        String self = Files.readAllLines(Path.of("/proc/thread-self/status")).stream()
                .filter(l -> l.startsWith("TracerPid:")).findFirst().orElseThrow();
        assertEquals("TracerPid:\t0", self, "detached: no tracer left on this thread");
        assertEquals("0", tracer);
    }
}
