package dev.jstrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.decode.TraceNormalizer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering against the installed strace: each spec runs {@code tamper-probe.c}
 * (compiled here with gcc; its report depends on every tampered result) under
 * strace and under jstrace, and the traced lines (normalised: pids, addresses),
 * the program's output and its exit status must be identical. Malformed specs
 * must give strace's message and status.
 */
class InjectDifferentialTest {
    private static final String TRACE = "trace=getpid,openat,read,write,close";

    /** The tracer flags of each case; a last word "fork" goes to the program. */
    private static final String[][] SPECS = {
            {"-e", "inject=getpid:retval=42"},
            {"-e", "inject=getpid:retval=42:when=2"},
            {"-e", "inject=getpid:error=EPERM"},
            {"-e", "inject=getpid:error=EPERM:when=2+"},
            {"-e", "inject=getpid:error=13:when=1..2"},
            {"-e", "inject=getpid:retval=7:when=1+2"},
            {"-e", "inject=getpid:retval=0x10:when=1..3+2"},
            {"-e", "inject=openat:error=ENOENT"},
            {"-e", "inject=openat:error=eacces:signal=SIGUSR1"},
            {"-e", "inject=openat:retval=5"},
            {"-e", "inject=read:error=EIO"},
            {"-e", "inject=read:retval=3"},
            {"-e", "inject=read:poke_exit=@arg2=414243"},
            {"-e", "inject=write:poke_enter=@arg2=50524f4245:when=1"},
            {"-e", "inject=write:error=ENOSPC:when=1"},
            {"-e", "inject=write:retval=1:when=1"},
            {"-e", "inject=write:error=EIO:when=2"},
            {"-e", "inject=close:error=EBADF"},
            {"-e", "inject=getpid:signal=SIGUSR1:when=3"},
            {"-e", "inject=getpid:signal=usr2:when=2"},
            {"-e", "inject=getpid:delay_enter=10ms:when=1"},
            {"-e", "inject=getpid:delay_exit=5000:when=2"},
            {"-e", "inject=openat:delay_enter=1ms:delay_exit=1ms:error=ENOENT"},
            {"-e", "inject=getpid:syscall=getuid:retval=99:when=2"},
            {"-e", "fault=openat"},
            {"-e", "fault=openat:error=EMFILE:when=1"},
            {"--fault=getpid:when=2..3"},
            {"-e", "inject=getpid,close:retval=0"},
            {"-e", "inject=getpid:retval=1", "-e", "inject=openat:error=ENOENT", "-e", "inject=close:error=EIO"},
            {"-e", "inject=getpid:retval=1", "-e", "inject=getpid:error=EPERM:when=2"},
            {"--inject=getpid:retval=42:when=2", "fork"},
            {"-e", "inject=openat:error=ENOENT:when=1", "fork"},
            {"-e", "inject=openat:signal=SIGUSR1", "fork"},
            {"--seccomp-bpf", "-e", "inject=getpid:retval=42:when=2", "fork"},
            {"--seccomp-bpf", "-e", "inject=read:poke_exit=@arg2=5a5a:error=EIO", "fork"},
            {"-e", "trace=write", "-e", "inject=getpid:retval=42"},
            {"--seccomp-bpf", "-e", "trace=write", "-e", "inject=getpid:retval=42"},
            {"-c", "-e", "inject=getpid:error=EPERM:when=2+"},
    };

    /** Malformed specs (and two that only warn): strace's words and status. */
    private static final String[] BAD = {
            "inject=", "inject=getpid", "inject=getpid:", "inject=:error=ENOSPC", "inject=getpid:error=FOO",
            "inject=getpid:error=0", "inject=getpid:error=4096", "inject=getpid:error=EIO:retval=1",
            "inject=getpid:retval=x", "inject=getpid:signal=SIGFOO", "inject=getpid:signal=0",
            "inject=getpid:signal=65", "inject=getpid:when=0:error=EIO", "inject=getpid:when=2..1:error=EIO",
            "inject=getpid:when=1..65535:error=EIO", "inject=getpid:when=1+0:error=EIO",
            "inject=getpid:when=1.2:error=EIO", "inject=getpid:when=65536:error=EIO",
            "inject=getpid:delay_enter=x", "inject=getpid:delay_exit=-1", "inject=getpid:delay_enter=1:delay_enter=2",
            "inject=getpid:poke_enter=@arg1=zz", "inject=getpid:poke_enter=@arg8=00",
            "inject=getpid:poke_enter=@arg1=0", "inject=getpid:poke_enter=@arg1=00,@arg1=11",
            "inject=getpid:syscall=open:error=EIO", "inject=getpid:syscall=nosuch:error=EIO",
            "inject=nosuch:error=EIO", "inject=nosuch", "fault=getpid:retval=1", "fault=getpid:signal=SIGUSR1",
            "inject=getpid:foo=1", "inject=getpid:error=EIO:signal=9:signal=10", "inject=getpid:retval=-1",
    };

    /** The default suite's share (one of each kind: the whole list takes ~45 s on a loaded 2-vCPU VM). */
    private static final int[] QUICK = {1, 8, 12, 20, 21, 30, 33, 35};

    @Test
    void aFewSpecsMatchStrace(@TempDir Path dir) throws Exception {
        List<String[]> some = new ArrayList<>();
        for (int i : QUICK) some.add(SPECS[i]);
        compare(some, dir, List.of());
    }

