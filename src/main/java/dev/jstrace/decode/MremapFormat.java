package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * mremap(2) as strace 6.1's {@code SYS_FUNC(mremap)}: the new address, the fifth
 * argument, is printed only when the flags hold both {@code MREMAP_MAYMOVE} and
 * {@code MREMAP_FIXED}, the only case the kernel reads it; otherwise the call has four
 * arguments ({@code mremap(0x7f.., 139264, 155648, MREMAP_MAYMOVE) = 0x7f..}).
 */
final class MremapFormat implements CallFormat {
    private static final long MAYMOVE_AND_FIXED = 0x1 | 0x2;  // the same on every arch (uapi mman.h)

    @Override
    public Decoded decode(CallContext c) {
        List<Value> args = new ArrayList<>(List.of(new Value.Ptr(c.arg(0)),
                new Value.Num(c.arg(1), Value.Radix.UDEC), new Value.Num(c.arg(2), Value.Radix.UDEC),
                c.sym(Constants.MREMAP_FLAGS, c.arg(3))));
        if ((c.arg(3) & MAYMOVE_AND_FIXED) == MAYMOVE_AND_FIXED) args.add(new Value.Ptr(c.arg(4)));
        return Decoded.atEntry(args);
    }
}
