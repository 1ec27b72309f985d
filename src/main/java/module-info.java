/**
 * jstrace: Linux system-call tracing in pure Java (ptrace through the FFM API).
 * See the {@link dev.jstrace} package for the API and the design.
 *
 * <p>Exported, because a user names their types: {@code dev.jstrace} (the API),
 * {@code dev.jstrace.decode} ({@code DecodeOptions} and {@code Value} appear in
 * the API's signatures), {@code dev.jstrace.sink} (the listeners a user
 * instantiates: strace text, the {@code -c} summary, TEF and Perfetto files)
 * and {@code dev.jstrace.junit} (the JUnit 5 extension). The FFM bindings,
 * the tracer engine, the per-architecture tables, the self-trace helper and
 * the command line stay the library's own.
 *
 * <p>It calls native code: run it with {@code --enable-native-access=dev.jstrace}
 * (on the class path: {@code --enable-native-access=ALL-UNNAMED}).
 */
module dev.jstrace {
    requires com.fasterxml.jackson.core;
    // Only the JUnit 5 extension uses it; users without JUnit never load that package.
    requires static org.junit.jupiter.api;
    // The command line handles SIGINT/SIGTERM with sun.misc.Signal (cli.InterruptHandler).
    requires jdk.unsupported;

    exports dev.jstrace;
    exports dev.jstrace.decode;
    exports dev.jstrace.sink;
    exports dev.jstrace.junit;
}
