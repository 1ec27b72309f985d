package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * bpf(2) as strace 6.1's src/bpf.c prints it: the command by name, the attributes, the size.
 * BPF_PROG_LOAD's attributes are decoded as strace does (its struct cut at the size the caller
 * gave, as the kernel's versions of the struct grew); the other commands' attributes print as
 * their address (strace decodes each of them: not yet here), and so do the program's
 * instructions under {@code -v}.
 */
final class BpfFormat implements CallFormat {
    static final ConstTable COMMANDS = ConstTable.enumHex("BPF_???", """
            BPF_MAP_CREATE BPF_MAP_LOOKUP_ELEM BPF_MAP_UPDATE_ELEM BPF_MAP_DELETE_ELEM BPF_MAP_GET_NEXT_KEY
            BPF_PROG_LOAD BPF_OBJ_PIN BPF_OBJ_GET BPF_PROG_ATTACH BPF_PROG_DETACH BPF_PROG_TEST_RUN
            BPF_PROG_GET_NEXT_ID BPF_MAP_GET_NEXT_ID BPF_PROG_GET_FD_BY_ID BPF_MAP_GET_FD_BY_ID
            BPF_OBJ_GET_INFO_BY_FD BPF_PROG_QUERY BPF_RAW_TRACEPOINT_OPEN BPF_BTF_LOAD BPF_BTF_GET_FD_BY_ID
            BPF_TASK_FD_QUERY BPF_MAP_LOOKUP_AND_DELETE_ELEM BPF_MAP_FREEZE BPF_BTF_GET_NEXT_ID BPF_MAP_LOOKUP_BATCH
            BPF_MAP_LOOKUP_AND_DELETE_BATCH BPF_MAP_UPDATE_BATCH BPF_MAP_DELETE_BATCH BPF_LINK_CREATE
            BPF_LINK_UPDATE BPF_LINK_GET_FD_BY_ID BPF_LINK_GET_NEXT_ID BPF_ENABLE_STATS BPF_ITER_CREATE
            BPF_LINK_DETACH BPF_PROG_BIND_MAP""");
    static final ConstTable PROG_TYPES = ConstTable.enumHex("BPF_PROG_TYPE_???", """
            BPF_PROG_TYPE_UNSPEC BPF_PROG_TYPE_SOCKET_FILTER BPF_PROG_TYPE_KPROBE BPF_PROG_TYPE_SCHED_CLS
            BPF_PROG_TYPE_SCHED_ACT BPF_PROG_TYPE_TRACEPOINT BPF_PROG_TYPE_XDP BPF_PROG_TYPE_PERF_EVENT
            BPF_PROG_TYPE_CGROUP_SKB BPF_PROG_TYPE_CGROUP_SOCK BPF_PROG_TYPE_LWT_IN BPF_PROG_TYPE_LWT_OUT
            BPF_PROG_TYPE_LWT_XMIT BPF_PROG_TYPE_SOCK_OPS BPF_PROG_TYPE_SK_SKB BPF_PROG_TYPE_CGROUP_DEVICE
            BPF_PROG_TYPE_SK_MSG BPF_PROG_TYPE_RAW_TRACEPOINT BPF_PROG_TYPE_CGROUP_SOCK_ADDR
            BPF_PROG_TYPE_LWT_SEG6LOCAL BPF_PROG_TYPE_LIRC_MODE2 BPF_PROG_TYPE_SK_REUSEPORT
            BPF_PROG_TYPE_FLOW_DISSECTOR BPF_PROG_TYPE_CGROUP_SYSCTL BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE
            BPF_PROG_TYPE_CGROUP_SOCKOPT BPF_PROG_TYPE_TRACING BPF_PROG_TYPE_STRUCT_OPS BPF_PROG_TYPE_EXT
            BPF_PROG_TYPE_LSM BPF_PROG_TYPE_SK_LOOKUP BPF_PROG_TYPE_SYSCALL""");
    static final ConstTable ATTACH_TYPES = ConstTable.enumHex("BPF_???", """
            BPF_CGROUP_INET_INGRESS BPF_CGROUP_INET_EGRESS BPF_CGROUP_INET_SOCK_CREATE BPF_CGROUP_SOCK_OPS
            BPF_SK_SKB_STREAM_PARSER BPF_SK_SKB_STREAM_VERDICT BPF_CGROUP_DEVICE BPF_SK_MSG_VERDICT
            BPF_CGROUP_INET4_BIND BPF_CGROUP_INET6_BIND BPF_CGROUP_INET4_CONNECT BPF_CGROUP_INET6_CONNECT
            BPF_CGROUP_INET4_POST_BIND BPF_CGROUP_INET6_POST_BIND BPF_CGROUP_UDP4_SENDMSG BPF_CGROUP_UDP6_SENDMSG
            BPF_LIRC_MODE2 BPF_FLOW_DISSECTOR BPF_CGROUP_SYSCTL BPF_CGROUP_UDP4_RECVMSG BPF_CGROUP_UDP6_RECVMSG
            BPF_CGROUP_GETSOCKOPT BPF_CGROUP_SETSOCKOPT BPF_TRACE_RAW_TP BPF_TRACE_FENTRY BPF_TRACE_FEXIT
            BPF_MODIFY_RETURN BPF_LSM_MAC BPF_TRACE_ITER BPF_CGROUP_INET4_GETPEERNAME BPF_CGROUP_INET6_GETPEERNAME
            BPF_CGROUP_INET4_GETSOCKNAME BPF_CGROUP_INET6_GETSOCKNAME BPF_XDP_DEVMAP BPF_CGROUP_INET_SOCK_RELEASE
            BPF_XDP_CPUMAP BPF_SK_LOOKUP BPF_XDP BPF_SK_SKB_VERDICT BPF_SK_REUSEPORT_SELECT
            BPF_SK_REUSEPORT_SELECT_OR_MIGRATE BPF_PERF_EVENT BPF_TRACE_KPROBE_MULTI BPF_LSM_CGROUP""");
    static final ConstTable PROG_FLAGS = ConstTable.flags("BPF_F_???",
            "BPF_F_STRICT_ALIGNMENT BPF_F_ANY_ALIGNMENT BPF_F_TEST_RND_HI32 BPF_F_TEST_STATE_FREQ BPF_F_SLEEPABLE");
    private static final long PROG_LOAD = COMMANDS.parse("BPF_PROG_LOAD");
    /** strace's get_pagesize() bound on the attributes it reads. */
    private static final int PAGE = 4096;

