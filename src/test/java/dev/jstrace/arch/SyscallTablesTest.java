package dev.jstrace.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The per-arch syscall number tables, checked against the headers and the toolchain's preprocessor. */
class SyscallTablesTest {
    private static final Path X86_HEADER = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "X86_64, read, 0", "X86_64, open, 2", "X86_64, clone, 56", "X86_64, openat, 257",
        "X86_64, newfstatat, 262", "X86_64, clone3, 435", "X86_64, uretprobe, 335",
        "AARCH64, openat, 56", "AARCH64, read, 63", "AARCH64, clone, 220", "AARCH64, newfstatat, 79",
        "AARCH64, fstat, 80", "AARCH64, renameat, 38", "AARCH64, clone3, 435", "AARCH64, memfd_secret, 447",
        "AARCH64, fchmodat2, 452", "AARCH64, map_shadow_stack, 453",
        "RISCV64, openat, 56", "RISCV64, clone, 220", "RISCV64, newfstatat, 79", "RISCV64, riscv_hwprobe, 258",
        "RISCV64, riscv_flush_icache, 259", "RISCV64, clone3, 435", "RISCV64, memfd_secret, 447",
    })
    void knownNumbers(Arch arch, String name, int nr) {
        assertEquals(nr, arch.syscallNumber(name));
        assertEquals(name, arch.syscallName(nr));
    }

    @ParameterizedTest
    @CsvSource({"open", "stat", "fork", "access", "pipe", "uretprobe", "rename", "sync_file_range2"})
    void aarch64LacksLegacyCalls(String name) {
        assertEquals(-1, Arch.AARCH64.syscallNumber(name));
    }

    @Test
    void newerThanTheHeadersUpToTheRunningKernel() {
        String[] newer = {"cachestat", "fchmodat2", "map_shadow_stack", "futex_wake", "futex_wait",
            "futex_requeue", "statmount", "listmount", "lsm_get_self_attr", "lsm_set_self_attr",
            "lsm_list_modules", "mseal", "setxattrat", "getxattrat", "listxattrat", "removexattrat",
            "open_tree_attr", "file_getattr", "file_setattr"};
        for (Arch a : Arch.values()) {
            for (int i = 0; i < newer.length; i++) assertEquals(newer[i], a.syscallName(451 + i), a + " " + (451 + i));
            assertEquals(470, a.tableSize(), a + " table ends at file_setattr (469)");
        }
    }

    @Test
    void x86TableMatchesUnistd64() throws Exception {
        assumeTrue(Files.exists(X86_HEADER), X86_HEADER + " missing (linux-libc-dev)");
        Matcher m = Pattern.compile("#define __NR_(\\w+) (\\d+)").matcher(Files.readString(X86_HEADER));
        int count = 0;
        while (m.find()) {
            assertEquals(m.group(1), Arch.X86_64.syscallName(Integer.parseInt(m.group(2))));
            count++;
        }
        assertTrue(count > 300, "parsed " + count + " numbers");
        for (int nr = 0; nr < Arch.X86_64.tableSize(); nr++) {
            if (nr > 450 || nr == 335 || nr == 336) continue; // from scripts/tables/syscalls-newer.txt
            String n = Arch.X86_64.syscallName(nr);
            if (n != null) assertTrue(Files.readString(X86_HEADER).contains("__NR_" + n + " " + nr + "\n"), n);
        }
    }

    /** gcc's own preprocessor decides which #ifdef'd numbers aarch64 has; the table must agree. */
    @Test
    void aarch64TableMatchesCrossPreprocessor() throws Exception {
        matchesCrossPreprocessor(Arch.AARCH64, "aarch64-linux-gnu-gcc", "linux-libc-dev-arm64-cross");
    }

    /** riscv64 takes the generic table with its own __ARCH_WANT_* and two calls of its own. */
    @Test
    void riscv64TableMatchesCrossPreprocessor() throws Exception {
        matchesCrossPreprocessor(Arch.RISCV64, "riscv64-linux-gnu-gcc", "linux-libc-dev-riscv64-cross");
    }

    /** 258 riscv_hwprobe (v6.4) is newer than these 6.1 headers: from scripts/tables/syscalls-newer.txt. */
    private static final Map<Arch, Integer> NEWER_BELOW_451 = Map.of(Arch.RISCV64, 258);

    private static void matchesCrossPreprocessor(Arch arch, String cc, String headers) throws Exception {
        Map<String, String> macros = crossMacros(cc, headers);
        Map<Integer, String> expected = new HashMap<>();
        for (var e : macros.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("__NR_") || name.equals("__NR_syscalls") || name.equals("__NR_arch_specific_syscall")) {
                continue;
            }
            expected.put((int) evaluate(e.getValue(), macros), name.substring(5));
        }
        assertTrue(expected.size() > 280, "parsed " + expected.size());
        for (int nr = 0; nr < 451; nr++) {
            if (NEWER_BELOW_451.get(arch) != null && NEWER_BELOW_451.get(arch) == nr) continue;
            assertEquals(expected.get(nr), arch.syscallName(nr), arch + " " + nr);
        }
    }

    /** A macro body: a number, another macro ({@code __NR3264_fcntl}) or {@code (MACRO + N)}. */
    private static long evaluate(String body, Map<String, String> macros) {
        String b = body.strip();
        if (b.startsWith("(") && b.endsWith(")")) b = b.substring(1, b.length() - 1).strip();
        int plus = b.indexOf('+');
        if (plus > 0) return evaluate(b.substring(0, plus), macros) + evaluate(b.substring(plus + 1), macros);
        if (b.matches("\\d+")) return Long.parseLong(b);
        String next = macros.get(b);
        assertNotNull(next, "undefined macro " + b);
        return evaluate(next, macros);
    }

    private static Map<String, String> crossMacros(String cc, String headers) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cc, "-E", "-dM", "-x", "c", "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, cc + " not installed (scripts/setup-test-tools installs it)");
            throw e;
        }
        p.getOutputStream().write("#include <asm/unistd.h>\n".getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0, "cross headers missing (" + headers + ")");
        Map<String, String> macros = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\\s+", 3);
            if (f.length == 3) macros.put(f[1], f[2].strip());
        }
        return macros;
    }

    @Test
    void unknownNumbersAreNamedAsStraceNamesThem() {
        assertNull(Arch.X86_64.syscallName(999));
        assertEquals("syscall_0x3e7", Arch.X86_64.displayName(999));
        assertEquals("syscall_0x1f4", Arch.AARCH64.displayName(500));
        assertEquals("syscall_0xffffffffffffffff", Arch.X86_64.displayName(-1));
        assertEquals("openat", Arch.X86_64.displayName(257));
        assertNotNull(Arch.fromAudit(0xC000003E));
        assertNull(Arch.fromAudit(0x40000003), "i386 is not decoded");
    }

    /** The installed strace is the oracle for the unknown-syscall spelling. */
    @Test
    void unknownNumberMatchesInstalledStrace() throws Exception {
        assumeTrue(Arch.current() == Arch.X86_64, "the oracle run uses x86-64 numbers");
        String err = StraceOracle.run("all", "import ctypes; ctypes.CDLL(None).syscall(999, 1, 2, 3, 4, 5, 6)");
        String expected = Arch.X86_64.displayName(999) + "(0x1, 0x2, 0x3, 0x4, 0x5, 0x6)";
        assertTrue(err.lines().anyMatch(l -> l.startsWith(expected)), "no line starting " + expected + " in:\n" + err);
    }
}
