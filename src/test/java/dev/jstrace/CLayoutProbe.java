package dev.jstrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The C side of the layout tests: compiles a probe with the machine's cc that prints each
 * {@code sizeof}/{@code offsetof} expression, and checks it against what the Java side says.
 * One probe for the ffi structs and the decoders' declared layouts alike.
 */
public final class CLayoutProbe {
    private CLayoutProbe() {}

    /**
     * Asserts that every expression in {@code expected} evaluates, in C with {@code includes}, to its value.
     *
     * @param dir      where the probe is written and built
     * @param includes the {@code #include} lines the expressions need
     * @param expected C expression ({@code offsetof(struct iovec, iov_len)}) to the value Java uses
     */
    public static void assertMatchesHeaders(Path dir, String includes, Map<String, Long> expected) throws Exception {
        Assumptions.assumeTrue(onPath("cc"), "no C compiler (cc) to build the layout probe");
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n").append(includes)
                .append("int main(void) {\n");
        for (String expr : expected.keySet()) {
            c.append("  printf(\"%s=%zu\\n\", \"").append(expr).append("\", (size_t) ").append(expr).append(");\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("probe.c");
        Files.writeString(src, c);
        Path exe = dir.resolve("probe");
        // _GNU_SOURCE: glibc names some members only then (struct utsname's domainname).
        Process cc = new ProcessBuilder("cc", "-D_GNU_SOURCE", "-o", exe.toString(), src.toString())
                .redirectErrorStream(true).start();
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

    /**
     * Asserts, by compiling only (no program runs, so any target works), that every expression in
     * {@code expected} has its value with {@code compiler}'s target headers: a cross compiler checks
     * another arch's layouts ({@code aarch64-linux-gnu-gcc}). Skipped when the compiler is absent.
     *
     * @param dir      where the probe is written
     * @param compiler the C compiler to run
     * @param includes the {@code #include} lines the expressions need
     * @param expected C expression to the value Java uses
     */
    public static void assertCompilesTo(Path dir, String compiler, String includes, Map<String, Long> expected)
            throws Exception {
        Assumptions.assumeTrue(onPath(compiler), "no " + compiler + " to check that target's layouts");
        StringBuilder c = new StringBuilder("#include <stddef.h>\n").append(includes);
        for (var e : expected.entrySet()) {
            c.append("_Static_assert(").append(e.getKey()).append(" == ").append(e.getValue()).append("UL, \"")
                    .append(e.getKey()).append(" is not ").append(e.getValue()).append("\");\n");
        }
        Path src = dir.resolve("probe.c");
        Files.writeString(src, c);
        Process cc = new ProcessBuilder(compiler, "-D_GNU_SOURCE", "-c", "-o", dir.resolve("probe.o").toString(),
                src.toString()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), compiler + ": " + ccOut);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
