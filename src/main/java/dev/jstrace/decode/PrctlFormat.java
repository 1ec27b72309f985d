package dev.jstrace.decode;

import static dev.jstrace.decode.PrctlTables.*;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * prctl(2) as strace 6.1 prints it (src/prctl.c): the option, then only the arguments
 * that option uses, each by its own rule; the getters print their pointer argument at
 * exit ({@code [SIGKILL]}, {@code "name"}) or decorate the result ({@code = 0x3
 * (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED)}); an option strace does not decode prints its
 * four remaining arguments in hex.
 */
final class PrctlFormat implements CallFormat {
    static final int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4,
            PR_GET_UNALIGN = 5, PR_SET_UNALIGN = 6, PR_GET_KEEPCAPS = 7, PR_SET_KEEPCAPS = 8, PR_GET_FPEMU = 9,
            PR_SET_FPEMU = 10, PR_GET_FPEXC = 11, PR_SET_FPEXC = 12, PR_GET_TIMING = 13, PR_SET_TIMING = 14,
            PR_SET_NAME = 15, PR_GET_NAME = 16, PR_GET_ENDIAN = 19, PR_SET_ENDIAN = 20, PR_GET_SECCOMP = 21,
            PR_SET_SECCOMP = 22, PR_CAPBSET_READ = 23, PR_CAPBSET_DROP = 24, PR_GET_TSC = 25, PR_SET_TSC = 26,
            PR_GET_SECUREBITS = 27, PR_SET_SECUREBITS = 28, PR_SET_TIMERSLACK = 29, PR_GET_TIMERSLACK = 30,
            PR_TASK_PERF_EVENTS_DISABLE = 31, PR_TASK_PERF_EVENTS_ENABLE = 32, PR_MCE_KILL = 33,
            PR_MCE_KILL_GET = 34, PR_SET_MM = 35, PR_SET_CHILD_SUBREAPER = 36, PR_GET_CHILD_SUBREAPER = 37,
            PR_SET_NO_NEW_PRIVS = 38, PR_GET_TID_ADDRESS = 40, PR_SET_THP_DISABLE = 41, PR_SET_FP_MODE = 45,
            PR_GET_FP_MODE = 46, PR_CAP_AMBIENT = 47, PR_SVE_SET_VL = 50, PR_SVE_GET_VL = 51,
            PR_GET_SPECULATION_CTRL = 52, PR_SET_SPECULATION_CTRL = 53, PR_PAC_RESET_KEYS = 54,
            PR_SET_TAGGED_ADDR_CTRL = 55, PR_GET_TAGGED_ADDR_CTRL = 56, PR_SET_IO_FLUSHER = 57,
            PR_SET_SYSCALL_USER_DISPATCH = 59, PR_PAC_SET_ENABLED_KEYS = 60, PR_PAC_GET_ENABLED_KEYS = 61,
            PR_SCHED_CORE = 62, PR_SME_SET_VL = 63, PR_SME_GET_VL = 64, PR_SET_VMA = 0x53564d41,
            PR_SET_PTRACER = 0x59616d61;
    static final int TASK_COMM_LEN = 16;
    private static final long VL_LEN_MASK = 0xffff;

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        int option = (int) args[0];
        // strace reads TASK_COMM_LEN - 1 bytes of the new name: a fault after them does not matter.
        if (option == PR_SET_NAME && args[1] != 0) mem.string(args[1], TASK_COMM_LEN - 1);
        if (option == PR_SET_VMA && args[1] == 0 && args[4] != 0) mem.string(args[4], opt.stringLimit() + 1);
        if (option == PR_SET_SECCOMP && args[1] == 2) SeccompFilter.capture(mem, args[2], opt);
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        long a2 = args[1];
        switch ((int) args[0]) {
            case PR_GET_NAME -> {
                if (a2 != 0) mem.string(a2, TASK_COMM_LEN);
            }
            case PR_GET_CHILD_SUBREAPER, PR_GET_ENDIAN, PR_GET_FPEMU, PR_GET_FPEXC, PR_GET_PDEATHSIG, PR_GET_TSC,
                 PR_GET_UNALIGN -> {
                if (a2 != 0) mem.bytes(a2, 4);
            }
            case PR_GET_TID_ADDRESS -> {
                if (a2 != 0) mem.bytes(a2, 8);
            }
            case PR_SCHED_CORE -> {
                if ((int) a2 == 0 && args[4] != 0) mem.bytes(args[4], 8);
            }
            default -> { }
        }
    }

    @Override
    public Decoded decode(CallContext c) {
        int option = (int) c.arg(0);
        long a2 = c.arg(1), a3 = c.arg(2), a4 = c.arg(3), a5 = c.arg(4);
        List<Value> out = new ArrayList<>(5);
        out.add(OPTIONS.sym(option & 0xffffffffL));
        boolean ok = c.succeeded();
        DecodeOptions.Xlat x = c.opt.xlat();
        switch (option) {
            case PR_GET_KEEPCAPS, PR_GET_SECCOMP, PR_GET_TIMERSLACK, PR_GET_TIMING, PR_TASK_PERF_EVENTS_DISABLE,
                 PR_TASK_PERF_EVENTS_ENABLE -> {
                return Decoded.atEntry(out);
            }
            case PR_GET_CHILD_SUBREAPER, PR_GET_ENDIAN, PR_GET_FPEMU, PR_GET_FPEXC -> {
                return exitArg(out, ok ? intAt(c, a2, false) : new Value.Ptr(a2));
            }
            case PR_GET_DUMPABLE -> {
                return new Decoded(out, 1, ok ? named(c.rval, DUMPABLE.name(c.rval)) : null);
            }
            case PR_GET_NAME -> {
                return exitArg(out, ok ? commName(c.out, a2, TASK_COMM_LEN) : new Value.Ptr(a2));
            }
            case PR_GET_PDEATHSIG -> {
                Value v = ok ? intAt(c, a2, false) : new Value.Ptr(a2);
                if (v instanceof Value.Array arr && arr.items().getFirst() instanceof Value.Num n) {
                    v = new Value.Array(List.of(ArgDecoder.signal(c, (int) n.value())), false);
                }
                return exitArg(out, v);
            }
            case PR_GET_TSC, PR_GET_UNALIGN -> {
                Value v = ok ? intAt(c, a2, false) : new Value.Ptr(a2);
                if (v instanceof Value.Array arr && arr.items().getFirst() instanceof Value.Num n) {
                    ConstTable t = option == PR_GET_TSC ? TSC : UNALIGN;
                    v = new Value.Array(List.of(t.sym(n.value() & 0xffffffffL)), false);
                }
                return exitArg(out, v);
            }
            case PR_GET_SECUREBITS -> {
                return new Decoded(out, 1, ok && c.rval != 0 ? hexFlags(c.rval, SECBITS, x) : null);
            }
            case PR_GET_FP_MODE -> {
                return new Decoded(out, 1, ok && c.rval != 0 ? hexFlags(c.rval, FP_MODE, x) : null);
            }
            case PR_GET_TID_ADDRESS -> {
                Value v = new Value.Ptr(a2);
                byte[] b = ok ? MemoryView.struct(c.out, a2, 8) : null;
                if (ok && a2 != 0 && b != null) v = new Value.Array(List.of(new Value.Ptr(MemoryView.u64(b, 0))), false);
                return exitArg(out, v);
            }
            case PR_SVE_SET_VL, PR_SME_SET_VL -> {
                boolean sve = option == PR_SVE_SET_VL;
                out.add(new Value.Text(vectorLength(a2, sve, false, x)));
                return new Decoded(out, 2, ok && c.rval != 0 ? vlResult(c.rval, sve, x) : null);
            }
            case PR_SVE_GET_VL, PR_SME_GET_VL -> {
                return new Decoded(out, 1, ok && c.rval != 0 ? vlResult(c.rval, option == PR_SVE_GET_VL, x) : null);
            }
            case PR_GET_SPECULATION_CTRL -> {
                out.add(SPEC_CMDS.sym(a2));
                String r = null;
                if (ok && a2 >= 0 && a2 <= 2) r = hexFlags(c.rval, SPEC_GET_FLAGS, x);
                return new Decoded(out, 2, r);
            }
            case PR_SET_TAGGED_ADDR_CTRL -> {
                out.add(new Value.Text(taggedAddr(a2, false, x)));
                hexFrom(out, c, 2);
            }
            case PR_GET_TAGGED_ADDR_CTRL -> {
                hexFrom(out, c, 1);
                return new Decoded(out, out.size(), ok ? auxHex(c.rval, taggedAddr(c.rval, true, x)) : null);
            }
            case PR_SET_CHILD_SUBREAPER, PR_SET_ENDIAN, PR_SET_FPEMU, PR_SET_FPEXC, PR_SET_KEEPCAPS, PR_SET_TIMING ->
                    out.add(new Value.Num(a2, Value.Radix.UDEC));
            case PR_SET_DUMPABLE -> out.add(DUMPABLE.sym(a2));
            case PR_CAPBSET_DROP, PR_CAPBSET_READ -> out.add(CAP.sym(a2));
            case PR_CAP_AMBIENT -> {
                out.add(CAP_AMBIENT.sym(a2));
                if (a2 >= 1 && a2 <= 3) {
                    out.add(CAP.sym(a3));
                    hexFrom(out, c, 3);
                } else {
                    hexFrom(out, c, 2);
                }
            }
            case PR_MCE_KILL -> {
                out.add(MCE_KILL.sym(a2));
                out.add(a2 == 1 ? MCE_KILL_POLICY.sym(a3) : hex(a3));
                hexFrom(out, c, 3);
            }
            case PR_SET_NAME -> out.add(setName(c, a2));
            case PR_SET_VMA -> {
                out.add(SET_VMA.sym(a2));
                if (a2 == 0) {
                    out.add(new Value.Ptr(a3));
                    out.add(new Value.Num(a4, Value.Radix.UDEC));
                    out.add(c.string(c.in, a5, false));
                } else {
                    hexFrom(out, c, 2);
                }
            }
            case PR_SET_MM -> {
                out.add(SET_MM.sym(a2 & 0xffffffffL));
                hexFrom(out, c, 2);
            }
            case PR_SET_PDEATHSIG -> out.add(Long.compareUnsigned(a2, 128) > 0 ? new Value.Num(a2, Value.Radix.UDEC)
                    : ArgDecoder.signal(c, (int) a2));
            case PR_SET_PTRACER -> out.add((int) a2 == -1
                    ? new Value.Sym(-1, Value.Radix.DEC, List.of("PR_SET_PTRACER_ANY"), 0, null)
                    : c.pid((int) a2, PidNamespaces.Kind.TGID));
            case PR_SET_SECCOMP -> {
                out.add(SECCOMP_MODE.sym(a2));
                if (a2 == 2) out.add(SeccompFilter.decode(c, a3));
                else if (a2 != 1) hexFrom(out, c, 2);
            }
            case PR_SET_SECUREBITS -> out.add(SECBITS.sym(a2));
            case PR_SET_TIMERSLACK -> out.add(new Value.Num(a2, Value.Radix.DEC));
            case PR_SET_TSC -> out.add(TSC.sym(a2 & 0xffffffffL));
            case PR_SET_UNALIGN -> out.add(UNALIGN.sym(a2 & 0xffffffffL));
            case PR_SET_NO_NEW_PRIVS, PR_SET_THP_DISABLE, PR_SET_IO_FLUSHER -> {
                out.add(new Value.Num(a2, Value.Radix.UDEC));
                hexFrom(out, c, 2);
            }
            case PR_MCE_KILL_GET -> {
                hexFrom(out, c, 1);
                return new Decoded(out, out.size(), ok ? named(c.rval, MCE_KILL_POLICY.name(c.rval)) : null);
            }
            case PR_SET_FP_MODE -> out.add(FP_MODE.sym(a2 & 0xffffffffL));
            case PR_SET_SPECULATION_CTRL -> {
                out.add(SPEC_CMDS.sym(a2));
                out.add(a2 >= 0 && a2 <= 2 ? SPEC_SET_FLAGS.sym(a3) : hex(a3));
            }
            case PR_PAC_RESET_KEYS -> {
                out.add(PAC_ALL_KEYS.sym(a2));
                hexFrom(out, c, 2);
            }
            case PR_PAC_SET_ENABLED_KEYS -> {
                out.add(PAC_ENABLED_KEYS.sym(a2));
                out.add(PAC_ENABLED_KEYS.sym(a3));
                hexFrom(out, c, 3);
            }
            case PR_PAC_GET_ENABLED_KEYS -> {
                hexFrom(out, c, 1);
                return new Decoded(out, out.size(), ok ? hexFlags(c.rval, PAC_ENABLED_KEYS, x) : null);
            }
            case PR_SET_SYSCALL_USER_DISPATCH -> {
                out.add(SUD_CMDS.sym(a2));
                out.add(hex(a3));
                out.add(hex(a4));
                out.add(new Value.Ptr(a5));
            }
            case PR_SCHED_CORE -> {
                return schedCore(c, out);
            }
            default -> hexFrom(out, c, 1);
        }
        return Decoded.atEntry(out);
    }

    private static Decoded schedCore(CallContext c, List<Value> out) {
        long cmd = c.arg(1) & 0xffffffffL;
        out.add(SCHED_CORE_CMDS.sym(cmd));
        long type = c.arg(3) & 0xffffffffL;
        // strace's printpid with the kind the pid type names (PIDTYPE_PID is a thread); none for others.
        PidNamespaces.Kind kind = switch (String.valueOf(SCHED_CORE_PIDTYPES.name(type))) {
            case "PIDTYPE_PID" -> PidNamespaces.Kind.TID;
            case "PIDTYPE_TGID" -> PidNamespaces.Kind.TGID;
            case "PIDTYPE_PGID" -> PidNamespaces.Kind.PGID;
            case "PIDTYPE_SID" -> PidNamespaces.Kind.SID;
            default -> null;
        };
        out.add(c.pid((int) c.arg(2), kind));
        Value.Sym t = SCHED_CORE_PIDTYPES.sym(type);
        // strace prints the pid type as -X verbose does unless -X raw: 0 /* PIDTYPE_PID */.
        out.add(c.opt.xlat() == DecodeOptions.Xlat.RAW ? t
                : new Value.Text(c.text(new Value.Num(type, Value.Radix.HEX)) + (t.names().isEmpty()
                        ? " /* PIDTYPE_??? */" : " /* " + t.names().getFirst() + " */")));
        long a5 = c.arg(4);
        if (cmd != 0) {
            out.add(new Value.Ptr(a5));
            return Decoded.atEntry(out);
        }
        byte[] b = c.succeeded() ? MemoryView.struct(c.out, a5, 8) : null;
        out.add(b == null ? new Value.Ptr(a5)
                : new Value.Array(List.of(new Value.Num(MemoryView.u64(b, 0), Value.Radix.HEX)), false));
        return new Decoded(out, out.size() - 1, null);
    }

    private static Decoded exitArg(List<Value> out, Value v) {
        out.add(v);
        return new Decoded(out, out.size() - 1, null);
    }

    private static Value hex(long v) {
        return new Value.Num(v, Value.Radix.HEX);
    }

    /** strace's print_prctl_args: the arguments from {@code first} on in hex. */
    private static void hexFrom(List<Value> out, CallContext c, int first) {
        for (int i = first; i < 5; i++) out.add(hex(c.arg(i)));
    }

    /** An int the kernel wrote, {@code [N]} (unsigned as strace's {@code %u}), or the address. */
    private static Value intAt(CallContext c, long addr, boolean signed) {
        if (addr == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.out, addr, 4);
        if (b == null) return new Value.Unreadable(addr);
        long v = signed ? MemoryView.s32(b, 0) : MemoryView.u32(b, 0);
        return new Value.Array(List.of(new Value.Num(v, Value.Radix.DEC)), false);
    }

    /** PR_SET_NAME's name: strace reads TASK_COMM_LEN - 1 bytes and adds "..." when no NUL is among them. */
    private static Value setName(CallContext c, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        Snapshot.Region r = c.in.find(addr, Snapshot.Kind.STRING);
        if (r == null || !r.readable()) return new Value.Unreadable(addr);
        byte[] d = r.data();
        int max = TASK_COMM_LEN - 1;
        if (d.length >= max) return Value.Str.whole(java.util.Arrays.copyOf(d, max), true);
        // A string that ran into unreadable memory before its NUL: strace prints the address.
        if (!r.complete()) return new Value.Unreadable(addr);
        return Value.Str.whole(d, false);
    }

    /** PR_GET_NAME's buffer at exit, up to TASK_COMM_LEN bytes and its NUL. */
    private static Value commName(Snapshot mem, long addr, int max) {
        if (addr == 0) return new Value.Ptr(0);
        Snapshot.Region r = mem.find(addr, Snapshot.Kind.STRING);
        if (r == null || !r.readable()) return new Value.Unreadable(addr);
        byte[] d = r.data();
        if (d.length >= max) return Value.Str.whole(java.util.Arrays.copyOf(d, max), true);
        return Value.Str.whole(d, !r.complete());
    }

    /** {@code N (NAME)} for an xlookup result strace adds whatever {@code -X} says, {@code N} when none applies. */
    private static String named(long rval, String name) {
        return name == null ? Long.toString(rval) : rval + " (" + name + ")";
    }

    /** {@code 0x3 (A|B)}: strace's RVAL_HEX with sprintflags' auxstr mode (no name under {@code -X raw}). */
    static String hexFlags(long rval, ConstTable t, DecodeOptions.Xlat x) {
        return auxHex(rval, x == DecodeOptions.Xlat.RAW ? null : auxFlags(t, rval));
    }

    private static String auxHex(long rval, String aux) {
        String v = rval == 0 ? "0" : "0x" + Long.toHexString(rval);
        return aux == null ? v : v + " (" + aux + ")";
    }

    /** sprintflags_ex in SPFF_AUXSTR_MODE: the names and leftover bits; null when no name applies. */
    private static String auxFlags(ConstTable t, long v) {
        Value.Sym s = t.sym(v);
        if (s.names().isEmpty()) return null;
        return String.join("|", s.names()) + (s.rest() != 0 ? "|0x" + Long.toHexString(s.rest()) : "");
    }

    /** strace's sprint_sve_val / sprint_sme_val: {@code PR_SVE_VL_INHERIT|0x10}. */
    private static String vectorLength(long arg, boolean sve, boolean aux, DecodeOptions.Xlat x) {
        if (x == DecodeOptions.Xlat.RAW) return aux ? null : hexText(arg);
        long vl = arg & VL_LEN_MASK;
        long flags = arg & ~VL_LEN_MASK;
        if (flags == 0 && aux) return null;
        String f = flags == 0 ? null : auxFlagsAbbrev(sve ? SVE_VL_FLAGS : SME_VL_FLAGS, flags);
        String body = (f == null ? "" : f + "|") + hexText(vl);
        if (!aux && flags != 0 && x == DecodeOptions.Xlat.VERBOSE) return hexText(arg) + " /* " + body + " */";
        return body;
    }

    private static String vlResult(long rval, boolean sve, DecodeOptions.Xlat x) {
        return auxHex(rval, vectorLength(rval, sve, true, x));
    }

    /** sprintflags_ex(..., XLAT_STYLE_ABBREV) without the auxstr rule: unknown bits print as a number. */
    private static String auxFlagsAbbrev(ConstTable t, long v) {
        Value.Sym s = t.sym(v);
        if (s.names().isEmpty()) return hexText(v);
        return String.join("|", s.names()) + (s.rest() != 0 ? "|0x" + Long.toHexString(s.rest()) : "");
    }

    private static String hexText(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    /** strace's sprint_tagged_addr_val: {@code PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0x1<<PR_MTE_TAG_SHIFT}. */
    private static String taggedAddr(long arg, boolean rval, DecodeOptions.Xlat x) {
        StringBuilder sb = new StringBuilder();
        if (!rval && x != DecodeOptions.Xlat.ABBREV) sb.append(hexText(arg));
        if (x == DecodeOptions.Xlat.RAW) return rval ? null : sb.toString();
        if (!rval && x == DecodeOptions.Xlat.VERBOSE) sb.append(" /* ");
        long enabled = arg & 1, tcf = arg & 6, tag = arg & 0x7fff8L, rest = arg & ~(1L | 6 | 0x7fff8L);
        sb.append(TAGGED_ADDR_ENABLE.name(enabled)).append('|');
        String t = MTE_TCF.name(tcf);
        sb.append(t != null ? t : hexText(tcf));
        if (tag != 0) sb.append('|').append(hexText(tag >>> 3)).append("<<PR_MTE_TAG_SHIFT");
        if (rest != 0) sb.append('|').append(hexText(rest));
        if (!rval && x == DecodeOptions.Xlat.VERBOSE) sb.append(" */");
        return sb.toString();
    }
}
