package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * prctl's options as strace 6.1 prints them; each expected line is one that strace's
 * own suite expects (tests/prctl-*.c) and that strace 6.1 printed here.
 */
@Tag("unit")
class PrctlFormatGoldenTest {
    private static final DecodeOptions DEF = DecodeOptions.defaults();
    private static final DecodeOptions RAW = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.RAW, 0, Set.of());
    private static final DecodeOptions VERBOSE =
            new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0, Set.of());

    private static String prctl(DecodeOptions o, long[] args, Snapshot in, long rval, Snapshot out) {
        return line(o, Arch.X86_64, "prctl", args, in, rval, out);
    }

    @Test
    void optionsPrintOnlyTheArgumentsTheyUse() {
        assertEquals("prctl(PR_SET_NAME, \"f\") = 0",
                prctl(DEF, new long[] {15, 0x1000, 0, 0, 0, 0}, str(0x1000, "f"), 0, Snapshot.EMPTY));
        assertEquals("prctl(PR_SET_NAME, \"123456789abcdef\"...) = 0",
                prctl(DEF, new long[] {15, 0x1000, 0, 0, 0, 0}, str(0x1000, "0123456789abcdef".substring(1)), 0,
                        Snapshot.EMPTY));
        assertEquals("prctl(PR_GET_KEEPCAPS) = 0", prctl(DEF, new long[] {7, 1, 2, 3, 4, 0}, Snapshot.EMPTY, 0,
                Snapshot.EMPTY));
        assertEquals("prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN) = 1",
                prctl(DEF, new long[] {23, 21, 0, 0, 0, 0}, Snapshot.EMPTY, 1, Snapshot.EMPTY));
        assertEquals("prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0) = 0",
                prctl(DEF, new long[] {33, 1, 1, 0, 0, 0}, Snapshot.EMPTY, 0, Snapshot.EMPTY));
        assertEquals("prctl(0xdeadbeef /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)",
                prctl(DEF, new long[] {0xdeadbeefL, 1, 2, 3, 4, 0}, Snapshot.EMPTY, -22, Snapshot.EMPTY));
    }

    @Test
    void gettersPrintWhatTheKernelWrote() {
        assertEquals("prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0",
                prctl(DEF, new long[] {2, 0x2000, 0, 0, 0, 0}, Snapshot.EMPTY, 0, bytes(0x2000, new byte[] {15, 0, 0, 0})));
        assertEquals("prctl(PR_GET_PDEATHSIG, 0x2000) = -1 EFAULT (Bad address)",
                prctl(DEF, new long[] {2, 0x2000, 0, 0, 0, 0}, Snapshot.EMPTY, -14, Snapshot.EMPTY));
        assertEquals("prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)",
                prctl(DEF, new long[] {3, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 1, Snapshot.EMPTY));
        assertEquals("prctl(PR_GET_SECUREBITS) = 0x2a (SECBIT_NOROOT_LOCKED|SECBIT_NO_SETUID_FIXUP_LOCKED"
                        + "|SECBIT_KEEP_CAPS_LOCKED)",
                prctl(DEF, new long[] {27, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 42, Snapshot.EMPTY));
        assertEquals("prctl(PR_GET_SECUREBITS) = 0x100",
                prctl(DEF, new long[] {27, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 256, Snapshot.EMPTY));
    }

    @Test
    void xlatStylesFollowStrace() {
        assertEquals("prctl(0x1b /* PR_GET_SECUREBITS */) = 0x1 (SECBIT_NOROOT)",
                prctl(VERBOSE, new long[] {27, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 1, Snapshot.EMPTY));
        assertEquals("prctl(0x1b) = 0x1",
                prctl(RAW, new long[] {27, 0, 0, 0, 0, 0}, Snapshot.EMPTY, 1, Snapshot.EMPTY));
        assertEquals("prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x10) = 0x20010"
                        + " (PR_SVE_VL_INHERIT|0x10)",
                prctl(DEF, new long[] {50, 0x60010, 0, 0, 0, 0}, Snapshot.EMPTY, 0x20010, Snapshot.EMPTY));
        assertEquals("prctl(0x32 /* PR_SVE_SET_VL */, 0x60010 /* PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x10 */)"
                        + " = -1 EINVAL (Invalid argument)",
                prctl(VERBOSE, new long[] {50, 0x60010, 0, 0, 0, 0}, Snapshot.EMPTY, -22, Snapshot.EMPTY));
    }
}
