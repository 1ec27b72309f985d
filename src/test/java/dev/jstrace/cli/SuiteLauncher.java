package dev.jstrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The STRACE command strace 6.1's suite runs in the project's tests: a shell script that starts
 * this build's classes (scripts/jstrace would rebuild the jar under Maven's feet) with the JVM
 * options scripts/jstrace gives the product. The suite runs it as pid 1 of new pid namespaces,
 * two at once under {@code make -j2}; a JVM with perf data on takes a lock on
 * {@code /tmp/hsperfdata_USER/PID}, so two of them at pid 1 collide and one prints a warning on
 * standard output, which is the test's expected output. Hence {@code -XX:-UsePerfData}, as in
 * scripts/jstrace.
 */
final class SuiteLauncher {
    private SuiteLauncher() {}

    /** scripts/jstrace's JVM options that change what a run looks like from outside. */
    static final List<String> JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:-MaxFDLimit");

    /** Writes the launcher to a new temporary file, executable; the caller deletes it. */
    static Path write() throws IOException {
        Path launcher = Files.createTempFile("jstrace-suite", ".sh");
        // The suite compares messages with the launcher's path, which is its $0.
        Files.writeString(launcher, "#!/bin/sh\nexec '" + ProcessHandle.current().info().command().orElseThrow()
                + "' " + String.join(" ", JVM_OPTIONS) + " -Djstrace.program=\"$0\" -cp '"
                + System.getProperty("java.class.path") + "' dev.jstrace.cli.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
        return launcher;
    }
}
