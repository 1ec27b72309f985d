package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * ioctl as strace's SYS_FUNC(ioctl) prints it: the fd, the request by name
 * ({@link IoctlRequests}), then the argument as the request's family shapes it
 * ({@link IoctlFamily}, else {@link ControlCalls#ioctlArg}, {@link IoctlFamilies}) or none,
 * and a result decoration for the requests that return a constant ({@code NS_GET_NSTYPE}).
 */
final class IoctlFormat implements CallFormat {
    @Override
    public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
        if (opt.capturesFdPaths()) mem.fdPath((int) args[0]);
        long req = args[1] & 0xffffffffL;
        IoctlFamily f = IoctlFamily.of(req);
        if (f != null) {
            f.captureEntry(req, args[2], mem, opt);
            return;
        }
        int n = ControlCalls.ioctlCapture(req);
        if (n > 0 && args[2] != 0) mem.bytes(args[2], n);
    }

    /** A family may read after a failed call (SG_IO's header); the others are asked only after success. */
    @Override
    public boolean capturesAtFailedExit() {
        return true;
    }

    @Override
    public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
        long req = args[1] & 0xffffffffL;
        IoctlFamily f = IoctlFamily.of(req);
        boolean failed = rval < 0 && rval > -4096;
        if (failed && (f == null || !f.capturesAtFailedExit(req))) return;
        if (f != null) {
            f.captureExit(req, args[2], rval, mem, opt);
            return;
        }
        int n = ControlCalls.ioctlCapture(req);
        if (n < 0 && args[2] != 0) mem.bytes(args[2], -n);
    }

    @Override
    public Decoded decode(CallContext c) {
        long req = c.arg(1) & 0xffffffffL;
        List<Value> args = new ArrayList<>(3);
        args.add(c.fd((int) c.arg(0)));
        args.add(ControlCalls.ioctlRequest(c, req));
        IoctlFamily f = IoctlFamily.of(req);
        Value a = f != null ? f.arg(c, req, c.arg(2)) : ControlCalls.ioctlArg(c, req, c.arg(2));
        if (a != null) args.add(a);
        // A getter's argument prints after "resumed>" (it is read at exit); the rest at entry.
        boolean atExit = f != null ? f.printsAtExit(req) : ControlCalls.ioctlCapture(req) < 0;
        int entry = atExit ? 2 : args.size();
        String result = !c.succeeded() ? null : f != null ? f.result(c, req) : IoctlFamilies.result(c, req);
        return new Decoded(args, entry, result);
    }
}
