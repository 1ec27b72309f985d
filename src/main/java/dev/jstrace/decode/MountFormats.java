package dev.jstrace.decode;

import static dev.jstrace.decode.ArgListFormat.addr;
import static dev.jstrace.decode.ArgListFormat.dirfd;
import static dev.jstrace.decode.ArgListFormat.fd;
import static dev.jstrace.decode.ArgListFormat.flags;
import static dev.jstrace.decode.ArgListFormat.path;
import static dev.jstrace.decode.ArgListFormat.str;
import static dev.jstrace.decode.StructDecoders.f;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mount(2) and the new mount API as strace 6.1 prints them (src/mount.c, fsopen.c, fsconfig.c,
 * fsmount.c, fspick.c, move_mount.c, open_tree.c, mount_setattr.c).
 */
final class MountFormats {
    static final ConstTable MOUNT_FLAGS = ConstTable.flags("MS_???", """
            MS_RDONLY MS_NOSUID MS_NODEV MS_NOEXEC MS_SYNCHRONOUS MS_REMOUNT MS_MANDLOCK MS_DIRSYNC
            MS_NOSYMFOLLOW MS_NOATIME MS_NODIRATIME MS_BIND MS_MOVE MS_REC MS_SILENT MS_POSIXACL
            MS_UNBINDABLE MS_PRIVATE MS_SLAVE MS_SHARED MS_RELATIME MS_KERNMOUNT MS_I_VERSION
            MS_STRICTATIME MS_LAZYTIME MS_SUBMOUNT MS_NOREMOTELOCK MS_NOSEC MS_BORN MS_ACTIVE MS_NOUSER""");
    private static final ConstTable MGC = ConstTable.enumHex(null, "MS_MGC_VAL");
    private static final long MGC_VAL = MGC.values()[0];
    /** linux/mount.h's MS_MGC_MSK: the old magic's bits. */
    private static final long MGC_MSK = 0xffff0000L;
    private static final long MS_REMOUNT = MOUNT_FLAGS.parse("MS_REMOUNT"),
            IGNORE_TYPE_AND_DATA = MOUNT_FLAGS.parse("MS_BIND|MS_MOVE|MS_SHARED|MS_PRIVATE|MS_SLAVE|MS_UNBINDABLE");
    static final ConstTable FSOPEN_FLAGS = ConstTable.flags("FSOPEN_???", "FSOPEN_CLOEXEC");
    static final ConstTable FSMOUNT_FLAGS = ConstTable.flags("FSMOUNT_???", "FSMOUNT_CLOEXEC");
    static final ConstTable FSMOUNT_ATTR_FLAGS = ConstTable.flags("MOUNT_ATTR_???", """
            MOUNT_ATTR_RDONLY MOUNT_ATTR_NOSUID MOUNT_ATTR_NODEV MOUNT_ATTR_NOEXEC MOUNT_ATTR_NOATIME
            MOUNT_ATTR_STRICTATIME MOUNT_ATTR_NODIRATIME""");
    static final ConstTable FSPICK_FLAGS = ConstTable.flags("FSPICK_???",
            "FSPICK_CLOEXEC FSPICK_SYMLINK_NOFOLLOW FSPICK_NO_AUTOMOUNT FSPICK_EMPTY_PATH");
    static final ConstTable MOVE_MOUNT_FLAGS = ConstTable.flags("MOVE_MOUNT_???", """
            MOVE_MOUNT_F_SYMLINKS MOVE_MOUNT_F_AUTOMOUNTS MOVE_MOUNT_F_EMPTY_PATH MOVE_MOUNT_T_SYMLINKS
            MOVE_MOUNT_T_AUTOMOUNTS MOVE_MOUNT_T_EMPTY_PATH MOVE_MOUNT_SET_GROUP""");
    static final ConstTable OPEN_TREE_FLAGS = ConstTable.flags("OPEN_TREE_???", """
            OPEN_TREE_CLONE OPEN_TREE_CLOEXEC AT_SYMLINK_NOFOLLOW AT_REMOVEDIR AT_SYMLINK_FOLLOW
            AT_NO_AUTOMOUNT AT_EMPTY_PATH AT_RECURSIVE""");
    static final ConstTable FSCONFIG_CMDS = ConstTable.enumHex("FSCONFIG_???", """
            FSCONFIG_SET_FLAG FSCONFIG_SET_STRING FSCONFIG_SET_BINARY FSCONFIG_SET_PATH FSCONFIG_SET_PATH_EMPTY
            FSCONFIG_SET_FD FSCONFIG_CMD_CREATE FSCONFIG_CMD_RECONFIGURE""");
    static final ConstTable MOUNT_SETATTR_FLAGS = ConstTable.flags("AT_???",
            "AT_SYMLINK_NOFOLLOW AT_NO_AUTOMOUNT AT_EMPTY_PATH AT_RECURSIVE");
    static final ConstTable MOUNT_ATTR_ATTR = ConstTable.flags("MOUNT_ATTR_???", """
            MOUNT_ATTR_RDONLY MOUNT_ATTR_NOSUID MOUNT_ATTR_NODEV MOUNT_ATTR_NOEXEC MOUNT_ATTR_NOATIME
            MOUNT_ATTR_STRICTATIME MOUNT_ATTR_NODIRATIME MOUNT_ATTR_IDMAP MOUNT_ATTR_NOSYMFOLLOW""");
    static final ConstTable MOUNT_ATTR_PROPAGATION = ConstTable.enumHex("MS_???",
            "MS_UNBINDABLE MS_PRIVATE MS_SLAVE MS_SHARED");

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of(
            "mount", new Mount(),
            "fsopen", ArgListFormat.returningFd(str(), flags(FSOPEN_FLAGS)),
            "fsmount", ArgListFormat.returningFd(fd(), flags(FSMOUNT_FLAGS), flags(FSMOUNT_ATTR_FLAGS)),
            "fspick", ArgListFormat.returningFd(dirfd(), path(), flags(FSPICK_FLAGS)),
            "move_mount", ArgListFormat.of(dirfd(), path(), dirfd(), path(), flags(MOVE_MOUNT_FLAGS)),
            "open_tree", ArgListFormat.returningFd(dirfd(), path(), flags(OPEN_TREE_FLAGS)),
            "fsconfig", new Fsconfig(),
            "mount_setattr", new MountSetattr());

