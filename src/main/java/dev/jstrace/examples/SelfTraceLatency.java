package dev.jstrace.examples;

import dev.jstrace.Trace;
import dev.jstrace.Tracer;
import java.util.Arrays;

/**
 * How long {@code Tracer.start()} takes: the first call (which starts the
 * helper process) and the median of the later ones (which reuse it), over
 * blocks that each make one stat call. {@code scripts/bench} prints these
 * against the target (a reused helper's start under 5 ms).
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp jstrace.jar dev.jstrace.examples.SelfTraceLatency [BLOCKS [prepare MS]]</pre>
 *
 * <p>With {@code prepare MS} it calls {@link Tracer#prepare()} first and
 * waits MS milliseconds before the first block, as a program that prepares
 * the helper during its own start-up.
 */
public final class SelfTraceLatency {
    private SelfTraceLatency() {}

    /** Prints {@code first_ms=…}, {@code reused_median_ms=…}, {@code reused_max_ms=…}, {@code blocks=…}. */
    public static void main(String[] args) {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        if (args.length > 2 && args[1].equals("prepare")) {
            // "prepare MS": Tracer.prepare() first, then MS ms of other work (a test framework's set-up).
            Tracer.prepare();
            try {
                Thread.sleep(Long.parseLong(args[2]));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double[] ms = new double[blocks];
        for (int i = 0; i < blocks; i++) {
            Tracer t = new Tracer();
            long t0 = System.nanoTime();
            t.start();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            new java.io.File("/").exists(); // one stat call
            Trace trace = t.end();
            if (trace.syscalls().isEmpty()) throw new IllegalStateException("block " + i + " recorded nothing");
        }
        double[] reused = Arrays.copyOfRange(ms, 1, blocks);
        Arrays.sort(reused);
        System.out.printf("first_ms=%.3f%nreused_median_ms=%.3f%nreused_max_ms=%.3f%nblocks=%d%n",
                ms[0], reused[reused.length / 2], reused[reused.length - 1], blocks);
    }
}
