import java.util.List;

/**
 * The constant groups written to dev.jstrace.arch.gen.Constants: which header
 * to read and which macro names belong to the group. Data only; odd cases are
 * explained next to the group.
 *
 * Rules applied to every group (in GenTables): names keep header order (first
 * definition); a macro whose body is just another member of the group is an
 * alias and is left out (O_NDELAY, SIGPOLL, MSG_TRYHARD); a name whose value is
 * not an integer constant expression (the _IOR(...) ioctls, which need sizeof)
 * is left out and listed in the group's comment; a FLAGS group leaves out
 * members whose value is 0 (MAP_FILE), since a zero bit cannot be tested.
 *
 * A new constant set: write its names, in strace's print order, in the decoder's
 * ConstTable declaration (no values); if HeaderValues does not know a name, add
 * the group that gives it here (KERNEL/GLIBC for plain #defines, COMPILED for
 * enumerators and casts, STRACE only for names no pinned header defines on every
 * arch) and run scripts/gen-tables. GeneratedTablesTest checks that the checked-in
 * output is what the generator writes.
 */
final class ConstantGroups {
    private ConstantGroups() {}

    /**
     * Where a group's values come from. KERNEL and GLIBC: that header as the header reader
     * (CHeaders) evaluates it. COMPILED: {@code header} is one or more headers (space-separated,
     * included in that order); the candidates are the identifiers in their text, and each
     * target's gcc evaluates them (HeaderProbe): for enumerators without an initializer and
     * bodies the reader cannot evaluate. STRACE: {@code header} is a file of strace 6.1's
     * src/xlat (StraceXlat) and {@code names} lists exactly the names taken from it; only for
     * names the pinned headers do not define on every arch.
     */
    enum Source { KERNEL, GLIBC, COMPILED, STRACE }

    /**
     * One group. {@code names} must match a whole macro name; {@code exclude}
     * (may be null) removes names that match it; {@code flags} says whether
     * members are bits to OR together or distinct values.
     */
    record Group(String field, String doc, Source source, String header, String names, String exclude,
                 boolean flags) {}

    /** {@return every group: these, then the ioctl families' ({@link IoctlConstantGroups}, {@link StorageIoctlConstantGroups})} */
    static List<Group> all() {
        List<Group> out = new java.util.ArrayList<>(ALL);
        out.addAll(IoctlConstantGroups.ALL);
        out.addAll(StorageIoctlConstantGroups.ALL);
        out.addAll(DeviceIoctlConstantGroups.ALL);
        out.addAll(SmallCallConstantGroups.ALL);
        return out;
    }

