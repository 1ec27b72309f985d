package dev.jstrace.self;

import java.io.File;
import java.io.IOException;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the helper JVM finds {@link SelfTraceHelper}: the way this JVM found
 * jstrace. On the class path that is this JVM's class path; on the module
 * path it is the jstrace module and the modules it reads (Jackson), wherever
 * they were resolved from, so a module path that is not
 * {@code jdk.module.path} (a custom layer, a plugin host) still works.
 */
final class HelperCommand {
    private HelperCommand() {}

    /** The whole command line of the helper JVM. */
    static List<String> command() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> where = whereThisLibraryRuns();
        List<String> cmd = new ArrayList<>(List.of(java,
                // A fast start matters more than peak speed: C1 only, no perf file, a small heap.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx64m"));
        cmd.addAll(sharedArchive(where));
        cmd.addAll(where);
        return cmd;
    }

    /**
     * A class-data archive of the helper's own classes, made by the JVM at the
     * end of the first helper's life and mapped by every later one (JDK 19's
     * {@code -XX:+AutoCreateSharedArchive}): most of a helper's start is
     * loading and verifying jstrace's classes. One archive per JDK and class
     * or module path, in the temporary directory; the JVM checks it and makes
     * a new one when it does not match. Where the path holds a directory
     * (a build's classes) the JVM archives nothing and starts as without.
     */
    private static List<String> sharedArchive(List<String> where) {
        String key = System.getProperty("java.home") + '\n' + System.getProperty("java.vm.version") + '\n'
                + String.join("\n", where);
        Path dir = privateDirectory();
        if (dir == null) return List.of();
        Path archive = dir.resolve("helper-" + Integer.toHexString(key.hashCode()) + ".jsa");
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * {@code $TMPDIR/jstrace-USER}, only this user's (mode 0700, owned by us):
     * an archive another user could write would be code this JVM's helper runs.
     * Null when it cannot be made so (the helper then starts without an archive).
     */
    private static Path privateDirectory() {
        try {
            String user = System.getProperty("user.name");
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "jstrace-" + user);
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(owner));
            }
            boolean ours = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(user)
                    && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(owner);
            return ours ? dir : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** The JVM options and main class that start the helper. */
    static List<String> whereThisLibraryRuns() {
        Module self = HelperCommand.class.getModule();
        if (!self.isNamed() || self.getLayer() == null) {
            return List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    SelfTraceHelper.class.getName());
        }
        ResolvedModule jstrace = self.getLayer().configuration().findModule(self.getName()).orElseThrow();
        Set<String> path = new LinkedHashSet<>();
        addLocation(jstrace, path);
        for (ResolvedModule read : jstrace.reads()) addLocation(read, path);
        List<String> cmd = new ArrayList<>();
        cmd.add("--enable-native-access=" + self.getName());
        cmd.add("--module-path");
        cmd.add(String.join(File.pathSeparator, path));
        cmd.add("--module");
        cmd.add(self.getName() + "/" + SelfTraceHelper.class.getName());
        return cmd;
    }

    /** A module's jar or directory; none for the JDK's own modules (jrt:). */
    private static void addLocation(ResolvedModule m, Set<String> path) {
        URI where = m.reference().location().orElse(null);
        if (where != null && "file".equals(where.getScheme())) path.add(Path.of(where).toString());
    }
}
