package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * arch_prctl(2) as strace 6.1's SYS_FUNC(arch_prctl) prints it: the code, then by code the
 * fs/gs base the kernel stored ({@code [0x7f...]}, {@code [NULL]}), nothing for
 * ARCH_GET_CPUID, the xfeature mask stored by ARCH_GET_XCOMP_* ({@code [0x3 /* XFEATURE_MASK_FPSSE * /]},
 * always with its comment, as strace prints it), the feature number ARCH_REQ_XCOMP_* asks
 * for ({@code 0x12 /* XFEATURE_XTILE_DATA * /}) and the mask it returns after the result;
 * every other code's address in hex.
 */
final class ArchPrctlFormat implements CallFormat {
    private static final int GET_FS = 0x1003, GET_GS = 0x1004, GET_CPUID = 0x1011;
    private static final int GET_XCOMP_SUPP = 0x1021, GET_XCOMP_PERM = 0x1022, REQ_XCOMP_PERM = 0x1023;
    private static final int GET_XCOMP_GUEST_PERM = 0x1024, REQ_XCOMP_GUEST_PERM = 0x1025;

    /** x86 xfeature masks (strace 6.1's x86_xfeatures, from the kernel's fpu/types.h, not a public header). */
    static final ConstTable XFEATURE_MASKS = ConstTable.flags("XFEATURE_MASK_???", """
            XFEATURE_MASK_FPSSE=0x3 XFEATURE_MASK_FP=0x1 XFEATURE_MASK_SSE=0x2 XFEATURE_MASK_YMM=0x4
            XFEATURE_MASK_BNDREGS=0x8 XFEATURE_MASK_BNDCSR=0x10 XFEATURE_MASK_AVX512=0xe0
            XFEATURE_MASK_OPMASK=0x20 XFEATURE_MASK_ZMM_Hi256=0x40 XFEATURE_MASK_Hi16_ZMM=0x80
            XFEATURE_MASK_PT=0x100 XFEATURE_MASK_PKRU=0x200 XFEATURE_MASK_PASID=0x400 XFEATURE_MASK_LBR=0x8000
            XFEATURE_MASK_XTILE=0x60000 XFEATURE_MASK_XTILE_CFG=0x20000 XFEATURE_MASK_XTILE_DATA=0x40000""");

    /** x86 xfeature numbers (strace 6.1's x86_xfeature_bits). */
    static final ConstTable XFEATURES = ConstTable.enumHex("XFEATURE_???", """
            XFEATURE_FP=0 XFEATURE_SSE=1 XFEATURE_YMM=2 XFEATURE_BNDREGS=3 XFEATURE_BNDCSR=4
            XFEATURE_OPMASK=5 XFEATURE_ZMM_Hi256=6 XFEATURE_Hi16_ZMM=7 XFEATURE_PT_UNIMPLEMENTED_SO_FAR=8
            XFEATURE_PKRU=9 XFEATURE_PASID=10 XFEATURE_LBR=15 XFEATURE_XTILE_CFG=17 XFEATURE_XTILE_DATA=18""");

    private static boolean getsBase(int code) {
        return code == GET_FS || code == GET_GS;
    }

    private static boolean getsMask(int code) {
        return code == GET_XCOMP_SUPP || code == GET_XCOMP_PERM || code == GET_XCOMP_GUEST_PERM;
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        int code = (int) args[0];
        if ((getsBase(code) || getsMask(code)) && args[1] != 0) mem.bytes(args[1], 8);
    }

    @Override
    public Decoded decode(CallContext c) {
        int code = (int) c.arg(0);
        long addr = c.arg(1);
        Value option = c.sym(Constants.ARCH_PRCTL, code & 0xffffffffL);
        DecodeOptions.Xlat x = c.opt.xlat();
        if (code == GET_CPUID) return Decoded.atEntry(List.of(option));
        if (getsBase(code) || getsMask(code)) {
            Value v;
            byte[] b = addr != 0 && c.succeeded() ? MemoryView.struct(c.out, addr, 8) : null;
            if (addr == 0) v = new Value.Ptr(0);
            else if (b == null) v = new Value.Ptr(addr);
            else if (getsBase(code)) v = new Value.Array(List.of(new Value.Ptr(MemoryView.u64(b, 0))), false);
            else v = new Value.Array(List.of(new Value.Text(XFEATURE_MASKS.render(MemoryView.u64(b, 0),
                    x == DecodeOptions.Xlat.RAW ? x : DecodeOptions.Xlat.VERBOSE))), false);
            return new Decoded(List.of(option, v), 1, null);
        }
        if (code == REQ_XCOMP_PERM || code == REQ_XCOMP_GUEST_PERM) {
            Value feature = new Value.Text(XFEATURES.render(addr & 0xffffffffL,
                    x == DecodeOptions.Xlat.RAW ? x : DecodeOptions.Xlat.VERBOSE));
            String result = null;
            if (c.succeeded() && c.rval > 0) {
                result = "0x" + Long.toHexString(c.rval);
                // strace's auxstr: the mask's names (abbreviated under every -X but raw) when any bit has one.
                if (x != DecodeOptions.Xlat.RAW && !XFEATURE_MASKS.sym(c.rval).names().isEmpty()) {
                    result += " (" + XFEATURE_MASKS.render(c.rval, DecodeOptions.Xlat.ABBREV) + ")";
                }
            }
            return new Decoded(List.of(option, feature), 2, result);
        }
        return Decoded.atEntry(List.of(option, new Value.Num(addr, Value.Radix.HEX)));
    }
}
