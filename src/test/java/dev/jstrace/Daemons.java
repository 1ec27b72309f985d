package dev.jstrace;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test processes to attach to. They must not be this JVM's children: the
 * JDK's reaper thread waits for its children with waitpid() and no
 * __WNOTHREAD, and the kernel lets any thread of the tracer's process collect
 * a tracee's ptrace stops, so it would steal them. A double fork through sh
 * makes the target a grandchild whose parent (a subshell) records its exit
 * status in a file.
 */
public final class Daemons {
    private Daemons() {}

    /**
     * Starts {@code cmd} as a grandchild; returns its pid once it has written
     * its first output to {@code dir/outName}. Its exit status lands in {@code dir/status}.
     */
    public static int start(Path dir, String outName, String... cmd) throws Exception {
        Path out = dir.resolve(outName);
        Path status = dir.resolve("status");
        StringBuilder q = new StringBuilder();
        for (String c : cmd) q.append(" '").append(c.replace("'", "'\\''")).append("'");
        String script = "(" + q + " > " + out + " 2>&1 & echo $! > " + dir.resolve("pid")
                + "; wait $!; echo $? > " + status + ".tmp; mv " + status + ".tmp " + status + ") &";
        if (new ProcessBuilder("sh", "-c", script).start().waitFor() != 0) throw new AssertionError("sh failed");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(dir.resolve("pid")) && Files.exists(out) && Files.size(out) > 0) {
                return Integer.parseInt(Files.readString(dir.resolve("pid")).trim());
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the daemon did not start: " + String.join(" ", cmd));
    }

    /** The daemon's exit status, once its subshell has recorded it (waits up to 20 s). */
    public static int awaitStatus(Path dir) throws Exception {
        Path status = dir.resolve("status");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(status) && System.nanoTime() < deadline) Thread.sleep(20);
        return Integer.parseInt(Files.readString(status).trim());
    }
}
