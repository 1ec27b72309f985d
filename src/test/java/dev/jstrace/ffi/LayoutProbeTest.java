package dev.jstrace.ffi;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.GroupLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
        dev.jstrace.CLayoutProbe.assertMatchesHeaders(dir,
                "#include <signal.h>\n#include <sys/uio.h>\n#include <linux/ptrace.h>\n", javaSide());
    }
}
