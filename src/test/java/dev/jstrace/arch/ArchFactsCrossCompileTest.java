package dev.jstrace.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each arch's facts in {@link Arch} checked against that arch's own headers on
 * this (x86-64) machine: every fact becomes a C {@code _Static_assert} that the
 * arch's Debian cross compiler must accept ({@code -fsyntax-only}: nothing runs,
 * so no emulator is needed). A new arch is checked once its compiler is named
 * here; an arch whose compiler is missing skips, saying which package has it.
 */
class ArchFactsCrossCompileTest {
    @TempDir
    Path tmp;

    /** The cross compiler of each arch, and its Debian packages. */
    private static String[] compiler(Arch arch) {
        return switch (arch) {
            case X86_64 -> new String[] {"x86_64-linux-gnu-gcc", "gcc libc6-dev linux-libc-dev"};
            case AARCH64 -> new String[] {"aarch64-linux-gnu-gcc",
                "gcc-aarch64-linux-gnu libc6-dev-arm64-cross linux-libc-dev-arm64-cross"};
            case RISCV64 -> new String[] {"riscv64-linux-gnu-gcc",
                "gcc-riscv64-linux-gnu libc6-dev-riscv64-cross linux-libc-dev-riscv64-cross"};
        };
    }

    /** The regset struct whose layout the tampering fallback writes into (NT_PRSTATUS). */
    private static String prstatus(Arch arch) {
        return switch (arch) {
            case X86_64 -> "struct user_regs_struct";
            case AARCH64 -> "struct user_pt_regs";
            case RISCV64 -> "struct user_regs_struct";
        };
    }

    /** C field names of the number and result registers in {@link #prstatus}, where they live there. */
    private static String[] prstatusFields(Arch arch) {
        return switch (arch) {
            case X86_64 -> new String[] {"orig_rax", "rax"};
            case AARCH64 -> new String[] {null, "regs[0]"};
            case RISCV64 -> new String[] {"a7", "a0"};
        };
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && new File(dir, name).canExecute()) return new File(dir, name).getPath();
        }
        return null;
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void factsMatchTheArchsHeaders(Arch arch) throws IOException, InterruptedException {
        String[] cc = compiler(arch);
        String gcc = onPath(cc[0]);
        assumeTrue(gcc != null, cc[0] + " is missing (Debian: " + cc[1] + "; scripts/setup-test-tools installs it)");
        List<String> asserts = new ArrayList<>();
        asserts.add("AUDIT_ARCH_" + arch.name() + " == " + Integer.toUnsignedString(arch.auditArch()) + "u");
        asserts.add("sizeof(struct stat) == " + (arch.statLayout() == Arch.StatLayout.X86_64 ? 144 : 128));
        asserts.add("sizeof(struct epoll_event) == " + arch.epollEventSize());
        // rt_sigreturn: x86-64's sp is at the ucontext (pretcode popped), the others' at the rt_sigframe.
        asserts.add((arch == Arch.X86_64 ? "" : "sizeof(siginfo_t) + ") + "offsetof(ucontext_t, uc_sigmask) == "
                + arch.signalMaskOffset());
        SyscallRegisters regs = arch.syscallRegisters();
        String[] fields = prstatusFields(arch);
        SyscallRegisters.Slot[] slots = {regs.number(), regs.result()};
        for (int i = 0; i < 2; i++) {
            SyscallRegisters.Slot s = slots[i];
            if (s.userOffset() >= 0) {
                asserts.add("offsetof(struct user, regs) + offsetof(" + prstatus(arch) + ", " + fields[i] + ") == "
                        + s.userOffset());
            } else if (s.regset() == SyscallRegisters.NT_PRSTATUS) {
                asserts.add("sizeof(" + prstatus(arch) + ") == " + s.regsetSize());
                asserts.add("offsetof(" + prstatus(arch) + ", " + fields[i] + ") == " + s.regsetOffset());
                asserts.add("sizeof(((" + prstatus(arch) + " *) 0)->" + fields[i] + ") == " + s.width());
            } else {
                asserts.add("NT_ARM_SYSTEM_CALL == " + s.regset() + " && " + s.regsetSize() + " == sizeof(int)");
            }
        }
        StringBuilder c = new StringBuilder("""
                #define _GNU_SOURCE
                #include <stddef.h>
                #include <signal.h>
                #include <ucontext.h>
                #include <elf.h>
                #include <sys/stat.h>
                #include <sys/epoll.h>
                #include <sys/user.h>
                #include <linux/audit.h>
                """);
        // glibc's sys/user.h has no register struct on arm64 and riscv: the kernel's UAPI one.
        if (arch != Arch.X86_64) c.append("#include <asm/ptrace.h>\n");
        for (String a : asserts) c.append("_Static_assert(").append(a).append(", \"").append(a).append("\");\n");
        compiles(gcc, "facts.c", c.toString(), arch);
        // The kernel's own signal.h (glibc's hides it): sa_restorer exists where SA_RESTORER does.
        compiles(gcc, "sigaction.c", "#include <asm/signal.h>\n#if defined(SA_RESTORER) != "
                + (arch.sigactionHasRestorer() ? 1 : 0) + "\n#error sigactionHasRestorer is wrong\n#endif\n", arch);
    }

    private void compiles(String gcc, String name, String c, Arch arch) throws IOException, InterruptedException {
        Path src = Files.writeString(tmp.resolve(name), c);
        Process p = new ProcessBuilder(gcc, "-fsyntax-only", "-std=gnu11", src.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), gcc + " timed out");
        assertEquals(0, p.exitValue(), arch + "'s facts disagree with its headers:\n" + out + "\n" + c);
    }
}
