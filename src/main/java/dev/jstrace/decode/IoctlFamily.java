package dev.jstrace.decode;

import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * One ioctl family that strace decodes in a file of its own ({@code hdio.c}, {@code loop.c}, ...):
 * which requests it takes, what it copies at entry and at a successful exit, and how it prints
 * the argument. {@link IoctlFormat} asks the families in {@link #ALL} first; a request none
 * takes goes to the simple rules ({@link IoctlFamilies}, {@link ControlCalls#ioctlArg}).
 * Each family lives in its own file and is one line in {@link #ALL}.
 */
interface IoctlFamily {
    /** The media and storage families (hdio, evdev, nbd, loop, block, ubi, scsi). */
    List<IoctlFamily> MEDIA_AND_STORAGE = List.of(new HdioIoctls(), new EvdevIoctls(), new NbdIoctls(),
            new LoopIoctls(), new BlockIoctls(), new UbiIoctls(), new ScsiIoctls());

    /** The other families (fiemap, gpio, ptp, seccomp, rtc, termios, userfaultfd, sockets). */
    List<IoctlFamily> OTHERS = List.of(new FiemapIoctls(), new GpioIoctls(), new PtpIoctls(),
            new SeccompIoctls(), new RtcIoctls(), new TermIoctls(), new UffdIoctls(),
            new SockIoctls(), new MtdIoctls(), new KvmIoctls(), new DmIoctls(), new V4l2Ioctls());

    /** The families, asked in order (their request sets do not overlap). */
    List<IoctlFamily> ALL = java.util.stream.Stream.concat(MEDIA_AND_STORAGE.stream(), OTHERS.stream()).toList();

    /** {@return the family that decodes {@code req}, or null} */
    static IoctlFamily of(long req) {
        for (IoctlFamily f : ALL) if (f.decodes(req)) return f;
        return null;
    }

    /**
     * {@return the structs this family reads, declared once with the C headers that declare them}
     * The tracer copies their sizes and the family reads their members' offsets;
     * {@code StructLayoutsProbeTest} checks each against the headers of every arch.
     */
    default List<CallStructLayouts.Declared> layouts() {
        return List.of();
    }

    /** {@return whether this family decodes {@code req} (a 32-bit request number)} */
    boolean decodes(long req);

    /** Copies at entry what the entry part prints ({@code arg}: ioctl's third argument). */
    default void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {}

    /** Copies at a successful exit what the exit part prints ({@code rval}: the result, evdev's lengths). */
    default void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        captureExit(req, arg, mem, opt);
    }

    /** {@return whether {@link #captureExit} runs after a failed call too (strace's umove at exit ignoring the error)} */
    default boolean capturesAtFailedExit(long req) {
        return false;
    }

    /** Copies at a successful exit what the exit part prints, for a family the result does not shape. */
    default void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {}

    /** {@return the argument as strace prints it, or null when it prints none} */
    Value arg(CallContext c, long req, long arg);

    /** {@return whether strace prints the argument at exit (a getter), after {@code resumed>}} */
    default boolean printsAtExit(long req) {
        return false;
    }

    /** {@return the decoration of a successful result ({@code 0 (...)}), or null for the plain number} */
    default String result(CallContext c, long req) {
        return null;
    }
}
