package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * struct sock_fprog as strace prints a seccomp filter program (prctl's PR_SET_SECCOMP,
 * seccomp's SECCOMP_SET_MODE_FILTER; src/bpf_filter.c, src/bpf_seccomp_filter.c):
 * {@code {len=N, filter=0x...}}, and under {@code -v} the instructions,
 * {@code BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0)}, {@code BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3, 0, 0x1)},
 * return values by their SECCOMP_RET_* action.
 */
final class SeccompFilter {
    /** sizeof(struct sock_fprog) ({@link CallStructLayouts#SOCK_FPROG}). */
    static final int SIZE = StructLayouts.size(CallStructLayouts.SOCK_FPROG);
    /** sizeof(struct sock_filter) ({@link CallStructLayouts#SOCK_FILTER}). */
    static final int INSN = StructLayouts.size(CallStructLayouts.SOCK_FILTER);
    static final int MAXINSNS = (int) HeaderValues.common("BPF_MAXINSNS");

    static final ConstTable CLASS = ConstTable.enumHex("BPF_???",
            "BPF_LD BPF_LDX BPF_ST BPF_STX BPF_ALU BPF_JMP BPF_RET BPF_MISC");
    private static final long BPF_LD = CLASS.parse("BPF_LD"), BPF_RET = CLASS.parse("BPF_RET");
    static final ConstTable SIZE_FIELD = ConstTable.enumHex("BPF_???", "BPF_W BPF_H BPF_B BPF_DW");
    static final ConstTable MODE = ConstTable.enumHex("BPF_???", "BPF_IMM BPF_ABS BPF_IND BPF_MEM BPF_LEN BPF_MSH");
    private static final long BPF_ABS = MODE.parse("BPF_ABS");
    static final ConstTable SRC = ConstTable.enumHex("BPF_???", "BPF_K BPF_X");
    static final ConstTable OP_ALU = ConstTable.enumHex("BPF_???", """
            BPF_ADD BPF_SUB BPF_MUL BPF_DIV BPF_OR BPF_AND BPF_LSH BPF_RSH BPF_NEG BPF_MOD BPF_XOR""");
    static final ConstTable OP_JMP = ConstTable.enumHex("BPF_???", "BPF_JA BPF_JEQ BPF_JGT BPF_JGE BPF_JSET");
    static final ConstTable RVAL = ConstTable.enumHex("BPF_???", "BPF_K BPF_X BPF_A");
    static final ConstTable MISCOP = ConstTable.enumHex("BPF_???", "BPF_TAX BPF_TXA");
    static final ConstTable RET_ACTION = ConstTable.enumHex("SECCOMP_RET_???", """
            SECCOMP_RET_KILL_PROCESS SECCOMP_RET_KILL_THREAD SECCOMP_RET_TRAP SECCOMP_RET_ERRNO
            SECCOMP_RET_USER_NOTIF SECCOMP_RET_TRACE SECCOMP_RET_LOG SECCOMP_RET_ALLOW""");
    private static final long RET_ACTION_FULL = HeaderValues.common("SECCOMP_RET_ACTION_FULL");
    /** linux/filter.h's special offsets of absolute loads, as the unsigned k strace compares them to. */
    private static final long SKF_AD_OFF = HeaderValues.common("SKF_AD_OFF") & 0xffffffffL,
            SKF_NET_OFF = HeaderValues.common("SKF_NET_OFF") & 0xffffffffL,
            SKF_LL_OFF = HeaderValues.common("SKF_LL_OFF") & 0xffffffffL;
    /** strace 6.1's skf_ad: the ancillary data offsets past SKF_AD_OFF. */
    static final ConstTable SKF_AD = ConstTable.enumHex("SKF_AD_???", NetlinkXlats.SKF_AD);

    private SeccompFilter() {}

    /** Copies the sock_fprog at {@code addr} and, under {@code -v}, the instructions it points to. */
    static void capture(TraceeMemory mem, long addr, DecodeOptions opt) {
        if (addr == 0) return;
        Snapshot.Region r = mem.bytes(addr, SIZE);
        if (!opt.verbose() || r == null || !r.readable() || r.data().length < SIZE) return;
        int len = (int) Math.min(CallStructLayouts.FPROG_LEN.u(r.data()), MAXINSNS + 1);
        long filter = CallStructLayouts.FPROG_FILTER.u(r.data());
        if (filter != 0 && len > 0) mem.bytes(filter, len * INSN);
    }

