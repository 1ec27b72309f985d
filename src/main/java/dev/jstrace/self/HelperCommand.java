package dev.jstrace.self;

import java.io.File;
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
