package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a Java developer relies on: filters that keep the block, names checked, clear misuse messages. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LibraryContractTest {

    @Test
    void aThreadScopeFilterKeepsTheBlockAndDropsTheMarker(@TempDir Path dir) throws Exception {
        byte[] text = "Hello\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("warm.txt"), text);
        Path hello = dir.resolve("hello.txt");
        Tracer t = new Tracer(TraceOptions.defaults().withSyscalls(Set.of("openat", "write", "close")));
        t.start();
        Files.write(hello, text);
        Trace trace = t.end();
        List<String> names = trace.syscalls().stream().map(Syscall::name).toList();
        assertEquals(List.of("openat", "write", "close"), names, trace::toString);
        assertEquals("\"" + hello + "\"", trace.syscalls().get(0).argTexts().get(1));
    }

    @Test
    void aProcessScopeNetworkFilterSeesTheConnect() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            Trace trace;
            try (Tracer t = new Tracer(TraceOptions.defaults().withScope(TraceOptions.Scope.PROCESS)
                    .withSyscalls(Set.of("%network"))).start()) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    assertTrue(s.isConnected());
                }
                trace = t.trace();
            }
            List<Syscall> connects = trace.syscalls("connect");
            assertFalse(connects.isEmpty(), "a network filter must see the block's connect:\n" + trace);
            assertTrue(connects.stream().anyMatch(c -> c.straceText().contains("htons(" + port + ")")),
                    trace::toString);
            assertTrue(trace.syscalls().stream().allMatch(c -> SyscallClasses.members("%network").contains(c.name())),
                    trace::toString);
        }
    }

    @Test
    void unknownSyscallNamesAreRefusedAndClassesExpand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceOptions.defaults().withSyscalls(Set.of("openat", "opne")));
        assertTrue(e.getMessage().contains("unknown system call 'opne'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'open'"), e.getMessage());
        Set<String> net = TraceOptions.defaults().withSyscalls(Set.of("%network", "openat")).syscalls();
        assertTrue(net.containsAll(Set.of("socket", "connect", "sendto", "openat")), net::toString);
        assertFalse(net.contains("%network"));
        assertEquals(SyscallClasses.members("%file"), TraceOptions.defaults().withSyscalls(Set.of("%file")).syscalls());
    }

    @Test
    void launchFromInsideAnUnendedBlockSaysSo() throws Exception {
        Tracer forgotten = new Tracer().start();
        TraceRefusedException e;
        try {
            e = assertThrows(TraceRefusedException.class, () -> Tracer.launch(new ProcessBuilder("true")));
        } finally {
            forgotten.end();
        }
        assertTrue(e.getMessage().contains("started and never ended"), e.getMessage());
        assertFalse(e.getMessage().contains("seccomp"), e.getMessage());
        TracedProcess p = Tracer.launch(new ProcessBuilder("true"));
        assertEquals(0, p.waitFor(), "once the block has ended, launch works again");
    }

    @Test
    void aThrowingListenerKeepsTheExitCodeAndIsReported() throws Exception {
        TracedProcess p = Tracer.launch(new ProcessBuilder("sh", "-c", "exit 3"), TraceOptions.defaults(), e -> {
            throw new IllegalStateException("listener broke");
        });
        assertEquals(3, p.waitFor());
        assertEquals(3, p.exitValue());
        IllegalStateException failure = assertThrows(IllegalStateException.class, p::awaitTraceEnd);
        assertTrue(failure.getMessage().contains("listener broke"), failure.getMessage());
    }

    @Test
    void aFailedCallCarriesItsErrnoAsAValue(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.txt");
        Files.exists(dir); // the JDK's one-time work outside the block
        Tracer t = new Tracer();
        t.start();
        boolean exists = Files.exists(missing);
        Trace trace = t.end();
        assertFalse(exists);
        Syscall failed = trace.syscalls().stream().filter(s -> s.argsText().contains(missing.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no call on " + missing + ":\n" + trace));
        assertTrue(failed.failed(), failed::straceText);
        assertEquals(new dev.jstrace.decode.Errno(2), failed.error(), "ENOENT is errno 2, a value");
        assertEquals("ENOENT", failed.error().name());
        assertEquals("No such file or directory", failed.error().message());
        assertEquals("ENOENT", failed.errno());
        assertEquals(-2, failed.returnValue());
    }

    @Test
    void misuseIsExplained() {
        IllegalArgumentException nullOptions = assertThrows(IllegalArgumentException.class,
                () -> Tracer.launch(new ProcessBuilder("true"), null));
        assertTrue(nullOptions.getMessage().contains("options must not be null"), nullOptions.getMessage());
        TraceRefusedException self = assertThrows(TraceRefusedException.class,
                () -> Tracer.attach((int) ProcessHandle.current().pid()));
        assertTrue(self.getMessage().contains("a process cannot trace itself; use Tracer.start()"), self.getMessage());
    }

    @Test
    void aFanOutFeedsEveryListenerAndEndReturnsTheKeptTrace(@TempDir Path dir) throws Exception {
        Trace kept = new Trace();
        List<TraceEvent> other = new ArrayList<>();
        TraceListener throwing = e -> {
            throw new UncheckedIOException(new IOException("disk full"));
        };
        Path file = dir.resolve("f.txt");
        Files.writeString(dir.resolve("warm.txt"), "x");
        Tracer t = new Tracer(TraceOptions.defaults().withSyscalls(Set.of("openat")),
                new ListenerFanOut(List.of(kept, throwing, other::add)));
        t.start();
        Files.writeString(file, "x");
        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, t::end, "the listener's failure is reported");
        assertEquals("disk full", thrown.getCause().getMessage());
        assertTrue(kept.syscalls("openat").stream().anyMatch(s -> s.argTexts().get(1).equals("\"" + file + "\"")),
                kept::toString);
        assertEquals(kept.events().size(), other.size(), "the listener after the throwing one saw every event");

        Tracer plain = new Tracer(TraceOptions.defaults(), kept);
        plain.start();
        assertSame(kept, plain.end(), "end() returns the Trace it was given as listener");
    }
}
