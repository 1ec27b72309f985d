package dev.jstrace.decode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ioctl's third argument for the requests strace's family decoders print
 * simply, declared as data by request name (the numbers come from the generated
 * {@link dev.jstrace.arch.gen.IoctlNames} table): no argument, the argument as a
 * number, a number read through the pointer at entry (setters) or at exit
 * (getters, only when the call succeeded), a flag word, or just the address.
 * The rules follow strace's block, watchdog, rtc, random, loop, nsfs, inotify,
 * socket, tty-modem, fs-flags, counter and lirc decoders.
 */
final class IoctlFamilies {
    /** Returned by {@link #arg} when no family decodes the request (the generic rules apply). */
    static final Value UNDECODED = new Value.Text("<undecoded>");

    /** How a request's argument prints. */
    enum Kind {
        /** strace prints no argument. */ NONE,
        /** The argument itself, unsigned decimal ({@code PRINT_VAL_U}). */ VALUE_U,
        /** The argument itself as an int ({@code PRINT_VAL_D((int) arg)}). */ VALUE_INT,
        /** A number read at entry, {@code [5]}. */ IN,
        /** A number read at exit when the call succeeded, {@code [5]}. */ OUT,
        /** Two u64 read at entry, {@code [1, 2]}. */ PAIR64_IN,
        /** The address only. */ ADDR,
        /** A struct read at entry ({@link Rule#struct} prints it). */ STRUCT_IN,
        /** A struct read at exit when the call succeeded. */ STRUCT_OUT
    }

    /** Prints a struct argument from its copied bytes (at least the rule's width). */
    interface StructPrinter {
        /**
         * {@return the struct's value}
         *
         * @param c    the call
         * @param b    the bytes copied at the argument's address
         * @param addr the address
         */
        Value print(CallContext c, byte[] b, long addr);
    }

    /** One request's rule: the kind, the number's width in bytes, radix and sign, and a flag table. */
    record Rule(Kind kind, int width, boolean signed, ConstTable flags, StructPrinter struct) {
        Rule(Kind kind, int width, boolean signed, ConstTable flags) {
            this(kind, width, signed, flags, null);
        }
    }

    static final ConstTable MODEM_FLAGS = ConstTable.flags("TIOCM_???", """
            TIOCM_LE TIOCM_DTR TIOCM_RTS TIOCM_ST TIOCM_SR TIOCM_CTS TIOCM_CAR
            TIOCM_RNG TIOCM_DSR TIOCM_OUT1 TIOCM_OUT2 TIOCM_LOOP""");
    static final ConstTable FS_FLAGS = ConstTable.flags("FS_???_FL", """
            FS_SECRM_FL FS_UNRM_FL FS_COMPR_FL FS_SYNC_FL FS_IMMUTABLE_FL FS_APPEND_FL
            FS_NODUMP_FL FS_NOATIME_FL FS_DIRTY_FL FS_COMPRBLK_FL FS_NOCOMP_FL
            FS_ENCRYPT_FL FS_INDEX_FL FS_IMAGIC_FL FS_JOURNAL_DATA_FL FS_NOTAIL_FL
            FS_DIRSYNC_FL FS_TOPDIR_FL FS_HUGE_FILE_FL FS_EXTENT_FL
            FS_VERITY_FL FS_EA_INODE_FL FS_EOFBLOCKS_FL FS_NOCOW_FL
            FS_DAX_FL FS_INLINE_DATA_FL FS_PROJINHERIT_FL FS_CASEFOLD_FL
            FS_RESERVED_FL""");

    static final ConstTable LIRC_MODES = ConstTable.enumHex("LIRC_MODE_???", """
            LIRC_MODE_RAW LIRC_MODE_PULSE LIRC_MODE_MODE2 LIRC_MODE_SCANCODE LIRC_MODE_LIRCCODE""");

