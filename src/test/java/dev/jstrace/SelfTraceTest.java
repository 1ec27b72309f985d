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
        Path warm = dir.resolve("warm.txt");
        Path hello = dir.resolve("hello.txt");
        byte[] text = "Hello\n".getBytes(StandardCharsets.UTF_8);
        // The same call once untraced first: class loading and linking stay out of the block.
        Files.write(warm, text);
        Tracer t = new Tracer();
        t.start();
        Files.write(hello, text);
        Trace trace = t.end();
        List<Syscall> calls = trace.syscalls();
        System.err.println(trace);
        assertEquals(List.of("openat", "write", "close"), calls.stream().map(Syscall::name).toList(),
                trace::toString);
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
    }
}
