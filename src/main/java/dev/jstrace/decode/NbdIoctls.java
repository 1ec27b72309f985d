package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;

/**
 * The NBD (0xab) requests as strace 6.1's src/nbd_ioctl.c prints them: no argument for the
 * commands, the socket as an fd, the sizes and timeout as unsigned numbers, the flags by name.
 */
final class NbdIoctls implements IoctlFamily {
    private static final int NBD = 0xab;
    /** _IOC_NR of each request (linux/nbd.h: _IO(0xab, n)). */
    private static final long SET_SOCK = IoctlRequests.required("NBD_SET_SOCK"), SET_FLAGS = IoctlRequests.required("NBD_SET_FLAGS");
    private static final java.util.Set<Long> NO_ARG = java.util.Set.of(IoctlRequests.required("NBD_DISCONNECT"),
            IoctlRequests.required("NBD_CLEAR_SOCK"), IoctlRequests.required("NBD_DO_IT"), IoctlRequests.required("NBD_CLEAR_QUE"), IoctlRequests.required("NBD_PRINT_DEBUG"));
    private static final java.util.Set<Long> NUMBER = java.util.Set.of(IoctlRequests.required("NBD_SET_BLKSIZE"),
            IoctlRequests.required("NBD_SET_SIZE"), IoctlRequests.required("NBD_SET_SIZE_BLOCKS"), IoctlRequests.required("NBD_SET_TIMEOUT"));
    /** src/xlat/nbd_ioctl_flags.in (values: linux/nbd.h, the protocol's from strace's list). */
    static final ConstTable FLAGS = ConstTable.flags("NBD_IOC_FLAG_???", "NBD_FLAG_HAS_FLAGS NBD_FLAG_READ_ONLY"
            + " NBD_FLAG_SEND_FLUSH NBD_FLAG_SEND_FUA NBD_FLAG_ROTATIONAL NBD_FLAG_SEND_TRIM"
            + " NBD_FLAG_SEND_WRITE_ZEROES NBD_FLAG_SEND_DF NBD_FLAG_CAN_MULTI_CONN NBD_FLAG_SEND_RESIZE"
            + " NBD_FLAG_SEND_CACHE");


    @Override
    public boolean decodes(long req) {
        return IoctlRequests.type(req) == NBD && (req == SET_SOCK || req == SET_FLAGS || NO_ARG.contains(req)
                || NUMBER.contains(req));
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (req == SET_SOCK && opt.capturesFdPaths()) mem.fdPath((int) arg);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (NO_ARG.contains(req)) return null;
        if (req == SET_SOCK) return c.fd((int) a);
        if (req == SET_FLAGS) return FLAGS.sym(a);
        return new Value.Num(a, Value.Radix.UDEC);
    }
}
