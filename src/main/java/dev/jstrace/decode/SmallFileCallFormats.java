package dev.jstrace.decode;

import static dev.jstrace.decode.ArgListFormat.addr;
import static dev.jstrace.decode.ArgListFormat.fd;
import static dev.jstrace.decode.ArgListFormat.flags;
import static dev.jstrace.decode.ArgListFormat.flags64;
import static dev.jstrace.decode.ArgListFormat.hex32;
import static dev.jstrace.decode.ArgListFormat.int32;
import static dev.jstrace.decode.ArgListFormat.udec;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;
import java.util.Map;

/**
 * Small file and memory calls strace 6.1 prints argument by argument with tables of their own:
 * fallocate (src/fallocate.c), sync_file_range, mlock2 and process_mrelease (src/mem.c), the
 * pkey calls (src/pkeys.c) and memfd_secret.
 */
final class SmallFileCallFormats {
    static final ConstTable FALLOC_FLAGS = ConstTable.flags("FALLOC_FL_???", """
            FALLOC_FL_KEEP_SIZE FALLOC_FL_PUNCH_HOLE FALLOC_FL_NO_HIDE_STALE FALLOC_FL_COLLAPSE_RANGE
            FALLOC_FL_ZERO_RANGE FALLOC_FL_INSERT_RANGE FALLOC_FL_UNSHARE_RANGE""");
    static final ConstTable SYNC_FILE_RANGE_FLAGS = ConstTable.flags("SYNC_FILE_RANGE_???",
            "SYNC_FILE_RANGE_WAIT_BEFORE SYNC_FILE_RANGE_WRITE SYNC_FILE_RANGE_WAIT_AFTER");
    static final ConstTable MLOCK_FLAGS = ConstTable.flags("MLOCK_???", "MLOCK_ONFAULT");
    static final ConstTable PKEY_ACCESS = ConstTable.flags("PKEY_???",
            "PKEY_DISABLE_ACCESS PKEY_DISABLE_WRITE PKEY_DISABLE_EXECUTE");
    static final ConstTable RWF_FLAGS = ConstTable.flags("RWF_???",
            "RWF_HIPRI RWF_DSYNC RWF_SYNC RWF_NOWAIT RWF_APPEND");
    /** memfd_secret's flags: strace passes an empty "unknown" string, so unknown bits print bare. */
    static final ConstTable MEMFD_SECRET_FLAGS = ConstTable.flags(null, "O_CLOEXEC");

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of(
            "fallocate", ArgListFormat.of(fd(), flags(FALLOC_FLAGS), lld(), lld()),
            "sync_file_range", ArgListFormat.of(fd(), lld(), lld(), flags(SYNC_FILE_RANGE_FLAGS)),
            "mlock2", ArgListFormat.of(addr(), udec(), flags(MLOCK_FLAGS)),
            "pkey_alloc", ArgListFormat.of(AdminCallFormats.hex64(), flags64(PKEY_ACCESS)),
            "pkey_free", ArgListFormat.of(int32()),
            "memfd_secret", ArgListFormat.returningFd(flags(MEMFD_SECRET_FLAGS)),
            "process_mrelease", ArgListFormat.of(fd(), hex32()),
            "get_robust_list", new GetRobustList());

    private SmallFileCallFormats() {}

    /** {@return strace's print_arg_lld on a 64-bit arch: the register as a signed 64-bit number} */
    static ArgListFormat.Arg lld() {
        return (c, i) -> new Value.Num(c.arg(i), Value.Radix.DEC);
    }

    /** get_robust_list(pid, head_ptr, len_ptr): the thread, then at exit the head pointer and the length. */
    static final class GetRobustList implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (args[1] != 0) mem.bytes(args[1], Long.BYTES);
            if (args[2] != 0) mem.bytes(args[2], Long.BYTES);
        }

        @Override
        public Decoded decode(CallContext c) {
            return new Decoded(List.of(c.pid((int) c.arg(0), PidNamespaces.Kind.TID),
                    ulongAt(c, c.arg(1), Value.Radix.HEX), ulongAt(c, c.arg(2), Value.Radix.UDEC)), 1, null);
        }

        /** strace's printnum_ptr / printnum_ulong: {@code [N]}, the address when the call failed. */
        private static Value ulongAt(CallContext c, long addr, Value.Radix radix) {
            if (addr == 0) return new Value.Ptr(0);
            byte[] b = c.succeeded() ? MemoryView.struct(c.out, addr, Long.BYTES) : null;
            if (b == null) return new Value.Ptr(addr);
            long v = MemoryView.u64(b, 0);
            return new Value.Array(List.of(radix == Value.Radix.HEX ? new Value.Ptr(v) : new Value.Num(v, radix)),
                    false);
        }
    }
}
