package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.ByteBuffer;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * bpf(2)'s BPF_PROG_LOAD as strace 6.1 prints it (tests/kernel_version.c): the attributes cut
 * at the size given, kern_version as KERNEL_VERSION(...) under each -X style.
 */
@Tag("unit")
class BpfFormatGoldenTest {
    private static final DecodeOptions RAW = new DecodeOptions(32, true, 0, DecodeOptions.Xlat.RAW, 0, Set.of());
    private static final DecodeOptions VERBOSE = new DecodeOptions(32, true, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of());
    private static final DecodeOptions V = new DecodeOptions(32, true, 0, DecodeOptions.Xlat.ABBREV, 0, Set.of());

    private static DecoderGolden attr() {
        ByteBuffer b = DecoderGolden.struct(StructLayouts.size(BpfFormat.PROG_LOAD_ATTR));
        DecoderGolden.set(b, BpfFormat.PROG_LOAD_ATTR, "prog_type", 0x20);
        DecoderGolden.set(b, BpfFormat.PROG_LOAD_ATTR, "insn_cnt", 3134983661L);
        DecoderGolden.set(b, BpfFormat.PROG_LOAD_ATTR, "log_level", 24);
        DecoderGolden.set(b, BpfFormat.PROG_LOAD_ATTR, "log_size", 3141592653L);
        DecoderGolden.set(b, BpfFormat.PROG_LOAD_ATTR, "kern_version", 0xcafef00dL);
        return new DecoderGolden().put(0x1000, b.array());
    }

    private static final String TAIL = ", prog_flags=0, prog_name=\"\", prog_ifindex=0, expected_attach_type=%s,"
            + " prog_btf_fd=0, func_info_rec_size=0, func_info=NULL, func_info_cnt=0, line_info_rec_size=0,"
            + " line_info=NULL, line_info_cnt=0, attach_btf_id=0, attach_prog_fd=0, fd_array=NULL}, 128)"
            + " = -1 E2BIG (Argument list too long)";

    @Test
    void progLoadUnderEachStyle() {
        long[] args = {5, 0x1000, 128};
        assertEquals("bpf(BPF_PROG_LOAD, {prog_type=0x20 /* BPF_PROG_TYPE_??? */, insn_cnt=3134983661, insns=NULL,"
                + " license=NULL, log_level=24, log_size=3141592653, log_buf=NULL,"
                + " kern_version=KERNEL_VERSION(51966, 240, 13)" + TAIL.formatted("BPF_CGROUP_INET_INGRESS"),
                attr().line(V, Arch.X86_64, "bpf", args, -7));
        assertEquals("bpf(0x5, {prog_type=0x20, insn_cnt=3134983661, insns=NULL, license=NULL, log_level=24,"
                + " log_size=3141592653, log_buf=NULL, kern_version=0xcafef00d" + TAIL.formatted("0"),
                attr().line(RAW, Arch.X86_64, "bpf", args, -7));
        assertEquals("bpf(0x5 /* BPF_PROG_LOAD */, {prog_type=0x20 /* BPF_PROG_TYPE_??? */, insn_cnt=3134983661,"
                + " insns=NULL, license=NULL, log_level=24, log_size=3141592653, log_buf=NULL,"
                + " kern_version=0xcafef00d /* KERNEL_VERSION(51966, 240, 13) */"
                + TAIL.formatted("0 /* BPF_CGROUP_INET_INGRESS */"), attr().line(VERBOSE, Arch.X86_64, "bpf", args, -7));
    }

    @Test
    void aShortStructStopsWhereTheSizeDoes() {
        assertEquals("bpf(BPF_PROG_LOAD, {prog_type=0x20 /* BPF_PROG_TYPE_??? */, insn_cnt=3134983661, insns=NULL,"
                        + " license=NULL}, 24) = -1 EINVAL (Invalid argument)",
                attr().line(V, Arch.X86_64, "bpf", new long[] {5, 0x1000, 24}, -22));
        assertEquals("bpf(BPF_MAP_CREATE, NULL, 256) = -1 EFAULT (Bad address)",
                attr().line(V, Arch.X86_64, "bpf", new long[] {0, 0, 256}, -14));
    }
}
