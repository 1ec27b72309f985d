package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * setsockopt(2) as strace 6.1's SYS_FUNC(setsockopt) and print_setsockopt print it, read at entry:
 * SOL_SOCKET's SO_LINGER as {@code {l_onoff=N, l_linger=N}} (the address when shorter), its int-like
 * options and SOL_NETLINK's as {@code [N]} (the address when shorter than an int); any other option
 * {@code [N]} for 4 bytes, else the bytes as a string; the length as a signed int.
 */
final class SetsockoptFormat implements CallFormat {
    private static final int SOL_NETLINK = (int) HeaderValues.common("SOL_NETLINK");
    private static final int MAX_VALUE = 4096;
    static final int SO_ATTACH_FILTER = (int) HeaderValues.common("SO_ATTACH_FILTER"),
            SO_ATTACH_REUSEPORT_CBPF = (int) HeaderValues.common("SO_ATTACH_REUSEPORT_CBPF");

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        if (opt.capturesFdPaths()) mem.fdPath((int) args[0]);
        int len = (int) args[4];
        if (args[3] != 0 && len > 0) mem.bytes(args[3], Math.min(len, MAX_VALUE));
        if (attachesFilter((int) args[1], (int) args[2]) && len == SeccompFilter.SIZE) {
            SeccompFilter.capture(mem, args[3], opt);
        }
    }

    @Override
    public Decoded decode(CallContext c) {
        List<Value> out = new ArrayList<>(5);
        for (int i = 0; i < 3; i++) out.add(ArgDecoder.decode(c.sig, i, c));
        // strace's print_sockopt_fd_level_name: SOL_SOCKET names from sock_options, then setsock_options's own.
        if ((int) c.arg(1) == GetsockoptFormat.SOL_SOCKET) out.set(2, c.sym(Constants.SO_SET, c.arg(2) & 0xffffffffL));
        int level = (int) c.arg(1), name = (int) c.arg(2), len = (int) c.arg(4);
        long addr = c.arg(3);
        out.add(value(c, level, name, addr, len));
        out.add(new Value.Num(len, Value.Radix.DEC));
        return Decoded.atEntry(out);
    }

    private static final StructLayouts.Member L_ONOFF = StructLayouts.Member.of(StructLayouts.LINGER, "l_onoff"),
            L_LINGER = StructLayouts.Member.of(StructLayouts.LINGER, "l_linger");

    private static Value value(CallContext c, int level, int name, long addr, int len) {
        if (addr != 0 && level == GetsockoptFormat.SOL_SOCKET) {
            String opt = Constants.SO.name(name & 0xffffffffL);
            if ("SO_LINGER".equals(opt)) {
                int size = StructLayouts.size(StructLayouts.LINGER);
                byte[] b = len < size ? null : MemoryView.struct(c.in, addr, size);
                return b == null ? new Value.Ptr(addr) : new Value.Struct(List.of(
                        new Value.Field("l_onoff", new Value.Num(L_ONOFF.s(b), Value.Radix.DEC)),
                        new Value.Field("l_linger", new Value.Num(L_LINGER.s(b), Value.Radix.DEC))), false);
            }
            if ("SO_TXREHASH".equals(opt)) return len < 4 ? new Value.Ptr(addr) : GetsockoptFormat.txrehash(c, c.in, addr);
            if (attachesFilter(level, name)) {
                return len == SeccompFilter.SIZE ? SeccompFilter.socketFprog(c, addr) : new Value.Ptr(addr);
            }
            if (opt != null && GetsockoptFormat.INT_LIKE.contains(opt)) {
                return len < 4 ? new Value.Ptr(addr) : intAt(c, addr);
            }
        }
        if (addr != 0 && level == SOL_NETLINK) return len < 4 ? new Value.Ptr(addr) : intAt(c, addr);
        Value decoded = addr == 0 ? null : SockoptValues.set(c, level, name, addr, len);
        if (decoded != null) return decoded;
        return len == 4 ? intAt(c, addr) : c.buffer(c.in, addr, len, false);
    }

    /** SOL_SOCKET's SO_ATTACH_FILTER and SO_ATTACH_REUSEPORT_CBPF: a classic BPF program (struct sock_fprog). */
    static boolean attachesFilter(int level, int name) {
        return level == GetsockoptFormat.SOL_SOCKET && (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF);
    }

    private static Value intAt(CallContext c, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.in, addr, 4);
        return b == null ? new Value.Ptr(addr)
                : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
    }
}