    private MountFormats() {}

    /** mount(source, target, fstype, flags, data): the type and data only when the flags use them. */
    static final class Mount implements CallFormat {
        private static final ArgListFormat.Arg PATH = path(), STR = str();

        private static boolean ignoreType(long flags) {
            return (flags & MS_REMOUNT) != 0 || (flags & IGNORE_TYPE_AND_DATA) != 0;
        }

        private static boolean ignoreData(long flags) {
            return (flags & MS_REMOUNT) == 0 && (flags & IGNORE_TYPE_AND_DATA) != 0;
        }

        private static long flags(long raw) {
            return (raw & MGC_MSK) == MGC_VAL ? raw & ~MGC_MSK : raw;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            long fl = flags(args[3]);
            PATH.capture(args[0], mem, opt);
            PATH.capture(args[1], mem, opt);
            if (!ignoreType(fl)) STR.capture(args[2], mem, opt);
            if (!ignoreData(fl)) STR.capture(args[4], mem, opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            long raw = c.arg(3);
            boolean oldMagic = (raw & MGC_MSK) == MGC_VAL;
            long fl = flags(raw);
            List<Value> out = new ArrayList<>(5);
            out.add(PATH.decode(c, 0));
            out.add(PATH.decode(c, 1));
            out.add(ignoreType(fl) ? new Value.Ptr(c.arg(2)) : STR.decode(c, 2));
            String flagText = "";
            if (oldMagic) flagText = c.text(MGC.sym(MGC_VAL)) + (fl != 0 ? "|" : "");
            if (fl != 0 || !oldMagic) flagText += c.text(MOUNT_FLAGS.sym(fl));
            out.add(new Value.Text(flagText));
            out.add(ignoreData(fl) ? new Value.Ptr(c.arg(4)) : STR.decode(c, 4));
            return Decoded.atEntry(out);
        }
    }

