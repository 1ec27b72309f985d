package dev.jstrace.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Naming from strace-rendered execve arguments. */
class PerfettoProcessesTest {

    @Test
    void argvTextBecomesACommandLine() {
        String[][] cases = {
            {"[\"ls\", \"-l\"]", "ls -l"},
            {"[\"sh\"]", "sh"},
            {"[\"/bin/sh\", \"-c\", \"cat /etc/hostname >/dev/null; (e\"...]", "/bin/sh -c cat /etc/hostname >/dev/null; (e..."},
            {"[\"a\", ...]", "a ..."},
            {"[]", null},
            {"0x7ffd1234", null},
            {null, null},
        };
        for (String[] c : cases) {
            assertEquals(c[1], PerfettoProcesses.argvOf(c[0]), c[0]);
        }
    }

    @Test
    void commIsTheFileNameCutTo15() {
        assertEquals("sh", PerfettoProcesses.commOf("/bin/sh"));
        assertEquals("a-very-long-pro", PerfettoProcesses.commOf("/usr/bin/a-very-long-program-name"));
        assertEquals("/bin/sh", PerfettoProcesses.unquote("\"/bin/sh\""));
    }
}