    /**
     * Kernels before 6.16 have no PTRACE_SET_SYSCALL_INFO: the per-arch register path
     * ({@code SyscallRegisters}) must give the same results, forced here by a property.
     */
    @Test
    void theRegisterFallbackMatchesStrace(@TempDir Path dir) throws Exception {
        compare(List.of(SPECS[1], SPECS[3], SPECS[9], SPECS[33]), dir, List.of("-Djstrace.noSetSyscallInfo=true"));
    }

    @Test
    @org.junit.jupiter.api.Tag("stress")
    void everySpecMatchesStrace(@TempDir Path dir) throws Exception {
        compare(List.of(SPECS), dir, List.of());
    }

    private static void compare(List<String[]> specs, Path dir, List<String> jvmFlags) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace to compare with");
        Path probe = compileProbe(dir);
        Files.writeString(dir.resolve("data.txt"), "hello-data-1234567890\n");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jstrace = new ArrayList<>(List.of(javaBin, "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        jstrace.addAll(jvmFlags);
        jstrace.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.jstrace.cli.Main"));
        List<String> differences = new ArrayList<>();
        int injected = 0;
        for (String[] spec : specs) {
            Run s = run(List.of("/usr/bin/strace"), spec, probe, dir);
            Run j = run(jstrace, spec, probe, dir);
            List<String> st = normalise(s.trace, spec);
            List<String> jt = normalise(j.trace, spec);
            var cmp = TraceNormalizer.compare(st, jt);
            for (String l : st) if (l.contains("(INJECTED") || l.contains("(DELAYED)")) injected++;
            String key = String.join(" ", spec);
            if (!cmp.onlyStrace().isEmpty() || !cmp.onlyJstrace().isEmpty()) {
                differences.add(key + ": trace differs\n  - " + String.join("\n  - ", cmp.onlyStrace())
                        + "\n  + " + String.join("\n  + ", cmp.onlyJstrace()));
            }
            if (!s.stdout.equals(j.stdout)) {
                differences.add(key + ": output differs\n--- strace\n" + s.stdout + "--- jstrace\n" + j.stdout);
            }
            if (s.status != j.status) differences.add(key + ": status " + s.status + " vs " + j.status);
        }
        assertEquals("", String.join("\n", differences));
        assertTrue(injected >= specs.size(), "too few tampered lines to have tested anything: " + injected);
    }

    @Test
    void malformedSpecsGetStracesMessages(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(CliProcess.straceInstalled(), "needs the installed strace to compare with");
        List<String> differences = new ArrayList<>();
        for (String bad : BAD) {
            List<String> args = List.of("-o", "/dev/null", "-e", bad, "true");
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/strace"));
            cmd.addAll(args);
            Path err = dir.resolve("strace.err");
            int status = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile()).start().waitFor();
            String theirs = tracerLines(Files.readString(err), status);
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            Main.Outcome o = Main.execute(args, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
            String ours = tracerLines(e.toString(StandardCharsets.UTF_8), o.status());
            if (!theirs.equals(ours)) differences.add(bad + "\n  strace:  " + theirs + "\n  jstrace: " + ours);
        }
        assertEquals("", String.join("\n", differences));
    }

    private record Run(List<String> trace, String stdout, int status) {}

    private static Run run(List<String> tracer, String[] spec, Path probe, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(tracer);
        List<String> flags = new ArrayList<>(List.of(spec));
        boolean fork = flags.get(flags.size() - 1).equals("fork");
        if (fork) flags.remove(flags.size() - 1);
        Path out = dir.resolve("trace.txt");
        Files.deleteIfExists(out);
        cmd.addAll(List.of("-f", "-qq", "-o", out.toString()));
        if (!flags.contains("trace=write")) cmd.addAll(List.of("-e", TRACE));
        cmd.addAll(flags);
        cmd.add(probe.toString());
        if (fork) cmd.add("fork");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", spec) + ": timed out under " + tracer.get(0));
        }
        List<String> trace = Files.exists(out) ? Files.readAllLines(out, StandardCharsets.ISO_8859_1) : List.of();
        return new Run(trace, stdout, p.exitValue());
    }

    /** Pids and addresses out; with -c only the calls, errors and name columns (times vary). */
    private static List<String> normalise(List<String> trace, String[] spec) {
        if (!List.of(spec).contains("-c")) return TraceNormalizer.normalise(trace);
        List<String> rows = new ArrayList<>();
        for (String l : trace) {
            String[] f = l.trim().split("\\s+");
            rows.add(f.length >= 5 && f[0].matches("[0-9.]+") ? String.join(" ", List.of(f).subList(3, f.length)) : l);
        }
        return rows;
    }

    private static Path compileProbe(Path dir) throws Exception {
        Path src = dir.resolve("tamper-probe.c");
        try (InputStream in = InjectDifferentialTest.class.getResourceAsStream("tamper-probe.c")) {
            Files.write(src, in.readAllBytes());
        }
        Path bin = dir.resolve("probe");
        Process gcc;
        try {
            // Static: no dynamic loader, so only the program's own calls are tampered with.
            gcc = new ProcessBuilder("gcc", "-static", "-O1", "-o", bin.toString(), src.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("gcc is not installed: " + e.getMessage());
            return null;
        }
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(gcc.waitFor() == 0, "gcc -static could not build the probe: " + log);
        return bin;
    }

    private static String tracerLines(String stderr, int status) {
        StringBuilder b = new StringBuilder();
        for (String l : stderr.lines().toList()) {
            String n = l.replaceAll("^(/usr/bin/)?strace: ", "jstrace: ").replaceAll("'(/usr/bin/)?strace -h'",
                    "'jstrace -h'");
            if (n.startsWith("jstrace: ") || n.startsWith("Try ")) b.append(n).append(" | ");
        }
        return b.append("status ").append(status).toString();
    }
}
