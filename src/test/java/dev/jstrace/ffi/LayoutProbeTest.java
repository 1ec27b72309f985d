package dev.jstrace.ffi;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.GroupLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every hand-written struct size and field offset against the real
 * headers: a C probe compiled with the machine's cc prints sizeof/offsetof.
 */
class LayoutProbeTest {
    /** Expected value in Java → the C expression the probe prints for it. */
    private static Map<String, Long> javaSide() {
        Map<String, Long> m = new LinkedHashMap<>();
        GroupLayout psi = ptrace_syscall_info.layout();
        m.put("sizeof(struct ptrace_syscall_info)", psi.byteSize());
        m.put("offsetof(struct ptrace_syscall_info, op)", ptrace_syscall_info.OP_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, arch)", ptrace_syscall_info.ARCH_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, instruction_pointer)",
                ptrace_syscall_info.INSTRUCTION_POINTER_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, stack_pointer)", ptrace_syscall_info.STACK_POINTER_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, entry.nr)", ptrace_syscall_info.ENTRY_NR_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, entry.args)", ptrace_syscall_info.ENTRY_ARGS_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, exit.rval)", ptrace_syscall_info.EXIT_RVAL_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, exit.is_error)", ptrace_syscall_info.EXIT_IS_ERROR_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, seccomp.nr)", ptrace_syscall_info.ENTRY_NR_OFFSET);
        m.put("offsetof(struct ptrace_syscall_info, seccomp.ret_data)", ptrace_syscall_info.SECCOMP_RET_DATA_OFFSET);
        m.put("sizeof(struct iovec)", iovec.layout().byteSize());
        m.put("offsetof(struct iovec, iov_base)", iovec.IOV_BASE_OFFSET);
        m.put("offsetof(struct iovec, iov_len)", iovec.IOV_LEN_OFFSET);
        m.put("sizeof(siginfo_t)", siginfo_t.layout().byteSize());
        m.put("offsetof(siginfo_t, si_signo)", siginfo_t.SI_SIGNO_OFFSET);
        m.put("offsetof(siginfo_t, si_errno)", siginfo_t.SI_ERRNO_OFFSET);
        m.put("offsetof(siginfo_t, si_code)", siginfo_t.SI_CODE_OFFSET);
        m.put("offsetof(siginfo_t, si_pid)", siginfo_t.SI_PID_OFFSET);
        m.put("offsetof(siginfo_t, si_uid)", siginfo_t.SI_UID_OFFSET);
        m.put("offsetof(siginfo_t, si_status)", siginfo_t.SI_STATUS_OFFSET);
        m.put("offsetof(siginfo_t, si_addr)", siginfo_t.SI_ADDR_OFFSET);
        // The layout objects must agree with the constants they publish.
        assertEquals(ptrace_syscall_info.ARCH_OFFSET, psi.byteOffset(groupElement("arch")));
        return m;
    }

    @Test
    void handWrittenLayoutsMatchTheHeaders(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("cc"), "no C compiler (cc) to build the layout probe");
        Map<String, Long> expected = javaSide();
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <signal.h>\n"
                + "#include <sys/uio.h>\n#include <linux/ptrace.h>\nint main(void) {\n");
        for (String expr : expected.keySet()) {
            c.append("  printf(\"%s=%zu\\n\", \"").append(expr).append("\", (size_t) ").append(expr).append(");\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("probe.c");
        Files.writeString(src, c);
        Path exe = dir.resolve("probe");
        Process cc = new ProcessBuilder("cc", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), ccOut);
        Process run = new ProcessBuilder(exe.toString()).start();
        String out = new String(run.getInputStream().readAllBytes());
        run.waitFor(10, TimeUnit.SECONDS);
        Map<String, Long> actual = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.lastIndexOf('=');
            actual.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        for (var e : expected.entrySet()) {
            assertEquals(actual.get(e.getKey()), e.getValue(), e.getKey());
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
