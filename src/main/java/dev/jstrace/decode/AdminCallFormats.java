package dev.jstrace.decode;

import static dev.jstrace.decode.ArgListFormat.addr;
import static dev.jstrace.decode.ArgListFormat.fd;
import static dev.jstrace.decode.ArgListFormat.flags;
import static dev.jstrace.decode.ArgListFormat.flags64;
import static dev.jstrace.decode.ArgListFormat.int32;
import static dev.jstrace.decode.ArgListFormat.path;
import static dev.jstrace.decode.ArgListFormat.str;
import static dev.jstrace.decode.ArgListFormat.udec;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The system administration calls as strace 6.1 prints them, one small function each:
 * acct and swapoff (a path, src/chdir.c), swapon (src/swapon.c: flags, then the priority),
 * sethostname and setdomainname (src/hostname.c), iopl and ioperm, the module calls
 * (src/bjm.c), setns and unshare (src/clone.c), reboot (src/reboot.c), syslog (src/syslog.c)
 * and lookup_dcookie.
 */
final class AdminCallFormats {
    static final ConstTable DELETE_MODULE_FLAGS = ConstTable.flags("O_???", "O_NONBLOCK O_TRUNC");
    static final ConstTable MODULE_INIT_FLAGS = ConstTable.flags("MODULE_INIT_???",
            "MODULE_INIT_IGNORE_MODVERSIONS MODULE_INIT_IGNORE_VERMAGIC MODULE_INIT_COMPRESSED_FILE");
    static final ConstTable SETNS_TYPES = ConstTable.flags("CLONE_NEW???", """
            CLONE_NEWTIME CLONE_NEWNS CLONE_NEWCGROUP CLONE_NEWUTS CLONE_NEWIPC CLONE_NEWUSER CLONE_NEWPID
            CLONE_NEWNET""");
    static final ConstTable UNSHARE_FLAGS = ConstTable.flags("CLONE_???", """
            CLONE_NEWTIME CLONE_VM CLONE_FS CLONE_FILES CLONE_SIGHAND CLONE_THREAD CLONE_NEWNS CLONE_SYSVSEM
            CLONE_NEWCGROUP CLONE_NEWUTS CLONE_NEWIPC CLONE_NEWUSER CLONE_NEWPID CLONE_NEWNET""");
    static final ConstTable SWAP_FLAGS = ConstTable.flags("SWAP_FLAG_???",
            "SWAP_FLAG_PREFER SWAP_FLAG_DISCARD SWAP_FLAG_DISCARD_ONCE SWAP_FLAG_DISCARD_PAGES");
    private static final long SWAP_PRIO_MASK = HeaderValues.common("SWAP_FLAG_PRIO_MASK");
    static final ConstTable REBOOT_MAGIC1 = ConstTable.enumHex("LINUX_REBOOT_MAGIC_???", "LINUX_REBOOT_MAGIC1");
    static final ConstTable REBOOT_MAGIC2 = ConstTable.enumHex("LINUX_REBOOT_MAGIC_???",
            "LINUX_REBOOT_MAGIC2 LINUX_REBOOT_MAGIC2A LINUX_REBOOT_MAGIC2B LINUX_REBOOT_MAGIC2C");
    static final ConstTable REBOOT_CMDS = ConstTable.enumHex("LINUX_REBOOT_CMD_???", """
            LINUX_REBOOT_CMD_RESTART LINUX_REBOOT_CMD_HALT LINUX_REBOOT_CMD_CAD_ON LINUX_REBOOT_CMD_CAD_OFF
            LINUX_REBOOT_CMD_POWER_OFF LINUX_REBOOT_CMD_RESTART2 LINUX_REBOOT_CMD_SW_SUSPEND LINUX_REBOOT_CMD_KEXEC""");
    private static final long RESTART2 = REBOOT_CMDS.parse("LINUX_REBOOT_CMD_RESTART2");
    /** The kernel's reboot buffer: 256 bytes, the last always NUL. */
    private static final int REBOOT_ARG_MAX = 255;
    static final ConstTable SYSLOG_ACTIONS = ConstTable.enumDec("SYSLOG_ACTION_???", """
            SYSLOG_ACTION_CLOSE SYSLOG_ACTION_OPEN SYSLOG_ACTION_READ SYSLOG_ACTION_READ_ALL
            SYSLOG_ACTION_READ_CLEAR SYSLOG_ACTION_CLEAR SYSLOG_ACTION_CONSOLE_OFF SYSLOG_ACTION_CONSOLE_ON
            SYSLOG_ACTION_CONSOLE_LEVEL SYSLOG_ACTION_SIZE_UNREAD SYSLOG_ACTION_SIZE_BUFFER""");
    static final ConstTable LOG_LEVELS = ConstTable.enumDec("LOGLEVEL_???", """
            LOGLEVEL_EMERG LOGLEVEL_ALERT LOGLEVEL_CRIT LOGLEVEL_ERR LOGLEVEL_WARNING LOGLEVEL_NOTICE
            LOGLEVEL_INFO LOGLEVEL_DEBUG""");
    /** strace's syslog_console_levels ends with {@code LOGLEVEL_DEBUG+1}, the level past the last. */
    private static final long LOGLEVEL_PAST_DEBUG = LOG_LEVELS.parse("LOGLEVEL_DEBUG") + 1;
    static final ConstTable PERSONALITY_TYPES = ConstTable.enumHex("PER_???", """
            PER_LINUX PER_LINUX_32BIT PER_LINUX_FDPIC PER_SVR4 PER_SVR3 PER_SCOSVR3 PER_OSR5 PER_WYSEV386 PER_ISCR4
            PER_BSD PER_SUNOS PER_XENIX PER_LINUX32 PER_LINUX32_3GB PER_IRIX32 PER_IRIXN32 PER_IRIX64 PER_RISCOS
            PER_SOLARIS PER_UW7 PER_OSF4 PER_HPUX PER_MASK""");
    /** personality's flags: strace passes no "unknown" string, so unknown bits print bare. */
    static final ConstTable PERSONALITY_FLAGS = ConstTable.flags(null, """
            UNAME26 ADDR_NO_RANDOMIZE FDPIC_FUNCPTRS MMAP_PAGE_ZERO ADDR_COMPAT_LAYOUT READ_IMPLIES_EXEC
            ADDR_LIMIT_32BIT SHORT_INODE WHOLE_SECONDS STICKY_TIMEOUTS ADDR_LIMIT_3GB""");
    private static final long PER_MASK = PERSONALITY_TYPES.parse("PER_MASK");
    /** __NEW_UTS_LEN: a utsname member less its NUL; sethostname prints a longer name as its address. */
    private static final int NEW_UTS_LEN = StructLayouts.Member.of(UtsnameDecoder.LAYOUT, "nodename").size() - 1;

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.ofEntries(
            Map.entry("acct", ArgListFormat.of(path())),
            Map.entry("swapoff", ArgListFormat.of(path())),
            Map.entry("swapon", ArgListFormat.of(path(), (c, i) -> swapFlags(c, c.arg(i)))),
            Map.entry("sethostname", new Hostname()),
            Map.entry("setdomainname", new Hostname()),
            Map.entry("iopl", ArgListFormat.of(int32())),
            Map.entry("ioperm", ArgListFormat.of(hex64(), hex64(), int32())),
            Map.entry("delete_module", ArgListFormat.of(str(), flags(DELETE_MODULE_FLAGS))),
            Map.entry("init_module", ArgListFormat.of(addr(), udec(), str())),
            Map.entry("finit_module", ArgListFormat.of(fd(), str(), flags(MODULE_INIT_FLAGS))),
            Map.entry("setns", ArgListFormat.of(fd(), flags(SETNS_TYPES))),
            Map.entry("unshare", ArgListFormat.of(flags64(UNSHARE_FLAGS))),
            Map.entry("reboot", new Reboot()),
            Map.entry("personality", new Personality()),
            Map.entry("syslog", new Syslog()),
            Map.entry("lookup_dcookie", new LookupDcookie()),
            Map.entry("_sysctl", new Sysctl()),
            // strace 6.1 built without <ustat.h> (glibc 2.28 dropped it) prints the buffer as its address.
            Map.entry("ustat", ArgListFormat.of((c, i) -> StructDecoders.devValue(c.arg(i) & 0xffffffffL), addr())));

