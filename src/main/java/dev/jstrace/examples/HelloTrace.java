package dev.jstrace.examples;

import dev.jstrace.Trace;
import dev.jstrace.Tracer;

/**
 * The smallest self-trace: the syscalls of one {@code println} in this JVM.
 * Prints {@code Hello}, then {@code write(1, "Hello\n", 6) = 6 <0.000150>}.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp jstrace.jar dev.jstrace.examples.HelloTrace</pre>
 */
public final class HelloTrace {
    private HelloTrace() {}

    /** Traces one println of the calling thread and prints the trace. */
    public static void main(String[] args) {
        Tracer t = new Tracer();
        t.start();
        System.out.println("Hello");
        Trace trace = t.end();
        System.out.print(trace);
    }
}
