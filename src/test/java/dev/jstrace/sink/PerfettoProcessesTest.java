package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.decode.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Naming from execve's decoded argv. */
class PerfettoProcessesTest {
    private static Value argv(String... items) {
        List<Value> v = new ArrayList<>();
        for (String s : items) v.add(Value.Str.string(s.getBytes(StandardCharsets.UTF_8), true));
        return new Value.Strings(0x1000, v, true, false);
    }

    @Test
    void argvBecomesTheWholeCommandLine() {
        assertEquals("ls -l", PerfettoProcesses.argvOf(argv("ls", "-l")));
        assertEquals("sh", PerfettoProcesses.argvOf(argv("sh")));
        String longArg = "cat /etc/hostname >/dev/null; (echo a very long command line past -s)";
        assertEquals("/bin/sh -c " + longArg, PerfettoProcesses.argvOf(argv("/bin/sh", "-c", longArg)),
                "not cut to -s: the values hold the whole capture");
        List<Value> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) many.add(Value.Str.string(("a" + i).getBytes(StandardCharsets.UTF_8), true));
        String joined = PerfettoProcesses.argvOf(new Value.Strings(0x1000, many, true, false));
        assertEquals(40, joined.split(" ").length, "more elements than -s: all kept");
        assertEquals("caf\u00e9 x...", PerfettoProcesses.argvOf(new Value.Strings(0x1000, List.of(
                Value.Str.string("caf\u00e9".getBytes(StandardCharsets.UTF_8), true),
                Value.Str.string(new byte[] {'x'}, false)), true, false)), "UTF-8 decoded; a cut capture marked");
        assertEquals(null, PerfettoProcesses.argvOf(argv()));
        assertEquals(null, PerfettoProcesses.argvOf(new Value.Ptr(0x7ffd1234)));
    }

    @Test
    void commIsTheFileNameCutTo15() {
        assertEquals("sh", PerfettoProcesses.commOf("/bin/sh"));
        assertEquals("a-very-long-pro", PerfettoProcesses.commOf("/usr/bin/a-very-long-program-name"));
        assertEquals("/bin/sh", PerfettoProcesses.unquote("\"/bin/sh\""));
    }
}
