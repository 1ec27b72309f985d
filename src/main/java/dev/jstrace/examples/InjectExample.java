package dev.jstrace.examples;

import dev.jstrace.Injector;
import dev.jstrace.Syscall;
import dev.jstrace.Tamper;
import dev.jstrace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tests an error path without mocks: the second {@code write} of this thread fails with
 * ENOSPC, so the second {@code Files.writeString} throws; the first and third succeed. Prints
 * what each attempt saw, then the block's tampered calls.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp jstrace.jar dev.jstrace.examples.InjectExample</pre>
 */
public final class InjectExample {
    private InjectExample() {}

    /** Writes three files inside an injector block. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("inject-example");
        String[] outcome = new String[3];
        Trace trace;
        try (Injector i = new Injector().inject("write", Tamper.error("ENOSPC").when(2)).start()) {
            for (int n = 0; n < 3; n++) {
                try {
                    Files.writeString(dir.resolve("f" + n), "data " + n + "\n");
                    outcome[n] = "ok";
                } catch (IOException e) {
                    outcome[n] = e.getClass().getName() + ": " + e.getMessage();
                }
            }
            trace = i.end();
        }
        for (int n = 0; n < 3; n++) System.out.println("write " + (n + 1) + ": " + outcome[n]);
        for (Syscall s : trace.syscalls()) {
            if (s.tampering().any()) System.out.println(s.straceText());
        }
    }
}
