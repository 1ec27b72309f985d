package dev.jstrace.junit;

import static org.junit.jupiter.api.Assertions.*;

import dev.jstrace.TraceOptions;
import dev.jstrace.ffi.Libc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code @TraceSyscalls} without a field: the recorder comes as a parameter, the scope from the annotation. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TraceSyscalls
class TraceSyscallsAnnotationTest {

    @Test
    void threadScopeByDefault(SyscallRecorder syscalls, @TempDir Path dir) throws Exception {
        int me = Libc.gettid();
        Files.writeString(dir.resolve("f"), "x");
        RecordedSyscalls r = syscalls.recorded();
        assertFalse(r.syscalls().isEmpty(), "writing a file makes calls");
        assertTrue(r.syscalls().stream().allMatch(s -> s.tid() == me), "only the test's thread:\n" + r.trace());
    }

    @Test
    @TraceSyscalls(scope = TraceOptions.Scope.PROCESS)
    void processScopeFromTheMethod(SyscallRecorder syscalls) throws Exception {
        int[] tid = new int[1];
        Thread t = Thread.ofPlatform().start(() -> tid[0] = Libc.gettid());
        t.join();
        RecordedSyscalls r = syscalls.recorded();
        assertTrue(r.syscalls().stream().anyMatch(s -> s.tid() == tid[0]), "the new thread's calls:\n" + r.trace());
    }
}
