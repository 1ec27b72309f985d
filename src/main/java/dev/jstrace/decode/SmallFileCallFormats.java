package dev.jstrace.decode;

import static dev.jstrace.decode.ArgListFormat.addr;
import static dev.jstrace.decode.ArgListFormat.fd;
import static dev.jstrace.decode.ArgListFormat.flags;
import static dev.jstrace.decode.ArgListFormat.flags64;
import static dev.jstrace.decode.ArgListFormat.hex32;
import static dev.jstrace.decode.ArgListFormat.int32;
import static dev.jstrace.decode.ArgListFormat.udec;

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
            "process_mrelease", ArgListFormat.of(fd(), hex32()));

    private SmallFileCallFormats() {}

    /** {@return strace's print_arg_lld on a 64-bit arch: the register as a signed 64-bit number} */
    static ArgListFormat.Arg lld() {
        return (c, i) -> new Value.Num(c.arg(i), Value.Radix.DEC);
    }
}
