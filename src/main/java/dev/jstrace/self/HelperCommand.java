package dev.jstrace.self;

import java.io.File;
import java.io.IOException;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Path;
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
        cmd.addAll(HelperArchive.options(where));
        cmd.addAll(where);
        return cmd;
    }

    /**
     * The first line of a small file ({@code /proc/sys/...}), without NIO (on a
     * cold JVM java.nio.file costs milliseconds to set up); null when absent.
     */
    static String readSmallFile(String path) {
        try (java.io.FileInputStream in = new java.io.FileInputStream(path)) {
            String s = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.ISO_8859_1);
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).trim();
        } catch (IOException e) {
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
