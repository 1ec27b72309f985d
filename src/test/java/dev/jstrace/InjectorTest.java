package dev.jstrace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering from Java: around a block of this JVM, and on a launched child. */
class InjectorTest {
    private static final byte[] DATA = "hello\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void filesWriteFailsWithEnospcInsideTheBlockOnly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.txt");
        IOException failure;
        Trace trace;
        try (Injector i = new Injector().inject("write", Tamper.error("ENOSPC")).start()) {
            failure = assertThrows(IOException.class, () -> Files.write(f, DATA));
            trace = i.end();
        }
        assertEquals("No space left on device", failure.getMessage());
        assertEquals(IOException.class, failure.getClass());
        Syscall w = trace.syscalls().stream().filter(s -> s.name().equals("write")).findFirst().orElseThrow();
        assertEquals("ENOSPC", w.errno());
        assertEquals(new Tampering(true, false, false, 0), w.tampering());
        assertTrue(w.straceText().endsWith("= -1 ENOSPC (No space left on device) (INJECTED)"), w.straceText());
        // The same block without the injector succeeds, and nothing is left tampered with.
        Files.write(f, DATA);
        assertArrayEquals(DATA, Files.readAllBytes(f));
    }

    @Test
    void threadScopeLeavesOtherThreadsAloneAndProcessScopeDoesNot(@TempDir Path dir) throws Exception {
        // mkdir, not write: in process scope every thread's call is tampered with, the test runner's too.
        Tamper erofs = Tamper.error("EROFS");
        Path a = dir.resolve("a");
        // Started before the block: a thread the block starts is followed, and so tampered with.
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        IOException[] other = new IOException[1];
        Thread before = Thread.ofPlatform().start(() -> {
            try {
                go.await();
                Files.createDirectory(a);
            } catch (IOException e) {
                other[0] = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (Injector i = new Injector().inject("mkdir", erofs).inject("mkdirat", erofs).start()) {
            go.countDown();
            before.join();
        }
        assertEquals(null, other[0], "another thread's call is not the block's");
        assertTrue(Files.isDirectory(a));
        IOException[] seen = new IOException[1];
        try (Injector i = new Injector(TraceOptions.Scope.PROCESS).inject("mkdir", erofs).inject("mkdirat", erofs)
                .start()) {
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    Files.createDirectory(dir.resolve("b"));
                } catch (IOException e) {
                    seen[0] = e;
                }
            });
            t.join();
        }
        assertTrue(seen[0] != null && seen[0].getMessage().endsWith("Read-only file system"), String.valueOf(seen[0]));
        assertFalse(Files.exists(dir.resolve("b")));
    }

    @Test
    void socketConnectIsRefusedOnDemand() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (Injector i = new Injector().inject("connect", Tamper.error("ECONNREFUSED").when(1)).start();
                 Socket s = new Socket()) {
                ConnectException e = assertThrows(ConnectException.class, () -> s.connect(at, 2000));
                assertEquals("Connection refused", e.getMessage());
            }
            try (Socket s = new Socket()) {
                s.connect(at, 2000); // the listener is there: only the injection refused
                assertTrue(s.isConnected());
            }
        }
    }

    @Test
    void aLaunchedChildSeesRetvalPokeAndDelayAndEachCallSaysHow() throws Exception {
        Injections inj = Injections.NONE
                .inject("write", Tamper.pokeEnter(2, "J".getBytes(StandardCharsets.US_ASCII))
                        .and(Tamper.delayExit(Duration.ofMillis(20))));
        TracedProcess p = Tracer.launch(new ProcessBuilder("/bin/sh", "-c", "echo a; echo b"),
                TraceOptions.defaults().withInjections(inj));
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertEquals(0, p.waitFor());
        p.awaitTraceEnd();
        assertTrue(out.lines().allMatch(l -> l.startsWith("J")), out);
        List<Syscall> writes = p.trace().syscalls().stream().filter(s -> s.name().equals("write")).toList();
        assertFalse(writes.isEmpty());
        for (Syscall w : writes) assertEquals(new Tampering(false, true, true, 0), w.tampering(), w.straceText());
        assertTrue(writes.get(0).straceText().endsWith("(INJECTED: args) (DELAYED)"), writes.get(0).straceText());
    }

    @Test
    void aSignalIsRaisedAtTheEntryOfACallThatIsNotReported() throws Exception {
        // sh -c 'kill -0 $$' makes one kill(2) call; the injected SIGTERM ends it there.
        TracedProcess p = Tracer.launch(new ProcessBuilder("/bin/sh", "-c", "kill -0 $$; exit 3"),
                TraceOptions.defaults().withSyscalls(Set.of("write"))
                        .withInjections(Injections.NONE.inject("kill", Tamper.signal("SIGTERM"))));
        assertEquals(128 + 15, p.waitFor());
    }

    /** A delayed tracee waits alone: its sibling's calls go on meanwhile (the tracer thread never sleeps). */
    @Test
    void aDelayHoldsOnlyTheDelayedProcess(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("delay.c");
        Files.writeString(src, """
                #include <sys/syscall.h>
                #include <sys/wait.h>
                #include <unistd.h>
                int main(void) {
                    if (fork() == 0) {
                        for (int i = 0; i < 10; i++) { usleep(10000); write(1, "c", 1); }
                        return 0;
                    }
                    syscall(SYS_getppid);
                    write(1, "p", 1);
                    wait(0);
                    return 0;
                }
                """);
        Path exe = dir.resolve("delay");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-o", exe.toString(), src.toString()).inheritIO().start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("gcc is not installed: " + e.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(gcc.waitFor() == 0, "gcc could not build the program");
        TracedProcess p = Tracer.launch(new ProcessBuilder(exe.toString()), TraceOptions.defaults()
                .withInjections(Injections.NONE.inject("getppid", Tamper.delayEnter(Duration.ofSeconds(3)))));
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertEquals(0, p.waitFor());
        p.awaitTraceEnd();
        assertEquals("ccccccccccp", out, "the child's writes all came while the parent was held");
        Syscall held = p.trace().syscalls().stream().filter(s -> s.name().equals("getppid")).findFirst().orElseThrow();
        assertTrue(held.tampering().delayed());
        assertTrue(held.durationNanos() >= 3_000_000_000L, "held " + held.durationNanos() + " ns");
        long lastChildWrite = p.trace().syscalls().stream().filter(s -> s.name().equals("write") && s.pid() != p.pid())
                .mapToLong(s -> s.timeNanos() + s.durationNanos()).max().orElseThrow();
        assertTrue(lastChildWrite < held.timeNanos() + held.durationNanos(), "the child waited for the delay");
    }

    @Test
    void badNamesAndWhensAreRefusedWhereTheyAreGiven() {
        assertEquals("unknown errno name: ENOPE",
                assertThrows(IllegalArgumentException.class, () -> Tamper.error("ENOPE")).getMessage());
        assertEquals("unknown signal name: SIGNOPE",
                assertThrows(IllegalArgumentException.class, () -> Tamper.signal("SIGNOPE")).getMessage());
        assertEquals("unknown syscall: opne", assertThrows(IllegalArgumentException.class,
                () -> new Injector().inject("opne", Tamper.retval(0))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tamper.retval(0).when(0));
        assertThrows(IllegalArgumentException.class, () -> Tamper.retval(0).when(5, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Tamper.retval(0).when(1, 9, 0));
        assertThrows(IllegalArgumentException.class, () -> Tamper.error(4096));
        assertThrows(IllegalArgumentException.class, () -> Tamper.error("EIO").and(Tamper.retval(1)));
        assertThrows(IllegalArgumentException.class, () -> Tamper.delayEnter(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Tamper.pokeEnter(7, new byte[]{1}));
        assertThrows(IllegalArgumentException.class, () -> Tamper.retval(1).instead("write"));
        assertThrows(IllegalArgumentException.class, () -> new Injector().inject("read", "frobnicate", "1"));
        assertThrows(IllegalStateException.class, () -> new Injector().start());
    }
}
