package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * ptrace(2) as strace 6.1's src/ptrace.c prints it: the request, the pid, then addr and data
 * as the request reads them (a signal to resume with, PTRACE_O_* options, a siginfo, a count),
 * and what the kernel wrote at exit: the word peeked, the event message, the siginfo, and
 * PTRACE_GET_SYSCALL_INFO's struct (src/ptrace_syscall_info.c), as far as the kernel filled it.
 *
 * <p>Not yet as strace prints them (printed as addresses): the arch-specific requests (GETREGS
 * and the like print as unknown), user-area offsets, PTRACE_GETREGSET's NT_* types and iovec,
 * sigmasks, PTRACE_PEEKSIGINFO's arguments and siginfo array, seccomp filters and metadata.
 */
final class PtraceFormat implements CallFormat {
    /** strace's ptrace_cmds, the requests every arch has. */
    static final ConstTable REQUESTS = ConstTable.enumHex("PTRACE_???", """
            PTRACE_TRACEME PTRACE_PEEKTEXT PTRACE_PEEKDATA PTRACE_PEEKUSER PTRACE_POKETEXT PTRACE_POKEDATA
            PTRACE_POKEUSER PTRACE_CONT PTRACE_KILL PTRACE_SINGLESTEP PTRACE_ATTACH PTRACE_DETACH PTRACE_SYSCALL
            PTRACE_SETOPTIONS PTRACE_GETEVENTMSG PTRACE_GETSIGINFO PTRACE_SETSIGINFO PTRACE_GETREGSET
            PTRACE_SETREGSET PTRACE_SEIZE PTRACE_INTERRUPT PTRACE_LISTEN PTRACE_PEEKSIGINFO PTRACE_GETSIGMASK
            PTRACE_SETSIGMASK PTRACE_SECCOMP_GET_FILTER PTRACE_SECCOMP_GET_METADATA PTRACE_GET_SYSCALL_INFO
            PTRACE_GET_RSEQ_CONFIGURATION""");
    static final ConstTable OPTIONS = ConstTable.flags("PTRACE_O_???", """
            PTRACE_O_TRACESYSGOOD PTRACE_O_TRACEFORK PTRACE_O_TRACEVFORK PTRACE_O_TRACECLONE PTRACE_O_TRACEEXEC
            PTRACE_O_TRACEVFORKDONE PTRACE_O_TRACEEXIT PTRACE_O_TRACESECCOMP PTRACE_O_EXITKILL
            PTRACE_O_SUSPEND_SECCOMP""");
    static final ConstTable INFO_OPS = ConstTable.enumHex("PTRACE_SYSCALL_INFO_???", """
            PTRACE_SYSCALL_INFO_NONE PTRACE_SYSCALL_INFO_ENTRY PTRACE_SYSCALL_INFO_EXIT
            PTRACE_SYSCALL_INFO_SECCOMP""");

    private static final long TRACEME = req("PTRACE_TRACEME"), PEEKTEXT = req("PTRACE_PEEKTEXT"),
            PEEKDATA = req("PTRACE_PEEKDATA"), PEEKUSER = req("PTRACE_PEEKUSER"), CONT = req("PTRACE_CONT"),
            KILL = req("PTRACE_KILL"), SINGLESTEP = req("PTRACE_SINGLESTEP"), ATTACH = req("PTRACE_ATTACH"),
            DETACH = req("PTRACE_DETACH"), SYSCALL = req("PTRACE_SYSCALL"), SETOPTIONS = req("PTRACE_SETOPTIONS"),
            GETEVENTMSG = req("PTRACE_GETEVENTMSG"), GETSIGINFO = req("PTRACE_GETSIGINFO"),
            SETSIGINFO = req("PTRACE_SETSIGINFO"), SEIZE = req("PTRACE_SEIZE"), INTERRUPT = req("PTRACE_INTERRUPT"),
            LISTEN = req("PTRACE_LISTEN"), GETSIGMASK = req("PTRACE_GETSIGMASK"),
            SETSIGMASK = req("PTRACE_SETSIGMASK"), SECCOMP_GET_FILTER = req("PTRACE_SECCOMP_GET_FILTER"),
            SECCOMP_GET_METADATA = req("PTRACE_SECCOMP_GET_METADATA"),
            GET_SYSCALL_INFO = req("PTRACE_GET_SYSCALL_INFO");
    private static final long OP_ENTRY = INFO_OPS.parse("PTRACE_SYSCALL_INFO_ENTRY"),
            OP_EXIT = INFO_OPS.parse("PTRACE_SYSCALL_INFO_EXIT"), OP_SECCOMP = INFO_OPS.parse("PTRACE_SYSCALL_INFO_SECCOMP");

