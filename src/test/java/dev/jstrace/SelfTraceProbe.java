package dev.jstrace;

import dev.jstrace.self.HelperClient;

/**
 * A fresh JVM for the tests that need one: {@code latency} times the first
 * {@code start()} (which starts the helper) and a later one and names the
 * helper each used; {@code start} tries one block and prints what happened;
 * {@code prepare} starts the helper with {@link Tracer#prepare()} and traces right away.
 */
public final class SelfTraceProbe {
    private SelfTraceProbe() {}

    /** Runs the mode named by {@code args[0]}; prints {@code key=value} lines. */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "latency" -> {
                for (int i = 1; i <= 3; i++) {
                    long t0 = System.nanoTime();
                    Tracer t = new Tracer().start();
                    long started = System.nanoTime() - t0;
                    t.end();
                    System.out.println("start" + i + "=" + started);
                    System.out.println("helper" + i + "=" + HelperClient.shared().helperPid());
                }
            }
            case "start" -> {
                try {
                    new Tracer(TraceOptions.defaults().withScope(TraceOptions.Scope.valueOf(args[1]))).start().end();
                    System.out.println("result=traced");
                } catch (TraceRefusedException e) {
                    System.out.println("refused=" + e.getMessage());
                }
            }
            case "prepare" -> {
                // Tracer.prepare(), then at once a process-scope block (it must wait for prepare()'s own
                // block, not find that thread traced), then a thread-scope one on the prepared helper.
                Tracer.prepare();
                Trace all = new Tracer(TraceOptions.defaults().withScope(TraceOptions.Scope.PROCESS)).start().end();
                System.out.println("helperAfterProcessBlock=" + HelperClient.runningPid());
                Tracer t = new Tracer().start();
                new java.io.File("/").exists();
                Trace one = t.end();
                System.out.println("helperAfterThreadBlock=" + HelperClient.runningPid());
                System.out.println("threadBlockCalls=" + one.syscalls().size());
                System.out.println("processBlockTraced=" + (all != null));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.flush();
    }
}
