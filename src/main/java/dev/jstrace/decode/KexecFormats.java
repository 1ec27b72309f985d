package dev.jstrace.decode;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.List;
import java.util.Map;

/**
 * kexec_load and kexec_file_load as strace 6.1 prints them (src/kexec.c): the segments as an array
 * of {@code {buf, bufsz, mem, memsz}} (the address when there are more than KEXEC_SEGMENT_MAX), the
 * flags as the arch field then the flag bits; kexec_file_load's command line as {@code cmdline_len}
 * bytes.
 */
final class KexecFormats {
    static final ConstTable ARCHES = ConstTable.enumHex("KEXEC_ARCH_???", """
            KEXEC_ARCH_DEFAULT KEXEC_ARCH_386 KEXEC_ARCH_68K KEXEC_ARCH_PARISC KEXEC_ARCH_X86_64 KEXEC_ARCH_PPC
            KEXEC_ARCH_PPC64 KEXEC_ARCH_IA_64 KEXEC_ARCH_ARM KEXEC_ARCH_S390 KEXEC_ARCH_SH KEXEC_ARCH_MIPS_LE
            KEXEC_ARCH_MIPS KEXEC_ARCH_AARCH64 KEXEC_ARCH_RISCV KEXEC_ARCH_LOONGARCH""");
    static final ConstTable LOAD_FLAGS = ConstTable.flags("KEXEC_???", "KEXEC_ON_CRASH KEXEC_PRESERVE_CONTEXT");
    static final ConstTable FILE_FLAGS = ConstTable.flags("KEXEC_FILE_???",
            "KEXEC_FILE_UNLOAD KEXEC_FILE_ON_CRASH KEXEC_FILE_NO_INITRAMFS");
    private static final long ARCH_MASK = HeaderValues.common("KEXEC_ARCH_MASK");
    private static final long SEGMENT_MAX = HeaderValues.common("KEXEC_SEGMENT_MAX");
    /** {@code struct kexec_segment} (linux/kexec.h) on a 64-bit arch: four kernel longs. */
    static final StructLayout KEXEC_SEGMENT = MemoryLayout.structLayout(JAVA_LONG.withName("buf"),
            JAVA_LONG.withName("bufsz"), JAVA_LONG.withName("mem"), JAVA_LONG.withName("memsz"))
            .withName("struct kexec_segment");
    private static final Member BUF = Member.of(KEXEC_SEGMENT, "buf"), BUFSZ = Member.of(KEXEC_SEGMENT, "bufsz"),
            MEM = Member.of(KEXEC_SEGMENT, "mem"), MEMSZ = Member.of(KEXEC_SEGMENT, "memsz");
    private static final int SEGMENT_SIZE = (int) KEXEC_SEGMENT.byteSize();

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of("kexec_load", new Load(), "kexec_file_load", new FileLoad());

    private KexecFormats() {}

    /** kexec_load(entry, nr_segments, segments, flags). */
    static final class Load implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (args[2] != 0 && Long.compareUnsigned(args[1], SEGMENT_MAX) <= 0 && args[1] != 0) {
                mem.bytes(args[2], (int) (ArrayDecoder.captureCount(opt, args[1]) * SEGMENT_SIZE));
            }
        }

        @Override
        public Decoded decode(CallContext c) {
            long n = c.arg(1);
            Value segments = Long.compareUnsigned(n, SEGMENT_MAX) > 0 ? new Value.Ptr(c.arg(2))
                    : ArrayDecoder.decode(c, c.in, c.arg(2), n, SEGMENT_SIZE, Load::segment);
            long fl = c.arg(3);
            String flags = c.text(ARCHES.sym(fl & ARCH_MASK));
            long rest = fl & ~ARCH_MASK;
            if (rest != 0) flags += "|" + c.text(LOAD_FLAGS.sym(rest));
            return Decoded.atEntry(List.of(new Value.Ptr(c.arg(0)), new Value.Num(n, Value.Radix.UDEC), segments,
                    new Value.Text(flags)));
        }

        private static Value segment(byte[] b, int off) {
            return new Value.Struct(List.of(
                    new Value.Field("buf", new Value.Ptr(MemoryView.u64(b, off + BUF.offset()))),
                    new Value.Field("bufsz", new Value.Num(MemoryView.u64(b, off + BUFSZ.offset()), Value.Radix.UDEC)),
                    new Value.Field("mem", new Value.Ptr(MemoryView.u64(b, off + MEM.offset()))),
                    new Value.Field("memsz", new Value.Num(MemoryView.u64(b, off + MEMSZ.offset()), Value.Radix.UDEC))),
                    false);
        }
    }

    /** kexec_file_load(kernel_fd, initrd_fd, cmdline_len, cmdline, flags). */
    static final class FileLoad implements CallFormat {
        private static final ArgListFormat.Arg FD = ArgListFormat.fd();

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            FD.capture(args[0], mem, opt);
            FD.capture(args[1], mem, opt);
            AdminCallFormats.captureStrn(mem, args[3], args[2], opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(FD.decode(c, 0), FD.decode(c, 1), new Value.Num(c.arg(2), Value.Radix.UDEC),
                    c.buffer(c.in, c.arg(3), c.arg(2), false), FILE_FLAGS.sym(c.arg(4))));
        }
    }
}