    static final List<Group> ALL = List.of(
            new Group("OPEN_ACCESS_MODES", "open(2) access modes (the O_ACCMODE bits)", Source.KERNEL,
                    "linux/fcntl.h", "O_(RDONLY|WRONLY|RDWR)", null, false),
            // FASYNC is the kernel's name for glibc's O_ASYNC. O_SYNC and O_TMPFILE are
            // multi-bit (__O_SYNC|O_DSYNC, __O_TMPFILE|O_DIRECTORY): test them before their parts.
            new Group("OPEN_FLAGS", "open(2) flags other than the access mode; O_DIRECT, O_LARGEFILE,"
                    + " O_DIRECTORY and O_NOFOLLOW differ between x86-64 and aarch64", Source.KERNEL,
                    "linux/fcntl.h", "O_\\w+|FASYNC", "O_(RDONLY|WRONLY|RDWR|ACCMODE|TMPFILE_MASK)", true),
            // AT_FDCWD is -100; AT_EACCESS and AT_REMOVEDIR share 0x200 (faccessat vs unlinkat).
            new Group("AT_FLAGS", "AT_* values and flags of the *at(2) calls, including AT_FDCWD", Source.KERNEL,
                    "linux/fcntl.h", "AT_\\w+", null, false),
            new Group("FCNTL_COMMANDS", "fcntl(2) commands", Source.KERNEL, "linux/fcntl.h", "F_\\w+",
                    "F_(RDLCK|WRLCK|UNLCK|EXLCK|SHLCK|OWNER_\\w+|SEAL_\\w+|LINUX_SPECIFIC_BASE)", false),
            new Group("FCNTL_LOCK_TYPES", "struct flock l_type values", Source.KERNEL, "linux/fcntl.h",
                    "F_(RDLCK|WRLCK|UNLCK|EXLCK|SHLCK)", null, false),
            new Group("FCNTL_SEALS", "F_ADD_SEALS/F_GET_SEALS bits", Source.KERNEL, "linux/fcntl.h",
                    "F_SEAL_\\w+", null, true),
            new Group("FD_FLAGS", "F_GETFD/F_SETFD bits", Source.KERNEL, "linux/fcntl.h", "FD_CLOEXEC", null, true),
            new Group("PROT_FLAGS", "mmap(2)/mprotect(2) protection bits (PROT_NONE is 0)", Source.KERNEL,
                    "linux/mman.h", "PROT_\\w+", null, true),
            new Group("MAP_TYPES", "the mmap(2) map type (the MAP_TYPE bits)", Source.KERNEL, "linux/mman.h",
                    "MAP_(FILE|SHARED|PRIVATE|SHARED_VALIDATE)", null, false),
            // MAP_HUGE_2MB and friends are sizes in bits 26..31; strace prints them as N<<MAP_HUGE_SHIFT.
            new Group("MAP_FLAGS", "mmap(2) flags other than the map type", Source.KERNEL, "linux/mman.h",
                    "MAP_\\w+", "MAP_(SHARED|PRIVATE|SHARED_VALIDATE|TYPE|HUGE_\\w+)", true),
            // The fields of mmap's flags strace 6.1's print_mmap_flags takes apart.
            new Group("MAP_FIELDS", "mmap(2) flags' map type mask and huge page size field", Source.COMPILED,
                    "linux/mman.h", "MAP_TYPE|MAP_HUGE_SHIFT|MAP_HUGE_MASK", null, false),
            new Group("MPOL_MODES", "NUMA memory policy modes", Source.COMPILED, "linux/mempolicy.h",
                    "MPOL_DEFAULT|MPOL_PREFERRED|MPOL_BIND|MPOL_INTERLEAVE|MPOL_LOCAL|MPOL_PREFERRED_MANY", null, false),
            new Group("MPOL_FLAGS", "NUMA memory policy mode, get_mempolicy(2) and mbind(2) flags", Source.KERNEL,
                    "linux/mempolicy.h", "MPOL_F_(STATIC_NODES|RELATIVE_NODES|NUMA_BALANCING|NODE|ADDR|MEMS_ALLOWED)"
                            + "|MPOL_MF_(STRICT|MOVE|MOVE_ALL)", null, true),
            new Group("SIGEV_NOTIFY", "struct sigevent's sigev_notify values", Source.KERNEL, "asm-generic/siginfo.h",
                    "SIGEV_(SIGNAL|NONE|THREAD|THREAD_ID)", null, false),
            new Group("MREMAP_FLAGS", "mremap(2) flags", Source.KERNEL, "linux/mman.h", "MREMAP_\\w+", null, true),
            new Group("MADVISE_ADVICE", "madvise(2) advice values", Source.KERNEL, "linux/mman.h", "MADV_\\w+",
                    null, false),
            new Group("MSYNC_FLAGS", "msync(2) flags", Source.KERNEL, "linux/mman.h", "MS_(ASYNC|INVALIDATE|SYNC)",
                    null, true),
            new Group("MLOCKALL_FLAGS", "mlockall(2) flags", Source.KERNEL, "linux/mman.h", "MCL_\\w+", null, true),
            new Group("MLOCK2_FLAGS", "mlock2(2) flags", Source.KERNEL, "linux/mman.h", "MLOCK_\\w+", null, true),
            // The low byte of clone's flags is the exit signal (CSIGNAL), not a flag.
            new Group("CLONE_FLAGS", "clone(2)/clone3(2) flags", Source.KERNEL, "linux/sched.h", "CLONE_\\w+",
                    "CLONE_ARGS_\\w+", true),
            new Group("SCHED_POLICIES", "sched_setscheduler(2) policies", Source.KERNEL, "linux/sched.h",
                    "SCHED_(NORMAL|FIFO|RR|BATCH|IDLE|DEADLINE|EXT)", null, false),
            new Group("FUTEX_COMMANDS", "futex(2) commands (op & FUTEX_CMD_MASK)", Source.KERNEL, "linux/futex.h",
                    "FUTEX_(WAIT|WAKE|FD|REQUEUE|CMP_REQUEUE|WAKE_OP|LOCK_PI|UNLOCK_PI|TRYLOCK_PI|WAIT_BITSET"
                            + "|WAKE_BITSET|WAIT_REQUEUE_PI|CMP_REQUEUE_PI|LOCK_PI2)", null, false),
            new Group("FUTEX_OP_FLAGS", "futex(2) op modifier bits", Source.KERNEL, "linux/futex.h",
                    "FUTEX_(PRIVATE_FLAG|CLOCK_REALTIME)", null, true),
            new Group("SIGPROCMASK_HOW", "rt_sigprocmask(2) how", Source.KERNEL, "asm/signal.h",
                    "SIG_(BLOCK|UNBLOCK|SETMASK)", null, false),
            new Group("SA_FLAGS", "struct sigaction sa_flags bits", Source.KERNEL, "asm/signal.h", "SA_\\w+", null,
                    true),
            new Group("POLL_EVENTS", "poll(2) events/revents bits", Source.KERNEL, "asm/poll.h", "POLL\\w+", null,
                    true),
            new Group("EPOLL_EVENTS", "epoll_event events bits", Source.KERNEL, "linux/eventpoll.h",
                    "EPOLL[A-Z]\\w*", null, true),
            new Group("EPOLL_CTL_OPS", "epoll_ctl(2) operations", Source.KERNEL, "linux/eventpoll.h",
                    "EPOLL_CTL_\\w+", null, false),
            new Group("EPOLL_CREATE_FLAGS", "epoll_create1(2) flags", Source.KERNEL, "linux/eventpoll.h",
                    "EPOLL_CLOEXEC", null, true),
            // Options only: the sub-values (PR_SET_MM_*, PR_SPEC_*, PR_SCHED_CORE_*...) share small numbers.
            new Group("PRCTL_OPTIONS", "prctl(2) options", Source.KERNEL, "linux/prctl.h",
                    "PR_(SET|GET)_\\w+|PR_CAPBSET_(READ|DROP)|PR_TASK_PERF_EVENTS_(DISABLE|ENABLE)|PR_MCE_KILL"
                            + "|PR_MCE_KILL_GET|PR_CAP_AMBIENT|PR_(SVE|SME)_(SET|GET)_VL|PR_PAC_RESET_KEYS"
                            + "|PR_PAC_(SET|GET)_ENABLED_KEYS|PR_SCHED_CORE|PR_RISCV_V_(SET|GET)_CONTROL"
                            + "|PR_MPX_(EN|DIS)ABLE_MANAGEMENT|PR_(SET|GET)_SHADOW_STACK_STATUS|PR_LOCK_SHADOW_STACK_STATUS"
                            + "|PR_FUTEX_HASH|PR_TIMER_CREATE_RESTORE_IDS|PR_RISCV_SET_ICACHE_FLUSH_CTX",
                    "PR_SET_MM_\\w+|PR_SET_PTRACER_ANY|PR_SET_VMA_ANON_NAME|PR_(SET|GET)_(SPECULATION_CTRL_\\w+)"
                            + "|PR_GET_FP_MODE_\\w+|PR_SET_FP_MODE_\\w+|PR_(SET|GET)_IO_FLUSHER_\\w+"
                            + "|PR_SET_SYSCALL_USER_DISPATCH_\\w+|PR_SET_TAGGED_ADDR_CTRL_\\w+|PR_GET_PDEATHSIG_\\w+"
                            + "|PR_(SET|GET)_SHADOW_STACK_\\w+_STATUS_\\w+|PR_SET_MEMORY_MERGE_\\w+",
                    false),
            new Group("RLIMIT_RESOURCES", "getrlimit(2)/prlimit64(2) resources", Source.KERNEL, "asm/resource.h",
                    "RLIMIT_\\w+", null, false),
            // Only the requests with a literal number; the _IOR(...) ones need sizeof and are left out.
            new Group("TTY_IOCTLS", "tty and FIO* ioctl(2) requests", Source.KERNEL, "asm/ioctls.h",
                    "TC\\w+|TIOC\\w+|FIO\\w+", "TIOCPKT_\\w+|TIOCSER_TEMT", false),
            // evdev: EVIOCGBIT(EV_KEY, n), EVIOCGABS(ABS_X) name the type and the axis in the request.
            new Group("EVDEV_EVENT_TYPES", "input event types (EV_*)", Source.KERNEL, "linux/input-event-codes.h",
                    "EV_\\w+", "EV_(MAX|CNT|VERSION)", false),
            // Key and button codes share one space; BTN_MISC/BTN_0 and the like alias (first one wins).
            new Group("EVDEV_KEYCODES", "input key and button codes (KEY_*, BTN_*)", Source.KERNEL,
                    "linux/input-event-codes.h", "KEY_\\w+|BTN_\\w+", "KEY_(MAX|CNT|MIN_INTERESTING)", false),
            // The names of strace 6.1's xlat/evdev_*.in (a newer header's SW_MACHINE_COVER is not one).
            new Group("EVDEV_FF_TYPES", "force-feedback effect types and waveforms (FF_*)", Source.KERNEL,
                    "linux/input.h", "FF_(RUMBLE|PERIODIC|CONSTANT|SPRING|FRICTION|DAMPER|INERTIA|RAMP|SQUARE"
                            + "|TRIANGLE|SINE|SAW_UP|SAW_DOWN|CUSTOM|GAIN|AUTOCENTER)", null, false),
            new Group("EVDEV_FF_STATUS", "force-feedback status bits (FF_STATUS_*)", Source.KERNEL, "linux/input.h",
                    "FF_STATUS_(STOPPED|PLAYING)", null, false),
            new Group("EVDEV_REL_AXES", "input relative axes (REL_*)", Source.KERNEL, "linux/input-event-codes.h",
                    "REL_(X|Y|Z|RX|RY|RZ|HWHEEL|DIAL|WHEEL|MISC|RESERVED|WHEEL_HI_RES|HWHEEL_HI_RES)", null, false),
            new Group("EVDEV_MISC", "input misc events (MSC_*)", Source.KERNEL, "linux/input-event-codes.h",
                    "MSC_(SERIAL|PULSELED|GESTURE|RAW|SCAN|TIMESTAMP)", null, false),
            new Group("EVDEV_SWITCHES", "input switches (SW_*)", Source.KERNEL, "linux/input-event-codes.h",
                    "SW_(LID|TABLET_MODE|HEADPHONE_INSERT|RFKILL_ALL|MICROPHONE_INSERT|DOCK|LINEOUT_INSERT"
                            + "|JACK_PHYSICAL_INSERT|VIDEOOUT_INSERT|CAMERA_LENS_COVER|KEYPAD_SLIDE|FRONT_PROXIMITY"
                            + "|ROTATE_LOCK|LINEIN_INSERT|MUTE_DEVICE|PEN_INSERTED)", null, false),
            new Group("EVDEV_LEDS", "input LEDs (LED_*)", Source.KERNEL, "linux/input-event-codes.h",
                    "LED_(NUML|CAPSL|SCROLLL|COMPOSE|KANA|SLEEP|SUSPEND|MUTE|MISC|MAIL|CHARGING)", null, false),
            new Group("EVDEV_SOUNDS", "input sounds (SND_*)", Source.KERNEL, "linux/input-event-codes.h",
                    "SND_(CLICK|BELL|TONE)", null, false),
            new Group("EVDEV_AUTOREPEAT", "input autorepeat values (REP_*)", Source.KERNEL,
                    "linux/input-event-codes.h", "REP_(DELAY|PERIOD)", null, false),
            new Group("EVDEV_PROPS", "input device properties (INPUT_PROP_*)", Source.KERNEL,
                    "linux/input-event-codes.h", "INPUT_PROP_(POINTER|DIRECT|BUTTONPAD|SEMI_MT|TOPBUTTONPAD"
                            + "|POINTING_STICK|ACCELEROMETER)", null, false),
            // The highest code of each kind: the bitsets EVIOCGBIT and friends return are cut to them.
            new Group("EVDEV_LIMITS", "the highest input code of each kind (*_MAX)", Source.KERNEL, "linux/input.h",
                    "(EV|KEY|REL|ABS|MSC|SW|LED|SND|REP|FF|FF_STATUS|INPUT_PROP)_MAX", null, false),
            new Group("EVDEV_ABS_AXES", "input absolute axes (ABS_*)", Source.KERNEL, "linux/input-event-codes.h",
                    "ABS_\\w+", "ABS_(MAX|CNT)", false),
            new Group("WAIT_OPTIONS", "wait4(2)/waitid(2) options", Source.KERNEL, "linux/wait.h",
                    "W(NOHANG|UNTRACED|STOPPED|EXITED|CONTINUED|NOWAIT)|__W(NOTHREAD|ALL|CLONE)", null, true),
            new Group("SEEK_WHENCE", "lseek(2) whence", Source.KERNEL, "linux/fs.h", "SEEK_\\w+", "SEEK_MAX", false),
            new Group("RENAME_FLAGS", "renameat2(2) flags", Source.KERNEL, "linux/fs.h", "RENAME_\\w+", null, true),
            new Group("GRND_FLAGS", "getrandom(2) flags", Source.KERNEL, "linux/random.h", "GRND_\\w+", null, true),
            new Group("CLOCK_IDS", "clock ids", Source.KERNEL, "linux/time.h", "CLOCK_\\w+", null, false),
            new Group("FILE_TYPES", "st_mode file types (mode & S_IFMT)", Source.KERNEL, "linux/stat.h",
                    "S_IF(SOCK|LNK|REG|BLK|DIR|CHR|IFO)", null, false),
            // glibc, not the kernel, names these: AF_LOCAL/AF_FILE are AF_UNIX, AF_ROUTE is AF_NETLINK.
            new Group("ADDRESS_FAMILIES", "socket address families (glibc's AF_*)", Source.GLIBC, "sys/socket.h",
                    "AF_\\w+", "AF_(LOCAL|FILE|ROUTE|MAX)", false),
            new Group("SOCKET_TYPES", "socket(2) types (type & 0xf)", Source.GLIBC, "sys/socket.h",
                    "SOCK_(STREAM|DGRAM|RAW|RDM|SEQPACKET|DCCP|PACKET)", null, false),
            new Group("SOCKET_FLAGS", "socket(2) type flags", Source.GLIBC, "sys/socket.h", "SOCK_(CLOEXEC|NONBLOCK)",
                    null, true),
            new Group("MSG_FLAGS", "send/recv flags", Source.GLIBC, "sys/socket.h", "MSG_\\w+", null, true),
            // IPv6 extension headers (IPPROTO_HOPOPTS is 0, like IPPROTO_IP) live in a second enum.
            new Group("IP_PROTOCOLS", "IP protocol numbers", Source.GLIBC, "netinet/in.h", "IPPROTO_\\w+",
                    "IPPROTO_(MAX|HOPOPTS|ROUTING|FRAGMENT|ICMPV6|NONE|DSTOPTS|MH)", false),
            // prctl's sub-values overlap one another (PR_TSC_ENABLE and PR_SET_MM_START_CODE are both 1):
            // one group for the names; each decoder table picks its own, in strace's order.
            new Group("PRCTL_ARGUMENTS", "prctl(2) argument values of the options", Source.KERNEL, "linux/prctl.h",
                    "PR_(SET_MM|SPEC|SCHED_CORE|TSC|UNALIGN|FP_MODE|MCE_KILL|CAP_AMBIENT|SVE|SME|PAC|MTE|SYS_DISPATCH)"
                            + "_\\w+|PR_SET_VMA_ANON_NAME|PR_TAGGED_ADDR_ENABLE|PR_SET_PTRACER_ANY",
                    null, false),
            new Group("SECCOMP_VALUES", "seccomp(2) modes, operations, filter flags and actions", Source.KERNEL,
                    "linux/seccomp.h", "SECCOMP_\\w+", "SECCOMP_IOC\\w*|SECCOMP_IOCTL_\\w+", false),
            new Group("SECURE_BITS", "prctl(2) PR_SET_SECUREBITS bits", Source.KERNEL, "linux/securebits.h",
                    "SECBIT_\\w+", null, true),
            new Group("SCHED_ATTR_FLAGS", "struct sched_attr sched_flags bits", Source.KERNEL, "linux/sched.h",
                    "SCHED_FLAG_\\w+", "SCHED_FLAG_(KEEP_ALL|UTIL_CLAMP|ALL)", true),
            new Group("INOTIFY_EVENTS", "inotify_add_watch(2) mask bits", Source.KERNEL, "linux/inotify.h",
                    "IN_\\w+", "IN_(CLOSE|MOVE|ALL_EVENTS|CLOEXEC|NONBLOCK)", true),
            new Group("KEY_SPECIAL_IDS", "special key serial numbers of add_key(2)/keyctl(2)", Source.KERNEL,
                    "linux/keyctl.h", "KEY_SPEC_\\w+", null, false),
            new Group("IPC_VALUES", "System V IPC flags and commands", Source.KERNEL, "linux/ipc.h", "IPC_\\w+",
                    "IPC_(OLD|PARSE_VERSION)", false),
            new Group("SHM_VALUES", "shmget(2)/shmat(2) flags and shmctl(2) commands", Source.KERNEL, "linux/shm.h",
                    "SHM_\\w+", "SHM_(HUGE_\\w+|R|W)", false),
            new Group("SEM_VALUES", "semop(2) flags and semctl(2) commands", Source.KERNEL, "linux/sem.h",
                    "SEM_\\w+", null, false),
            // Classic BPF's opcode fields share small numbers (BPF_LD, BPF_W, BPF_IMM, BPF_K are all 0).
            new Group("CLASSIC_BPF", "classic BPF opcode fields (seccomp and socket filters)", Source.KERNEL,
                    "linux/filter.h", "BPF_(LD|LDX|ST|STX|ALU|JMP|RET|MISC|W|H|B|IMM|ABS|IND|MEM|LEN|MSH|ADD|SUB|MUL"
                            + "|DIV|OR|AND|LSH|RSH|NEG|MOD|XOR|JA|JEQ|JGT|JGE|JSET|K|X|A|TAX|TXA|MAXINSNS)", null, false),
            new Group("DNOTIFY_EVENTS", "fcntl(2) F_NOTIFY events", Source.KERNEL, "linux/fcntl.h", "DN_\\w+", null,
                    true),
            new Group("CAPABILITIES", "capability numbers", Source.KERNEL, "linux/capability.h", "CAP_\\w+",
                    "CAP_(LAST_CAP|TO_INDEX|TO_MASK)", false),
            // The groups below give the values of names the decoders' tables list (in strace's print order):
            // each lists the names it needs explicitly, so a value comes from one header only.
            new Group("O_ACCMODE", "the open(2) access mode mask", Source.KERNEL, "linux/fcntl.h", "O_ACCMODE", null,
                    false),
            new Group("O_ASYNC", "glibc's name of FASYNC", Source.GLIBC, "fcntl.h", "O_ASYNC", null, false),
            new Group("STATX_MASK", "statx(2) mask bits (stx_mask)", Source.KERNEL, "linux/stat.h", "STATX_\\w+",
                    "STATX_ATTR_\\w+|STATX__RESERVED", true),
            new Group("STATX_ATTRIBUTES", "statx(2) stx_attributes bits", Source.KERNEL, "linux/stat.h",
                    "STATX_ATTR_\\w+", null, true),
            new Group("ACCESS_MODES", "access(2) modes (F_OK is 0)", Source.GLIBC, "unistd.h", "[FRWX]_OK", null,
                    false),
            new Group("PROT_NONE", "mmap(2)'s no-access protection, 0", Source.KERNEL, "linux/mman.h", "PROT_NONE",
                    null, false),
            new Group("IPV6_PROTOCOLS", "the IPv6 protocol numbers strace names besides IP's", Source.GLIBC,
                    "netinet/in.h", "IPPROTO_ICMPV6", null, false),
            new Group("KERNEL_IP_PROTOCOLS", "IP protocol numbers only the kernel's header names", Source.KERNEL,
                    "linux/in.h", "IPPROTO_L2TP", null, false),
            new Group("NETLINK_PROTOCOLS", "netlink socket protocols", Source.KERNEL, "linux/netlink.h",
                    "NETLINK_(ROUTE|UNUSED|USERSOCK|FIREWALL|SOCK_DIAG|NFLOG|XFRM|SELINUX|ISCSI|AUDIT|FIB_LOOKUP"
                            + "|CONNECTOR|NETFILTER|IP6_FW|DNRTMSG|KOBJECT_UEVENT|GENERIC|SCSITRANSPORT|ECRYPTFS|RDMA"
                            + "|CRYPTO|SMC)", null, false),
            new Group("SHUTDOWN_HOW", "shutdown(2) how", Source.GLIBC, "sys/socket.h", "SHUT_(RD|WR|RDWR)", null,
                    false),
            new Group("SOCKET_LEVELS", "setsockopt(2) levels glibc's socket.h names", Source.GLIBC, "sys/socket.h",
                    "SOL_(RAW|NETLINK|IPV6|ICMPV6|IP)", null, false),
            new Group("IP_SOCKET_LEVELS", "setsockopt(2) levels of the IP family", Source.GLIBC, "netinet/in.h",
                    "SOL_(IP|IPV6|ICMPV6)", null, false),
            new Group("SOL_SOCKET", "the socket level of setsockopt(2)", Source.KERNEL, "asm/socket.h", "SOL_SOCKET",
                    null, false),
            new Group("SOCKET_OPTIONS", "SOL_SOCKET options", Source.KERNEL, "asm/socket.h", "SO_\\w+", null, false),
            new Group("SOCK_TXREHASH", "SO_TXREHASH values", Source.KERNEL, "linux/socket.h",
                    "SOCK_TXREHASH_(DEFAULT|DISABLED|ENABLED)", null, false),
            // linux/tcp.h, not glibc's netinet/tcp.h, whose token pasting the header reader does not evaluate.
            new Group("TCP_OPTIONS", "SOL_TCP options", Source.KERNEL, "linux/tcp.h",
                    "TCP_(NODELAY|MAXSEG|CORK|KEEPIDLE|KEEPINTVL|KEEPCNT|SYNCNT|LINGER2|DEFER_ACCEPT|WINDOW_CLAMP"
                            + "|INFO|QUICKACK|CONGESTION|USER_TIMEOUT|FASTOPEN)", null, false),
            new Group("MORE_SOCKET_LEVELS", "setsockopt(2) levels of other families glibc's socket.h names", Source.GLIBC, "sys/socket.h",
                    "SOL_(X25|PACKET|ATM|AAL|IRDA|NETBEUI|LLC|DCCP|TIPC|RXRPC|PPPOL2TP|BLUETOOTH|PNPIPE|RDS"
                            + "|IUCV|CAIF|ALG|NFC|KCM|TLS|XDP|DECNET)", null, false),
            new Group("SCM_TYPES", "SOL_SOCKET control message types glibc's socket.h names", Source.COMPILED,
                    "sys/socket.h", "SCM_(RIGHTS|CREDENTIALS)", null, false),
            new Group("SCM_TIMESTAMPING_TYPES", "SOL_SOCKET control message types of timestamping", Source.KERNEL,
                    "asm/socket.h", "SCM_TIMESTAMPING_(OPT_STATS|PKTINFO)", null, false),
            new Group("SKF_OFFSETS", "classic BPF's special load offsets (ancillary, network, link layer)",
                    Source.KERNEL, "linux/filter.h", "SKF_(AD|NET|LL)_OFF", null, false),
            new Group("CAN_SOCKET_LEVEL", "the CAN base level of setsockopt(2)", Source.KERNEL, "linux/can.h",
                    "SOL_CAN_BASE", null, false),
            new Group("IP_OPTIONS", "SOL_IP options (strace 6.1's sock_ip_options)", Source.KERNEL, "linux/in.h",
                    "IP_TOS|IP_TTL|IP_HDRINCL|IP_OPTIONS|IP_ROUTER_ALERT|IP_RECVOPTS|IP_RETOPTS|IP_PKTINFO"
                            + "|IP_PKTOPTIONS|IP_MTU_DISCOVER|IP_RECVERR|IP_RECVTTL|IP_RECVTOS|IP_MTU|IP_FREEBIND"
                            + "|IP_IPSEC_POLICY|IP_XFRM_POLICY|IP_PASSSEC|IP_TRANSPARENT|IP_ORIGDSTADDR|IP_MINTTL"
                            + "|IP_NODEFRAG|IP_CHECKSUM|IP_BIND_ADDRESS_NO_PORT|IP_RECVFRAGSIZE|IP_RECVERR_RFC4884"
                            + "|IP_MULTICAST_IF|IP_MULTICAST_TTL|IP_MULTICAST_LOOP|IP_ADD_MEMBERSHIP|IP_DROP_MEMBERSHIP"
                            + "|IP_UNBLOCK_SOURCE|IP_BLOCK_SOURCE|IP_ADD_SOURCE_MEMBERSHIP|IP_DROP_SOURCE_MEMBERSHIP"
                            + "|IP_MSFILTER|MCAST_JOIN_GROUP|MCAST_BLOCK_SOURCE|MCAST_UNBLOCK_SOURCE|MCAST_LEAVE_GROUP"
                            + "|MCAST_JOIN_SOURCE_GROUP|MCAST_LEAVE_SOURCE_GROUP|MCAST_MSFILTER|IP_MULTICAST_ALL"
                            + "|IP_UNICAST_IF", null, false),
            new Group("IPV6_OPTIONS", "SOL_IPV6 options (strace 6.1's sock_ipv6_options, MCAST_* are IP's)", Source.KERNEL, "linux/in6.h",
                    "IPV6_ADDRFORM|IPV6_2292PKTINFO|IPV6_2292HOPOPTS|IPV6_2292DSTOPTS|IPV6_2292RTHDR"
                            + "|IPV6_2292PKTOPTIONS|IPV6_CHECKSUM|IPV6_2292HOPLIMIT|IPV6_NEXTHOP|IPV6_AUTHHDR"
                            + "|IPV6_FLOWINFO|IPV6_UNICAST_HOPS|IPV6_MULTICAST_IF|IPV6_MULTICAST_HOPS"
                            + "|IPV6_MULTICAST_LOOP|IPV6_ADD_MEMBERSHIP|IPV6_DROP_MEMBERSHIP|IPV6_ROUTER_ALERT"
                            + "|IPV6_MTU_DISCOVER|IPV6_MTU|IPV6_RECVERR|IPV6_V6ONLY|IPV6_JOIN_ANYCAST|IPV6_LEAVE_ANYCAST"
                            + "|IPV6_MULTICAST_ALL|IPV6_ROUTER_ALERT_ISOLATE|IPV6_RECVERR_RFC4884|IPV6_FLOWLABEL_MGR"
                            + "|IPV6_FLOWINFO_SEND|IPV6_IPSEC_POLICY|IPV6_XFRM_POLICY|IPV6_HDRINCL|IPV6_RECVPKTINFO"
                            + "|IPV6_PKTINFO|IPV6_RECVHOPLIMIT|IPV6_HOPLIMIT|IPV6_RECVHOPOPTS|IPV6_HOPOPTS"
                            + "|IPV6_RTHDRDSTOPTS|IPV6_RECVRTHDR|IPV6_RTHDR|IPV6_RECVDSTOPTS|IPV6_DSTOPTS"
                            + "|IPV6_RECVPATHMTU|IPV6_PATHMTU|IPV6_DONTFRAG|IPV6_RECVTCLASS|IPV6_TCLASS"
                            + "|IPV6_AUTOFLOWLABEL|IPV6_ADDR_PREFERENCES|IPV6_MINHOPCOUNT|IPV6_ORIGDSTADDR"
                            + "|IPV6_TRANSPARENT|IPV6_UNICAST_IF|IPV6_RECVFRAGSIZE|IPV6_FREEBIND", null, false),
            new Group("PACKET_OPTIONS", "SOL_PACKET options, packet_mreq types and sockaddr_ll packet types", Source.KERNEL, "linux/if_packet.h",
                    "PACKET_(ADD_MEMBERSHIP|DROP_MEMBERSHIP|RECV_OUTPUT|RX_RING|STATISTICS|COPY_THRESH"
                            + "|AUXDATA|ORIGDEV|VERSION|HDRLEN|RESERVE|TX_RING|LOSS|VNET_HDR|TX_TIMESTAMP|TIMESTAMP"
                            + "|FANOUT|TX_HAS_OFF|QDISC_BYPASS|ROLLOVER_STATS|FANOUT_DATA|IGNORE_OUTGOING|MR_MULTICAST"
                            + "|MR_PROMISC|MR_ALLMULTI|MR_UNICAST|HOST|BROADCAST|MULTICAST|OTHERHOST|OUTGOING|LOOPBACK"
                            + "|USER|KERNEL)", null, false),
            new Group("ICMP_FILTER_VALUES", "SOL_RAW's ICMP_FILTER and the ICMP types it filters", Source.KERNEL, "linux/icmp.h",
                    "ICMP_(FILTER|ECHOREPLY|DEST_UNREACH|SOURCE_QUENCH|REDIRECT|ECHO|TIME_EXCEEDED"
                            + "|PARAMETERPROB|TIMESTAMP|TIMESTAMPREPLY|INFO_REQUEST|INFO_REPLY|ADDRESS|ADDRESSREPLY)", null, false),
            new Group("ETHERNET_PROTOCOLS", "Ethernet protocol ids (sockaddr_ll's sll_protocol)", Source.KERNEL, "linux/if_ether.h",
                    "ETH_P_\\w+", null, false),
            new Group("ARP_HARDWARE_TYPES", "ARPHRD_* device types", Source.KERNEL, "linux/if_arp.h",
                    "ARPHRD_\\w+", null, false),
            new Group("SOCKADDR_FAMILY_VALUES", "nfc, vsock, qrtr, xdp and mctp sockaddr values", Source.COMPILED, "sys/socket.h linux/nfc.h linux/vm_sockets.h linux/qrtr.h linux/if_xdp.h linux/mctp.h",
                    "NFC_PROTO_(JEWEL|MIFARE|FELICA|ISO14443|NFC_DEP|ISO14443_B|ISO15693)"
                            + "|VMADDR_(CID_HYPERVISOR|CID_LOCAL|CID_HOST|CID_ANY|FLAG_TO_HOST|PORT_ANY)"
                            + "|QRTR_(NODE_BCAST|PORT_CTRL)|XDP_(SHARED_UMEM|COPY|ZEROCOPY|USE_NEED_WAKEUP)"
                            + "|MCTP_(ADDR_NULL|ADDR_ANY|NET_ANY)", null, false),
            new Group("FLOCK_OPERATIONS", "flock(2) operations", Source.KERNEL, "linux/fcntl.h",
                    "LOCK_(SH|EX|NB|UN|MAND|READ|WRITE)", null, false),
            new Group("INOTIFY_INIT_FLAGS", "inotify_init1(2) flags", Source.KERNEL, "linux/inotify.h",
                    "IN_(CLOEXEC|NONBLOCK)", null, false),
            new Group("TIMERFD_FLAGS", "timerfd_create(2) flags", Source.GLIBC, "sys/timerfd.h",
                    "TFD_(CLOEXEC|NONBLOCK)", null, false),
            new Group("MEMFD_FLAGS", "memfd_create(2) flags", Source.KERNEL, "linux/memfd.h",
                    "MFD_(CLOEXEC|ALLOW_SEALING|HUGETLB)", null, false),
            new Group("CLOSE_RANGE_FLAGS", "close_range(2) flags", Source.KERNEL, "linux/close_range.h",
                    "CLOSE_RANGE_\\w+", null, false),
            new Group("SCHED_OTHER", "glibc's name of SCHED_NORMAL", Source.GLIBC, "sched.h", "SCHED_OTHER", null,
                    false),
            new Group("FADVISE_ADVICE", "posix_fadvise(2) advice", Source.KERNEL, "linux/fadvise.h",
                    "POSIX_FADV_\\w+", null, false),
            new Group("PRIORITY_WHICH", "getpriority(2) which", Source.KERNEL, "linux/resource.h", "PRIO_(PROCESS|PGRP|USER)",
                    null, false),
            new Group("RUSAGE_WHO", "getrusage(2) who", Source.KERNEL, "linux/resource.h",
                    "RUSAGE_(SELF|CHILDREN|THREAD)", null, false),
            new Group("ITIMER_WHICH", "getitimer(2) which", Source.KERNEL, "linux/time.h", "ITIMER_\\w+", null,
                    false),
            new Group("TIMER_FLAGS", "clock_nanosleep(2)/timer_settime(2) flags", Source.KERNEL, "linux/time.h",
                    "TIMER_ABSTIME", null, false),
            new Group("WAITID_IDTYPES", "waitid(2) idtype", Source.KERNEL, "linux/wait.h", "P_(ALL|PID|PGID|PIDFD)",
                    null, false),
            new Group("DIRENT_TYPES", "getdents64(2) d_type values", Source.GLIBC, "dirent.h", "DT_\\w+", null,
                    false),
            new Group("SIGALTSTACK_FLAGS", "sigaltstack(2) ss_flags", Source.KERNEL, "linux/signal.h",
                    "SS_(ONSTACK|DISABLE|AUTODISARM)", null, false),
            // The kernel's termios (asm/termbits.h), which TCGETS copies: flag bits, delays, sizes, speeds, masks.
            new Group("TERMIOS", "termios c_iflag/c_oflag/c_cflag/c_lflag values and masks", Source.KERNEL,
                    "asm/termbits.h", "IGNBRK|BRKINT|IGNPAR|PARMRK|INPCK|ISTRIP|INLCR|IGNCR|ICRNL|IUCLC|IXON|IXANY"
                            + "|IXOFF|IMAXBEL|IUTF8|OPOST|OLCUC|ONLCR|OCRNL|ONOCR|ONLRET|OFILL|OFDEL|ISIG|ICANON|XCASE"
                            + "|ECHO|ECHOE|ECHOK|ECHONL|NOFLSH|IEXTEN|ECHOCTL|ECHOPRT|ECHOKE|FLUSHO|PENDIN|TOSTOP"
                            + "|EXTPROC|CSTOPB|CREAD|PARENB|PARODD|HUPCL|CLOCAL|CMSPAR|CRTSCTS|B[0-9]+|BOTHER"
                            + "|NL[01]|CR[0-3]|TAB[0-3]|BS[01]|VT[01]|FF[01]|CS[5-8]|CBAUD|CIBAUD|CSIZE|IBSHIFT"
                            + "|NLDLY|CRDLY|TABDLY|BSDLY|VTDLY|FFDLY", null, false),
            new Group("LINE_DISCIPLINES", "tty line disciplines (termios c_line)", Source.KERNEL, "linux/tty.h",
                    "N_\\w+", null, false),
            new Group("FS_MAGICS", "filesystem magics (statfs f_type)", Source.KERNEL, "linux/magic.h",
                    "\\w+_MAGIC\\w*", null, false),
            // ---- Evaluated by the compiler (enumerators, casts): names the decoders' tables list.
            new Group("NETLINK_MESSAGE_VALUES", "netlink message types, nlmsg_flags and extended-ack attributes",
                    Source.COMPILED, "linux/netlink.h", "NLMSG_(NOOP|ERROR|DONE|OVERRUN)|NLM_F_\\w+|NLMSGERR_ATTR_\\w+",
                    null, false),
            new Group("RTNETLINK_TYPES", "NETLINK_ROUTE message types", Source.COMPILED, "linux/rtnetlink.h",
                    "RTM_[A-Z]+", "RTM_(BASE|MAX)", false),
            new Group("SOCK_DIAG_TYPES", "NETLINK_SOCK_DIAG message types", Source.COMPILED,
                    "linux/sock_diag.h linux/inet_diag.h", "SOCK_DIAG_BY_FAMILY|SOCK_DESTROY|TCPDIAG_GETSOCK"
                            + "|DCCPDIAG_GETSOCK", null, false),
            new Group("AUDIT_MESSAGE_TYPES", "NETLINK_AUDIT message types", Source.COMPILED, "linux/audit.h",
                    "AUDIT_[A-Z0-9_]+", "AUDIT_ARCH_\\w+|AUDIT_(BITMASK_SIZE|MAX_\\w+|COMPARE_\\w+|FILTER_\\w+"
                            + "|STATUS_\\w+|FEATURE_(BITMAP|VERSION)_\\w+|PERM_\\w+|FAIL_\\w+|LOCKED|OFF|ON|VERSION_\\w+)", false),
            new Group("CRYPTO_MESSAGE_TYPES", "NETLINK_CRYPTO message types", Source.COMPILED, "linux/cryptouser.h",
                    "CRYPTO_MSG_\\w+", "CRYPTO_MSG_(BASE|MAX)", false),
            new Group("SELINUX_MESSAGE_TYPES", "NETLINK_SELINUX message types", Source.COMPILED,
                    "linux/types.h linux/selinux_netlink.h", "SELNL_MSG_\\w+", "SELNL_MSG_(BASE|MAX)", false),
            new Group("XFRM_MESSAGE_TYPES", "NETLINK_XFRM message types", Source.COMPILED, "linux/xfrm.h",
                    "XFRM_MSG_\\w+", "XFRM_MSG_(BASE|MAX)", false),
            new Group("NFNETLINK_VALUES", "nfnetlink control messages, subsystems and version", Source.COMPILED,
                    "linux/netlink.h linux/netfilter/nfnetlink.h", "NFNL_MSG_BATCH_\\w+|NFNL_SUBSYS_\\w+|NFNETLINK_V0",
                    "NFNL_SUBSYS_COUNT", false),
            new Group("NFNETLINK_CONNTRACK_TYPES", "ctnetlink message types", Source.COMPILED,
                    "linux/netfilter/nfnetlink_conntrack.h", "IPCTNL_MSG_(CT|EXP)_\\w+", "IPCTNL_MSG_(CT|EXP)_MAX",
                    false),
            new Group("NFNETLINK_QUEUE_TYPES", "nfnetlink_queue message types", Source.COMPILED,
                    "linux/netfilter/nfnetlink_queue.h", "NFQNL_MSG_\\w+", "NFQNL_MSG_MAX", false),
            new Group("NFNETLINK_LOG_TYPES", "nfnetlink_log message types", Source.COMPILED,
                    "linux/netfilter/nfnetlink_log.h", "NFULNL_MSG_\\w+", "NFULNL_MSG_MAX", false),
            new Group("NFNETLINK_OSF_TYPES", "nfnetlink_osf message types", Source.COMPILED,
                    "linux/netfilter/nfnetlink_osf.h", "OSF_MSG_\\w+", "OSF_MSG_MAX", false),
            new Group("IPSET_COMMANDS", "ipset commands", Source.COMPILED, "linux/netfilter/ipset/ip_set.h",
                    "IPSET_CMD_\\w+", "IPSET_CMD_MAX", false),
            new Group("NFNETLINK_ACCT_TYPES", "nfnetlink_acct message types", Source.COMPILED,
                    "linux/netfilter/nfnetlink_acct.h", "NFNL_MSG_ACCT_\\w+", "NFNL_MSG_ACCT_MAX", false),
            new Group("NFNETLINK_TIMEOUT_TYPES", "cttimeout message types", Source.COMPILED,
                    "linux/netfilter/nfnetlink_cttimeout.h", "IPCTNL_MSG_TIMEOUT_\\w+", "IPCTNL_MSG_TIMEOUT_MAX", false),
            new Group("NFNETLINK_CTHELPER_TYPES", "cthelper message types", Source.COMPILED,
                    "linux/netfilter/nfnetlink_cthelper.h", "NFNL_MSG_CTHELPER_\\w+", "NFNL_MSG_CTHELPER_MAX", false),
            new Group("NFTABLES_TYPES", "nf_tables message types", Source.COMPILED, "linux/netfilter/nf_tables.h",
                    "NFT_MSG_\\w+", "NFT_MSG_MAX", false),
            new Group("NFTABLES_COMPAT_TYPES", "nft_compat message types", Source.COMPILED,
                    "linux/netfilter/nf_tables_compat.h", "NFNL_MSG_COMPAT_\\w+", "NFNL_MSG_COMPAT_MAX", false),
            new Group("NFNETLINK_HOOK_TYPES", "nfnetlink_hook message types", Source.COMPILED,
                    "linux/netfilter/nfnetlink_hook.h", "NFNL_MSG_HOOK_\\w+", "NFNL_MSG_HOOK_MAX", false),
            new Group("FS_INODE_FLAGS", "FS_IOC_GETFLAGS bits", Source.COMPILED, "linux/fs.h", "FS_\\w+_FL",
                    "FS_(FL_USER_\\w+)", true),
            new Group("FS_XFLAGS", "struct fsxattr fsx_xflags bits", Source.COMPILED, "linux/fs.h", "FS_XFLAG_\\w+",
                    null, true),
            new Group("LIRC_VALUES", "LIRC modes and features", Source.COMPILED, "linux/lirc.h",
                    "LIRC_MODE_\\w+|LIRC_CAN_\\w+", null, false),
            new Group("COUNTER_VALUES", "counter component, scope and event types", Source.COMPILED,
                    "linux/counter.h", "COUNTER_(COMPONENT|SCOPE|EVENT)_\\w+", null, false),
            new Group("MODEM_BITS", "TIOCMGET modem bits", Source.COMPILED, "asm/termios.h", "TIOCM_\\w+", null, true),
            new Group("FUTEX_WAKE_OPS", "FUTEX_WAKE_OP operations and comparisons", Source.COMPILED,
                    "linux/futex.h", "FUTEX_OP_\\w+", null, false),
            new Group("MEMBARRIER_COMMANDS", "membarrier(2) commands", Source.COMPILED, "linux/membarrier.h",
                    "MEMBARRIER_CMD_\\w+", null, false),
            new Group("KCMP_TYPES", "kcmp(2) types", Source.COMPILED, "linux/kcmp.h", "KCMP_\\w+", "KCMP_TYPES",
                    false),
            new Group("IOPRIO_VALUES", "ioprio_get(2) which and priority classes", Source.COMPILED,
                    "linux/ioprio.h", "IOPRIO_(WHO|CLASS)_\\w+", null, false),
            new Group("SPLICE_FLAGS", "splice(2) flags", Source.COMPILED, "fcntl.h", "SPLICE_F_\\w+", null, true),
            new Group("UMOUNT_FLAGS", "umount2(2) flags", Source.COMPILED, "sys/mount.h",
                    "MNT_(FORCE|DETACH|EXPIRE)|UMOUNT_NOFOLLOW", null, true),
            new Group("EVENTFD_FLAGS", "eventfd2(2) flags", Source.COMPILED, "sys/eventfd.h", "EFD_\\w+", null, true),
            new Group("SIGNALFD_FLAGS", "signalfd4(2) flags", Source.COMPILED, "sys/signalfd.h", "SFD_\\w+", null,
                    true),
            new Group("TIMERFD_SETTIME_FLAGS", "timerfd_settime(2) flags", Source.COMPILED, "sys/timerfd.h",
                    "TFD_TIMER_\\w+", null, true),
            new Group("STATVFS_FLAGS", "statfs f_flags bits", Source.COMPILED, "sys/statvfs.h", "ST_[A-Z]+", null,
                    true),
            new Group("SIGNAL_HANDLERS", "the special sa_handler values", Source.COMPILED, "signal.h",
                    "SIG_(DFL|IGN|ERR)", null, false),
            new Group("SHUTDOWN_HOW_ALL", "shutdown(2) how (glibc's enum)", Source.COMPILED, "sys/socket.h",
                    "SHUT_(RD|WR|RDWR)", null, false),
            new Group("SOL_TCP_UDP", "the TCP and UDP levels of setsockopt(2)", Source.COMPILED,
                    "netinet/tcp.h netinet/udp.h", "SOL_(TCP|UDP)", null, false),
            new Group("WSTOPPED", "waitid(2)'s name of WUNTRACED", Source.COMPILED, "linux/wait.h", "WSTOPPED", null,
                    false),
            new Group("FCNTL_OWNER_TYPES", "F_SETOWN_EX owner types", Source.COMPILED, "linux/fcntl.h",
                    "F_OWNER_(TID|PID|PGRP)", null, false),
            new Group("BPF_DW", "eBPF's double-word size field", Source.COMPILED, "linux/bpf.h", "BPF_DW", null, false),
            new Group("IPC_PRIVATE", "the private key of shmget(2)/semget(2)/msgget(2)", Source.COMPILED,
                    "linux/ipc.h", "IPC_PRIVATE", null, false),
            // MAP_FLAGS leaves 0 out (a zero bit cannot be tested); strace names the type MAP_FILE.
            new Group("MAP_FILE", "mmap(2)'s MAP_FILE (0)", Source.COMPILED, "linux/mman.h", "MAP_FILE", null, false),
            new Group("PIDFD_FLAGS", "pidfd_open(2) flags", Source.COMPILED, "linux/pidfd.h", "PIDFD_[A-Z]+", null,
                    true),
            // ---- From strace 6.1's xlat: names the pinned headers lack (or define for one arch only).
            new Group("STRACE_FS_MAGICS", "filesystem magics only strace lists", Source.STRACE, "fsmagic",
                    "Z3FOLD_MAGIC|DEVFS_SUPER_MAGIC|EXT_SUPER_MAGIC|HFS_SUPER_MAGIC|HFSPLUS_SUPER_MAGIC"
                            + "|EXOFS_SUPER_MAGIC|ROMFS_MAGIC|EXT2_OLD_SUPER_MAGIC|UFS_MAGIC|GFS2_MAGIC"
                            + "|XIAFS_SUPER_MAGIC|XENIX_SUPER_MAGIC|SYSV4_SUPER_MAGIC|SYSV2_SUPER_MAGIC"
                            + "|COH_SUPER_MAGIC|SHMFS_SUPER_MAGIC|BALLOON_KVM_MAGIC|BFS_MAGIC|UBIFS_SUPER_MAGIC"
                            + "|ZFS_SUPER_MAGIC|JFS_SUPER_MAGIC|BEFS_SUPER_MAGIC|GPFS_SUPER_MAGIC|NTFS_SB_MAGIC"
                            + "|UFS_CIGAM|VZFS_SUPER_MAGIC|ZSMALLOC_MAGIC|AUFS_SUPER_MAGIC|CONFIGFS_MAGIC"
                            + "|FUSE_CTL_SUPER_MAGIC|VXFS_SUPER_MAGIC|PPC_CMM_MAGIC|LOGFS_MAGIC", null, false),
            // Deprecated: linux/audit.h keeps it in a comment only.
            // Dropped from linux/fanotify.h after 5.7; strace 6.1 still names it.
            new Group("STRACE_FAN_DIR_MODIFY", "fanotify's FAN_DIR_MODIFY event", Source.STRACE, "fan_event_flags",
                    "FAN_DIR_MODIFY", null, true),
            // linux/ptrace.h spells them PTRACE_PEEKUSR and PTRACE_POKEUSR; strace prints glibc's names.
            new Group("STRACE_PTRACE_USER", "ptrace(2)'s PTRACE_PEEKUSER and PTRACE_POKEUSER", Source.STRACE,
                    "ptrace_cmds", "PTRACE_PEEKUSER|PTRACE_POKEUSER", null, false),
            new Group("STRACE_AUDIT_FS_WATCH", "the audit type 1301", Source.STRACE, "nl_audit_types",
                    "AUDIT_FS_WATCH", null, false),
            new Group("STRACE_STATFS_FLAGS", "statfs f_flags bits glibc does not name", Source.STRACE,
                    "statfs_flags", "ST_VALID|ST_NOSYMFOLLOW", null, true),
            // x86's asm/prctl.h only; strace names them on every arch.
            new Group("STRACE_ARCH_PRCTL_CODES", "arch_prctl(2) codes", Source.STRACE, "archvals",
                    "ARCH_SET_GS|ARCH_SET_FS|ARCH_GET_FS|ARCH_GET_GS|ARCH_GET_CPUID|ARCH_SET_CPUID"
                            + "|ARCH_GET_XCOMP_SUPP|ARCH_GET_XCOMP_PERM|ARCH_REQ_XCOMP_PERM|ARCH_GET_XCOMP_GUEST_PERM"
                            + "|ARCH_REQ_XCOMP_GUEST_PERM|ARCH_MAP_VDSO_X32|ARCH_MAP_VDSO_32|ARCH_MAP_VDSO_64",
                    null, false),
            // x86's asm/mman.h only; strace 6.1 names it on every arch.
            new Group("STRACE_MAP_32BIT", "mmap(2)'s MAP_32BIT", Source.STRACE, "mmap_flags", "MAP_32BIT", null,
                    true),
            // x86's xfeature numbers (arch/x86/include/asm/fpu/types.h, kernel-internal); ArchPrctlFormat
            // builds strace's XFEATURE_MASK_* from them as x86_xfeatures.in defines them.
            new Group("STRACE_X86_XFEATURES", "x86 xfeature numbers", Source.STRACE, "x86_xfeature_bits",
                    "XFEATURE_FP|XFEATURE_SSE|XFEATURE_YMM|XFEATURE_BNDREGS|XFEATURE_BNDCSR|XFEATURE_OPMASK"
                            + "|XFEATURE_ZMM_Hi256|XFEATURE_Hi16_ZMM|XFEATURE_PT_UNIMPLEMENTED_SO_FAR|XFEATURE_PKRU"
                            + "|XFEATURE_PASID|XFEATURE_LBR|XFEATURE_XTILE_CFG|XFEATURE_XTILE_DATA", null, false),
            // Kernel-internal enums (linux/sched/coredump.h, linux/pid.h), not in the UAPI headers.
            new Group("STRACE_DUMPABLE", "PR_SET_DUMPABLE values", Source.STRACE, "pr_dumpable",
                    "SUID_DUMP_DISABLE|SUID_DUMP_USER|SUID_DUMP_ROOT", null, false),
            new Group("STRACE_PIDTYPES", "PR_SCHED_CORE pid types", Source.STRACE, "pr_sched_core_pidtypes",
                    "PIDTYPE_PID|PIDTYPE_TGID|PIDTYPE_PGID|PIDTYPE_SID", null, false),
            new Group("STRACE_SOCKET_LEVELS", "setsockopt(2) levels no UAPI header names", Source.STRACE, "socketlayers",
                    "SOL_IPX|SOL_AX25|SOL_ATALK|SOL_NETROM|SOL_ROSE|SOL_SCTP|SOL_UDPLITE|SOL_CAN_RAW", null, false),
            // linux/in6.h has it under #if 0 ("not yet"); strace 6.1 names it.
            new Group("STRACE_IPV6_USE_MIN_MTU", "SOL_IPV6's IPV6_USE_MIN_MTU", Source.STRACE, "sock_ipv6_options",
                    "IPV6_USE_MIN_MTU", null, false),
            new Group("STRACE_SCM_SECURITY", "the SOL_SOCKET control message type of security contexts (linux/socket.h is"
                    + " not UAPI)", Source.STRACE, "scmvals", "SCM_SECURITY", null, false),
            new Group("STRACE_BLUETOOTH_VALUES", "Bluetooth sockaddr values (the bluetooth headers are not UAPI)", Source.STRACE, "hci_channels",
                    "HCI_CHANNEL_RAW|HCI_CHANNEL_USER|HCI_CHANNEL_MONITOR|HCI_CHANNEL_CONTROL"
                            + "|HCI_CHANNEL_LOGGING", null, false),
            new Group("STRACE_BDADDR_TYPES", "Bluetooth address types", Source.STRACE, "bdaddr_types",
                    "BDADDR_BREDR|BDADDR_LE_PUBLIC|BDADDR_LE_RANDOM", null, false),
            new Group("STRACE_L2CAP_CIDS", "L2CAP channel ids", Source.STRACE, "bluetooth_l2_cid",
                    "L2CAP_CID_SIGNALING|L2CAP_CID_CONN_LESS|L2CAP_CID_A2MP|L2CAP_CID_ATT"
                            + "|L2CAP_CID_LE_SIGNALING|L2CAP_CID_SMP|L2CAP_CID_SMP_BREDR|L2CAP_CID_DYN_START"
                            + "|L2CAP_CID_LE_DYN_END|L2CAP_CID_DYN_END", null, false),
            new Group("STRACE_L2CAP_PSMS", "L2CAP protocol/service multiplexers", Source.STRACE, "bluetooth_l2_psm",
                    "L2CAP_PSM_SDP|L2CAP_PSM_RFCOMM|L2CAP_PSM_3DSP|L2CAP_PSM_IPSP|L2CAP_PSM_LE_DYN_START"
                            + "|L2CAP_PSM_LE_DYN_END|L2CAP_PSM_DYN_START|L2CAP_PSM_AUTO_END|L2CAP_PSM_DYN_END", null, false),
            new Group("STRACE_RXRPC_SERVICES", "RxRPC service ids", Source.STRACE, "rxrpc_services",
                    "CM_SERVICE|YFS_FS_SERVICE|YFS_CM_SERVICE|YFS_VL_SERVICE", null, false),
            new Group("STRACE_IEEE802154_ADDR_TYPES", "IEEE 802.15.4 address types (kernel-internal)", Source.STRACE, "ieee802154_addr_types",
                    "IEEE802154_ADDR_NONE|IEEE802154_ADDR_SHORT|IEEE802154_ADDR_LONG", null, false),
            new Group("STRACE_IEEE802154_ADDRS", "IEEE 802.15.4 special short addresses", Source.STRACE, "ieee802154_addrs",
                    "IEEE802154_ADDR_UNDEF|IEEE802154_ADDR_BROADCAST", null, false),
            new Group("STRACE_IEEE802154_PAN_IDS", "IEEE 802.15.4 special PAN ids", Source.STRACE, "ieee802154_pan_ids",
                    "IEEE802154_PANID_BROADCAST", null, false),
            new Group("STRACE_ALG_FLAGS", "sockaddr_alg feature flags (linux/crypto.h is not UAPI)", Source.STRACE, "alg_sockaddr_flags",
                    "CRYPTO_ALG_KERN_DRIVER_ONLY", null, false),
            new Group("STRACE_NFC_SAPS", "NFC LLCP service access points", Source.STRACE, "nfc_saps",
                    "LLCP_SAP_SDP|LLCP_SAP_IP|LLCP_SAP_OBEX|LLCP_SAP_SNEP|LLCP_SAP_MAX", null, false),
            // ---- The syscall families of strace 6.1's suite, part A: mount and the new mount API
            // (enum fsconfig_command; OPEN_TREE_CLOEXEC is O_CLOEXEC), landlock (an enum rule type),
            // openat2, System V IPC control commands, quotactl (QIF_* from an enum), keyctl.
            new Group("MOUNT_FLAGS", "mount(2) flags (MS_MGC_VAL is the old magic in the top 16 bits)",
                    Source.COMPILED, "linux/mount.h", "MS_\\w+", "MS_(VERBOSE|RMT_MASK|MGC_MSK)", false),
            new Group("MOUNT_API", "fsopen/fsconfig/fsmount/fspick/move_mount/open_tree/mount_setattr values",
                    Source.COMPILED, "linux/fcntl.h linux/mount.h",
                    "(OPEN_TREE|MOVE_MOUNT|FSOPEN|FSPICK|FSCONFIG|FSMOUNT|MOUNT_ATTR)_\\w+",
                    "MOVE_MOUNT__MASK|MOUNT_ATTR__ATIME|MOUNT_ATTR_SIZE_VER\\d+", false),
            new Group("LANDLOCK_VALUES", "landlock(7) flags, rule types and access rights", Source.COMPILED,
                    "linux/landlock.h", "LANDLOCK_\\w+", null, false),
            new Group("RESOLVE_FLAGS", "openat2(2) open_how.resolve flags", Source.COMPILED, "linux/openat2.h",
                    "RESOLVE_\\w+", null, true),
            new Group("MSG_CTL_VALUES", "msgctl(2) commands and msgrcv(2) flags", Source.COMPILED, "linux/msg.h",
                    "MSG_(STAT|INFO|STAT_ANY|NOERROR|EXCEPT|COPY)", null, false),
            new Group("SEM_CTL_VALUES", "semctl(2) commands and SEM_UNDO", Source.COMPILED, "linux/sem.h",
                    "SEM_(UNDO|STAT|INFO|STAT_ANY)|GET(PID|VAL|ALL|NCNT|ZCNT)|SET(VAL|ALL)", null, false),
            new Group("QUOTA_VALUES", "quotactl(2) commands, quota types, formats and flags", Source.COMPILED,
                    "linux/quota.h", "Q_\\w+|(USR|GRP|PRJ)QUOTA|QFMT_\\w+|QIF_\\w+|IIF_\\w+|DQF_\\w+", null,
                    false),
            new Group("XFS_QUOTA_VALUES", "quotactl(2)'s XFS commands and flags", Source.COMPILED,
                    "linux/dqblk_xfs.h", "Q_X\\w+|XQM_\\w+|FS_DQ_\\w+|FS_QUOTA_\\w+|FS_(USER|PROJ|GROUP)_QUOTA"
                            + "|FS_QSTATV?_VERSION\\w*|FS_DQUOT_VERSION", null, false),
            new Group("FANOTIFY_VALUES", "fanotify_init(2) classes and flags, fanotify_mark(2) flags and events",
                    Source.KERNEL, "linux/fanotify.h", "FAN_\\w+",
                    "FAN_(EVENT_NEXT|EVENT_OK|EVENT_METADATA_LEN|ALL_\\w+|CLOSE|MOVE|REPORT_DFID_\\w+)", false),
            new Group("CAP_VERSIONS", "capget(2)/capset(2) header versions", Source.KERNEL, "linux/capability.h",
                    "_LINUX_CAPABILITY_VERSION_\\d", null, false),
            new Group("PTRACE_VALUES", "ptrace(2) requests, options, events and syscall info ops (the generic ones)",
                    Source.KERNEL, "linux/ptrace.h", "PTRACE_\\w+", "PTRACE_(O_MASK|PEEKUSR|POKEUSR)", false),
            // Exactly the names of strace 6.1's bpf_commands, bpf_prog_types, bpf_attach_type and bpf_prog_flags:
            // the pinned header has newer ones (BPF_PROG_TYPE_NETFILTER) that strace 6.1 prints as unknown.
            new Group("BPF_VALUES", "bpf(2) commands, program types, attach types and program flags",
                    Source.COMPILED, "linux/bpf.h", "BPF_MAP_CREATE|BPF_MAP_LOOKUP_ELEM|BPF_MAP_UPDATE_ELEM|BPF_MAP_DELETE_ELEM"
                            + "|BPF_MAP_GET_NEXT_KEY|BPF_PROG_LOAD|BPF_OBJ_PIN|BPF_OBJ_GET|BPF_PROG_ATTACH"
                            + "|BPF_PROG_DETACH|BPF_PROG_TEST_RUN|BPF_PROG_GET_NEXT_ID|BPF_MAP_GET_NEXT_ID"
                            + "|BPF_PROG_GET_FD_BY_ID|BPF_MAP_GET_FD_BY_ID|BPF_OBJ_GET_INFO_BY_FD|BPF_PROG_QUERY"
                            + "|BPF_RAW_TRACEPOINT_OPEN|BPF_BTF_LOAD|BPF_BTF_GET_FD_BY_ID|BPF_TASK_FD_QUERY"
                            + "|BPF_MAP_LOOKUP_AND_DELETE_ELEM|BPF_MAP_FREEZE|BPF_BTF_GET_NEXT_ID|BPF_MAP_LOOKUP_BATCH"
                            + "|BPF_MAP_LOOKUP_AND_DELETE_BATCH|BPF_MAP_UPDATE_BATCH|BPF_MAP_DELETE_BATCH|BPF_LINK_CREATE"
                            + "|BPF_LINK_UPDATE|BPF_LINK_GET_FD_BY_ID|BPF_LINK_GET_NEXT_ID|BPF_ENABLE_STATS"
                            + "|BPF_ITER_CREATE|BPF_LINK_DETACH|BPF_PROG_BIND_MAP|BPF_PROG_TYPE_UNSPEC"
                            + "|BPF_PROG_TYPE_SOCKET_FILTER|BPF_PROG_TYPE_KPROBE|BPF_PROG_TYPE_SCHED_CLS"
                            + "|BPF_PROG_TYPE_SCHED_ACT|BPF_PROG_TYPE_TRACEPOINT|BPF_PROG_TYPE_XDP"
                            + "|BPF_PROG_TYPE_PERF_EVENT|BPF_PROG_TYPE_CGROUP_SKB|BPF_PROG_TYPE_CGROUP_SOCK"
                            + "|BPF_PROG_TYPE_LWT_IN|BPF_PROG_TYPE_LWT_OUT|BPF_PROG_TYPE_LWT_XMIT|BPF_PROG_TYPE_SOCK_OPS"
                            + "|BPF_PROG_TYPE_SK_SKB|BPF_PROG_TYPE_CGROUP_DEVICE|BPF_PROG_TYPE_SK_MSG"
                            + "|BPF_PROG_TYPE_RAW_TRACEPOINT|BPF_PROG_TYPE_CGROUP_SOCK_ADDR|BPF_PROG_TYPE_LWT_SEG6LOCAL"
                            + "|BPF_PROG_TYPE_LIRC_MODE2|BPF_PROG_TYPE_SK_REUSEPORT|BPF_PROG_TYPE_FLOW_DISSECTOR"
                            + "|BPF_PROG_TYPE_CGROUP_SYSCTL|BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE"
                            + "|BPF_PROG_TYPE_CGROUP_SOCKOPT|BPF_PROG_TYPE_TRACING|BPF_PROG_TYPE_STRUCT_OPS"
                            + "|BPF_PROG_TYPE_EXT|BPF_PROG_TYPE_LSM|BPF_PROG_TYPE_SK_LOOKUP|BPF_PROG_TYPE_SYSCALL"
                            + "|BPF_CGROUP_INET_INGRESS|BPF_CGROUP_INET_EGRESS|BPF_CGROUP_INET_SOCK_CREATE"
                            + "|BPF_CGROUP_SOCK_OPS|BPF_SK_SKB_STREAM_PARSER|BPF_SK_SKB_STREAM_VERDICT|BPF_CGROUP_DEVICE"
                            + "|BPF_SK_MSG_VERDICT|BPF_CGROUP_INET4_BIND|BPF_CGROUP_INET6_BIND|BPF_CGROUP_INET4_CONNECT"
                            + "|BPF_CGROUP_INET6_CONNECT|BPF_CGROUP_INET4_POST_BIND|BPF_CGROUP_INET6_POST_BIND"
                            + "|BPF_CGROUP_UDP4_SENDMSG|BPF_CGROUP_UDP6_SENDMSG|BPF_LIRC_MODE2|BPF_FLOW_DISSECTOR"
                            + "|BPF_CGROUP_SYSCTL|BPF_CGROUP_UDP4_RECVMSG|BPF_CGROUP_UDP6_RECVMSG|BPF_CGROUP_GETSOCKOPT"
                            + "|BPF_CGROUP_SETSOCKOPT|BPF_TRACE_RAW_TP|BPF_TRACE_FENTRY|BPF_TRACE_FEXIT|BPF_MODIFY_RETURN"
                            + "|BPF_LSM_MAC|BPF_TRACE_ITER|BPF_CGROUP_INET4_GETPEERNAME|BPF_CGROUP_INET6_GETPEERNAME"
                            + "|BPF_CGROUP_INET4_GETSOCKNAME|BPF_CGROUP_INET6_GETSOCKNAME|BPF_XDP_DEVMAP"
                            + "|BPF_CGROUP_INET_SOCK_RELEASE|BPF_XDP_CPUMAP|BPF_SK_LOOKUP|BPF_XDP|BPF_SK_SKB_VERDICT"
                            + "|BPF_SK_REUSEPORT_SELECT|BPF_SK_REUSEPORT_SELECT_OR_MIGRATE|BPF_PERF_EVENT"
                            + "|BPF_TRACE_KPROBE_MULTI|BPF_LSM_CGROUP|BPF_F_STRICT_ALIGNMENT|BPF_F_ANY_ALIGNMENT"
                            + "|BPF_F_TEST_RND_HI32|BPF_F_TEST_STATE_FREQ|BPF_F_SLEEPABLE", null, false),
            new Group("KEYCTL_VALUES", "keyctl(2) commands and their flags", Source.COMPILED, "linux/keyctl.h",
                    "KEYCTL_\\w+|KEY_REQKEY_DEFL_\\w+|KEY_(POS|USR|GRP|OTH)_\\w+", null, false));
}
