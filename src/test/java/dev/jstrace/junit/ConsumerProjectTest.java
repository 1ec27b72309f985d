package dev.jstrace.junit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.Tracer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project, built by Maven offline against jstrace as an installed
 * artifact (this build's classes and pom.xml, laid out as {@code mvn install}
 * lays them out, in a file repository of the test's own), whose JUnit tests
 * use the extension: the one whose code opens a socket must fail naming the
 * {@code connect} line, the one that stays in its directory must pass.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConsumerProjectTest {
    private static final String JUNIT = "5.14.1";

    @Test
    void aConsumerProjectUsesTheExtension(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("mvn") != null, "mvn is not on PATH: cannot build the consumer project");
        // A version of this run's own: the consumer build resolves jstrace into the user's local
        // repository (~/.m2), and offline it would take a copy cached there by an earlier run (or by
        // mvn install) instead of this build's classes; with 0.1.0-SNAPSHOT it did, a jar hours old.
        String version = projectVersion() + "-consumertest-" + System.currentTimeMillis();
        Path cached = Path.of(System.getProperty("user.home"), ".m2/repository/dev/jstrace/jstrace", version);
        try {
            build(dir, version);
        } finally {
            deleteTree(cached);
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }

    private static void build(Path dir, String version) throws Exception {
        Path mvn = onPath("mvn");
        Path repo = dir.resolve("repo");
        Path artifact = repo.resolve("dev/jstrace/jstrace/" + version);
        Files.createDirectories(artifact);
        Path classes = Path.of(Tracer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        assertEquals(0, jar.run(System.out, System.err, "--create", "--file",
                artifact.resolve("jstrace-" + version + ".jar").toString(), "-C", classes.toString(), "."));
        String pom = Files.readString(Path.of("pom.xml"));
        String coordinates = "<artifactId>jstrace</artifactId>\n  <version>" + projectVersion() + "</version>";
        assertTrue(pom.contains(coordinates), "pom.xml names the project's version right after its artifactId");
        Files.writeString(artifact.resolve("jstrace-" + version + ".pom"),
                pom.replace(coordinates, "<artifactId>jstrace</artifactId>\n  <version>" + version + "</version>"));

        Path project = dir.resolve("consumer");
        Path tests = project.resolve("src/test/java/example");
        Files.createDirectories(tests);
        Files.writeString(project.resolve("pom.xml"), consumerPom(version, repo));
        Files.writeString(tests.resolve("CodeUnderTestTest.java"), """
                package example;

                import dev.jstrace.junit.InjectFault;
                import dev.jstrace.junit.SyscallRecorder;
                import java.io.FileOutputStream;
                import java.io.IOException;
                import java.net.InetAddress;
                import java.net.ServerSocket;
                import java.net.Socket;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.junit.jupiter.api.Assertions;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.extension.RegisterExtension;
                import org.junit.jupiter.api.io.TempDir;

                class CodeUnderTestTest {
                    @RegisterExtension
                    static SyscallRecorder syscalls = SyscallRecorder.threadScope()
                            .warmUp(() -> Files.writeString(Files.createTempFile("warm", ".txt"), "warm"));

                    @Test
                    void savesLocally(@TempDir Path dir) throws Exception {
                        Files.writeString(dir.resolve("saved.txt"), "data");
                        syscalls.recorded().assertNoNetworkCalls().assertNoFileOpenedOutside(dir)
                                .assertAtMost(0, "fsync");
                    }

                    @Test
                    @InjectFault(syscall = "write", error = "ENOSPC", when = "2")
                    void aFullDiskReachesTheCode(@TempDir Path dir) throws Exception {
                        try (FileOutputStream out = new FileOutputStream(dir.resolve("log").toFile())) {
                            out.write(1);
                            IOException e = Assertions.assertThrows(IOException.class, () -> out.write(2));
                            Assertions.assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
                        }
                    }

                    @Test
                    void phonesHome() throws Exception {
                        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                            s.getOutputStream().write(1);
                        }
                        syscalls.recorded().assertNoNetworkCalls();
                    }
                }
                """);
        Path log = dir.resolve("mvn.log");
        ProcessBuilder pb = new ProcessBuilder(mvn.toString(), "-o", "-B", "-ntp", "-Daether.offline.protocols=file",
                "test").directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        assertTrue(p.waitFor(200, TimeUnit.SECONDS), "the consumer build took too long");
        String out = Files.readString(log);
        assertNotEquals(0, p.exitValue(), "one consumer test must fail:\n" + out);
        assertTrue(out.contains("Tests run: 3, Failures: 1, Errors: 0"), out);
        String report = Files.readString(project.resolve("target/surefire-reports/example.CodeUnderTestTest.txt"));
        assertTrue(report.contains("phonesHome"), report);
        assertFalse(report.contains("savesLocally"), "the test that stays in its directory passes\n" + report);
        assertFalse(report.contains("aFullDiskReachesTheCode"), "the injected ENOSPC reached the code\n" + report);
        Matcher m = Pattern.compile("expected no network calls, but the code made \\d+:\\n(    .*\\n)+").matcher(report);
        assertTrue(m.find(), report);
        System.out.println("the consumer's failure message:\n" + m.group());
        assertTrue(m.group().matches("(?s).*\\n    connect\\(\\d+, \\{sa_family=AF_INET6?, .*\\) = .*"),
                "the message names the connect line:\n" + m.group());
    }

    private static String consumerPom(String version, Path repo) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>consumer</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>22</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <repositories>
                    <repository><id>jstrace-under-test</id><url>%s</url></repository>
                  </repositories>
                  <dependencies>
                    <dependency>
                      <groupId>dev.jstrace</groupId><artifactId>jstrace</artifactId><version>%s</version>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                      <version>%s</version><scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.4</version>
                        <configuration>
                          <argLine>--enable-native-access=ALL-UNNAMED</argLine>
                          <trimStackTrace>true</trimStackTrace>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(repo.toUri(), version, JUNIT);
    }

    private static String projectVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>jstrace</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the version in pom.xml");
        return m.group(1);
    }

    private static Path onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
