package dev.jstrace;

import dev.jstrace.self.HelperClient;

/**
 * A fresh JVM for the tests that need one: {@code latency} times the first
 * {@code start()} (which starts the helper) and a later one and names the
 * helper each used; {@code start} tries one block and prints what happened.
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
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.flush();
    }
}
