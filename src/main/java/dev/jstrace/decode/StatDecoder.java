package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.dec;
import static dev.jstrace.decode.StructDecoders.f;
import static dev.jstrace.decode.StructDecoders.udec;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct stat} of stat, lstat, fstat and newfstatat as strace 6.1 prints it:
 * {@code {st_mode=S_IFREG|0644, st_size=34947, ...}}, every field with {@code -v}.
 * x86-64 has its own layout; aarch64 (and riscv64) the asm-generic one, chosen by
 * {@link Arch#statLayout()}.
 */
final class StatDecoder extends StructDecoder {
    /** x86-64's {@code struct stat} (arch/x86/include/uapi/asm/stat.h; glibc's is the same). */
    static final StructLayout X86_64 = structLayout(JAVA_LONG.withName("st_dev"), JAVA_LONG.withName("st_ino"),
            JAVA_LONG.withName("st_nlink"), JAVA_INT.withName("st_mode"), JAVA_INT.withName("st_uid"),
            JAVA_INT.withName("st_gid"), paddingLayout(4), JAVA_LONG.withName("st_rdev"),
            JAVA_LONG.withName("st_size"), JAVA_LONG.withName("st_blksize"), JAVA_LONG.withName("st_blocks"),
            StructLayouts.TIMESPEC.withName("st_atim"), StructLayouts.TIMESPEC.withName("st_mtim"),
            StructLayouts.TIMESPEC.withName("st_ctim"), sequenceLayout(3, JAVA_LONG).withName("__glibc_reserved"))
            .withName("struct stat");
    /** The asm-generic {@code struct stat} (include/uapi/asm-generic/stat.h). */
    static final StructLayout GENERIC = structLayout(JAVA_LONG.withName("st_dev"), JAVA_LONG.withName("st_ino"),
            JAVA_INT.withName("st_mode"), JAVA_INT.withName("st_nlink"), JAVA_INT.withName("st_uid"),
            JAVA_INT.withName("st_gid"), JAVA_LONG.withName("st_rdev"), paddingLayout(8),
            JAVA_LONG.withName("st_size"), JAVA_INT.withName("st_blksize"), paddingLayout(4),
            JAVA_LONG.withName("st_blocks"), StructLayouts.TIMESPEC.withName("st_atim"),
            StructLayouts.TIMESPEC.withName("st_mtim"), StructLayouts.TIMESPEC.withName("st_ctim"),
            sequenceLayout(2, JAVA_INT).withName("__glibc_reserved")).withName("struct stat");
    private static final String[] TIMES = {"st_atime", "st_mtime", "st_ctime"};
    private static final String[] TIMESPECS = {"st_atim", "st_mtim", "st_ctim"};

    /** The members on one layout. */
    private record Members(StructLayouts.Member dev, StructLayouts.Member ino, StructLayouts.Member mode,
                           StructLayouts.Member nlink, StructLayouts.Member uid, StructLayouts.Member gid,
                           StructLayouts.Member rdev, StructLayouts.Member size, StructLayouts.Member blksize,
                           StructLayouts.Member blocks, StructLayouts.Member[] sec, StructLayouts.Member[] nsec) {
        static Members of(StructLayout l) {
            StructLayouts.Member[] sec = new StructLayouts.Member[3], nsec = new StructLayouts.Member[3];
            for (int i = 0; i < 3; i++) {
                sec[i] = StructLayouts.Member.of(l, TIMESPECS[i] + ".tv_sec");
                nsec[i] = StructLayouts.Member.of(l, TIMESPECS[i] + ".tv_nsec");
            }
            return new Members(m(l, "st_dev"), m(l, "st_ino"), m(l, "st_mode"), m(l, "st_nlink"), m(l, "st_uid"),
                    m(l, "st_gid"), m(l, "st_rdev"), m(l, "st_size"), m(l, "st_blksize"), m(l, "st_blocks"), sec,
                    nsec);
        }

        private static StructLayouts.Member m(StructLayout l, String name) {
            return StructLayouts.Member.of(l, name);
        }
    }

    private static final Members X86_64_MEMBERS = Members.of(X86_64), GENERIC_MEMBERS = Members.of(GENERIC);

    StatDecoder() {
        super("#include <sys/stat.h>\n", StatDecoder::layoutOf);
    }

    private static StructLayout layoutOf(Arch arch) {
        return switch (arch.statLayout()) {
            case X86_64 -> X86_64;
            case ASM_GENERIC -> GENERIC;
        };
    }

    private static Members members(Arch arch) {
        return switch (arch.statLayout()) {
            case X86_64 -> X86_64_MEMBERS;
            case ASM_GENERIC -> GENERIC_MEMBERS;
        };
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        Members m = members(c.arch);
        long mode = m.mode.u(b);
        List<Value.Field> fs = new ArrayList<>();
        boolean v = c.opt.verbose();
        if (v) {
            fs.add(f("st_dev", StructDecoders.devValue(m.dev.u(b))));
            fs.add(f("st_ino", udec(m.ino.u(b))));
        }
        fs.add(f("st_mode", StructDecoders.modeValue(c, mode)));
        if (v) {
            fs.add(f("st_nlink", udec(m.nlink.u(b))));
            fs.add(f("st_uid", udec(m.uid.u(b))));
            fs.add(f("st_gid", udec(m.gid.u(b))));
            fs.add(f("st_blksize", dec(m.blksize.s(b))));
            fs.add(f("st_blocks", dec(m.blocks.s(b))));
        }
        long type = mode & StructDecoders.S_IFMT;
        if (type == StructDecoders.S_IFCHR || type == StructDecoders.S_IFBLK) fs.add(f("st_rdev", StructDecoders.rdevValue(c, m.rdev.u(b))));
        else fs.add(f("st_size", dec(m.size.s(b))));
        if (v) {
            for (int i = 0; i < 3; i++) {
                long sec = m.sec[i].s(b), ns = m.nsec[i].s(b);
                fs.add(f(TIMES[i], StructDecoders.time(sec, ns)));
                fs.add(f(TIMES[i] + "_nsec", udec(ns)));
            }
        }
        return new Value.Struct(fs, !v);
    }
}