    static final ConstTable LIRC_FEATURES = ConstTable.flags("LIRC_CAN_???", """
            LIRC_CAN_SEND_PULSE LIRC_CAN_SEND_LIRCCODE LIRC_CAN_SET_SEND_CARRIER
            LIRC_CAN_SET_SEND_DUTY_CYCLE LIRC_CAN_SET_TRANSMITTER_MASK LIRC_CAN_REC_MODE2
            LIRC_CAN_REC_SCANCODE LIRC_CAN_REC_LIRCCODE LIRC_CAN_SET_REC_CARRIER
            LIRC_CAN_MEASURE_CARRIER LIRC_CAN_USE_WIDEBAND_RECEIVER
            LIRC_CAN_SET_REC_TIMEOUT LIRC_CAN_GET_REC_RESOLUTION
            LIRC_CAN_SET_REC_CARRIER_RANGE""");

    private static final Map<Long, Rule> RULES = new HashMap<>();
    /** Requests whose number prints in hex ({@code [0x1f]}: LIRC_SET_TRANSMITTER_MASK). */
    private static final java.util.Set<Long> HEX = new java.util.HashSet<>();

    static {
        rule(Kind.NONE, 0, false, null, "BLKRRPART BLKFLSBUF BLKTRACESTART BLKTRACESTOP BLKTRACETEARDOWN"
                + " WDIOC_KEEPALIVE RNDZAPENTCNT RNDCLEARPOOL RNDRESEEDCRNG"
                + " NS_GET_USERNS NS_GET_PARENT NS_GET_NSTYPE RTC_AIE_OFF RTC_AIE_ON RTC_PIE_OFF RTC_PIE_ON"
                + " RTC_UIE_OFF RTC_UIE_ON RTC_VL_CLR RTC_WIE_OFF RTC_WIE_ON FIFREEZE FITHAW COUNTER_ENABLE_EVENTS_IOCTL"
                + " COUNTER_DISABLE_EVENTS_IOCTL");
        rule(Kind.VALUE_U, 8, false, null, "BLKRASET BLKFRASET RTC_EPOCH_SET RTC_IRQP_SET");
        rule(Kind.VALUE_INT, 4, true, null, "INOTIFY_IOC_SETNEXTWD");
        rule(Kind.OUT, 2, false, null, "BLKSECTGET BLKROTATIONAL");
        rule(Kind.OUT, 4, true, null, "BLKROGET BLKBSZGET BLKSSZGET BLKALIGNOFF WDIOC_GETSTATUS"
                + " WDIOC_GETBOOTSTATUS WDIOC_GETTEMP WDIOC_GETTIMEOUT WDIOC_GETPRETIMEOUT WDIOC_GETTIMELEFT"
                + " RNDGETENTCNT FIOGETOWN SIOCATMARK SIOCGIFENCAP SIOCGPGRP SIOCOUTQNSD");
        rule(Kind.IN, 4, true, null, "BLKROSET BLKBSZSET WDIOC_SETTIMEOUT WDIOC_SETPRETIMEOUT RNDADDTOENTCNT"
                + " FIOSETOWN SIOCSIFENCAP SIOCSPGRP");
        rule(Kind.OUT, 4, false, null, "BLKPBSZGET BLKIOMIN BLKIOOPT BLKDISCARDZEROES BLKGETZONESZ BLKGETNRZONES"
                + " NS_GET_OWNER_UID");
        rule(Kind.OUT, 8, true, null, "BLKRAGET BLKFRAGET");
        rule(Kind.OUT, 8, false, null, "BLKGETSIZE BLKGETSIZE64 BLKGETDISKSEQ RTC_EPOCH_READ RTC_IRQP_READ");
        rule(Kind.PAIR64_IN, 16, false, null, "BLKDISCARD BLKSECDISCARD BLKZEROOUT");
        rule(Kind.OUT, 4, false, MODEM_FLAGS, "TIOCMGET");
        rule(Kind.IN, 4, false, MODEM_FLAGS, "TIOCMBIS TIOCMBIC TIOCMSET");
        rule(Kind.OUT, 4, false, FS_FLAGS, "FS_IOC_GETFLAGS FS_IOC32_GETFLAGS");
        rule(Kind.IN, 4, false, FS_FLAGS, "FS_IOC_SETFLAGS FS_IOC32_SETFLAGS");
        // lirc: every request's argument is a __u32 through the pointer (getters at exit).
        rule(Kind.OUT, 4, false, null, "LIRC_GET_REC_RESOLUTION LIRC_GET_MIN_TIMEOUT LIRC_GET_MAX_TIMEOUT"
                + " LIRC_GET_LENGTH LIRC_GET_REC_TIMEOUT?");
        rule(Kind.OUT, 4, false, LIRC_FEATURES, "LIRC_GET_FEATURES");
        rule(Kind.OUT, 4, false, LIRC_MODES, "LIRC_GET_SEND_MODE LIRC_GET_REC_MODE");
        rule(Kind.IN, 4, false, LIRC_MODES, "LIRC_SET_SEND_MODE LIRC_SET_REC_MODE");
        rule(Kind.IN, 4, false, null, "LIRC_SET_SEND_CARRIER LIRC_SET_REC_CARRIER LIRC_SET_SEND_DUTY_CYCLE"
                + " LIRC_SET_TRANSMITTER_MASK LIRC_SET_REC_TIMEOUT LIRC_SET_REC_TIMEOUT_REPORTS"
                + " LIRC_SET_MEASURE_CARRIER_MODE LIRC_SET_REC_CARRIER_RANGE LIRC_SET_WIDEBAND_RECEIVER");
        HEX.add(IoctlRequests.code("LIRC_SET_TRANSMITTER_MASK"));
        rule(Kind.ADDR, 0, false, null, "SIOCADDDLCI SIOCADDRT SIOCBONDCHANGEACTIVE SIOCBONDENSLAVE"
                + " SIOCBONDINFOQUERY SIOCBONDRELEASE SIOCBONDSETHWADDR SIOCBONDSLAVEINFOQUERY SIOCDARP SIOCDELDLCI"
                + " SIOCDELRT SIOCDIFADDR SIOCDRARP SIOCETHTOOL SIOCGARP SIOCGHWTSTAMP SIOCGIFBR SIOCGIFCOUNT"
                + " SIOCGIFMEM SIOCGIFPFLAGS SIOCGIFVLAN SIOCGMIIPHY SIOCGMIIREG SIOCGRARP SIOCGSKNS SIOCGSTAMP_OLD"
                + " SIOCGSTAMP_NEW SIOCGSTAMPNS_OLD SIOCGSTAMPNS_NEW SIOCRTMSG SIOCSARP SIOCSHWTSTAMP SIOCSIFBR"
                + " SIOCSIFLINK SIOCSIFMEM SIOCSIFPFLAGS SIOCSIFVLAN SIOCSMIIREG SIOCSRARP SIOCWANDEV");
    }