    /** {@code {len=1, filter=0x...}} (the instructions under {@code -v}), or the address when unreadable. */
    static Value decode(CallContext c, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.in, addr, SIZE);
        if (b == null) return new Value.Unreadable(addr);
        int len = (int) CallStructLayouts.FPROG_LEN.u(b);
        long filter = CallStructLayouts.FPROG_FILTER.u(b);
        Value program = c.opt.verbose() ? program(c, filter, len) : new Value.Ptr(filter);
        return new Value.Struct(List.of(new Value.Field("len", new Value.Num(len, Value.Radix.DEC)),
                new Value.Field("filter", program)), false);
    }

    private static Value program(CallContext c, long filter, int len) {
        if (filter == 0) return new Value.Ptr(0);
        if (len == 0) return new Value.Text("[]");
        Snapshot.Region r = c.in.find(filter, Snapshot.Kind.BYTES);
        byte[] b = r == null || !r.readable() ? new byte[0] : r.data();
        if (b.length < INSN) return new Value.Unreadable(filter);
        List<String> items = new ArrayList<>();
        int i = 0;
        for (; i < len && (i + 1) * INSN <= b.length; i++) {
            if (i >= MAXINSNS) break;
            items.add(instruction(c, b, i * INSN));
        }
        String tail = "";
        if (i < len) tail = i >= MAXINSNS ? ", ..." : ", ... /* 0x" + Long.toHexString(filter + (long) i * INSN) + " */";
        return new Value.Text("[" + String.join(", ", items) + tail + "]");
    }

    private static String instruction(CallContext c, byte[] b, int off) {
        int code = (int) CallStructLayouts.BPF_CODE.u(b, off);
        int jt = (int) CallStructLayouts.BPF_JT.u(b, off), jf = (int) CallStructLayouts.BPF_JF.u(b, off);
        long k = CallStructLayouts.BPF_K.u(b, off);
        if (jt != 0 || jf != 0) {
            return "BPF_JUMP(" + code(c, code) + ", " + hex(k) + ", " + hex(jt) + ", " + hex(jf) + ")";
        }
        String kText = (code & 7) == BPF_RET ? retK(c, k) : hex(k);
        return "BPF_STMT(" + code(c, code) + ", " + kText + ")";
    }

    /**
     * One instruction of a socket filter (strace's print_sock_filter_k): like a seccomp one, but an absolute
     * load past SKF_AD_OFF names its ancillary field ({@code SKF_AD_OFF+SKF_AD_PKTTYPE}) and BPF_RET's k is a
     * number.
     */
    static String socketInstruction(CallContext c, byte[] b, int off, ConstTable ancillary) {
        int code = (int) CallStructLayouts.BPF_CODE.u(b, off);
        int jt = (int) CallStructLayouts.BPF_JT.u(b, off), jf = (int) CallStructLayouts.BPF_JF.u(b, off);
        long k = CallStructLayouts.BPF_K.u(b, off);
        if (jt != 0 || jf != 0) {
            return "BPF_JUMP(" + code(c, code) + ", " + hex(k) + ", " + hex(jt) + ", " + hex(jf) + ")";
        }
        String kText = hex(k);
        if ((code & 7) == BPF_LD && (code & 0xe0) == BPF_ABS) {
            if (k >= SKF_AD_OFF) {
                kText = xlat32(c, SKF_AD_OFF, "SKF_AD_OFF") + "+" + c.text(ancillary.sym(k - SKF_AD_OFF));
            } else if (k >= SKF_NET_OFF) {
                kText = xlat32(c, SKF_NET_OFF, "SKF_NET_OFF") + "+" + (k - SKF_NET_OFF);
            } else if (k >= SKF_LL_OFF) {
                kText = xlat32(c, SKF_LL_OFF, "SKF_LL_OFF") + "+" + (k - SKF_LL_OFF);
            }
        }
        return "BPF_STMT(" + code(c, code) + ", " + kText + ")";
    }

    /** print_xlat32: the name, the number under raw, both under verbose. */
    private static String xlat32(CallContext c, long v, String name) {
        return switch (c.opt.xlat()) {
            case RAW -> hex(v);
            case ABBREV -> name;
            case VERBOSE -> hex(v) + " /* " + name + " */";
        };
    }

    /**
     * print_sock_fprog's instructions (a socket filter, under {@code -v}; else the address), read from
     * {@code mem}: at most BPF_MAXINSNS, the address of the first one that cannot be read.
     */
    static Value socketProgram(CallContext c, Snapshot mem, long filter, int len) {
        if (!c.opt.verbose()) return new Value.Ptr(filter);
        if (filter == 0) return new Value.Ptr(0);
        if (len == 0) return new Value.Text("[]");
        Snapshot.Region r = mem.find(filter, Snapshot.Kind.BYTES);
        byte[] b = r == null || !r.readable() ? new byte[0] : r.data();
        if (b.length < INSN) return new Value.Unreadable(filter);
        List<String> items = new ArrayList<>();
        int i = 0;
        for (; i < len && (i + 1) * INSN <= b.length && i < MAXINSNS; i++) {
            items.add(socketInstruction(c, b, i * INSN, SKF_AD));
        }
        String tail = "";
        if (i < len) tail = i >= MAXINSNS ? ", ..." : ", ... /* 0x" + Long.toHexString(filter + (long) i * INSN) + " */";
        return new Value.Text("[" + String.join(", ", items) + tail + "]");
    }

    /** decode_sock_fprog: {@code {len=N, filter=[...]}} (setsockopt's SO_ATTACH_FILTER), read at entry. */
    static Value socketFprog(CallContext c, long addr) {
        byte[] b = MemoryView.struct(c.in, addr, SIZE);
        if (b == null) return new Value.Ptr(addr);
        int len = (int) CallStructLayouts.FPROG_LEN.u(b);
        return new Value.Struct(List.of(new Value.Field("len", new Value.Num(len, Value.Radix.UDEC)),
                new Value.Field("filter", socketProgram(c, c.in, CallStructLayouts.FPROG_FILTER.u(b), len))), false);
    }

    private static String retK(CallContext c, long k) {
        long action = k & RET_ACTION_FULL, data = k & ~action;
        return c.text(RET_ACTION.sym(action)) + (data != 0 ? "|" + hex(data) : "");
    }

    /** strace's print_bpf_filter_code for classic BPF. */
    private static String code(CallContext c, int code) {
        // linux/bpf_common.h's BPF_CLASS(code): the low three bits; the class by its header name.
        int cls = code & 7;
        int i = code & ~7;
        StringBuilder sb = new StringBuilder(c.text(CLASS.sym(cls)));
        String name = CLASS.name(cls);
        switch (name == null ? "" : name) {
            case "BPF_ST", "BPF_STX" -> {
                if (i != 0) sb.append('|').append(hex(i)).append(" /* BPF_??? */");
            }
            case "BPF_LD", "BPF_LDX" -> sb.append('|').append(c.text(SIZE_FIELD.sym(code & 0x18))).append('|')
                    .append(c.text(MODE.sym(code & 0xe0)));
            case "BPF_MISC" -> {
                sb.append('|').append(c.text(MISCOP.sym(code & 0xf8)));
                int rest = i & ~0xf8;
                if (rest != 0) sb.append('|').append(hex(rest)).append(" /* BPF_??? */");
            }
            case "BPF_ALU" -> sb.append('|').append(c.text(SRC.sym(code & 8))).append('|').append(c.text(OP_ALU.sym(code & 0xf0)));
            case "BPF_JMP" -> sb.append('|').append(c.text(SRC.sym(code & 8))).append('|').append(c.text(OP_JMP.sym(code & 0xf0)));
            case "BPF_RET" -> {
                sb.append('|').append(c.text(RVAL.sym(code & 0x18)));
                int rest = i & ~0x18;
                if (rest != 0) sb.append('|').append(hex(rest)).append(" /* BPF_??? */");
            }
            default -> { }
        }
        return sb.toString();
    }

    private static String hex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }
}
