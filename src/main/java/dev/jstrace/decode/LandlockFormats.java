package dev.jstrace.decode;

import static dev.jstrace.decode.ArgListFormat.fd;
import static dev.jstrace.decode.ArgListFormat.hex32;
import static dev.jstrace.decode.StructDecoders.f;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;
import java.util.Map;

/**
 * The landlock calls as strace 6.1 prints them (src/landlock.c): the ruleset attribute (only
 * handled_access_fs, the one field strace 6.1 knows, then {@code ...} when the caller's struct is
 * longer), a path-beneath rule, and the flags in hex.
 */
final class LandlockFormats {
    static final ConstTable CREATE_RULESET_FLAGS = ConstTable.flags("LANDLOCK_CREATE_RULESET_???",
            "LANDLOCK_CREATE_RULESET_VERSION");
    static final ConstTable RULE_TYPES = ConstTable.enumHex("LANDLOCK_RULE_???", "LANDLOCK_RULE_PATH_BENEATH");
    static final ConstTable ACCESS_FS = ConstTable.flags("LANDLOCK_ACCESS_FS_???", """
            LANDLOCK_ACCESS_FS_EXECUTE LANDLOCK_ACCESS_FS_WRITE_FILE LANDLOCK_ACCESS_FS_READ_FILE
            LANDLOCK_ACCESS_FS_READ_DIR LANDLOCK_ACCESS_FS_REMOVE_DIR LANDLOCK_ACCESS_FS_REMOVE_FILE
            LANDLOCK_ACCESS_FS_MAKE_CHAR LANDLOCK_ACCESS_FS_MAKE_DIR LANDLOCK_ACCESS_FS_MAKE_REG
            LANDLOCK_ACCESS_FS_MAKE_SOCK LANDLOCK_ACCESS_FS_MAKE_FIFO LANDLOCK_ACCESS_FS_MAKE_BLOCK
            LANDLOCK_ACCESS_FS_MAKE_SYM LANDLOCK_ACCESS_FS_REFER""");
    /** struct landlock_ruleset_attr as strace 6.1 knows it: one __u64, handled_access_fs. */
    private static final int RULESET_ATTR_SIZE = Long.BYTES;
    /** struct landlock_path_beneath_attr (packed): __u64 allowed_access, __s32 parent_fd. */
    private static final int PATH_BENEATH_SIZE = Long.BYTES + Integer.BYTES;
    private static final long VERSION = CREATE_RULESET_FLAGS.parse("LANDLOCK_CREATE_RULESET_VERSION");
    private static final long PATH_BENEATH = RULE_TYPES.parse("LANDLOCK_RULE_PATH_BENEATH");

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of(
            "landlock_create_ruleset", new CreateRuleset(),
            "landlock_add_rule", new AddRule(),
            "landlock_restrict_self", ArgListFormat.of(fd(), hex32()));

    private LandlockFormats() {}

    /** landlock_create_ruleset(attr, size, flags): an fd, or the ABI version under the VERSION flag. */
    static final class CreateRuleset implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (args[0] != 0 && Long.compareUnsigned(args[1], RULESET_ATTR_SIZE) >= 0) {
                mem.bytes(args[0], RULESET_ATTR_SIZE);
            }
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (opt.capturesFdPaths() && (args[2] & VERSION) == 0) mem.fdPath((int) rval);
        }

        @Override
        public Decoded decode(CallContext c) {
            long addr = c.arg(0), size = c.arg(1), fl = c.arg(2) & 0xffffffffL;
            Value attr;
            byte[] b = Long.compareUnsigned(size, RULESET_ATTR_SIZE) < 0 ? null
                    : MemoryView.struct(c.in, addr, RULESET_ATTR_SIZE);
            if (b == null) {
                attr = new Value.Ptr(addr);
            } else {
                attr = new Value.Struct(List.of(f("handled_access_fs", ACCESS_FS.sym(MemoryView.u64(b, 0)))),
                        Long.compareUnsigned(size, RULESET_ATTR_SIZE) > 0);
            }
            List<Value> out = List.of(attr, new Value.Num(size, Value.Radix.UDEC), CREATE_RULESET_FLAGS.sym(fl));
            String result = c.succeeded() && (fl & VERSION) == 0 ? c.text(c.fdAtExit((int) c.rval)) : null;
            return new Decoded(out, out.size(), result);
        }
    }

    /** landlock_add_rule(ruleset_fd, rule_type, rule_attr, flags). */
    static final class AddRule implements CallFormat {
        private static final ArgListFormat.Arg FD = fd();

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            FD.capture(args[0], mem, opt);
            if ((args[1] & 0xffffffffL) != PATH_BENEATH || args[2] == 0) return;
            byte[] b = mem.bytes(args[2], PATH_BENEATH_SIZE).data();
            if (b.length >= PATH_BENEATH_SIZE && opt.capturesFdPaths()) mem.fdPath(MemoryView.s32(b, Long.BYTES));
        }

        @Override
        public Decoded decode(CallContext c) {
            long type = c.arg(1) & 0xffffffffL, addr = c.arg(2);
            Value attr = new Value.Ptr(addr);
            if (type == PATH_BENEATH && addr != 0) {
                byte[] b = MemoryView.struct(c.in, addr, PATH_BENEATH_SIZE);
                attr = b == null ? new Value.Unreadable(addr) : new Value.Struct(List.of(
                        f("allowed_access", ACCESS_FS.sym(MemoryView.u64(b, 0))),
                        f("parent_fd", c.fd(MemoryView.s32(b, Long.BYTES)))), false);
            }
            return Decoded.atEntry(List.of(FD.decode(c, 0), RULE_TYPES.sym(type), attr,
                    new Value.Num(c.arg(3) & 0xffffffffL, Value.Radix.HEX)));
        }
    }
}