    static {
        struct(Kind.STRUCT_IN, StructLayouts.size(IoctlStructs.FSTRIM_RANGE),
                (c, b, a) -> IoctlStructs.fstrimRange(c, b), "FITRIM");
        int fsxattr = StructLayouts.size(IoctlStructs.FSXATTR);
        struct(Kind.STRUCT_IN, fsxattr, (c, b, a) -> IoctlStructs.fsxattr(c, b, false), "FS_IOC_FSSETXATTR");
        struct(Kind.STRUCT_OUT, fsxattr, (c, b, a) -> IoctlStructs.fsxattr(c, b, true), "FS_IOC_FSGETXATTR");
        struct(Kind.STRUCT_IN, IoctlStructs.RAND_POOL_CAPTURE, IoctlStructs::randPoolInfo, "RNDADDENTROPY");
        struct(Kind.STRUCT_IN, StructLayouts.size(IoctlStructs.COUNTER_WATCH),
                (c, b, a) -> IoctlStructs.counterWatch(c, b), "COUNTER_ADD_WATCH_IOCTL");
    }

    private IoctlFamilies() {}

    private static void struct(Kind kind, int size, StructPrinter p, String name) {
        long code = IoctlRequests.code(name);
        if (code < 0) throw new IllegalStateException("ioctl " + name + " is not in the generated table");
        RULES.put(code, new Rule(kind, size, false, null, p));
    }

    /** The decoration strace adds to a successful result ({@code 268435456 (CLONE_NEWUSER)}), or null. */
    static String result(CallContext c, long req) {
        if (req == NS_GET_NSTYPE) {
            String n = IoctlStructs.SETNS_TYPES.name(c.rval);
            return n == null ? null : c.rval + " (" + n + ")";
        }
        return null;
    }

    private static final long NS_GET_NSTYPE = IoctlRequests.code("NS_GET_NSTYPE");

