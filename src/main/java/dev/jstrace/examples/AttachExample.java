package dev.jstrace.examples;

import dev.jstrace.Attachment;
import dev.jstrace.Trace;
import dev.jstrace.Tracer;

/**
 * Attaches to a running process, traces it for a while and detaches: the
 * process goes on as if it had never been traced.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp jstrace.jar dev.jstrace.examples.AttachExample PID [SECONDS]</pre>
 */
public final class AttachExample {
    private AttachExample() {}

    /** {@code PID [SECONDS]}: traces every thread of PID for SECONDS (default 2), then prints the calls. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: AttachExample PID [SECONDS]");
            System.exit(2);
        }
        int pid = Integer.parseInt(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        Trace trace;
        try (Attachment a = Tracer.attach(pid)) {
            a.awaitEnd((long) (seconds * 1000));
            trace = a.trace();
        }
        System.out.print(trace);
        System.out.println("detached from " + pid + " after " + trace.syscalls().size() + " syscalls");
    }
}
