package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls on event descriptors that strace decodes with flag sets of their own:
 * timerfd_settime/timerfd_gettime (src/time.c: the TFD_* flags, the new value at entry,
 * the old or current value at exit) and inotify_add_watch (src/inotify.c: the IN_* mask).
 */
final class FdEventFormats {
    /** strace's timerfdflags; glibc declares them as enumerators (sys/timerfd.h), so the values are here. */
    static final ConstTable TIMERFD_FLAGS = ConstTable.flags("TFD_???",
            "TFD_TIMER_ABSTIME TFD_TIMER_CANCEL_ON_SET TFD_CLOEXEC TFD_NONBLOCK");
    static final ConstTable INOTIFY_MASK = ConstTable.flags("IN_???", """
            IN_ACCESS IN_MODIFY IN_ATTRIB IN_CLOSE_WRITE IN_CLOSE_NOWRITE IN_OPEN IN_MOVED_FROM IN_MOVED_TO
            IN_CREATE IN_DELETE IN_DELETE_SELF IN_MOVE_SELF IN_UNMOUNT IN_Q_OVERFLOW IN_IGNORED IN_ONLYDIR
            IN_DONT_FOLLOW IN_EXCL_UNLINK IN_MASK_CREATE IN_MASK_ADD IN_ISDIR IN_ONESHOT""");

    private FdEventFormats() {}

    private static void fdPath(TraceeMemory mem, DecodeOptions opt, long fd) {
        if (opt.capturesFdPaths()) mem.fdPath((int) fd);
    }

    /** timerfd_settime(fd, flags, new_value, old_value). */
    static final class TimerfdSettime implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            fdPath(mem, opt, args[0]);
            if (args[2] != 0) mem.bytes(args[2], (int) StructLayouts.ITIMERSPEC.byteSize());
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (args[3] != 0) mem.bytes(args[3], (int) StructLayouts.ITIMERSPEC.byteSize());
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(4);
            out.add(c.fd((int) c.arg(0)));
            out.add(TIMERFD_FLAGS.sym(c.arg(1) & 0xffffffffL));
            out.add(OtherStructs.itimer(c.in, c.arg(2), "tv_nsec"));
            long old = c.arg(3);
            out.add(c.succeeded() && old != 0 ? OtherStructs.itimer(c.out, old, "tv_nsec") : new Value.Ptr(old));
            return new Decoded(out, 3, null);
        }
    }

    /** timerfd_gettime(fd, curr_value). */
    static final class TimerfdGettime implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            fdPath(mem, opt, args[0]);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (args[1] != 0) mem.bytes(args[1], (int) StructLayouts.ITIMERSPEC.byteSize());
        }

        @Override
        public Decoded decode(CallContext c) {
            long cur = c.arg(1);
            Value v = c.succeeded() && cur != 0 ? OtherStructs.itimer(c.out, cur, "tv_nsec") : new Value.Ptr(cur);
            return new Decoded(List.of(c.fd((int) c.arg(0)), v), 1, null);
        }
    }

    /** inotify_add_watch(fd, path, mask). */
    static final class InotifyAddWatch implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            fdPath(mem, opt, args[0]);
            if (args[1] != 0) mem.string(args[1], CapturePlan.PATH_MAX);
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(c.fd((int) c.arg(0)), c.string(c.in, c.arg(1), true),
                    INOTIFY_MASK.sym(c.arg(2) & 0xffffffffL)));
        }
    }
}
