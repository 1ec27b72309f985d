package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The classes every trace runs at its first stops use no pattern switch (nor an enum switch with
 * {@code case null}): each bootstraps through {@code java.lang.runtime.SwitchBootstraps} the first time it
 * runs, 3-19 ms apiece on this project's 2-vCPU machines, which the AOT cache does not keep (measured with
 * a five-case sealed switch, an enum switch with case null, and an instanceof chain, each first run in a
 * JVM started from an AOT cache: 2.5-10 ms, 8-19 ms, 0.01 ms). Five such switches were ~20% of
 * {@code jstrace -o /dev/null true}. The check reads each class file's constant pool.
 */
@Tag("unit")
class NoSwitchBootstrapsOnStartTest {
    private static final List<String> START_PATH = List.of(
            "dev.jstrace.EventAssembler", "dev.jstrace.sink.StraceTextSink", "dev.jstrace.decode.CapturePlan",
            "dev.jstrace.decode.StraceRenderer", "dev.jstrace.decode.SyscallDecoder",
            "dev.jstrace.proc.EventLoop", "dev.jstrace.TraceSession", "dev.jstrace.Tracer",
            "dev.jstrace.Trace", "dev.jstrace.self.RawEventCodec", "dev.jstrace.self.SelfTraceHelper",
            "dev.jstrace.self.HelperClient", "dev.jstrace.SelfTrace");

    @Test
    void startPathClassesDoNotBootstrapSwitches() throws Exception {
        List<String> users = new ArrayList<>();
        for (String name : START_PATH) {
            String file = "/" + name.replace('.', '/') + ".class";
            try (InputStream in = Tracer.class.getResourceAsStream(file)) {
                assertNotNull(in, file);
                String pool = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                if (pool.contains("java/lang/runtime/SwitchBootstraps")) users.add(name);
            }
        }
        assertEquals(List.of(), users, "classes on the start-up path with a pattern switch (use instanceof"
                + " or a plain enum/int switch)");
    }
}