    /** struct ptrace_syscall_info (linux/ptrace.h): the header, then the union of its entry, exit and seccomp arms. */
    static final StructLayout SYSCALL_INFO = structLayout(JAVA_BYTE.withName("op"),
            sequenceLayout(3, JAVA_BYTE).withName("pad"), JAVA_INT.withName("arch"),
            JAVA_LONG.withName("instruction_pointer"), JAVA_LONG.withName("stack_pointer"),
            java.lang.foreign.MemoryLayout.unionLayout(
                    structLayout(JAVA_LONG.withName("nr"), sequenceLayout(6, JAVA_LONG).withName("args")).withName("entry"),
                    structLayout(JAVA_LONG.withName("rval"), JAVA_BYTE.withName("is_error"), paddingLayout(7))
                            .withName("exit"),
                    structLayout(JAVA_LONG.withName("nr"), sequenceLayout(6, JAVA_LONG).withName("args"),
                            JAVA_INT.withName("ret_data"), paddingLayout(4)).withName("seccomp")))
            .withName("struct ptrace_syscall_info");
    /** The layout with its header, for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(
            new CallStructLayouts.Declared(SYSCALL_INFO, "#include <linux/ptrace.h>\n"));
    private static final StructLayouts.Member OP = StructLayouts.Member.of(SYSCALL_INFO, "op"),
            ARCH = StructLayouts.Member.of(SYSCALL_INFO, "arch"),
            IP = StructLayouts.Member.of(SYSCALL_INFO, "instruction_pointer"),
            SP = StructLayouts.Member.of(SYSCALL_INFO, "stack_pointer"),
            NR = StructLayouts.Member.of(SYSCALL_INFO, "entry.nr"),
            RET_DATA = StructLayouts.Member.of(SYSCALL_INFO, "seccomp.ret_data"),
            RVAL = StructLayouts.Member.of(SYSCALL_INFO, "exit.rval"),
            IS_ERROR = StructLayouts.Member.of(SYSCALL_INFO, "exit.is_error");
    /** Where the entry and seccomp arms' args begin (the same in both). */
    private static final int ARGS = StructLayouts.Member.of(SYSCALL_INFO, "entry.args").offset();
    /** strace's expected_seccomp_size and expected_exit_size: offsetofend of ret_data and of is_error. */
    private static final int SECCOMP_SIZE = RET_DATA.offset() + RET_DATA.size(),
            EXIT_SIZE = IS_ERROR.offset() + IS_ERROR.size();