    /** fsconfig(fd, cmd, key, value, aux): what key, value and aux are depends on cmd. */
    static final class Fsconfig implements CallFormat {
        /** strace's printstr_ex(..., 256, QUOTE_0_TERMINATED): at most 256 bytes. */
        private static final int KEY_MAX = 256;
        private static final int BINARY_MAX = 1024 * 1024;
        private static final long SET_FLAG = FSCONFIG_CMDS.parse("FSCONFIG_SET_FLAG"),
                SET_STRING = FSCONFIG_CMDS.parse("FSCONFIG_SET_STRING"),
                SET_BINARY = FSCONFIG_CMDS.parse("FSCONFIG_SET_BINARY"),
                SET_PATH = FSCONFIG_CMDS.parse("FSCONFIG_SET_PATH"),
                SET_PATH_EMPTY = FSCONFIG_CMDS.parse("FSCONFIG_SET_PATH_EMPTY"),
                SET_FD = FSCONFIG_CMDS.parse("FSCONFIG_SET_FD");
        private static final ArgListFormat.Arg FD = fd(), DIRFD = dirfd(), PATH = path();

        private static boolean hasKey(long cmd) {
            return cmd == SET_FLAG || cmd == SET_STRING || cmd == SET_BINARY || cmd == SET_PATH
                    || cmd == SET_PATH_EMPTY || cmd == SET_FD;
        }

        private static boolean binary(long cmd, int aux) {
            return cmd == SET_BINARY && aux >= 0 && aux <= BINARY_MAX;
        }

        /** strace reads KEY_MAX bytes: a string that fills them has no NUL it saw, so it is cut. */
        private static Value bounded(CallContext c, long addr) {
            Value v = c.string(c.in, addr, false);
            if (v instanceof Value.Str s && s.bytes().length >= KEY_MAX && !s.cut()) {
                return Value.Str.string(java.util.Arrays.copyOf(s.bytes(), KEY_MAX), false);
            }
            return v;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            long cmd = args[1] & 0xffffffffL;
            int aux = (int) args[4];
            FD.capture(args[0], mem, opt);
            int limit = Math.min(opt.stringLimit() + 1, KEY_MAX);
            if (hasKey(cmd) && args[2] != 0) mem.string(args[2], limit);
            if (cmd == SET_STRING && args[3] != 0) mem.string(args[3], limit);
            if (cmd == SET_PATH || cmd == SET_PATH_EMPTY) {
                PATH.capture(args[3], mem, opt);
                DIRFD.capture(aux, mem, opt);
            }
            if (binary(cmd, aux) && args[3] != 0 && aux > 0) mem.bytes(args[3], Math.min(aux, opt.bufferCaptureLimit()));
            if (cmd == SET_FD) FD.capture(aux, mem, opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            long cmd = c.arg(1) & 0xffffffffL;
            int aux = (int) c.arg(4);
            List<Value> out = new ArrayList<>(5);
            out.add(FD.decode(c, 0));
            out.add(FSCONFIG_CMDS.sym(cmd));
            out.add(hasKey(cmd) ? bounded(c, c.arg(2)) : new Value.Ptr(c.arg(2)));
            if (cmd == SET_STRING) out.add(bounded(c, c.arg(3)));
            else if (cmd == SET_PATH || cmd == SET_PATH_EMPTY) out.add(PATH.decode(c, 3));
            else if (binary(cmd, aux)) out.add(c.buffer(c.in, c.arg(3), aux, true));
            else out.add(new Value.Ptr(c.arg(3)));
            if (cmd == SET_PATH || cmd == SET_PATH_EMPTY) out.add(DIRFD.decode(c, 4));
            else if (cmd == SET_FD) out.add(FD.decode(c, 4));
            else out.add(new Value.Num(aux, Value.Radix.DEC));
            return Decoded.atEntry(out);
        }
    }

