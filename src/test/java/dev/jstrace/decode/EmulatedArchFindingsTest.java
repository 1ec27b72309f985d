package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Differences the strace differential suite found in the emulated aarch64 and
 * riscv64 machines (scripts/test-arch: Debian sid's coreutils and python make
 * calls this host's never do), as records built from those arches' layouts;
 * they run on x86-64. Each expected line is strace 6.1's in that machine.
 */
@Tag("unit")
class EmulatedArchFindingsTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();

    @Test
    void llistxattrPrintsTheListOrTheAddressForASizeQuery() {
        // ls -l in sid: llistxattr("/etc/passwd", "", 152) = 0 (strace's print_xattr_list: printstrn of rval bytes).
        assertEquals("llistxattr(\"/etc/passwd\", \"\", 152) = 0",
                line(DEF, Arch.AARCH64, "llistxattr", new long[] {0x1000, 0x2000, 152, 0, 0, 0},
                        str(0x1000, "/etc/passwd"), 0, Snapshot.EMPTY));
        assertEquals("llistxattr(\"/x\", \"user.a\\0user.bb\\0\", 152) = 15",
                line(DEF, Arch.AARCH64, "llistxattr", new long[] {0x1000, 0x2000, 152, 0, 0, 0},
                        str(0x1000, "/x"), 15, bytes(0x2000, "user.a\0user.bb\0".getBytes())));
        // A size of 0 asks for the length: the buffer is not printed, only its address.
        assertEquals("listxattr(\"/x\", NULL, 0) = 16",
                line(DEF, Arch.AARCH64, "listxattr", new long[] {0x1000, 0, 0, 0, 0, 0},
                        str(0x1000, "/x"), 16, Snapshot.EMPTY));
        assertEquals("flistxattr(3, 0xffffc1d0, 0) = 16",
                line(DEF, Arch.AARCH64, "flistxattr", new long[] {3, 0xffffc1d0L, 0, 0, 0, 0},
                        Snapshot.EMPTY, 16, Snapshot.EMPTY));
    }

    @Test
    void schedGetschedulerNamesThePolicy() {
        assertEquals("sched_getscheduler(0) = 0 (SCHED_OTHER)",
                line(DEF, Arch.AARCH64, "sched_getscheduler", new long[6], Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("sched_getscheduler(1234) = 3 (SCHED_BATCH)",
                line(DEF, Arch.AARCH64, "sched_getscheduler", new long[] {1234, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 3,
                        Snapshot.EMPTY));
    }

    @Test
    void mremapPrintsTheNewAddressOnlyWhenMovingToAFixedOne() {
        // sid's python grows its arenas with mremap(..., MREMAP_MAYMOVE): four arguments in strace 6.1.
        for (Arch arch : new Arch[] {Arch.AARCH64, Arch.RISCV64, Arch.X86_64}) {
            assertEquals("mremap(0x7fff8e491000, 139264, 155648, MREMAP_MAYMOVE) = 0x7fff8e400000",
                    line(DEF, arch, "mremap", new long[] {0x7fff8e491000L, 139264, 155648, 1, 0, 0},
                            Snapshot.EMPTY, 0x7fff8e400000L, Snapshot.EMPTY), arch.name());
            assertEquals("mremap(0x7fff8e491000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7fff90000000) = 0x7fff90000000",
                    line(DEF, arch, "mremap", new long[] {0x7fff8e491000L, 4096, 8192, 3, 0x7fff90000000L, 0},
                            Snapshot.EMPTY, 0x7fff90000000L, Snapshot.EMPTY), arch.name());
            assertEquals("mremap(0x1000, 4096, 8192, 0) = -1 ENOMEM (Cannot allocate memory)",
                    line(DEF, arch, "mremap", new long[] {0x1000, 4096, 8192, 0, 0xdead, 0},
                            Snapshot.EMPTY, -12, Snapshot.EMPTY), arch.name());
        }
    }

    @Test
    void madviseAdviceNewerThanStrace61IsUnnamed() {
        // sid's glibc and JVM put guard pages on thread stacks: strace 6.1 has no MADV_GUARD_INSTALL (0x66).
        assertEquals("madvise(0xffff8c508000, 65536, 0x66 /* MADV_??? */) = 0",
                line(DEF, Arch.AARCH64, "madvise", new long[] {0xffff8c508000L, 65536, 0x66, 0, 0, 0},
                        Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("madvise(0x7fff8c508000, 4096, MADV_HUGEPAGE) = 0",
                line(DEF, Arch.RISCV64, "madvise", new long[] {0x7fff8c508000L, 4096, 14, 0, 0, 0},
                        Snapshot.EMPTY, 0, Snapshot.EMPTY));
    }
}