    private static long req(String name) {
        return REQUESTS.parse(name);
    }

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        if (args[0] == SETSIGINFO && args[3] != 0) mem.bytes(args[3], ArgDecoder.SIGINFO_SIZE);
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        long r = args[0], data = args[3];
        if (data == 0) return;
        if (r == PEEKTEXT || r == PEEKDATA || r == PEEKUSER || r == GETEVENTMSG) mem.bytes(data, Long.BYTES);
        else if (r == GETSIGINFO) mem.bytes(data, ArgDecoder.SIGINFO_SIZE);
        else if (r == GET_SYSCALL_INFO) {
            int n = infoSize(args[2], rval);
            if (n > 0) mem.bytes(data, n);
        }
    }

    /** strace's fetch_size: what both the caller's buffer and the kernel's answer cover, at most the seccomp arm. */
    private static int infoSize(long userLen, long kernelLen) {
        long n = Long.compareUnsigned(userLen, kernelLen) < 0 ? userLen : kernelLen;
        return (int) (Long.compareUnsigned(n, SECCOMP_SIZE) < 0 ? n : SECCOMP_SIZE);
    }

    @Override
    public Decoded decode(CallContext c) {
        long r = c.arg(0), addr = c.arg(2), data = c.arg(3);
        List<Value> out = new ArrayList<>(4);
        out.add(REQUESTS.sym(r));
        if (r == TRACEME) return Decoded.atEntry(out);
        out.add(c.pid((int) c.arg(1), PidNamespaces.Kind.TGID));
        if (r == ATTACH || r == INTERRUPT || r == KILL || r == LISTEN) return Decoded.atEntry(out);
        boolean count = r == GETSIGMASK || r == SETSIGMASK || r == SECCOMP_GET_FILTER || r == SECCOMP_GET_METADATA
                || r == GET_SYSCALL_INFO;
        out.add(count ? new Value.Num(addr, Value.Radix.UDEC) : new Value.Ptr(addr));
        if (r == CONT || r == DETACH || r == SYSCALL || r == SINGLESTEP) {
            out.add(ArgDecoder.signal(c, (int) data));
        } else if (r == SEIZE || r == SETOPTIONS) {
            out.add(OPTIONS.sym(data));
        } else if (r == SETSIGINFO) {
            out.add(siginfo(c, c.in, data));
        } else if (r == PEEKTEXT || r == PEEKDATA || r == PEEKUSER || r == GETEVENTMSG) {
            out.add(word(c, data, r != GETEVENTMSG));
            return new Decoded(out, 3, null);
        } else if (r == GETSIGINFO) {
            out.add(c.succeeded() ? siginfo(c, c.out, data) : new Value.Ptr(data));
            return new Decoded(out, 3, null);
        } else if (r == GET_SYSCALL_INFO) {
            out.add(c.succeeded() ? syscallInfo(c, data, infoSize(addr, c.rval)) : new Value.Ptr(data));
            return new Decoded(out, 3, null);
        } else {
            out.add(new Value.Ptr(data));
        }
        return Decoded.atEntry(out);
    }

    /** printnum_ptr / printnum_ulong: {@code [0x...]}, {@code [N]}; the address when not written. */
    private static Value word(CallContext c, long addr, boolean pointer) {
        byte[] b = c.succeeded() ? MemoryView.struct(c.out, addr, Long.BYTES) : null;
        if (addr == 0 || b == null) return new Value.Ptr(addr);
        long v = MemoryView.u64(b, 0);
        return new Value.Array(List.of(pointer ? new Value.Ptr(v) : new Value.Num(v, Value.Radix.UDEC)), false);
    }

    private static Value siginfo(CallContext c, dev.jstrace.proc.Snapshot mem, long addr) {
        byte[] b = MemoryView.struct(mem, addr, ArgDecoder.SIGINFO_SIZE);
        if (addr == 0 || b == null) return new Value.Ptr(addr);
        return new Value.Text(SiginfoText.render(MemoryView.s32(b, 0), b, ArgDecoder.siginfoPids(c)));
    }

    /** print_ptrace_syscall_info: the fields the fetched size covers. */
    private static Value syscallInfo(CallContext c, long addr, int size) {
        byte[] b = size > 0 ? MemoryView.struct(c.out, addr, size) : null;
        if (b == null) return new Value.Ptr(addr);
        byte[] full = java.util.Arrays.copyOf(b, SECCOMP_SIZE + 4);
        List<Value.Field> fs = new ArrayList<>(5);
        long op = OP.u(full);
        fs.add(new Value.Field("op", INFO_OPS.sym(op)));
        int archValue = (int) ARCH.u(full);
        if (size >= ARCH.offset() + ARCH.size()) fs.add(new Value.Field("arch", auditArch(archValue)));
        if (size >= IP.offset() + IP.size()) fs.add(new Value.Field("instruction_pointer", new Value.Ptr(IP.u(full))));
        if (size >= SP.offset() + SP.size()) fs.add(new Value.Field("stack_pointer", new Value.Ptr(SP.u(full))));
        if (size >= NR.offset() + NR.size()) {
            if (op == OP_ENTRY || op == OP_SECCOMP) {
                List<Value.Field> arm = new ArrayList<>(3);
                arm.add(new Value.Field("nr", syscallName(c, archValue, NR.u(full))));
                int nargs = Math.min(6, Math.max(0, (size - ARGS) / Long.BYTES));
                if (nargs > 0) {
                    List<Value> args = new ArrayList<>(nargs);
                    for (int k = 0; k < nargs; k++) {
                        args.add(new Value.Num(MemoryView.u64(full, ARGS + k * Long.BYTES), Value.Radix.HEX));
                    }
                    arm.add(new Value.Field("args", new Value.Array(args, false)));
                }
                if (op == OP_SECCOMP && size >= SECCOMP_SIZE) {
                    arm.add(new Value.Field("ret_data", new Value.Num(RET_DATA.u(full), Value.Radix.UDEC)));
                }
                fs.add(new Value.Field(op == OP_ENTRY ? "entry" : "seccomp", new Value.Struct(arm, false)));
            } else if (op == OP_EXIT) {
                boolean whole = size >= EXIT_SIZE;
                long rval = RVAL.s(full);
                List<Value.Field> arm = new ArrayList<>(2);
                arm.add(new Value.Field("rval", whole && IS_ERROR.u(full) != 0 ? error(c, rval)
                        : new Value.Num(rval, Value.Radix.DEC)));
                if (whole) arm.add(new Value.Field("is_error", new Value.Num(IS_ERROR.u(full), Value.Radix.UDEC)));
                fs.add(new Value.Field("exit", new Value.Struct(arm, false)));
            }
        }
        return new Value.Struct(fs, false);
    }

    /** strace's print_err of a negative errno: {@code -ENOENT}, {@code -2 /* -ENOENT * /} under -X verbose. */
    private static Value error(CallContext c, long rval) {
        String name = rval < 0 && rval >= Integer.MIN_VALUE ? dev.jstrace.arch.gen.Errnos.name((int) -rval) : null;
        return name == null ? new Value.Num(rval, Value.Radix.DEC)
                : new Value.Sym(rval, Value.Radix.DEC, List.of("-" + name), 0, null);
    }

    private static Value auditArch(int value) {
        Arch a = Arch.fromAudit(value);
        return new Value.Sym(value & 0xffffffffL, Value.Radix.HEX, a == null ? List.of() : List.of(a.auditArchName()),
                0, "AUDIT_ARCH_???");
    }

    /** PRINT_FIELD_SYSCALL_NAME: {@code __NR_chdir}, {@code 80 /* __NR_chdir * /} under -X verbose. */
    private static Value syscallName(CallContext c, int auditArch, long nr) {
        Arch a = Arch.fromAudit(auditArch);
        String name = a != null && nr >= 0 && nr < a.tableSize() ? a.syscallName((int) nr) : null;
        return name == null ? new Value.Num(nr, Value.Radix.UDEC)
                : new Value.Sym(nr, Value.Radix.UDEC, List.of("__NR_" + name), 0, null);
    }
}
