package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * The terminal requests whose argument is a struct termios2 or struct termio, and the
 * termios lock (TIOC[GS]LCKTRMIOS), as strace's term_ioctl (src/term.c) prints them
 * through {@link TermiosDecoder}; a getter's struct after success, a setter's at entry.
 * TCGETS and the TCSETS family are {@link ControlCalls}' own.
 */
final class TermIoctls implements IoctlFamily {
    private static final long TCGETS2 = IoctlRequests.code("TCGETS2"), TCSETS2 = IoctlRequests.code("TCSETS2"),
            TCSETSW2 = IoctlRequests.code("TCSETSW2"), TCSETSF2 = IoctlRequests.code("TCSETSF2"),
            TIOCGLCKTRMIOS = IoctlRequests.code("TIOCGLCKTRMIOS"), TIOCSLCKTRMIOS = IoctlRequests.code("TIOCSLCKTRMIOS"),
            TCGETA = IoctlRequests.code("TCGETA"), TCSETA = IoctlRequests.code("TCSETA"),
            TCSETAW = IoctlRequests.code("TCSETAW"), TCSETAF = IoctlRequests.code("TCSETAF");
    private static final List<Long> REQUESTS = List.of(TCGETS2, TCSETS2, TCSETSW2, TCSETSF2, TIOCGLCKTRMIOS,
            TIOCSLCKTRMIOS, TCGETA, TCSETA, TCSETAW, TCSETAF);

    @Override
    public boolean decodes(long req) {
        return REQUESTS.contains(req);
    }

    private static boolean getter(long req) {
        return req == TCGETS2 || req == TIOCGLCKTRMIOS || req == TCGETA;
    }

    private static int size(long req) {
        if (req == TCGETS2 || req == TCSETS2 || req == TCSETSW2 || req == TCSETSF2) return TermiosDecoder.SIZE2;
        if (req == TIOCGLCKTRMIOS || req == TIOCSLCKTRMIOS) return TermiosDecoder.SIZE;
        return TermiosDecoder.TERMIO_SIZE;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && !getter(req)) mem.bytes(arg, size(req));
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && getter(req)) mem.bytes(arg, size(req));
    }

    @Override
    public boolean printsAtExit(long req) {
        return getter(req);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        int size = size(req);
        byte[] b = getter(req) ? c.succeeded() ? IoctlFields.struct(c.out, a, size) : null
                : IoctlFields.struct(c.in, a, size);
        if (b == null) return IoctlFields.addr(a);
        if (size == TermiosDecoder.SIZE2) return TermiosDecoder.render2(c, b);
        if (size == TermiosDecoder.SIZE) return TermiosDecoder.render(c, b);
        return TermiosDecoder.renderTermio(c, b);
    }
}