    /** strace 6.1's struct BPF_PROG_LOAD_struct (src/bpf_attr.h): the attributes up to fd_array. */
    static final StructLayout PROG_LOAD_ATTR = structLayout(JAVA_INT.withName("prog_type"),
            JAVA_INT.withName("insn_cnt"), JAVA_LONG.withName("insns"), JAVA_LONG.withName("license"),
            JAVA_INT.withName("log_level"), JAVA_INT.withName("log_size"), JAVA_LONG.withName("log_buf"),
            JAVA_INT.withName("kern_version"), JAVA_INT.withName("prog_flags"),
            sequenceLayout(16, JAVA_BYTE).withName("prog_name"), JAVA_INT.withName("prog_ifindex"),
            JAVA_INT.withName("expected_attach_type"), JAVA_INT.withName("prog_btf_fd"),
            JAVA_INT.withName("func_info_rec_size"), JAVA_LONG.withName("func_info"),
            JAVA_INT.withName("func_info_cnt"), JAVA_INT.withName("line_info_rec_size"),
            JAVA_LONG.withName("line_info"), JAVA_INT.withName("line_info_cnt"), JAVA_INT.withName("attach_btf_id"),
            JAVA_INT.withName("attach_prog_fd"), JAVA_INT.withName("pad"), JAVA_LONG.withName("fd_array"))
            .withName("struct BPF_PROG_LOAD_struct");
    private static final int PROG_LOAD_SIZE = StructLayouts.size(PROG_LOAD_ATTR);
    /** The layout with strace 6.1's definition (src/bpf_attr.h, no kernel header names it), for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(new CallStructLayouts.Declared(PROG_LOAD_ATTR,
            "#include <stdint.h>\nstruct BPF_PROG_LOAD_struct { uint32_t prog_type; uint32_t insn_cnt;"
            + " uint64_t __attribute__((aligned(8))) insns; uint64_t __attribute__((aligned(8))) license;"
            + " uint32_t log_level; uint32_t log_size; uint64_t __attribute__((aligned(8))) log_buf;"
            + " uint32_t kern_version; uint32_t prog_flags; char prog_name[16]; uint32_t prog_ifindex;"
            + " uint32_t expected_attach_type; uint32_t prog_btf_fd; uint32_t func_info_rec_size;"
            + " uint64_t __attribute__((aligned(8))) func_info; uint32_t func_info_cnt; uint32_t line_info_rec_size;"
            + " uint64_t __attribute__((aligned(8))) line_info; uint32_t line_info_cnt; uint32_t attach_btf_id;"
            + " uint32_t attach_prog_fd; uint32_t pad; uint64_t __attribute__((aligned(8))) fd_array; };\n"));

    private static StructLayouts.Member m(String name) {
        return StructLayouts.Member.of(PROG_LOAD_ATTR, name);
    }

    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        int size = (int) args[2];
        if ((args[0] & 0xffffffffL) != PROG_LOAD || size <= 0 || size > PAGE || args[1] == 0) return;
        var r = mem.bytes(args[1], size);
        if (r == null || r.data().length < size) return;
        byte[] a = java.util.Arrays.copyOf(r.data(), Math.max(size, PROG_LOAD_SIZE));
        long license = m("license").u(a);
        if (license != 0) mem.string(license, opt.captureLimit() + 1);
        long logBuf = m("log_buf").u(a);
        if (size > m("log_level").offset() && logBuf != 0) mem.string(logBuf, opt.captureLimit() + 1);
        if (opt.capturesFdPaths()) {
            mem.fdPath((int) m("prog_btf_fd").u(a));
            mem.fdPath((int) m("attach_prog_fd").u(a));
        }
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        if ((args[0] & 0xffffffffL) == PROG_LOAD && opt.capturesFdPaths()) mem.fdPath((int) rval);
    }

    @Override
    public Decoded decode(CallContext c) {
        long cmd = c.arg(0) & 0xffffffffL, addr = c.arg(1);
        int size = (int) c.arg(2);
        List<Value> out = new ArrayList<>(3);
        out.add(COMMANDS.sym(cmd));
        byte[] b = cmd == PROG_LOAD && size > 0 && size <= PAGE ? MemoryView.struct(c.in, addr, size) : null;
        out.add(b == null ? new Value.Ptr(addr) : progLoad(c, b, size));
        out.add(new Value.Num(size & 0xffffffffL, Value.Radix.UDEC));
        String result = cmd == PROG_LOAD && c.succeeded() ? c.text(c.fdAtExit((int) c.rval)) : null;
        return new Decoded(out, out.size(), result);
    }

    /** decode_BPF_PROG_LOAD: each group of fields only when the size reaches it. */
    private static Value progLoad(CallContext c, byte[] data, int size) {
        int len = Math.min(size, PROG_LOAD_SIZE);
        byte[] a = java.util.Arrays.copyOf(java.util.Arrays.copyOf(data, len), PROG_LOAD_SIZE);
        List<Value.Field> fs = new ArrayList<>(24);
        fs.add(f("prog_type", PROG_TYPES.sym(m("prog_type").u(a))));
        fs.add(f("insn_cnt", u(a, "insn_cnt")));
        fs.add(f("insns", new Value.Ptr(m("insns").u(a))));
        fs.add(f("license", c.string(c.in, m("license").u(a), false)));
        if (len > m("log_level").offset()) {
            fs.add(f("log_level", u(a, "log_level")));
            fs.add(f("log_size", u(a, "log_size")));
            fs.add(f("log_buf", c.string(c.in, m("log_buf").u(a), false)));
        }
        if (len > m("kern_version").offset()) fs.add(f("kern_version", kernelVersion(m("kern_version").u(a))));
        if (len > m("prog_flags").offset()) fs.add(f("prog_flags", PROG_FLAGS.sym(m("prog_flags").u(a))));
        int name = m("prog_name").offset();
        if (len > name) fs.add(f("prog_name", cstring(a, name, Math.min(16, len - name))));
        if (len > m("prog_ifindex").offset()) fs.add(f("prog_ifindex", NetlinkFields.ifindex(m("prog_ifindex").u(a))));
        if (len > m("expected_attach_type").offset()) {
            fs.add(f("expected_attach_type", ATTACH_TYPES.sym(m("expected_attach_type").u(a))));
        }
        if (len > m("prog_btf_fd").offset()) {
            fs.add(f("prog_btf_fd", c.fd((int) m("prog_btf_fd").u(a))));
            fs.add(f("func_info_rec_size", u(a, "func_info_rec_size")));
            fs.add(f("func_info", new Value.Ptr(m("func_info").u(a))));
            fs.add(f("func_info_cnt", u(a, "func_info_cnt")));
            fs.add(f("line_info_rec_size", u(a, "line_info_rec_size")));
            fs.add(f("line_info", new Value.Ptr(m("line_info").u(a))));
            fs.add(f("line_info_cnt", u(a, "line_info_cnt")));
        }
        if (len > m("attach_btf_id").offset()) fs.add(f("attach_btf_id", u(a, "attach_btf_id")));
        if (len > m("attach_prog_fd").offset()) fs.add(f("attach_prog_fd", c.fd((int) m("attach_prog_fd").u(a))));
        if (len > m("fd_array").offset()) fs.add(f("fd_array", new Value.Ptr(m("fd_array").u(a))));
        boolean more = false;
        if (size > PROG_LOAD_SIZE) {
            byte[] extra = java.util.Arrays.copyOfRange(data, PROG_LOAD_SIZE, size);
            boolean nonzero = false;
            for (byte x : extra) nonzero |= x != 0;
            // decode_attr_extra_data: "..." unless -v, which shows the bytes in hex.
            if (nonzero && !c.opt.verbose()) more = true;
            else if (nonzero) fs.add(f("extra_data", new Value.Commented(Value.Str.buffer(extra, extra.length, true),
                    "bytes " + PROG_LOAD_SIZE + ".." + (size - 1))));
        }
        return new Value.Struct(fs, more);
    }

    private static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }

    private static Value u(byte[] a, String name) {
        return new Value.Num(m(name).u(a), Value.Radix.UDEC);
    }

    /** print_kernel_version: {@code KERNEL_VERSION(4, 19, 0)}, the number under -X raw, both under -X verbose. */
    private static Value kernelVersion(long v) {
        String text = "KERNEL_VERSION(" + (v >>> 16) + ", " + ((v >>> 8) & 0xff) + ", " + (v & 0xff) + ")";
        return new Value.Sym(v, Value.Radix.HEX, List.of(text), 0, null);
    }

    /** PRINT_FIELD_CSTRING_SZ: up to the NUL within {@code n} bytes, else the bytes and {@code ...}. */
    private static Value cstring(byte[] a, int at, int n) {
        int end = at;
        while (end < at + n && a[end] != 0) end++;
        return Value.Str.whole(java.util.Arrays.copyOfRange(a, at, end), end == at + n);
    }
}
