import java.util.List;

/**
 * The constant groups of the small calls strace 6.1 decodes one function each (modules,
 * reboot, swapon, syslog, fallocate, sync_file_range, pkeys, kexec, xattr flags, preadv2's
 * RWF flags, futex_waitv's waiter flags, open's __O_ parts), kept apart from
 * {@link ConstantGroups} so that they are one block; {@link ConstantGroups#all} appends them.
 * Data only.
 */
final class SmallCallConstantGroups {
    private SmallCallConstantGroups() {}

    static final List<ConstantGroups.Group> ALL = List.of(
            new ConstantGroups.Group("MODULE_INIT_FLAGS", "finit_module(2) flags", ConstantGroups.Source.COMPILED,
                    "linux/module.h", "MODULE_INIT_\\w+", null, true),
            new ConstantGroups.Group("PKEY_ACCESS_RIGHTS", "pkey_alloc(2) access rights",
                    ConstantGroups.Source.COMPILED, "linux/mman.h", "PKEY_DISABLE_(ACCESS|WRITE)", null, true),
            // powerpc's asm/mman.h only; strace names it on every arch.
            new ConstantGroups.Group("STRACE_PKEY_DISABLE_EXECUTE", "pkey_alloc(2)'s execute right",
                    ConstantGroups.Source.STRACE, "pkey_access", "PKEY_DISABLE_EXECUTE", null, true),
            new ConstantGroups.Group("FALLOC_FLAGS", "fallocate(2) modes", ConstantGroups.Source.COMPILED,
                    "linux/falloc.h", "FALLOC_FL_\\w+", "FALLOC_FL_MODE_MASK", true),
            new ConstantGroups.Group("SYNC_FILE_RANGE_FLAGS", "sync_file_range(2) flags",
                    ConstantGroups.Source.COMPILED, "linux/fs.h", "SYNC_FILE_RANGE_(WAIT_BEFORE|WRITE|WAIT_AFTER)",
                    null, true),
            new ConstantGroups.Group("RWF_FLAGS", "preadv2(2)/pwritev2(2) flags", ConstantGroups.Source.COMPILED,
                    "linux/fs.h", "RWF_(HIPRI|DSYNC|SYNC|NOWAIT|APPEND)", null, true),
            new ConstantGroups.Group("SWAP_FLAGS", "swapon(2) flags and the priority field",
                    ConstantGroups.Source.COMPILED, "sys/swap.h", "SWAP_FLAG_\\w+", null, false),
            // The kernel's linux/swap.h is not exported; glibc's sys/swap.h lacks the newer discard flags.
            new ConstantGroups.Group("STRACE_SWAP_DISCARD_FLAGS", "swapon(2)'s discard flags glibc does not name",
                    ConstantGroups.Source.STRACE, "swap_flags", "SWAP_FLAG_DISCARD_ONCE|SWAP_FLAG_DISCARD_PAGES",
                    null, true),
            new ConstantGroups.Group("REBOOT_VALUES", "reboot(2) magics and commands", ConstantGroups.Source.COMPILED,
                    "linux/reboot.h", "LINUX_REBOOT_\\w+", null, false),
            // The kernel's syslog actions and log levels are kernel-internal (include/linux/syslog.h,
            // kern_levels.h): only strace's xlat names them.
            new ConstantGroups.Group("STRACE_SYSLOG_ACTIONS", "syslog(2) actions", ConstantGroups.Source.STRACE,
                    "syslog_action_type", "SYSLOG_ACTION_CLOSE|SYSLOG_ACTION_OPEN|SYSLOG_ACTION_READ|SYSLOG_ACTION_READ_ALL"
                            + "|SYSLOG_ACTION_READ_CLEAR|SYSLOG_ACTION_CLEAR|SYSLOG_ACTION_CONSOLE_OFF"
                            + "|SYSLOG_ACTION_CONSOLE_ON|SYSLOG_ACTION_CONSOLE_LEVEL|SYSLOG_ACTION_SIZE_UNREAD"
                            + "|SYSLOG_ACTION_SIZE_BUFFER", null, false),
            new ConstantGroups.Group("STRACE_LOGLEVELS", "syslog(2) console levels", ConstantGroups.Source.STRACE,
                    "syslog_console_levels", "LOGLEVEL_EMERG|LOGLEVEL_ALERT|LOGLEVEL_CRIT"
                            + "|LOGLEVEL_ERR|LOGLEVEL_WARNING|LOGLEVEL_NOTICE|LOGLEVEL_INFO|LOGLEVEL_DEBUG", null,
                    false),
            new ConstantGroups.Group("XATTR_FLAGS", "setxattr(2) flags", ConstantGroups.Source.COMPILED,
                    "linux/xattr.h", "XATTR_(CREATE|REPLACE)", null, true),
            new ConstantGroups.Group("XATTR_LIMITS", "extended attributes' size limits",
                    ConstantGroups.Source.COMPILED, "linux/limits.h", "XATTR_(NAME|SIZE|LIST)_MAX", null, false),
            new ConstantGroups.Group("TIMEX_VALUES", "adjtimex(2) modes, status bits and clock states",
                    ConstantGroups.Source.COMPILED, "linux/timex.h",
                    "ADJ_\\w+|STA_\\w+|TIME_(OK|INS|DEL|OOP|WAIT|ERROR|BAD)", "STA_(RONLY)", false),
            new ConstantGroups.Group("PERSONALITY_VALUES", "personality(2) types (PER_*) and flags",
                    ConstantGroups.Source.COMPILED, "linux/personality.h", "PER_\\w+|UNAME26|ADDR_NO_RANDOMIZE"
                            + "|FDPIC_FUNCPTRS|MMAP_PAGE_ZERO|ADDR_COMPAT_LAYOUT|READ_IMPLIES_EXEC|ADDR_LIMIT_32BIT"
                            + "|SHORT_INODE|WHOLE_SECONDS|STICKY_TIMEOUTS|ADDR_LIMIT_3GB", null, false),
            new ConstantGroups.Group("KEXEC_VALUES", "kexec_load(2)/kexec_file_load(2) flags and arches",
                    ConstantGroups.Source.COMPILED, "linux/kexec.h", "KEXEC_\\w+", null, false),
            new ConstantGroups.Group("FUTEX_WAITV_VALUES", "futex_waitv(2) waiter flags and limits",
                    ConstantGroups.Source.COMPILED, "linux/futex.h", "FUTEX_32|FUTEX_WAITV_MAX", null, false),
            // O_SYNC is __O_SYNC|O_DSYNC and O_TMPFILE __O_TMPFILE|O_DIRECTORY: strace names the parts
            // left when only one bit of the pair is set.
            new ConstantGroups.Group("OPEN_FLAG_PARTS", "open(2) flags' single-bit parts (__O_SYNC, __O_TMPFILE)",
                    ConstantGroups.Source.COMPILED, "linux/fcntl.h", "__O_(SYNC|TMPFILE)", null, true));
}
