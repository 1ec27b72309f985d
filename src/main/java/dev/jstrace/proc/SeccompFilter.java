package dev.jstrace.proc;

import dev.jstrace.arch.Arch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A classic-BPF seccomp filter, built in Java, that makes only the traced
 * syscalls stop the tracee ({@code --seccomp-bpf}): {@code SECCOMP_RET_TRACE}
 * for a traced number, {@code SECCOMP_RET_ALLOW} for the rest. With
 * {@code PTRACE_O_TRACESECCOMP} a RET_TRACE becomes a
 * {@code PTRACE_EVENT_SECCOMP} stop at the call's entry, so the tracer can
 * resume with {@code PTRACE_CONT} and pay two stops only for the calls it reports.
 *
 * <p>The program, for the running ABI's {@code AUDIT_ARCH} value:
 * <pre>
 *   ld  [4]                  ; seccomp_data.arch
 *   jeq #AUDIT_ARCH, 1, 0
 *   ret #SECCOMP_RET_TRACE   ; another ABI (i386, x32 on x86-64): trace it all, as strace does
 *   ld  [0]                  ; seccomp_data.nr
 *   jeq #nr1, 0, 1
 *   ret #SECCOMP_RET_TRACE
 *   ...                      ; one jeq/ret pair per traced number
 *   ret #SECCOMP_RET_ALLOW
 * </pre>
 * A pair per number keeps every jump offset at 0 or 1, within BPF's 8-bit
 * jump fields however large the set is; the kernel's 4096-instruction limit
 * allows any syscall table.
 *
 * <p>Installed by the spawn stub in the child after it is seized and before its
 * execve ({@link #spawnOps}): {@code prctl(PR_SET_NO_NEW_PRIVS, 1)} (needed to
 * install a filter without CAP_SYS_ADMIN) then
 * {@code seccomp(SECCOMP_SET_MODE_FILTER, 0, &prog)}. The filter is inherited
 * by every child and survives execve, which is why this mode needs {@code -f}
 * semantics and cannot apply to attached processes.
 */
public final class SeccompFilter {
    /** BPF_LD | BPF_W | BPF_ABS. */
    static final int LD_W_ABS = 0x20;
    /** BPF_JMP | BPF_JEQ | BPF_K. */
    static final int JEQ_K = 0x15;
    /** BPF_RET | BPF_K. */
    static final int RET_K = 0x06;
    /** SECCOMP_RET_ALLOW (linux/seccomp.h). */
    public static final int SECCOMP_RET_ALLOW = 0x7fff0000;
    /** SECCOMP_RET_TRACE (linux/seccomp.h): a PTRACE_EVENT_SECCOMP stop when traced. */
    public static final int SECCOMP_RET_TRACE = 0x7ff00000;
    /** PR_SET_NO_NEW_PRIVS (linux/prctl.h). */
    static final int PR_SET_NO_NEW_PRIVS = 38;
    /** SECCOMP_SET_MODE_FILTER (linux/seccomp.h). */
    static final int SECCOMP_SET_MODE_FILTER = 1;
    /** BPF_MAXINSNS (linux/bpf_common.h). */
    static final int MAX_INSTRUCTIONS = 4096;

    private final Arch arch;
    private final int[] numbers;
    private final long[] program;

    private SeccompFilter(Arch arch, int[] numbers) {
        this.arch = arch;
        this.numbers = numbers;
        this.program = assemble(arch.auditArch(), numbers);
    }

    /**
     * A filter that stops at the calls named in {@code traced} ({@code null}:
     * every call) plus the ones the loop itself needs to see: execve/execveat
     * (the first exec ends the spawn's pre-exec phase) and, when following
     * forks, the clone family (the loop reads clone's flags to tell a thread
     * from a process).
     */
    public static SeccompFilter forNames(Arch arch, Set<String> traced, boolean followForks) {
        TreeSet<Integer> nrs = new TreeSet<>();
        List<String> names = new ArrayList<>(List.of("execve", "execveat"));
        if (followForks) names.addAll(List.of("clone", "clone3", "fork", "vfork"));
        if (traced == null) {
            for (int nr = 0; nr < arch.tableSize(); nr++) if (arch.syscallName(nr) != null) nrs.add(nr);
        } else {
            names.addAll(traced);
        }
        for (String n : names) {
            int nr = arch.syscallNumber(n);
            if (nr >= 0) nrs.add(nr);
        }
        return new SeccompFilter(arch, nrs.stream().mapToInt(Integer::intValue).toArray());
    }

    private static long[] assemble(int auditArch, int[] numbers) {
        int n = 4 + 2 * numbers.length + 1;
        if (n > MAX_INSTRUCTIONS) throw new IllegalArgumentException("seccomp filter too large: " + n);
        long[] p = new long[n];
        int i = 0;
        p[i++] = insn(LD_W_ABS, 0, 0, 4);
        p[i++] = insn(JEQ_K, 1, 0, auditArch);
        p[i++] = insn(RET_K, 0, 0, SECCOMP_RET_TRACE);
        p[i++] = insn(LD_W_ABS, 0, 0, 0);
        for (int nr : numbers) {
            p[i++] = insn(JEQ_K, 0, 1, nr);
            p[i++] = insn(RET_K, 0, 0, SECCOMP_RET_TRACE);
        }
        p[i] = insn(RET_K, 0, 0, SECCOMP_RET_ALLOW);
        return p;
    }

    /** {@code struct sock_filter { __u16 code; __u8 jt; __u8 jf; __u32 k; }} as one little-endian long. */
    private static long insn(int code, int jt, int jf, int k) {
        return (code & 0xffffL) | (long) (jt & 0xff) << 16 | (long) (jf & 0xff) << 24 | (k & 0xffffffffL) << 32;
    }

    /** The syscall numbers that stop, ascending. */
    public int[] numbers() {
        return numbers.clone();
    }

    /** The instructions, each a {@code struct sock_filter} read as a little-endian long. */
    public long[] instructions() {
        return program.clone();
    }

    /**
     * What {@code seccomp(2)} would return for a call: {@link #SECCOMP_RET_TRACE} or
     * {@link #SECCOMP_RET_ALLOW}. Interprets the program itself, so tests can check the
     * bytes rather than the builder's intent.
     */
    public int evaluate(int auditArch, int nr) {
        long acc = 0;
        int pc = 0;
        while (pc < program.length) {
            long in = program[pc];
            int code = (int) (in & 0xffff);
            int jt = (int) (in >>> 16 & 0xff);
            int jf = (int) (in >>> 24 & 0xff);
            long k = in >>> 32;
            switch (code) {
                case LD_W_ABS -> acc = k == 0 ? nr & 0xffffffffL : k == 4 ? auditArch & 0xffffffffL : 0;
                case JEQ_K -> pc += acc == k ? jt : jf;
                case RET_K -> {
                    return (int) k;
                }
                default -> throw new IllegalStateException("unknown BPF op 0x" + Integer.toHexString(code));
            }
            pc++;
        }
        throw new IllegalStateException("BPF program fell off its end");
    }

    /**
     * The spawn ops that install this filter. The program and its
     * {@code struct sock_fprog { unsigned short len; struct sock_filter *filter; }}
     * live in {@code arena}, which must stay open until the spawn has cloned
     * (the child gets its own copy of the memory then).
     */
    public List<SpawnOp> spawnOps(Arena arena) {
        MemorySegment filter = arena.allocate(8L * program.length, 8);
        for (int i = 0; i < program.length; i++) filter.setAtIndex(ValueLayout.JAVA_LONG, i, program[i]);
        MemorySegment fprog = arena.allocate(16, 8);
        fprog.set(ValueLayout.JAVA_SHORT, 0, (short) program.length);
        fprog.set(ValueLayout.JAVA_LONG, 8, filter.address());
        return List.of(
                SpawnOp.of(SpawnSyscall.PRCTL.number(arch), PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0),
                SpawnOp.of(SpawnSyscall.SECCOMP.number(arch), SECCOMP_SET_MODE_FILTER, 0, fprog.address()));
    }
}
