package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The multiplexed calls whose later arguments depend on an earlier one:
 * fcntl (by command), ioctl (by request), futex (by operation), and clone,
 * which strace prints with argument names.
 */
final class ControlCalls {
    /** The fcntl commands compared outside a switch (values from the headers through {@link HeaderValues}). */
    static final int F_DUPFD = fcntl("F_DUPFD"), F_DUPFD_CLOEXEC = fcntl("F_DUPFD_CLOEXEC"),
            F_GETFD = fcntl("F_GETFD"), F_GETFL = fcntl("F_GETFL"), F_GETOWN = fcntl("F_GETOWN"),
            F_GETSIG = fcntl("F_GETSIG"), F_GETLEASE = fcntl("F_GETLEASE"), F_GET_SEALS = fcntl("F_GET_SEALS");
    private static final int FUTEX_WAIT = futex("FUTEX_WAIT"), FUTEX_FD = futex("FUTEX_FD"),
            FUTEX_WAIT_BITSET = futex("FUTEX_WAIT_BITSET"), FUTEX_LOCK_PI = futex("FUTEX_LOCK_PI"),
            FUTEX_LOCK_PI2 = futex("FUTEX_LOCK_PI2"), FUTEX_WAIT_REQUEUE_PI = futex("FUTEX_WAIT_REQUEUE_PI");
    /** linux/futex.h's FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME, and the command bits under them. */
    private static final int FUTEX_PRIVATE_FLAG = (int) HeaderValues.common("FUTEX_PRIVATE_FLAG"),
            FUTEX_CLOCK_REALTIME = (int) HeaderValues.common("FUTEX_CLOCK_REALTIME"),
            FUTEX_CMD_MASK = ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME),
            /** strace's do_futex command: {@code op & 127}, the bits below FUTEX_PRIVATE_FLAG. */
            FUTEX_LOW_BITS = FUTEX_PRIVATE_FLAG - 1;
    static final long TIOCGWINSZ = IoctlRequests.required("TIOCGWINSZ"), TIOCSWINSZ = IoctlRequests.required("TIOCSWINSZ"),
            FIONREAD = IoctlRequests.required("FIONREAD"), FIONBIO = IoctlRequests.required("FIONBIO"),
            TIOCGPGRP = IoctlRequests.required("TIOCGPGRP"), TIOCSPGRP = IoctlRequests.required("TIOCSPGRP"),
            TIOCOUTQ = IoctlRequests.required("TIOCOUTQ"), FIOCLEX = IoctlRequests.required("FIOCLEX"),
            FIONCLEX = IoctlRequests.required("FIONCLEX");

    private static int fcntl(String name) {
        return (int) Constants.FCNTL_CMD.parse(name);
    }

    private static int futex(String name) {
        return (int) Constants.FUTEX_CMD.parse(name);
    }

    /**
     * The header name of fcntl's command, "" for a number the headers do not name (not null: a
     * switch with {@code case null} bootstraps through SwitchBootstraps at its first run).
     */
    private static String fcntlName(int cmd) {
        String n = Constants.FCNTL_CMD.name(cmd & 0xffffffffL);
        return n == null ? "" : n;
    }

    private ControlCalls() {}

    /** fcntl's third argument, or null when the command takes none. */
    static Value fcntlArg(CallContext c, int cmd, long a) {
        return switch (fcntlName(cmd)) {
            case "F_GETFD", "F_GETFL", "F_GETOWN", "F_GETSIG", "F_GETLEASE", "F_GETPIPE_SZ", "F_GET_SEALS" -> null;
            case "F_SETFD" -> c.sym(Constants.FD_FLAGS, a & 0xffffffffL);
            case "F_SETFL" -> ArgDecoder.openFlags(c, a);
            case "F_SETLK", "F_SETLKW", "F_OFD_SETLK", "F_OFD_SETLKW" -> flock(c, c.in, a, false);
            // F_GETLK/F_OFD_GETLK: the lock the kernel reports, with its owner, read at exit.
            case "F_GETLK", "F_OFD_GETLK" -> c.succeeded() ? flock(c, c.out, a, true) : new Value.Ptr(a);
            case "F_SETOWN" -> c.tgidPgid((int) a);
            case "F_SETSIG" -> ArgDecoder.signal(c, (int) a);
            case "F_SETLEASE" -> c.sym(LEASE_TYPE, a);
            case "F_NOTIFY" -> c.sym(NOTIFY_EVENTS, a);
            case "F_ADD_SEALS" -> c.sym(SEALS, a);
            // F_SETOWN_EX reads a struct f_owner_ex, F_GETOWN_EX fills it.
            case "F_SETOWN_EX" -> ownerEx(c, c.in, a);
            case "F_GETOWN_EX" -> c.succeeded() ? ownerEx(c, c.out, a) : new Value.Ptr(a);
            default -> new Value.Num((int) a, Value.Radix.DEC);
        };
    }

    /** sizeof(struct flock) ({@link CallStructLayouts#FLOCK}). */
    static final int FLOCK_SIZE = StructLayouts.size(CallStructLayouts.FLOCK);
    private static final ConstTable LOCK_TYPE = ConstTable.enumHex("F_???", "F_RDLCK F_WRLCK F_UNLCK");

    /** Whether fcntl's command reads a struct flock at entry (the set commands) or at exit (the get ones). */
    static int flockCapture(int cmd) {
        return switch (fcntlName(cmd)) {
            case "F_SETLK", "F_SETLKW", "F_OFD_SETLK", "F_OFD_SETLKW" -> FLOCK_SIZE;
            case "F_GETLK", "F_OFD_GETLK" -> -FLOCK_SIZE;
            case "F_SETOWN_EX" -> OWNER_EX_SIZE;
            case "F_GETOWN_EX" -> -OWNER_EX_SIZE;
            default -> 0;
        };
    }

    /** strace's lockfcmds, printed in hex when raw (printxval64). */
    private static final ConstTable LEASE_TYPE = ConstTable.enumHex("F_???", "F_RDLCK F_WRLCK F_UNLCK");
    private static final ConstTable NOTIFY_EVENTS = ConstTable.flags("DN_???",
            "DN_ACCESS DN_MODIFY DN_CREATE DN_DELETE DN_RENAME DN_ATTRIB DN_MULTISHOT");
    private static final ConstTable SEALS = ConstTable.flags("F_SEAL_???",
            "F_SEAL_SEAL F_SEAL_SHRINK F_SEAL_GROW F_SEAL_WRITE F_SEAL_FUTURE_WRITE");

    /** sizeof(struct f_owner_ex) ({@link CallStructLayouts#F_OWNER_EX}). */
    static final int OWNER_EX_SIZE = StructLayouts.size(CallStructLayouts.F_OWNER_EX);
    /** asm-generic/fcntl.h's owner types (the generator's fcntl group leaves F_OWNER_* out). */
    private static final ConstTable OWNER_TYPE = ConstTable.enumHex("F_OWNER_???",
            "F_OWNER_TID F_OWNER_PID F_OWNER_PGRP");

    /** {@code {type=F_OWNER_TID, pid=1234567890}}. */
    private static Value ownerEx(CallContext c, dev.jstrace.proc.Snapshot mem, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, OWNER_EX_SIZE);
        if (b == null) return new Value.Unreadable(a);
        long type = CallStructLayouts.OWNER_TYPE.u(b);
        // strace's print_f_owner_ex: the pid's kind follows the type (F_OWNER_TID, _PID, _PGRP).
        PidNamespaces.Kind kind = switch (String.valueOf(OWNER_TYPE.name(type))) {
            case "F_OWNER_TID" -> PidNamespaces.Kind.TID;
            case "F_OWNER_PID" -> PidNamespaces.Kind.TGID;
            case "F_OWNER_PGRP" -> PidNamespaces.Kind.PGID;
            default -> null;
        };
        return new Value.Struct(List.of(new Value.Field("type", c.sym(OWNER_TYPE, type)),
                new Value.Field("pid", c.pid((int) CallStructLayouts.OWNER_PID.s(b), kind))), false);
    }

    /** {@code {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0}} (and {@code l_pid} for the get commands). */
    private static Value flock(CallContext c, dev.jstrace.proc.Snapshot mem, long a, boolean withPid) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, FLOCK_SIZE);
        if (b == null) return new Value.Unreadable(a);
        List<Value.Field> fs = new java.util.ArrayList<>(5);
        fs.add(new Value.Field("l_type", c.sym(LOCK_TYPE, CallStructLayouts.L_TYPE.s(b))));
        fs.add(new Value.Field("l_whence", c.sym(Constants.SEEK, CallStructLayouts.L_WHENCE.s(b))));
        fs.add(new Value.Field("l_start", new Value.Num(CallStructLayouts.L_START.s(b), Value.Radix.DEC)));
        fs.add(new Value.Field("l_len", new Value.Num(CallStructLayouts.L_LEN.s(b), Value.Radix.DEC)));
        if (withPid) fs.add(new Value.Field("l_pid", c.pid((int) CallStructLayouts.L_PID.s(b), PidNamespaces.Kind.TGID)));
        return new Value.Struct(fs, false);
    }

    /** fcntl's result decoration, {@code 0x8001 (flags O_WRONLY|O_LARGEFILE)}; null for a plain number. */
    static String fcntlResult(CallContext c, int cmd, long rval) {
        // strace's auxstr results: the lease type (RVAL_HEX), the seals, the signal's name.
        if (cmd == F_GETLEASE) {
            String n = LEASE_TYPE.name(rval);
            return (rval == 0 ? "0" : "0x" + Long.toHexString(rval)) + (n == null ? "" : " (" + n + ")");
        }
        if (cmd == F_GET_SEALS && rval != 0) {
            Value.Sym s = SEALS.sym(rval);
            String names = String.join("|", s.names()) + (s.rest() != 0 ? "|0x" + Long.toHexString(s.rest()) : "");
            // sprintflags (not the auxstr mode): bits no name covers still print.
            return "0x" + Long.toHexString(rval) + " (seals " + (s.names().isEmpty() ? "0x" + Long.toHexString(rval)
                    : names) + ")";
        }
        if (cmd == F_GETSIG && rval != 0) return rval + " (" + SignalNames.name((int) rval) + ")";
        if (rval == 0 || (cmd != F_GETFD && cmd != F_GETFL)) return null;
        String flags = cmd == F_GETFD ? Constants.FD_FLAGS.render(rval, DecodeOptions.Xlat.ABBREV)
                : ArgDecoder.renderOpenFlags(c.arch, rval);
        return "0x" + Long.toHexString(rval) + " (flags " + flags + ")";
    }

    /** Whether fcntl's command returns a new fd (decorated under {@code -y}). */
    static boolean fcntlReturnsFd(int cmd) {
        return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC;
    }

    /** FICLONE, which strace names after its btrfs original too. */
    static final long FICLONE = IoctlRequests.required("FICLONE");

    /** The request's name as strace prints it ({@code BTRFS_IOC_CLONE or FICLONE} for a shared number). */
    static Value ioctlRequest(CallContext c, long req) {
        return IoctlRequests.request(req, c.opt.xlat() == DecodeOptions.Xlat.VERBOSE);
    }

    static final long TCGETS = IoctlRequests.required("TCGETS"), TCSETS = IoctlRequests.required("TCSETS"),
            TCSETSW = IoctlRequests.required("TCSETSW"), TCSETSF = IoctlRequests.required("TCSETSF");

    private static boolean setsTermios(long req) {
        return req == TCSETS || req == TCSETSW || req == TCSETSF;
    }

    private static Value termios(CallContext c, dev.jstrace.proc.Snapshot mem, long a) {
        byte[] b = MemoryView.struct(mem, a, TermiosDecoder.SIZE);
        return b == null ? new Value.Unreadable(a) : TermiosDecoder.render(c, b);
    }

    static Value ioctlArg(CallContext c, long req, long a) {
        // strace prints no argument for the close-on-exec requests, and FICLONE's as the source fd.
        if (req == FIONCLEX || req == FIOCLEX) return null;
        if (req == FICLONE) return c.fd((int) a);
        if (req == FIONBIO || req == TIOCSPGRP) {
            byte[] b = MemoryView.struct(c.in, a, 4);
            return b == null ? new Value.Ptr(a)
                    : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
        }
        if (req == TIOCSWINSZ) return winsize(c.in.find(a) == null ? null : MemoryView.struct(c.in, a, StructLayouts.size(StructLayouts.WINSIZE)), a);
        if (setsTermios(req) && a != 0) return termios(c, c.in, a);
        Value family = IoctlFamilies.arg(c, req, a);
        if (family != IoctlFamilies.UNDECODED) return family;
        // strace prints an argument no decoder knows with %#lx: 0, not NULL.
        if (ioctlCapture(req) == 0) return new Value.Num(a, Value.Radix.HEX);
        if (!c.succeeded()) return new Value.Ptr(a);
        if (req == TCGETS && a != 0) return termios(c, c.out, a);
        if (req == TIOCGWINSZ) return winsize(MemoryView.struct(c.out, a, StructLayouts.size(StructLayouts.WINSIZE)), a);
        if (req == FIONREAD || req == TIOCGPGRP || req == TIOCOUTQ) {
            byte[] b = MemoryView.struct(c.out, a, 4);
            return b == null ? new Value.Ptr(a)
                    : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
        }
        return new Value.Ptr(a);
    }

    private static Value winsize(byte[] b, long a) {
        if (b == null) return new Value.Ptr(a);
        return new Value.Struct(List.of(
                new Value.Field("ws_row", new Value.Num(MemoryView.u16(b, StructLayouts.WS_ROW), Value.Radix.DEC)),
                new Value.Field("ws_col", new Value.Num(MemoryView.u16(b, StructLayouts.WS_COL), Value.Radix.DEC)),
                new Value.Field("ws_xpixel", new Value.Num(MemoryView.u16(b, StructLayouts.WS_XPIXEL), Value.Radix.DEC)),
                new Value.Field("ws_ypixel", new Value.Num(MemoryView.u16(b, StructLayouts.WS_YPIXEL), Value.Radix.DEC))),
                false);
    }

    /** The ioctl requests whose argument is captured at entry (the setters) and at exit (the getters). */
    static int ioctlCapture(long req) {
        int family = IoctlFamilies.capture(req);
        if (family != 0) return family;
        if (req == FIONBIO || req == TIOCSPGRP) return Integer.BYTES;
        if (req == TIOCSWINSZ) return StructLayouts.size(StructLayouts.WINSIZE);
        if (setsTermios(req)) return TermiosDecoder.SIZE;
        if (req == TCGETS) return -TermiosDecoder.SIZE;
        if (req == TIOCGWINSZ) return -StructLayouts.size(StructLayouts.WINSIZE);
        if (req == FIONREAD || req == TIOCGPGRP || req == TIOCOUTQ) return -Integer.BYTES;
        return 0;
    }

    /** {@code FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME}. */
    static Value futexOp(CallContext c, int op) {
        // strace prints the operation with %#x under -X raw and verbose (0x81 /* FUTEX_WAKE_PRIVATE */).
        int cmd = op & FUTEX_CMD_MASK;
        String n = Constants.FUTEX_CMD.name(cmd);
        // strace's futexops list names each command, its _PRIVATE form, and |FUTEX_CLOCK_REALTIME only
        // for the waits; any other value is unknown as a whole: 0x201 /* FUTEX_??? */, not 513_PRIVATE.
        boolean clockOk = cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET || cmd == FUTEX_WAIT_REQUEUE_PI;
        if (n == null || ((op & FUTEX_CLOCK_REALTIME) != 0 && !clockOk)) {
            return new Value.Sym(op & 0xffffffffL, Value.Radix.HEX, List.of(), 0, "FUTEX_???");
        }
        String name = n + ((op & FUTEX_PRIVATE_FLAG) == 0 ? "" : cmd == FUTEX_FD ? "|FUTEX_PRIVATE_FLAG" : "_PRIVATE");
        List<String> names = (op & FUTEX_CLOCK_REALTIME) != 0 ? List.of(name, "FUTEX_CLOCK_REALTIME") : List.of(name);
        return new Value.Sym(op & 0xffffffffL, Value.Radix.HEX, names, 0, null);
    }

    /** Whether futex's fourth register is a timeout pointer for {@code op}. */
    static boolean futexHasTimeout(int op) {
        int cmd = op & FUTEX_LOW_BITS;
        return cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET || cmd == FUTEX_LOCK_PI || cmd == FUTEX_LOCK_PI2
                || cmd == FUTEX_WAIT_REQUEUE_PI;
    }

    /**
     * futex's argument {@code i} (2..5) as the operation shapes it, or null when strace omits it.
     * As strace's do_futex: the arguments follow the command ({@code op & 127}) even when the
     * operation as a whole has no name, and the values are unsigned 32-bit ({@code %u}).
     */
    static Value futexArg(CallContext c, int i, long a) {
        int cmd = (int) c.arg(1) & FUTEX_LOW_BITS;
        Value val = new Value.Num(a & 0xffffffffL, Value.Radix.DEC);
        Value timeout = i == 3 ? StructDecoders.timespec(c.in, a) : null;
        String name = Constants.FUTEX_CMD.name(cmd & 0xffffffffL);
        return switch (name == null ? "" : name) {
            case "FUTEX_WAIT" -> i == 2 ? val : i == 3 ? timeout : null;
            case "FUTEX_WAKE", "FUTEX_FD" -> i == 2 ? val : null;
            case "FUTEX_WAIT_BITSET" -> i == 2 ? val : i == 3 ? timeout : i == 5 ? bitset(c, a) : null;
            case "FUTEX_WAKE_BITSET" -> i == 2 ? val : i == 5 ? bitset(c, a) : null;
            case "FUTEX_REQUEUE" -> i == 2 || i == 3 ? val : i == 4 ? new Value.Ptr(a) : null;
            case "FUTEX_CMP_REQUEUE", "FUTEX_CMP_REQUEUE_PI" -> i == 4 ? new Value.Ptr(a) : val;
            case "FUTEX_WAKE_OP" -> i == 4 ? new Value.Ptr(a) : i == 5 ? wakeOp(c, (int) a) : val;
            case "FUTEX_LOCK_PI", "FUTEX_LOCK_PI2" -> i == 3 ? timeout : null;
            case "FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI" -> null;
            case "FUTEX_WAIT_REQUEUE_PI" -> i == 2 ? val : i == 3 ? timeout : i == 4 ? new Value.Ptr(a) : null;
            default -> i == 3 || i == 4 ? new Value.Ptr(a) : i == 5 ? new Value.Num(a & 0xffffffffL,
                    Value.Radix.HEX) : val;
        };
    }

    /** linux/futex.h's FUTEX_OP_* and FUTEX_OP_CMP_* (strace's futexwakeops, futexwakecmps). */
    private static final ConstTable FUTEX_WAKE_OPS = ConstTable.enumHex(null,
            "FUTEX_OP_SET FUTEX_OP_ADD FUTEX_OP_OR FUTEX_OP_ANDN FUTEX_OP_XOR");
    private static final ConstTable FUTEX_WAKE_CMPS = ConstTable.enumHex(null, "FUTEX_OP_CMP_EQ FUTEX_OP_CMP_NE"
            + " FUTEX_OP_CMP_LT FUTEX_OP_CMP_LE FUTEX_OP_CMP_GT FUTEX_OP_CMP_GE");

    /** FUTEX_WAKE_OP's encoded operation, {@code FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_EQ<<24|0x2}. */
    private static Value wakeOp(CallContext c, int v) {
        StringBuilder sb = new StringBuilder();
        if (((v >>> 28) & 8) != 0) {
            sb.append(c.text(new Value.Sym(8, Value.Radix.HEX, List.of("FUTEX_OP_OPARG_SHIFT"), 0, null)))
                    .append("<<28|");
        }
        wakeOpField(c, sb, FUTEX_WAKE_OPS, (v >>> 28) & 7, 28, "FUTEX_OP_???");
        sb.append('|').append(c.text(new Value.Num((v >>> 12) & 0xfff, Value.Radix.HEX))).append("<<12|");
        wakeOpField(c, sb, FUTEX_WAKE_CMPS, (v >>> 24) & 0xf, 24, "FUTEX_OP_CMP_???");
        sb.append('|').append(c.text(new Value.Num(v & 0xfff, Value.Radix.HEX)));
        return new Value.Text(sb.toString());
    }

    private static void wakeOpField(CallContext c, StringBuilder sb, ConstTable t, int v, int shift, String unknown) {
        Value.Sym s = t.sym(v);
        boolean named = !s.names().isEmpty();
        sb.append(c.text(named ? s : new Value.Num(v, Value.Radix.HEX))).append("<<").append(shift);
        if (!named) sb.append(" /* ").append(unknown).append(" */");
    }

    private static Value bitset(CallContext c, long a) {
        int v = (int) a;
        return v == -1 ? new Value.Sym(v & 0xffffffffL, Value.Radix.HEX, List.of("FUTEX_BITSET_MATCH_ANY"), 0, null)
                : new Value.Num(v & 0xffffffffL, Value.Radix.HEX);
    }

    /**
     * clone as strace prints it: {@code child_stack=NULL, flags=...|SIGCHLD, child_tidptr=0x...};
     * registers are mapped through {@link SignatureCatalog#cloneRegister} (the arch difference).
     */
    static List<Value> clone(CallContext c, boolean atExitToo) {
        long flags = c.arg(SignatureCatalog.cloneRegister(c.arch, 0));
        long stack = c.arg(SignatureCatalog.cloneRegister(c.arch, 1));
        long ptid = c.arg(SignatureCatalog.cloneRegister(c.arch, 2));
        long ctid = c.arg(SignatureCatalog.cloneRegister(c.arch, 3));
        long tls = c.arg(SignatureCatalog.cloneRegister(c.arch, 4));
        List<Value> out = new ArrayList<>(5);
        out.add(named("child_stack", new Value.Ptr(stack)));
        if ((flags & (0x100000 | 0x1000)) != 0) out.add(named("parent_tid", new Value.Ptr(ptid)));
        out.add(named("flags", ArgDecoder.decode(ArgType.CLONE_FLAGS, SignatureCatalog.cloneRegister(c.arch, 0), c)));
        if ((flags & (0x1000000 | 0x200000)) != 0) out.add(named("child_tidptr", new Value.Ptr(ctid)));
        if ((flags & 0x80000) != 0) out.add(named("tls", new Value.Ptr(tls)));
        return out;
    }

    private static Value named(String name, Value v) {
        return new Value.Named(name, v);
    }
}
