package dev.jstrace.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.arch.Arch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Checks the spawn table's syscall numbers against the real kernel headers of each ABI. */
class SpawnSyscallTest {
    /** {@code __NR_x} for every SpawnSyscall as the compiler's preprocessor sees them, or null without it. */
    private static Map<SpawnSyscall, Integer> fromHeaders(String cc, String header) throws Exception {
        StringBuilder src = new StringBuilder("#include <" + header + ">\n");
        for (SpawnSyscall s : SpawnSyscall.values()) {
            src.append("jstrace_").append(s.name()).append(" __NR_").append(s.name().toLowerCase()).append('\n');
        }
        Process p;
        try {
            p = new ProcessBuilder(cc, "-E", "-P", "-x", "c", "-").redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        p.getOutputStream().write(src.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, cc + " -E failed: " + out);
        Map<SpawnSyscall, Integer> numbers = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].startsWith("jstrace_")) {
                // The generic table writes some numbers as expressions, e.g. (__NR_arch_specific_syscall+...).
                numbers.put(SpawnSyscall.valueOf(f[0].substring(8)), Integer.parseInt(f[1]));
            }
        }
        return numbers;
    }

    private static void check(Arch arch, String cc, String header) throws Exception {
        Map<SpawnSyscall, Integer> numbers = fromHeaders(cc, header);
        assumeTrue(numbers != null, cc + " is not installed (scripts/setup-test-tools installs it)");
        for (SpawnSyscall s : SpawnSyscall.values()) {
            assertEquals(numbers.get(s), s.number(arch), s + " on " + arch);
        }
    }

    @Test
    void x86_64NumbersMatchAsmUnistd64() throws Exception {
        check(Arch.X86_64, "x86_64-linux-gnu-gcc", "asm/unistd_64.h");
    }

    @Test
    void aarch64NumbersMatchTheGenericTable() throws Exception {
        check(Arch.AARCH64, "aarch64-linux-gnu-gcc", "asm/unistd.h");
    }

    @Test
    void riscv64NumbersMatchTheGenericTable() throws Exception {
        check(Arch.RISCV64, "riscv64-linux-gnu-gcc", "asm/unistd.h");
    }
}
