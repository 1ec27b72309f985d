package dev.jstrace.examples;

import dev.jstrace.TraceOptions;
import dev.jstrace.Tracer;
import dev.jstrace.sink.TefSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A heavy block of the JDK, traced and written for Perfetto: every syscall of
 * a {@code Files.walk} of a directory tree (the JDK's getdents64, newfstatat,
 * openat and close), streamed as Trace Event Format JSON that
 * <a href="https://ui.perfetto.dev">ui.perfetto.dev</a> and chrome://tracing open.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp jstrace.jar:lib/* dev.jstrace.examples.TraceFilesWalk /usr/share walk.json</pre>
 */
public final class TraceFilesWalk {
    private TraceFilesWalk() {}

    /** {@code [directory [output.json]]}: defaults to the current directory and {@code files-walk.json}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Path out = Path.of(args.length > 1 ? args[1] : "files-walk.json");
        long entries;
        // The sink receives events as they are decoded, so a big walk is never held in memory.
        try (TefSink tef = new TefSink(out)) {
            Tracer t = new Tracer(TraceOptions.defaults(), tef);
            t.start();
            try (Stream<Path> walk = Files.walk(dir)) {
                entries = walk.count();
            }
            t.end();
        }
        System.out.println("walked " + entries + " entries of " + dir.toAbsolutePath()
                + "; syscalls written to " + out.toAbsolutePath() + " (open it in ui.perfetto.dev)");
    }
}
