package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.core.JsonFactory;
import dev.jstrace.examples.HelloTrace;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Cirron example (trace one println of this JVM, print the trace) in a JVM
 * of its own, with jstrace on the class path and as a named module on the
 * module path: the self-trace helper must start either way.
 */
class ModulePathTest {

    static Path locationOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"class path", "module path"})
    void helloTraceRuns(String how) throws Exception {
        String path = locationOf(HelloTrace.class) + File.pathSeparator + locationOf(JsonFactory.class);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (how.equals("module path")) {
            cmd.addAll(List.of("--enable-native-access=dev.jstrace", "-p", path,
                    "-m", "dev.jstrace/" + HelloTrace.class.getName()));
        } else {
            cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", path, HelloTrace.class.getName()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("Hello\n"), out);
        assertTrue(out.contains("write(1, \"Hello\\n\", 6) = 6"), out);
        assertFalse(out.contains("WARNING"), "no restricted-method warning: native access is granted\n" + out);
    }
}