    private AdminCallFormats() {}

    /** {@return strace's PRINT_VAL_X of a kernel_ulong_t: the whole register in hex} */
    static ArgListFormat.Arg hex64() {
        return (c, i) -> new Value.Num(c.arg(i), Value.Radix.HEX);
    }

    private static Value uint(long v) {
        return new Value.Num(v & 0xffffffffL, Value.Radix.UDEC);
    }

    /** strace's printstrn of {@code len} bytes, the capture of it at entry. */
    static void captureStrn(TraceeMemory mem, long addr, long len, DecodeOptions opt) {
        if (addr != 0 && len > 0) mem.bytes(addr, (int) Math.min(len, opt.captureLimit()));
    }

    /** sethostname(name, len): {@code len} bytes (an unsigned int), or the address when longer than a utsname field. */
    static final class Hostname implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            long len = args[1] & 0xffffffffL;
            if (len <= NEW_UTS_LEN) captureStrn(mem, args[0], len, opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            long len = c.arg(1) & 0xffffffffL;
            Value name = len > NEW_UTS_LEN ? new Value.Ptr(c.arg(0)) : c.buffer(c.in, c.arg(0), len, false);
            return Decoded.atEntry(List.of(name, uint(len)));
        }
    }

    /** swapon's flags: the named flags, then {@code |} and the priority, as strace 6.1 prints them. */
    private static Value swapFlags(CallContext c, long arg) {
        long fl = arg & 0xffffffffL;
        long prio = fl & SWAP_PRIO_MASK;
        fl &= ~SWAP_PRIO_MASK;
        String p = Long.toString(prio);
        return new Value.Text(fl == 0 ? p : c.text(SWAP_FLAGS.sym(fl)) + "|" + p);
    }

    /**
     * personality(persona): the type and the flags, {@code 0xffffffff} (the query) as such; the result in
     * hex with the same rendering in parentheses (strace's RVAL_HEX | RVAL_STR).
     */
    static final class Personality implements CallFormat {
        /** The persona that only asks for the current one. */
        private static final long QUERY = 0xffffffffL;

        @Override
        public Decoded decode(CallContext c) {
            long pers = c.arg(0) & 0xffffffffL;
            Value arg = pers == QUERY ? new Value.Num(QUERY, Value.Radix.HEX) : new Value.Text(persona(c, pers));
            String result = null;
            if (c.succeeded()) {
                long r = c.rval & 0xffffffffL;
                result = (r == 0 ? "0" : "0x" + Long.toHexString(r)) + " (" + persona(c, r) + ")";
            }
            return new Decoded(List.of(arg), 1, result);
        }

        private static String persona(CallContext c, long pers) {
            String type = c.text(PERSONALITY_TYPES.sym(pers & PER_MASK));
            long fl = pers & ~PER_MASK;
            return fl == 0 ? type : type + "|" + c.text(PERSONALITY_FLAGS.sym(fl));
        }
    }

    /** reboot(magic, magic2, cmd, arg): the restart command's string only with RESTART2. */
    static final class Reboot implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if ((args[2] & 0xffffffffL) == RESTART2 && args[3] != 0) {
                mem.bytes(args[3], Math.min(REBOOT_ARG_MAX, opt.stringLimit() + 1));
            }
        }

        @Override
        public Decoded decode(CallContext c) {
            long cmd = c.arg(2) & 0xffffffffL;
            List<Value> out = new ArrayList<>(4);
            out.add(REBOOT_MAGIC1.sym(c.arg(0) & 0xffffffffL));
            out.add(REBOOT_MAGIC2.sym(c.arg(1) & 0xffffffffL));
            out.add(REBOOT_CMDS.sym(cmd));
            if (cmd == RESTART2) out.add(restartArg(c, c.arg(3)));
            return Decoded.atEntry(out);
        }
    }

    /**
     * strace's printstr_ex(arg, 255, QUOTE_0_TERMINATED): it reads {@code min(255, -s + 1)} bytes; a NUL among
     * them ends the string, else it prints them with {@code ...}, and the address when they are not all readable.
     */
    private static Value restartArg(CallContext c, long addr) {
        if (addr == 0) return new Value.Ptr(0);
        int size = Math.min(REBOOT_ARG_MAX, c.opt.stringLimit() + 1);
        byte[] b = MemoryView.struct(c.in, addr, 0);
        if (b == null) return new Value.Unreadable(addr);
        for (int k = 0; k < b.length; k++) {
            if (b[k] == 0) return Value.Str.string(java.util.Arrays.copyOf(b, k), true);
        }
        return b.length < size ? new Value.Unreadable(addr) : Value.Str.string(b, false);
    }

    /**
     * syslog(type, bufp, len): the type always as {@code N /* NAME * /} (strace's XLAT_STYLE_VERBOSE with
     * decimal), nothing more for the commands that ignore the buffer, the buffer read at exit for the
     * READ commands, the console level named for CONSOLE_LEVEL.
     */
    static final class Syslog implements CallFormat {
        private static final long READ = SYSLOG_ACTIONS.parse("SYSLOG_ACTION_READ"),
                READ_ALL = SYSLOG_ACTIONS.parse("SYSLOG_ACTION_READ_ALL"),
                READ_CLEAR = SYSLOG_ACTIONS.parse("SYSLOG_ACTION_READ_CLEAR"),
                CONSOLE_LEVEL = SYSLOG_ACTIONS.parse("SYSLOG_ACTION_CONSOLE_LEVEL");
        private static final List<String> NO_ARGS = List.of("SYSLOG_ACTION_CLOSE", "SYSLOG_ACTION_OPEN",
                "SYSLOG_ACTION_CLEAR", "SYSLOG_ACTION_CONSOLE_OFF", "SYSLOG_ACTION_CONSOLE_ON",
                "SYSLOG_ACTION_SIZE_UNREAD", "SYSLOG_ACTION_SIZE_BUFFER");

        private static boolean reads(int type) {
            return type == READ || type == READ_ALL || type == READ_CLEAR;
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (reads((int) args[0])) captureStrn(mem, args[1], rval, opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            int type = (int) c.arg(0);
            int len = (int) c.arg(2);
            String name = SYSLOG_ACTIONS.name(type);
            List<Value> out = new ArrayList<>(3);
            out.add(verbose(type, name, "SYSLOG_ACTION_???"));
            if (name != null && NO_ARGS.contains(name)) return Decoded.atEntry(out);
            Value lenValue = new Value.Num(len, Value.Radix.DEC);
            if (reads(type)) {
                out.add(c.succeeded() ? c.buffer(c.out, c.arg(1), c.rval, false) : new Value.Ptr(c.arg(1)));
                out.add(lenValue);
                return new Decoded(out, 1, null);
            }
            out.add(new Value.Ptr(c.arg(1)));
            if (type == CONSOLE_LEVEL) {
                String level = len == LOGLEVEL_PAST_DEBUG ? "LOGLEVEL_DEBUG+1" : LOG_LEVELS.name(len);
                lenValue = verbose(len, level, "LOGLEVEL_???");
            }
            out.add(lenValue);
            return Decoded.atEntry(out);
        }

        private static Value verbose(int v, String name, String unknown) {
            return new Value.Commented(new Value.Num(v, Value.Radix.DEC), name != null ? name : unknown);
        }
    }

    /** lookup_dcookie(cookie, buffer, len): printed at exit, the path only when the call succeeded. */
    static final class LookupDcookie implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            captureStrn(mem, args[1], rval, opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            Value buf = c.succeeded() ? c.buffer(c.out, c.arg(1), c.rval, false) : new Value.Ptr(c.arg(1));
            return new Decoded(List.of(new Value.Num(c.arg(0), Value.Radix.UDEC), buf,
                    new Value.Num(c.arg(2), Value.Radix.UDEC)), 0, null);
        }
    }

    /** _sysctl(args): the struct __sysctl_args read at entry, its pointers as addresses. */
    static final class Sysctl implements CallFormat {
        /** {@code struct __sysctl_args} (linux/sysctl.h) on a 64-bit arch. */
        static final java.lang.foreign.StructLayout SYSCTL_ARGS = java.lang.foreign.MemoryLayout.structLayout(
                java.lang.foreign.ValueLayout.JAVA_LONG.withName("name"),
                java.lang.foreign.ValueLayout.JAVA_INT.withName("nlen"), java.lang.foreign.MemoryLayout.paddingLayout(4),
                java.lang.foreign.ValueLayout.JAVA_LONG.withName("oldval"),
                java.lang.foreign.ValueLayout.JAVA_LONG.withName("oldlenp"),
                java.lang.foreign.ValueLayout.JAVA_LONG.withName("newval"),
                java.lang.foreign.ValueLayout.JAVA_LONG.withName("newlen"),
                java.lang.foreign.MemoryLayout.sequenceLayout(4, java.lang.foreign.ValueLayout.JAVA_LONG)
                        .withName("__unused")).withName("struct __sysctl_args");
        private static final StructLayouts.Member NAME = StructLayouts.Member.of(SYSCTL_ARGS, "name"),
                NLEN = StructLayouts.Member.of(SYSCTL_ARGS, "nlen"),
                OLDVAL = StructLayouts.Member.of(SYSCTL_ARGS, "oldval"),
                OLDLENP = StructLayouts.Member.of(SYSCTL_ARGS, "oldlenp"),
                NEWVAL = StructLayouts.Member.of(SYSCTL_ARGS, "newval"),
                NEWLEN = StructLayouts.Member.of(SYSCTL_ARGS, "newlen");
        private static final int SIZE = (int) SYSCTL_ARGS.byteSize();

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (args[0] != 0) mem.bytes(args[0], SIZE);
        }

        @Override
        public Decoded decode(CallContext c) {
            long addr = c.arg(0);
            byte[] b = MemoryView.struct(c.in, addr, SIZE);
            if (addr == 0 || b == null) return Decoded.atEntry(List.of(new Value.Ptr(addr)));
            return Decoded.atEntry(List.of(new Value.Struct(List.of(
                    new Value.Field("name", new Value.Ptr(MemoryView.u64(b, NAME.offset()))),
                    new Value.Field("nlen", new Value.Num(MemoryView.s32(b, NLEN.offset()), Value.Radix.DEC)),
                    new Value.Field("oldval", new Value.Ptr(MemoryView.u64(b, OLDVAL.offset()))),
                    new Value.Field("oldlenp", new Value.Ptr(MemoryView.u64(b, OLDLENP.offset()))),
                    new Value.Field("newval", new Value.Ptr(MemoryView.u64(b, NEWVAL.offset()))),
                    new Value.Field("newlen", new Value.Num(MemoryView.u64(b, NEWLEN.offset()), Value.Radix.UDEC))),
                    false)));
        }
    }
}
