package dev.jstrace.decode;

import static dev.jstrace.decode.ArgListFormat.dirfd;
import static dev.jstrace.decode.ArgListFormat.fd;
import static dev.jstrace.decode.ArgListFormat.flags;
import static dev.jstrace.decode.ArgListFormat.flags64;
import static dev.jstrace.decode.ArgListFormat.path;

import dev.jstrace.proc.TraceeMemory;
import java.util.List;
import java.util.Map;

/**
 * fanotify_init(2) and fanotify_mark(2) as strace 6.1's src/fanotify.c prints them: the class
 * ({@code FAN_CLASS_NOTIF}) then the init flags, the event file flags as open(2)'s; the mark's
 * flags, its 64-bit event mask, {@code FAN_NOFD} or a directory fd, and the path.
 */
final class FanotifyFormats {
    /** strace's fan_classes: the class bits of fanotify_init's flags (FAN_ALL_CLASS_BITS). */
    static final ConstTable CLASSES = ConstTable.enumHex("FAN_CLASS_???",
            "FAN_CLASS_NOTIF FAN_CLASS_CONTENT FAN_CLASS_PRE_CONTENT");
    static final ConstTable INIT_FLAGS = ConstTable.flags("FAN_???", """
            FAN_CLOEXEC FAN_NONBLOCK FAN_UNLIMITED_QUEUE FAN_UNLIMITED_MARKS FAN_ENABLE_AUDIT FAN_REPORT_PIDFD
            FAN_REPORT_TID FAN_REPORT_FID FAN_REPORT_DIR_FID FAN_REPORT_NAME FAN_REPORT_TARGET_FID""");
    static final ConstTable MARK_FLAGS = ConstTable.flags("FAN_MARK_???", """
            FAN_MARK_ADD FAN_MARK_REMOVE FAN_MARK_DONT_FOLLOW FAN_MARK_ONLYDIR FAN_MARK_MOUNT FAN_MARK_IGNORED_MASK
            FAN_MARK_IGNORED_SURV_MODIFY FAN_MARK_FLUSH FAN_MARK_FILESYSTEM FAN_MARK_EVICTABLE FAN_MARK_IGNORE""");
    static final ConstTable EVENTS = ConstTable.flags("FAN_???", """
            FAN_ACCESS FAN_MODIFY FAN_ATTRIB FAN_CLOSE_WRITE FAN_CLOSE_NOWRITE FAN_OPEN FAN_MOVED_FROM FAN_MOVED_TO
            FAN_CREATE FAN_DELETE FAN_DELETE_SELF FAN_MOVE_SELF FAN_OPEN_EXEC FAN_Q_OVERFLOW FAN_FS_ERROR
            FAN_OPEN_PERM FAN_ACCESS_PERM FAN_OPEN_EXEC_PERM FAN_DIR_MODIFY FAN_ONDIR FAN_EVENT_ON_CHILD
            FAN_RENAME""");
    private static final ConstTable NOFD = ConstTable.enumDec("", "FAN_NOFD");
    private static final long NOFD_VALUE = NOFD.parse("FAN_NOFD");
    /** FAN_ALL_CLASS_BITS, as strace defines it. */
    private static final long CLASS_BITS = CLASSES.parse("FAN_CLASS_NOTIF|FAN_CLASS_CONTENT|FAN_CLASS_PRE_CONTENT");

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of(
            "fanotify_init", ArgListFormat.returningFd(FanotifyFormats::initFlags,
                    (c, i) -> ArgDecoder.openFlags(c, c.arg(i))),
            "fanotify_mark", ArgListFormat.of(fd(), flags(MARK_FLAGS), flags64(EVENTS), new MarkDirfd(), path()));

    private FanotifyFormats() {}

    /** The class by value, then the other bits as flags: {@code FAN_CLASS_CONTENT|FAN_CLOEXEC}. */
    private static Value initFlags(CallContext c, int i) {
        long flags = c.arg(i) & 0xffffffffL;
        Value cls = CLASSES.sym(flags & CLASS_BITS);
        long rest = flags & ~CLASS_BITS;
        if (rest == 0) return cls;
        return new Value.Text(c.text(cls) + "|" + c.text(INIT_FLAGS.sym(rest)));
    }

    /** fanotify_mark's dirfd: {@code FAN_NOFD} (print_xlat_d) or print_dirfd. */
    private static final class MarkDirfd implements ArgListFormat.Arg {
        private final ArgListFormat.Arg dirfd = dirfd();

        @Override
        public void capture(long a, TraceeMemory mem, DecodeOptions opt) {
            if ((int) a != NOFD_VALUE) dirfd.capture(a, mem, opt);
        }

        @Override
        public Value decode(CallContext c, int i) {
            if ((int) c.arg(i) != NOFD_VALUE) return dirfd.decode(c, i);
            return new Value.Sym(NOFD_VALUE, Value.Radix.DEC, List.of("FAN_NOFD"), 0, null);
        }
    }
}
