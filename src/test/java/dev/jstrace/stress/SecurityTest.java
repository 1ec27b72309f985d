package dev.jstrace.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.Syscall;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** jstrace gains no rights and weakens nothing: no PR_SET_PTRACER_ANY, no shell, no leaked descriptors. */
class SecurityTest {
    @Test
    void ptracerIsNeverAnyAndAlwaysANamedProcess() throws Exception {
        Pattern call = Pattern.compile("Libc\\.prctl\\(\\s*(?:Libc\\.)?PR_SET_PTRACER\\s*,\\s*([^,]+),");
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                // The decoder's tables name it to print a traced program's prctl (generated from the
                // headers); no other code may.
                boolean table = f.toString().contains("/arch/gen/") || f.toString().contains("/decode/");
                assertFalse(!table && src.contains("PR_SET_PTRACER_ANY"), f + " names PR_SET_PTRACER_ANY");
                Matcher m = call.matcher(src);
                while (m.find()) {
                    calls++;
                    String who = m.group(1).trim();
                    assertFalse(who.equals("-1") || who.matches("0x[fF]+|-?1L?|~0"), f + ": PR_SET_PTRACER " + who);
                    assertTrue(who.matches("[a-zA-Z_][a-zA-Z_0-9.()]*"), f + ": the ptracer is a named pid: " + who);
                }
            }
        }
        assertTrue(calls >= 1, "the self-trace helper's PR_SET_PTRACER call is found");
    }

    @Test
    void noShellBetweenJstraceAndTheCommand() throws Exception {
        List<String> cmd = List.of("/bin/echo", "a;b", "$(id)", "`id`", "*", "'q'");
        TracedProcess p = Tracer.launch(new ProcessBuilder(cmd));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("a;b $(id) `id` * 'q'\n", out, "metacharacters reach the program untouched");
        List<Syscall> execs = p.trace().syscalls("execve");
        assertEquals(1, execs.size(), "exactly the command's own execve: " + execs);
        assertTrue(execs.get(0).argTexts().get(0).equals("\"/bin/echo\""), execs.get(0).straceText());
    }

    @Test
    void theCommandInheritsNoJstraceDescriptor() throws Exception {
        String[] cmd = {"sh", "-c", "ls /proc/$$/fd"};
        Process plain = new ProcessBuilder(cmd).start();
        String expected = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        plain.waitFor();
        TracedProcess p = Tracer.launch(new ProcessBuilder(cmd));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(expected, out, "the same descriptors as under ProcessBuilder: no spawn pipe or helper leaks");
    }
}
