package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn install} puts in a user's repository, built here the same way ({@code mvn verify}, the
 * phase before install, into a build directory of the test's own): the library jar is the
 * named module {@code dev.jstrace} exporting the API packages only, its manifest carries none of the
 * command line's launch details (Main-Class, Class-Path, Enable-Native-Access), and the sources and
 * javadoc jars are made, the javadoc with doclint on and warnings fatal (the build fails otherwise).
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class PackagingTest {

    @Test
    void verifyBuildsTheModuleJarAndItsSourcesAndJavadocJars(@TempDir Path dir) throws Exception {
        Path mvn = onPath("mvn");
        assumeTrue(mvn != null, "mvn is not on PATH: cannot build the artifacts");
        Path build = dir.resolve("build");
        Path log = dir.resolve("mvn.log");
        // Not offline: the javadoc plugin's own dependencies are only needed at verify, which the outer
        // test build does not reach, so a fresh machine may still have to fetch them (this one had to).
        ProcessBuilder pb = new ProcessBuilder(mvn.toString(), "-B", "-ntp", "-q", "-DskipTests",
                "-DbuildDir=" + build, "verify").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        assertTrue(p.waitFor(540, TimeUnit.SECONDS), "mvn verify took too long");
        String out = Files.readString(log);
        assumeTrue(p.exitValue() == 0 || !out.contains("could not be resolved"),
                "the build's plugins cannot be fetched here (no network, not in ~/.m2):\n" + out);
        assertEquals(0, p.exitValue(), "mvn verify (javadoc with doclint on, warnings fatal) failed:\n" + out);
        assertFalse(out.contains("warning:"), "javadoc warnings:\n" + out);

        try (JarFile jar = new JarFile(build.resolve("jstrace.jar").toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            for (String launch : List.of("Main-Class", "Class-Path", "Enable-Native-Access")) {
                assertNull(main.getValue(launch), "the library's manifest has " + launch + ": " + main.entrySet());
            }
            ZipEntry info = jar.getEntry("module-info.class");
            assertNotNull(info, "the jar is a named module");
            ModuleDescriptor d = ModuleDescriptor.read(jar.getInputStream(info));
            assertEquals("dev.jstrace", d.name());
            Set<String> exports = new TreeSet<>();
            for (ModuleDescriptor.Exports e : d.exports()) {
                assertFalse(e.isQualified(), "exported to everyone: " + e);
                exports.add(e.source());
            }
            assertEquals(Set.of("dev.jstrace", "dev.jstrace.decode", "dev.jstrace.junit", "dev.jstrace.sink"),
                    exports);
        }
        try (JarFile sources = new JarFile(build.resolve("jstrace-sources.jar").toFile())) {
            assertNotNull(sources.getEntry("dev/jstrace/Tracer.java"), "the sources jar holds the sources");
            assertNotNull(sources.getEntry("module-info.java"));
        }
        try (JarFile javadoc = new JarFile(build.resolve("jstrace-javadoc.jar").toFile())) {
            assertNotNull(javadoc.getEntry("index.html"), "the javadoc jar holds the API documentation");
            assertNotNull(javadoc.getEntry("dev.jstrace/dev/jstrace/Tracer.html"),
                    "Tracer's page, in the module's directory");
        }
    }

    private static Path onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
