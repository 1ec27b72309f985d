package dev.jstrace.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A copy of {@code scripts/jstrace} as installed without sources: the three
 * launcher scripts and a jar of this build's classes (with jackson-core
 * beside it, as {@code mvn package} lays it out). Tests run the real launcher
 * through it without a Maven build racing the one running the tests.
 */
final class InstalledLauncher {
    private InstalledLauncher() {}

    /** Lays out {@code home} and returns the path of its {@code scripts/jstrace}. */
    static Path create(Path home) throws IOException {
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Path target = Files.createDirectories(home.resolve("target"));
        Files.createDirectories(target.resolve("lib"));
        for (String s : new String[]{"jstrace", "jdk.sh", "build.sh"}) {
            Path copy = scripts.resolve(s);
            Files.copy(Path.of("scripts", s), copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String classPath = "";
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path e = Path.of(entry);
            if (e.getFileName().toString().startsWith("jackson-core")) {
                Files.copy(e, target.resolve("lib").resolve(e.getFileName()));
                classPath = "lib/" + e.getFileName();
            }
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.jstrace.cli.Main");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        m.getMainAttributes().put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
        Path classes;
        try {
            classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        try (OutputStream out = Files.newOutputStream(target.resolve("jstrace.jar"));
             JarOutputStream jar = new JarOutputStream(out, m);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        return scripts.resolve("jstrace");
    }
}