    /** mount_setattr(dirfd, path, flags, uattr, usize): struct mount_attr, then its size. */
    /** The structs declared here with their headers, for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(
            new CallStructLayouts.Declared(MountSetattr.MOUNT_ATTR, "#include <linux/mount.h>\n"));

    static final class MountSetattr implements CallFormat {
        /** linux/mount.h's {@code struct mount_attr} (MOUNT_ATTR_SIZE_VER0). */
        static final StructLayout MOUNT_ATTR = structLayout(JAVA_LONG.withName("attr_set"),
                JAVA_LONG.withName("attr_clr"), JAVA_LONG.withName("propagation"), JAVA_LONG.withName("userns_fd"))
                .withName("struct mount_attr");
        private static final int SIZE = StructLayouts.size(MOUNT_ATTR);
        private static final Member ATTR_SET = Member.of(MOUNT_ATTR, "attr_set"),
                ATTR_CLR = Member.of(MOUNT_ATTR, "attr_clr"), PROPAGATION = Member.of(MOUNT_ATTR, "propagation"),
                USERNS_FD = Member.of(MOUNT_ATTR, "userns_fd");
        private static final long IDMAP = MOUNT_ATTR_ATTR.parse("MOUNT_ATTR_IDMAP");
        private static final ArgListFormat.Arg DIRFD = dirfd(), PATH = path(), FLAGS = flags(MOUNT_SETATTR_FLAGS);
        private static final ArgListFormat FD_RESULT = ArgListFormat.returningFd();

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            DIRFD.capture(args[0], mem, opt);
            PATH.capture(args[1], mem, opt);
            long size = args[4];
            if (args[3] == 0 || Long.compareUnsigned(size, SIZE) < 0) return;
            byte[] b = mem.bytes(args[3], SIZE).data();
            if (b.length >= SIZE && opt.capturesFdPaths()) mem.fdPath((int) USERNS_FD.u(b));
            NonzeroBytes.capture(mem, args[3], SIZE, size);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            FD_RESULT.captureExit(arch, args, rval, mem, opt);
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(5);
            out.add(DIRFD.decode(c, 0));
            out.add(PATH.decode(c, 1));
            out.add(FLAGS.decode(c, 2));
            out.add(attr(c, c.arg(3), c.arg(4)));
            out.add(new Value.Num(c.arg(4), Value.Radix.UDEC));
            return new Decoded(out, out.size(), FD_RESULT.decode(c).result());
        }

        private static Value attr(CallContext c, long addr, long size) {
            if (Long.compareUnsigned(size, SIZE) < 0) return new Value.Ptr(addr);
            byte[] b = MemoryView.struct(c.in, addr, SIZE);
            if (b == null) return addr == 0 ? new Value.Ptr(0) : new Value.Unreadable(addr);
            long set = ATTR_SET.u(b), clr = ATTR_CLR.u(b), userns = USERNS_FD.u(b);
            List<Value.Field> fs = new ArrayList<>(5);
            fs.add(f("attr_set", MOUNT_ATTR_ATTR.sym(set)));
            fs.add(f("attr_clr", MOUNT_ATTR_ATTR.sym(clr)));
            fs.add(f("propagation", MOUNT_ATTR_PROPAGATION.sym(PROPAGATION.u(b))));
            boolean fd = Long.compareUnsigned(userns, Integer.MAX_VALUE) <= 0 && ((set | clr) & IDMAP) != 0;
            fs.add(f("userns_fd", fd ? c.fd((int) userns) : new Value.Num(userns, Value.Radix.UDEC)));
            Value tail = NonzeroBytes.decode(c, c.in, addr, SIZE, size);
            if (tail != null) fs.add(f(null, tail));
            return new Value.Struct(fs, false);
        }
    }
}
