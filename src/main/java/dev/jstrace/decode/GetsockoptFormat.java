package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Errnos;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * getsockopt(2) as strace 6.1's SYS_FUNC(getsockopt) and print_getsockopt print it: the length
 * read at entry and at exit ({@code [4]}, {@code [5 => 4]}, {@code [4]} alone after an error), and
 * the value by the length the kernel returned: SOL_SOCKET's SO_LINGER and SO_PEERCRED as structs
 * cut at that length (a cut field as hex bytes), SO_ERROR by errno name, the int-like options as
 * {@code [N]}, anything shorter than an int as hex bytes; other options {@code [N]} for 4 bytes,
 * else the bytes as a string.
 */
final class GetsockoptFormat implements CallFormat {
    static final int SOL_SOCKET = (int) HeaderValues.common("SOL_SOCKET");
    /** SO_TXREHASH's values (strace 6.1's sockopt_txrehash_vals, printxval_d). */
    static final ConstTable TXREHASH = ConstTable.enumDec("SOCK_TXREHASH_???",
            "SOCK_TXREHASH_DISABLED SOCK_TXREHASH_ENABLED SOCK_TXREHASH_DEFAULT");
    private static final int MAX_VALUE = 4096;
    /** strace 6.1's "All known int-like options" of SOL_SOCKET. */
    static final Set<String> INT_LIKE = Set.of("SO_DEBUG", "SO_REUSEADDR", "SO_DONTROUTE", "SO_BROADCAST",
            "SO_SNDBUF", "SO_RCVBUF", "SO_KEEPALIVE", "SO_OOBINLINE", "SO_NO_CHECK", "SO_PRIORITY", "SO_BSDCOMPAT",
            "SO_REUSEPORT", "SO_PASSCRED", "SO_RCVLOWAT", "SO_SNDLOWAT", "SO_DETACH_FILTER", "SO_TIMESTAMP_OLD",
            "SO_TIMESTAMP", "SO_ACCEPTCONN", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE", "SO_PASSSEC", "SO_TIMESTAMPNS_OLD",
            "SO_TIMESTAMPNS", "SO_MARK", "SO_TIMESTAMPING_OLD", "SO_TIMESTAMPING", "SO_RXQ_OVFL", "SO_WIFI_STATUS",
            "SO_PEEK_OFF", "SO_NOFCS", "SO_LOCK_FILTER", "SO_SELECT_ERR_QUEUE", "SO_BUSY_POLL", "SO_INCOMING_CPU",
            "SO_CNX_ADVICE", "SO_INCOMING_NAPI_ID", "SO_ZEROCOPY", "SO_TIMESTAMP_NEW", "SO_TIMESTAMPNS_NEW",
            "SO_TIMESTAMPING_NEW", "SO_DETACH_REUSEPORT_BPF", "SO_PREFER_BUSY_POLL", "SO_BUSY_POLL_BUDGET",
            "SO_RESERVE_MEM", "SO_RCVMARK");

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        if (opt.capturesFdPaths()) mem.fdPath((int) args[0]);
        if (args[4] != 0) mem.bytes(args[4], 4);
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (args[4] == 0) return;
        Snapshot.Region len = mem.bytes(args[4], 4);
        if (len == null || !len.readable() || len.data().length < 4 || args[3] == 0) return;
        int rlen = MemoryView.s32(len.data(), 0);
        // SO_GET_FILTER (SO_ATTACH_FILTER's value) returns the number of instructions, not bytes.
        boolean filter = (int) args[1] == SOL_SOCKET && (int) args[2] == SetsockoptFormat.SO_ATTACH_FILTER;
        if (rlen > 0) mem.bytes(args[3], filter ? Math.min(rlen, 0xffff) * SeccompFilter.INSN : Math.min(rlen, MAX_VALUE));
    }

    @Override
    public Decoded decode(CallContext c) {
        List<Value> out = new ArrayList<>(5);
        for (int i = 0; i < 3; i++) out.add(ArgDecoder.decode(c.sig, i, c));
        // strace's print_sockopt_fd_level_name: SOL_SOCKET names from sock_options, then getsock_options's own.
        if ((int) c.arg(1) == SOL_SOCKET) out.set(2, c.sym(Constants.SO_GET, c.arg(2) & 0xffffffffL));
        long val = c.arg(3), lenAddr = c.arg(4);
        byte[] u = lenAddr == 0 ? null : MemoryView.struct(c.in, lenAddr, 4);
        if (u == null) {
            out.add(new Value.Ptr(val));
            out.add(new Value.Ptr(lenAddr));
            return Decoded.atEntry(out);
        }
        int ulen = MemoryView.s32(u, 0);
        byte[] r = c.succeeded() ? MemoryView.struct(c.out, lenAddr, 4) : null;
        if (r == null) {
            out.add(new Value.Ptr(val));
            out.add(new Value.Text("[" + ulen + "]"));
        } else {
            int rlen = MemoryView.s32(r, 0);
            out.add(value(c, (int) c.arg(1), (int) c.arg(2), val, ulen, rlen));
            out.add(new Value.Text(ulen != rlen ? "[" + ulen + " => " + rlen + "]" : "[" + rlen + "]"));
        }
        return new Decoded(out, 3, null);
    }

    private static Value value(CallContext c, int level, int name, long addr, int ulen, int rlen) {
        if (ulen <= 0 || rlen <= 0) return new Value.Ptr(addr);
        if (addr != 0 && level == SOL_SOCKET) {
            String opt = Constants.SO.name(name & 0xffffffffL);
            if ("SO_LINGER".equals(opt)) return fields(c, addr, rlen, StructLayouts.LINGER);
            if ("SO_PEERCRED".equals(opt)) return fields(c, addr, rlen, StructLayouts.UCRED);
            if ("SO_ERROR".equals(opt)) {
                if (rlen < 4) return hexBytes(c, addr, rlen);
                byte[] b = MemoryView.struct(c.out, addr, 4);
                return b == null ? new Value.Ptr(addr) : new Value.Array(List.of(errno(c, MemoryView.s32(b, 0))), false);
            }
            if (opt != null && INT_LIKE.contains(opt)) return rlen >= 4 ? intAt(c, addr) : hexBytes(c, addr, rlen);
            if ("SO_TXREHASH".equals(opt)) return rlen < 4 ? hexBytes(c, addr, rlen) : txrehash(c, c.out, addr);
            if (name == SetsockoptFormat.SO_ATTACH_FILTER) {
                // print_sock_fprog: the length the kernel returns is sock_fprog.len, an unsigned short.
                return (rlen & 0xffff) == rlen ? SeccompFilter.socketProgram(c, c.out, addr, rlen) : new Value.Ptr(addr);
            }
        }
        Value decoded = addr == 0 ? null : SockoptValues.get(c, level, name, addr, rlen);
        if (decoded != null) return decoded;
        return rlen == 4 ? intAt(c, addr) : c.buffer(c.out, addr, rlen, false);
    }

    /** print_txrehash: {@code [SOCK_TXREHASH_ENABLED]}. */
    static Value txrehash(CallContext c, dev.jstrace.proc.Snapshot mem, long addr) {
        byte[] b = MemoryView.struct(mem, addr, 4);
        return b == null ? new Value.Ptr(addr)
                : new Value.Array(List.of(c.sym(TXREHASH, MemoryView.s32(b, 0))), false);
    }

    private static Value intAt(CallContext c, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(c.out, addr, 4);
        return b == null ? new Value.Ptr(addr)
                : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
    }

    private static Value hexBytes(CallContext c, long addr, int len) {
        byte[] b = MemoryView.struct(c.out, addr, len);
        return b == null ? new Value.Ptr(addr) : new Value.Str(b, len, false, Value.Str.Kind.HEX);
    }

    /** print_err(err, false): the errno's name ({@code N /* NAME * /} verbose, N raw), else the number. */
    private static Value errno(CallContext c, int err) {
        String n = Errnos.name(err);
        Value v = new Value.Num(err & 0xffffffffL, Value.Radix.DEC);
        if (n == null) return v;
        return switch (c.opt.xlat()) {
            case RAW -> v;
            case ABBREV -> new Value.Text(n);
            case VERBOSE -> new Value.Commented(v, n);
        };
    }

    /**
     * MAYBE_PRINT_FIELD_LEN over int fields: each field the length covers whole, the one it cuts as
     * hex bytes, none past it. SO_PEERCRED's pid is a process id, its uid and gid ids.
     */
    private static Value fields(CallContext c, long addr, int rlen, java.lang.foreign.StructLayout l) {
        int len = Math.min(rlen, StructLayouts.size(l));
        byte[] b = MemoryView.struct(c.out, addr, len);
        if (b == null) return new Value.Ptr(addr);
        List<String> names = new ArrayList<>();
        for (var m : l.memberLayouts()) m.name().ifPresent(names::add);
        List<Value.Field> fs = new ArrayList<>(names.size());
        for (String n : names) {
            StructLayouts.Member m = StructLayouts.Member.of(l, n);
            if (m.offset() >= len) break;
            Value v;
            if (m.end() > len) {
                byte[] part = java.util.Arrays.copyOfRange(b, m.offset(), len);
                v = new Value.Str(part, part.length, false, Value.Str.Kind.HEX);
            } else {
                int x = (int) m.s(b);
                v = n.equals("pid") ? c.pid(x, PidNamespaces.Kind.TGID)
                        : n.equals("uid") || n.equals("gid") ? new Value.Num(x == -1 ? -1 : x & 0xffffffffL, Value.Radix.DEC)
                        : new Value.Num(x, Value.Radix.DEC);
            }
            fs.add(new Value.Field(n, v));
        }
        return new Value.Struct(fs, false);
    }
}
