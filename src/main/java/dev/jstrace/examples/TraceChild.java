package dev.jstrace.examples;

import dev.jstrace.Syscall;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import java.nio.charset.StandardCharsets;

/**
 * A child started from a {@link ProcessBuilder}, traced: {@link Tracer#launch}
 * is a drop-in for {@code pb.start()} that also keeps the child's syscalls
 * (forks, threads and execs followed, as strace's {@code -f}).
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp jstrace.jar dev.jstrace.examples.TraceChild ls -l /</pre>
 */
public final class TraceChild {
    private TraceChild() {}

    /** Runs the command given (default {@code ls -l /}), prints its output, exit code and syscalls. */
    public static void main(String[] args) throws Exception {
        String[] cmd = args.length > 0 ? args : new String[] {"ls", "-l", "/"};
        TracedProcess p = Tracer.launch(new ProcessBuilder(cmd).redirectErrorStream(true));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        System.out.print(output);
        System.out.println("exit code " + code);
        for (Syscall s : p.trace().syscalls()) System.out.println(s);
    }
}
