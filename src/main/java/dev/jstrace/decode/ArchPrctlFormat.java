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
    private static final int GET_FS = code("ARCH_GET_FS"), GET_GS = code("ARCH_GET_GS");
    private static final int GET_CPUID = code("ARCH_GET_CPUID"), GET_XCOMP_SUPP = code("ARCH_GET_XCOMP_SUPP");
    private static final int GET_XCOMP_PERM = code("ARCH_GET_XCOMP_PERM"), REQ_XCOMP_PERM = code("ARCH_REQ_XCOMP_PERM");
    private static final int GET_XCOMP_GUEST_PERM = code("ARCH_GET_XCOMP_GUEST_PERM");
    private static final int REQ_XCOMP_GUEST_PERM = code("ARCH_REQ_XCOMP_GUEST_PERM");

    private static int code(String name) {
        return (int) Constants.ARCH_PRCTL.parse(name);
    }

    /** x86 xfeature numbers (strace 6.1's x86_xfeature_bits). */
    static final ConstTable XFEATURES = ConstTable.enumHex("XFEATURE_???", """
            XFEATURE_FP XFEATURE_SSE XFEATURE_YMM XFEATURE_BNDREGS XFEATURE_BNDCSR XFEATURE_OPMASK
            XFEATURE_ZMM_Hi256 XFEATURE_Hi16_ZMM XFEATURE_PT_UNIMPLEMENTED_SO_FAR XFEATURE_PKRU XFEATURE_PASID
            XFEATURE_LBR XFEATURE_XTILE_CFG XFEATURE_XTILE_DATA""");

    /**
     * x86 xfeature masks in strace 6.1's x86_xfeatures order, each defined there (as in the kernel's
     * fpu/types.h) as the bits of its features: MASK_FPSSE is FP|SSE, MASK_PT the bit of
     * PT_UNIMPLEMENTED_SO_FAR.
     */
    static final ConstTable XFEATURE_MASKS = ConstTable.flags("XFEATURE_MASK_???", String.join(" ",
            mask("FPSSE", "FP", "SSE"), mask("FP"), mask("SSE"), mask("YMM"), mask("BNDREGS"), mask("BNDCSR"),
            mask("AVX512", "OPMASK", "ZMM_Hi256", "Hi16_ZMM"), mask("OPMASK"), mask("ZMM_Hi256"), mask("Hi16_ZMM"),
            mask("PT", "PT_UNIMPLEMENTED_SO_FAR"), mask("PKRU"), mask("PASID"), mask("LBR"),
            mask("XTILE", "XTILE_DATA", "XTILE_CFG"), mask("XTILE_CFG"), mask("XTILE_DATA")));

    /** {@code XFEATURE_MASK_NAME=0x...}: the bits of {@code features} (NAME itself when none are given). */
    private static String mask(String name, String... features) {
        long bits = 0;
        for (String f : features.length == 0 ? new String[] {name} : features) {
            bits |= 1L << XFEATURES.parse("XFEATURE_" + f);
        }
        return "XFEATURE_MASK_" + name + "=0x" + Long.toHexString(bits);
    }

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
