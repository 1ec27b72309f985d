package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layout in {@link StructLayouts} against the real headers: a C probe
 * compiled with the machine's cc prints {@code sizeof} of each struct and
 * {@code offsetof} of each named member, and both must be what the layout says
 * (and so what the tracer copies and the decoders read).
 */
class StructLayoutsProbeTest {
    private static final String HEADERS = "#include <stdio.h>\n#include <stddef.h>\n#include <time.h>\n"
            + "#include <signal.h>\n#include <poll.h>\n#include <sys/time.h>\n#include <sys/resource.h>\n"
            + "#include <sys/uio.h>\n#include <sys/socket.h>\n#include <sys/ioctl.h>\n#include <sys/times.h>\n";

    private static Map<String, Long> javaSide() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (StructLayout l : StructLayouts.ALL) {
            String type = l.name().orElseThrow(() -> new AssertionError("a layout without its C type's name"));
            m.put("sizeof(" + type + ")", l.byteSize());
            for (MemoryLayout member : l.memberLayouts()) {
                if (member.name().isEmpty()) continue; // padding
                String name = member.name().get();
                m.put("offsetof(" + type + ", " + name + ")", (long) StructLayouts.offset(l, name));
            }
        }
        return m;
    }

    @Test
    void everyDeclaredLayoutMatchesTheHeaders(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("cc"), "no C compiler (cc) to build the layout probe");
        Map<String, Long> expected = javaSide();
        assertTrue(expected.size() > 30, "members checked: " + expected.size());
        StringBuilder c = new StringBuilder(HEADERS).append("int main(void) {\n");
        for (String expr : expected.keySet()) {
            c.append("  printf(\"%s=%zu\\n\", \"").append(expr).append("\", (size_t) ").append(expr).append(");\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("probe.c");
        Files.writeString(src, c);
        Path exe = dir.resolve("probe");
        Process cc = new ProcessBuilder("cc", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), ccOut);
        Process run = new ProcessBuilder(exe.toString()).start();
        String out = new String(run.getInputStream().readAllBytes());
        run.waitFor(10, TimeUnit.SECONDS);
        Map<String, Long> actual = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.lastIndexOf('=');
            actual.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        for (var e : expected.entrySet()) assertEquals(actual.get(e.getKey()), e.getValue(), e.getKey());
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
