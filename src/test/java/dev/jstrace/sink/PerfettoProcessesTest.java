package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.Syscall;
import dev.jstrace.decode.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Naming from execve's decoded argv and path. */
@Tag("unit")
class PerfettoProcessesTest {
    private static Value.Str str(String s, boolean cut) {
        return Value.Str.string(s.getBytes(StandardCharsets.UTF_8), !cut);
    }

    private static Syscall exec(Value argv) {
        List<Value> args = List.of(Value.Str.whole("/bin/sh".getBytes(StandardCharsets.UTF_8), false), argv,
                new Value.Strings(0x2000, List.of(), true, true));
        return new Syscall(1, 1, "execve", 59, args, args.stream().map(Value::text).toList(), 3, 0, null, "0",
                0, 0, true);
    }

    private static Value argv(String... items) {
        List<Value> v = new ArrayList<>();
        for (String s : items) v.add(str(s, false));
        return new Value.Strings(0x1000, v, true, false);
    }

    @Test
    void argvIsKeptWholeElementByElement() {
        assertEquals(List.of("ls", "-l"), PerfettoNames.execArgv(exec(argv("ls", "-l"))));
        String longArg = "cat /etc/hostname >/dev/null; (echo a very long command line past -s)";
        assertEquals(List.of("/bin/sh", "-c", longArg), PerfettoNames.execArgv(exec(argv("/bin/sh", "-c", longArg))),
                "not cut to -s: the values hold the whole capture");
        assertFalse(PerfettoNames.execArgvCut(exec(argv("/bin/sh", "-c", longArg))));
        List<Value> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) many.add(str("a" + i, false));
        assertEquals(40, PerfettoNames.execArgv(exec(new Value.Strings(0x1000, many, true, false))).size(),
                "more elements than -s: all kept");
        Syscall cut = exec(new Value.Strings(0x1000, List.of(str("caf\u00e9", false), str("x", true)), false, false));
        assertEquals(List.of("caf\u00e9", "x...", "..."), PerfettoNames.execArgv(cut),
                "UTF-8 decoded; a cut capture and a list without its NULL marked");
        assertTrue(PerfettoNames.execArgvCut(cut), "then /proc is asked for the whole argv");
        assertEquals(null, PerfettoNames.execArgv(exec(new Value.Ptr(0x7ffd1234))));
        assertEquals("/bin/sh", PerfettoNames.execPath(exec(argv("sh"))));
    }

    @Test
    void namesAreTheKernelsComm() {
        assertEquals("sh", PerfettoNames.commOf("/bin/sh"));
        assertEquals("a-very-long-pro", PerfettoNames.commOf("/usr/bin/a-very-long-program-name"));
        assertEquals("io-thread", PerfettoNames.commOf("io-thread\n".getBytes(StandardCharsets.UTF_8)),
                "a comm write's trailing newline is not part of the name");
        assertEquals("python3", PerfettoNames.programName(List.of("/usr/bin/python3", "-c", "x")));
        assertEquals(null, PerfettoNames.programName(List.of()));
    }
}
