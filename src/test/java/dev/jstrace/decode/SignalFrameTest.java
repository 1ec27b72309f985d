package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.Syscall;
import dev.jstrace.TraceOptions;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** rt_sigreturn's mask comes from the signal frame above the stack pointer (strace 6.1 printed the same line). */
class SignalFrameTest {
    @Test
    void rtSigreturnShowsTheMaskBeingRestored() throws Exception {
        String prog = String.join("\n",
                "import signal, os",
                "signal.signal(signal.SIGUSR1, lambda *a: None)",
                "signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])",
                "os.kill(os.getpid(), signal.SIGUSR1)");
        TracedProcess p = Tracer.launch(new ProcessBuilder("/usr/bin/python3", "-c", prog),
                TraceOptions.defaults().withSyscalls(Set.of("rt_sigreturn")));
        assertEquals(0, p.waitFor());
        List<Syscall> calls = p.trace().syscalls("rt_sigreturn");
        assertEquals(1, calls.size(), calls::toString);
        assertEquals("rt_sigreturn({mask=[USR2]}) = 0", calls.get(0).straceText());
    }
}