    /** Registers {@code names} (a trailing {@code ?}: the name may be missing from these headers). */
    private static void rule(Kind kind, int width, boolean signed, ConstTable flags, String names) {
        for (String n : names.trim().split("\\s+")) {
            boolean optional = n.endsWith("?");
            String name = optional ? n.substring(0, n.length() - 1) : n;
            long code = IoctlRequests.code(name);
            if (code < 0) {
                if (optional) continue;
                throw new IllegalStateException("ioctl " + name + " is not in the generated table");
            }
            RULES.put(code, new Rule(kind, width, signed, flags));
        }
    }

    /** Bytes to copy for the request: positive at entry, negative at exit, 0 for none. */
    static int capture(long req) {
        Rule r = RULES.get(req);
        if (r == null) return 0;
        return switch (r.kind()) {
            case IN, PAIR64_IN, STRUCT_IN -> r.width();
            case OUT, STRUCT_OUT -> -r.width();
            case NONE, VALUE_U, VALUE_INT, ADDR -> 0;
        };
    }

    /** The argument as the request's family prints it; null when strace prints none; UNDECODED otherwise. */
    static Value arg(CallContext c, long req, long a) {
        Rule r = RULES.get(req);
        if (r == null) return UNDECODED;
        return switch (r.kind()) {
            case NONE -> null;
            case VALUE_U -> new Value.Num(a, Value.Radix.UDEC);
            case VALUE_INT -> new Value.Num((int) a, Value.Radix.DEC);
            case ADDR -> new Value.Ptr(a);
            case IN -> number(c, c.in, a, r, req);
            case OUT -> c.succeeded() ? number(c, c.out, a, r, req) : new Value.Ptr(a);
            case STRUCT_IN -> struct(c, c.in, a, r);
            case STRUCT_OUT -> c.succeeded() ? struct(c, c.out, a, r) : new Value.Ptr(a);
            case PAIR64_IN -> {
                // A uint64_t[2] (BLKDISCARD's range), not a struct: its elements are Long.BYTES apart.
                byte[] b = a == 0 ? null : MemoryView.struct(c.in, a, 2 * Long.BYTES);
                yield b == null ? new Value.Ptr(a) : new Value.Array(List.of(
                        new Value.Num(MemoryView.u64(b, 0), Value.Radix.UDEC),
                        new Value.Num(MemoryView.u64(b, Long.BYTES), Value.Radix.UDEC)), false);
            }
        };
    }

    /** strace's umove_or_printaddr then the struct: NULL, the address when unreadable. */
    private static Value struct(CallContext c, dev.jstrace.proc.Snapshot mem, long a, Rule r) {
        if (a == 0) return new Value.Ptr(0);
        dev.jstrace.proc.Snapshot.Region reg = mem.find(a, dev.jstrace.proc.Snapshot.Kind.BYTES);
        // rand_pool_info is copied with room for its buffer: only its 8-byte header must be there.
        int need = r.width() == IoctlStructs.RAND_POOL_CAPTURE ? IoctlStructs.RAND_POOL_HEADER : r.width();
        if (reg == null || !reg.readable() || reg.data().length < need) return new Value.Ptr(a);
        return r.struct().print(c, reg.data(), a);
    }

    /** strace's printnum_*: {@code [value]}, NULL for a null pointer, the address when unreadable. */
    private static Value number(CallContext c, dev.jstrace.proc.Snapshot mem, long a, Rule r, long req) {
        byte[] b = a == 0 ? null : MemoryView.struct(mem, a, r.width());
        if (b == null) return new Value.Ptr(a);
        long v = switch (r.width()) {
            case 2 -> r.signed() ? (short) MemoryView.u16(b, 0) : MemoryView.u16(b, 0);
            case 4 -> r.signed() ? MemoryView.s32(b, 0) : MemoryView.s32(b, 0) & 0xffffffffL;
            default -> MemoryView.u64(b, 0);
        };
        Value shown = r.flags() != null ? r.flags().sym(v)
                : new Value.Num(v, HEX.contains(req) ? Value.Radix.HEX : r.signed() ? Value.Radix.DEC : Value.Radix.UDEC);
        return new Value.Array(List.of(shown), false);
    }
}
