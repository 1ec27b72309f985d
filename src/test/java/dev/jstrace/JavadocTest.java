package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API documentation stays complete: javadoc with every doclint group on
 * finds nothing to say about the exported packages (the javadoc jar of
 * {@code mvn install} is built with the same checks).
 */
class JavadocTest {

    @Test
    void javadocOfTheModuleHasNoErrorsAndNoWarnings(@TempDir Path out) throws Exception {
        ToolProvider javadoc = ToolProvider.findFirst("javadoc").orElseThrow();
        String modulePath = String.join(File.pathSeparator, List.of(
                jar(JsonFactory.class), jar(org.junit.jupiter.api.Test.class),
                jar(org.junit.platform.commons.annotation.Testable.class),
                jar(org.opentest4j.AssertionFailedError.class), jar(org.apiguardian.api.API.class)));
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        int rc = javadoc.run(w, w, "-quiet", "-Xdoclint:all", "-Xmaxwarns", "100000", "-d", out.toString(),
                "--module-path", modulePath, "--module-source-path", "dev.jstrace=src/main/java",
                "--module", "dev.jstrace");
        w.flush();
        List<String> problems = text.toString().lines().filter(l -> l.contains(": warning: ") || l.contains(": error: "))
                .toList();
        assertTrue(problems.isEmpty(), () -> problems.size() + " javadoc problems, the first ones:\n"
                + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
        assertEquals(0, rc, text::toString);
    }

    private static String jar(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
