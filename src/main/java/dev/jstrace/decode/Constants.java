package dev.jstrace.decode;

import dev.jstrace.arch.Arch;

/**
 * The flag and value tables the argument types render with, as data: the names
 * in the order strace prints them, the values from the kernel and libc headers
 * through the generated tables ({@link HeaderValues}, written by scripts/gen-tables
 * from scripts/gentables/ConstantGroups.java). No value is typed here: a name the
 * headers evaluate only with a compiler (enumerators, casts) has a COMPILED group,
 * one that no pinned header defines on every arch (ARCH_*, MAP_32BIT) a STRACE group
 * (strace 6.1's src/xlat/*.in); names that neither the 6.1 headers nor strace 6.1 know
 * are left out, so they print as strace 6.1 prints them (a number).
 */
public final class Constants {
    private Constants() {}

    /** open(2) access modes (the low two bits of the flags, an enumeration). */
    public static final ConstTable OPEN_ACCMODE = ConstTable.enumDec("O_???",
            "O_RDONLY O_WRONLY O_RDWR O_ACCMODE");

    /**
     * open(2) flags above the access mode, in strace's print order; each arch's values come
     * from its own headers (arm64's fcntl.h moves O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE).
     */
    private static final String OPEN_FLAG_NAMES = """
            O_CREAT O_EXCL O_NOCTTY O_TRUNC O_APPEND O_NONBLOCK
            O_SYNC __O_SYNC O_DSYNC O_DIRECT O_LARGEFILE O_NOFOLLOW
            O_NOATIME O_CLOEXEC O_PATH O_TMPFILE __O_TMPFILE O_DIRECTORY
            O_ASYNC""";

    private static final java.util.Map<Arch, ConstTable> OPEN_FLAGS = openFlagTables();

    private static java.util.Map<Arch, ConstTable> openFlagTables() {
        java.util.Map<Arch, ConstTable> m = new java.util.EnumMap<>(Arch.class);
        for (Arch a : Arch.values()) m.put(a, ConstTable.flags(a, "O_???", OPEN_FLAG_NAMES));
        return m;
    }

    /**
     * {@return the open flag table of {@code arch}}
     *
     * @param arch the arch
     */
    public static ConstTable openFlags(Arch arch) {
        return OPEN_FLAGS.get(arch);
    }

    /** *at() flags (include/uapi/linux/fcntl.h). */
    public static final ConstTable AT_FLAGS = ConstTable.flags("AT_???", """
            AT_SYMLINK_NOFOLLOW AT_REMOVEDIR AT_SYMLINK_FOLLOW AT_NO_AUTOMOUNT
            AT_EMPTY_PATH AT_RECURSIVE""");

    /** statx's sync-type part of the flags (strace's at_statx_sync_types: a flag set, 0 named). */
    public static final ConstTable STATX_SYNC_TYPES = ConstTable.flags("AT_STATX_???",
            "AT_STATX_SYNC_AS_STAT AT_STATX_FORCE_SYNC AT_STATX_DONT_SYNC");

    /** statx mask bits (include/uapi/linux/stat.h). */
    public static final ConstTable STATX_MASK = ConstTable.flags("STATX_???", """
            STATX_ALL STATX_BASIC_STATS STATX_TYPE STATX_MODE STATX_NLINK
            STATX_UID STATX_GID STATX_ATIME STATX_MTIME STATX_CTIME STATX_INO
            STATX_SIZE STATX_BLOCKS STATX_BTIME STATX_MNT_ID STATX_DIOALIGN""");

    /** access(2) modes. */
    public static final ConstTable ACCESS_MODE = ConstTable.flags("?_OK",
            "F_OK R_OK W_OK X_OK");

    /** mmap/mprotect protection. */
    public static final ConstTable PROT = ConstTable.flags("PROT_???", """
            PROT_NONE PROT_READ PROT_WRITE PROT_EXEC PROT_SEM
            PROT_GROWSDOWN PROT_GROWSUP""");

    /** mmap's map types (the value of {@code flags & MAP_TYPE}), strace 6.1's mmap_flags by value. */
    public static final ConstTable MAP_TYPES = ConstTable.enumHex("MAP_???",
            "MAP_FILE MAP_SHARED MAP_PRIVATE MAP_SHARED_VALIDATE");

    /** mmap's flag bits past the map type, in strace 6.1's mmap_flags order (MmapFlags prints them). */
    public static final ConstTable MAP_FLAGS = ConstTable.flags("MAP_???", """
            MAP_FIXED MAP_ANONYMOUS MAP_32BIT MAP_NORESERVE MAP_POPULATE MAP_NONBLOCK
            MAP_GROWSDOWN MAP_DENYWRITE MAP_EXECUTABLE MAP_LOCKED MAP_STACK
            MAP_HUGETLB MAP_SYNC MAP_UNINITIALIZED MAP_FIXED_NOREPLACE""");

    /** mremap flags. */
    public static final ConstTable MREMAP_FLAGS = ConstTable.flags("MREMAP_???",
            "MREMAP_MAYMOVE MREMAP_FIXED MREMAP_DONTUNMAP");

    /** madvise advice. */
    public static final ConstTable MADV = ConstTable.enumHex("MADV_???", """
            MADV_NORMAL MADV_RANDOM MADV_SEQUENTIAL MADV_WILLNEED MADV_DONTNEED MADV_FREE
            MADV_REMOVE MADV_DONTFORK MADV_DOFORK MADV_MERGEABLE MADV_UNMERGEABLE
            MADV_HUGEPAGE MADV_NOHUGEPAGE MADV_DONTDUMP MADV_DODUMP MADV_WIPEONFORK
            MADV_KEEPONFORK MADV_COLD MADV_PAGEOUT MADV_POPULATE_READ MADV_POPULATE_WRITE
            MADV_DONTNEED_LOCKED MADV_COLLAPSE MADV_HWPOISON MADV_SOFT_OFFLINE""");

    /** clone flags above the exit-signal byte (include/uapi/linux/sched.h). */
    public static final ConstTable CLONE_FLAGS = ConstTable.flags("CLONE_???", """
            CLONE_VM CLONE_FS CLONE_FILES CLONE_SIGHAND CLONE_PIDFD
            CLONE_PTRACE CLONE_VFORK CLONE_PARENT CLONE_THREAD
            CLONE_NEWNS CLONE_SYSVSEM CLONE_SETTLS CLONE_PARENT_SETTID
            CLONE_CHILD_CLEARTID CLONE_UNTRACED
            CLONE_CHILD_SETTID CLONE_NEWCGROUP CLONE_NEWUTS
            CLONE_NEWIPC CLONE_NEWUSER CLONE_NEWPID CLONE_NEWNET
            CLONE_IO""");
    /** clone3's flags: strace's clone_flags then clone3_flags (64-bit only: NEWTIME overlaps clone's CSIGNAL). */
    public static final ConstTable CLONE3_FLAGS = ConstTable.flags("CLONE_???", """
            CLONE_VM CLONE_FS CLONE_FILES CLONE_SIGHAND CLONE_PIDFD
            CLONE_PTRACE CLONE_VFORK CLONE_PARENT CLONE_THREAD
            CLONE_NEWNS CLONE_SYSVSEM CLONE_SETTLS CLONE_PARENT_SETTID
            CLONE_CHILD_CLEARTID CLONE_UNTRACED
            CLONE_CHILD_SETTID CLONE_NEWCGROUP CLONE_NEWUTS
            CLONE_NEWIPC CLONE_NEWUSER CLONE_NEWPID CLONE_NEWNET
            CLONE_IO CLONE_NEWTIME CLONE_CLEAR_SIGHAND CLONE_INTO_CGROUP""");

    /** futex commands (the low bits; FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME are added by name). */
    public static final ConstTable FUTEX_CMD = ConstTable.enumDec("FUTEX_???", """
            FUTEX_WAIT FUTEX_WAKE FUTEX_FD FUTEX_REQUEUE FUTEX_CMP_REQUEUE FUTEX_WAKE_OP
            FUTEX_LOCK_PI FUTEX_UNLOCK_PI FUTEX_TRYLOCK_PI FUTEX_WAIT_BITSET FUTEX_WAKE_BITSET
            FUTEX_WAIT_REQUEUE_PI FUTEX_CMP_REQUEUE_PI FUTEX_LOCK_PI2""");

    /** fcntl commands. */
    public static final ConstTable FCNTL_CMD = ConstTable.enumHex("F_???", """
            F_DUPFD F_GETFD F_SETFD F_GETFL F_SETFL F_GETLK F_SETLK F_SETLKW F_SETOWN
            F_GETOWN F_SETSIG F_GETSIG F_SETOWN_EX F_GETOWN_EX F_GETOWNER_UIDS
            F_OFD_GETLK F_OFD_SETLK F_OFD_SETLKW F_SETLEASE F_GETLEASE F_NOTIFY
            F_DUPFD_CLOEXEC F_SETPIPE_SZ
            F_GETPIPE_SZ F_ADD_SEALS F_GET_SEALS F_GET_RW_HINT F_SET_RW_HINT
            F_GET_FILE_RW_HINT F_SET_FILE_RW_HINT""");

    /** fd flags (F_GETFD/F_SETFD). */
    public static final ConstTable FD_FLAGS = ConstTable.flags("FD_???", "FD_CLOEXEC");

    /** Address families. */
    public static final ConstTable AF = ConstTable.enumHex("AF_???", """
            AF_UNSPEC AF_UNIX AF_INET AF_AX25 AF_IPX AF_APPLETALK AF_NETROM AF_BRIDGE
            AF_ATMPVC AF_X25 AF_INET6 AF_ROSE AF_DECnet AF_NETBEUI AF_SECURITY AF_KEY
            AF_NETLINK AF_PACKET AF_ASH AF_ECONET AF_ATMSVC AF_RDS AF_SNA AF_IRDA
            AF_PPPOX AF_WANPIPE AF_LLC AF_IB AF_MPLS AF_CAN AF_TIPC AF_BLUETOOTH
            AF_IUCV AF_RXRPC AF_ISDN AF_PHONET AF_IEEE802154 AF_CAIF AF_ALG AF_NFC
            AF_VSOCK AF_KCM AF_QIPCRTR AF_SMC AF_XDP AF_MCTP""");

    /** Socket types (the low four bits). */
    public static final ConstTable SOCK_TYPE = ConstTable.enumHex("SOCK_???", """
            SOCK_STREAM SOCK_DGRAM SOCK_RAW SOCK_RDM SOCK_SEQPACKET SOCK_DCCP SOCK_PACKET""");

    /** Socket type flags. */
    public static final ConstTable SOCK_FLAGS = ConstTable.flags("SOCK_???",
            "SOCK_CLOEXEC SOCK_NONBLOCK");

    /** IP protocols (for AF_INET/AF_INET6 sockets). */
    public static final ConstTable IPPROTO = ConstTable.enumHex("IPPROTO_???", """
            IPPROTO_IP IPPROTO_ICMP IPPROTO_IGMP IPPROTO_IPIP IPPROTO_TCP IPPROTO_EGP
            IPPROTO_PUP IPPROTO_UDP IPPROTO_IDP IPPROTO_TP IPPROTO_DCCP IPPROTO_IPV6
            IPPROTO_RSVP IPPROTO_GRE IPPROTO_ESP IPPROTO_AH IPPROTO_ICMPV6 IPPROTO_MTP
            IPPROTO_BEETPH IPPROTO_ENCAP IPPROTO_PIM IPPROTO_COMP IPPROTO_L2TP
            IPPROTO_SCTP IPPROTO_UDPLITE IPPROTO_MPLS IPPROTO_ETHERNET IPPROTO_RAW
            IPPROTO_MPTCP""");

    /** Netlink protocols. */
    public static final ConstTable NETLINK_PROTO = ConstTable.enumHex("NETLINK_???", """
            NETLINK_ROUTE NETLINK_UNUSED NETLINK_USERSOCK NETLINK_FIREWALL NETLINK_SOCK_DIAG
            NETLINK_NFLOG NETLINK_XFRM NETLINK_SELINUX NETLINK_ISCSI NETLINK_AUDIT
            NETLINK_FIB_LOOKUP NETLINK_CONNECTOR NETLINK_NETFILTER NETLINK_IP6_FW
            NETLINK_DNRTMSG NETLINK_KOBJECT_UEVENT NETLINK_GENERIC NETLINK_SCSITRANSPORT
            NETLINK_ECRYPTFS NETLINK_RDMA NETLINK_CRYPTO NETLINK_SMC""");

    /** send/recv flags. */
    public static final ConstTable MSG_FLAGS = ConstTable.flags("MSG_???", """
            MSG_OOB MSG_PEEK MSG_DONTROUTE MSG_CTRUNC MSG_PROXY MSG_TRUNC
            MSG_DONTWAIT MSG_EOR MSG_WAITALL MSG_FIN MSG_SYN MSG_CONFIRM
            MSG_RST MSG_ERRQUEUE MSG_NOSIGNAL MSG_MORE MSG_WAITFORONE
            MSG_BATCH MSG_ZEROCOPY MSG_FASTOPEN MSG_CMSG_CLOEXEC""");

    /** poll events. */
    public static final ConstTable POLL_EVENTS = ConstTable.flags("POLL???", """
            POLLIN POLLPRI POLLOUT POLLERR POLLHUP POLLNVAL POLLRDNORM
            POLLRDBAND POLLWRNORM POLLWRBAND POLLMSG POLLRDHUP""");

    /** epoll events. */
    public static final ConstTable EPOLL_EVENTS = ConstTable.flags("EPOLL???", """
            EPOLLIN EPOLLPRI EPOLLOUT EPOLLERR EPOLLHUP EPOLLNVAL
            EPOLLRDNORM EPOLLRDBAND EPOLLWRNORM EPOLLWRBAND EPOLLMSG
            EPOLLRDHUP EPOLLEXCLUSIVE EPOLLWAKEUP
            EPOLLONESHOT EPOLLET""");

    /** epoll_ctl operations. */
    public static final ConstTable EPOLL_CTL = ConstTable.enumHex("EPOLL_CTL_???",
            "EPOLL_CTL_ADD EPOLL_CTL_DEL EPOLL_CTL_MOD");

    /** epoll_create1 / eventfd2 / inotify_init1 / pipe2 / dup3 style O_CLOEXEC-only flags. */
    public static final ConstTable EPOLL_CREATE_FLAGS = ConstTable.flags("EPOLL_???", "EPOLL_CLOEXEC");

    /** sigprocmask how. */
    public static final ConstTable SIG_HOW = ConstTable.enumHex("SIG_???",
            "SIG_BLOCK SIG_UNBLOCK SIG_SETMASK");

    /** sigaction flags, strace's order; SA_RESTORER only where the arch has sa_restorer (not riscv). */
    private static final String SA_FLAG_NAMES = """
            SA_RESTORER SA_ONSTACK SA_RESTART SA_NODEFER
            SA_RESETHAND SA_SIGINFO SA_NOCLDSTOP SA_NOCLDWAIT SA_UNSUPPORTED
            SA_EXPOSE_TAGBITS""";

    private static final java.util.Map<Arch, ConstTable> SA_FLAGS_BY_ARCH = saFlagTables();

    private static java.util.Map<Arch, ConstTable> saFlagTables() {
        java.util.Map<Arch, ConstTable> m = new java.util.EnumMap<>(Arch.class);
        for (Arch a : Arch.values()) {
            m.put(a, ConstTable.flags(a, "SA_???", a.sigactionHasRestorer() ? SA_FLAG_NAMES
                    : SA_FLAG_NAMES.replace("SA_RESTORER ", "")));
        }
        return m;
    }

    /**
     * {@return the sigaction flag table of {@code arch}}
     *
     * @param arch the arch
     */
    static ConstTable saFlags(Arch arch) {
        return SA_FLAGS_BY_ARCH.get(arch);
    }

    /** rlimit resources. */
    public static final ConstTable RLIMIT = ConstTable.enumHex("RLIMIT_???", """
            RLIMIT_CPU RLIMIT_FSIZE RLIMIT_DATA RLIMIT_STACK RLIMIT_CORE RLIMIT_RSS
            RLIMIT_NPROC RLIMIT_NOFILE RLIMIT_MEMLOCK RLIMIT_AS RLIMIT_LOCKS RLIMIT_SIGPENDING
            RLIMIT_MSGQUEUE RLIMIT_NICE RLIMIT_RTPRIO RLIMIT_RTTIME""");

    /** lseek whence. */
    public static final ConstTable SEEK = ConstTable.enumHex("SEEK_???",
            "SEEK_SET SEEK_CUR SEEK_END SEEK_DATA SEEK_HOLE");

    /** getrandom flags. */
    public static final ConstTable GRND = ConstTable.flags("GRND_???",
            "GRND_NONBLOCK GRND_RANDOM GRND_INSECURE");

    /** wait4/waitid options, in strace's order (wait4_options: WSTOPPED, not WUNTRACED, names 2). */
    public static final ConstTable WAIT_OPTIONS = ConstTable.flags("W???", """
            WNOHANG WEXITED WSTOPPED WCONTINUED WNOWAIT __WCLONE __WALL
            __WNOTHREAD""");

    /** arch_prctl codes (x86-64 only). */
    public static final ConstTable ARCH_PRCTL = ConstTable.enumHex("ARCH_???", """
            ARCH_SET_GS ARCH_SET_FS ARCH_GET_FS ARCH_GET_GS
            ARCH_GET_CPUID ARCH_SET_CPUID ARCH_GET_XCOMP_SUPP ARCH_GET_XCOMP_PERM
            ARCH_REQ_XCOMP_PERM ARCH_GET_XCOMP_GUEST_PERM ARCH_REQ_XCOMP_GUEST_PERM
            ARCH_MAP_VDSO_X32 ARCH_MAP_VDSO_32 ARCH_MAP_VDSO_64""");

    /** Signal-handler special values. */
    public static final ConstTable SIG_HANDLER = ConstTable.enumHex("SIG_???",
            "SIG_DFL SIG_IGN SIG_ERR");

    /** clock ids. */
    public static final ConstTable CLOCK = ConstTable.enumHex("CLOCK_???", """
            CLOCK_REALTIME CLOCK_MONOTONIC CLOCK_PROCESS_CPUTIME_ID CLOCK_THREAD_CPUTIME_ID
            CLOCK_MONOTONIC_RAW CLOCK_REALTIME_COARSE CLOCK_MONOTONIC_COARSE CLOCK_BOOTTIME
            CLOCK_REALTIME_ALARM CLOCK_BOOTTIME_ALARM CLOCK_TAI""");

    /** Flags for *at calls that take only AT_REMOVEDIR (unlinkat). */
    public static final ConstTable UNLINKAT_FLAGS = ConstTable.flags("AT_???", "AT_REMOVEDIR");

    /** faccessat2 flags. */
    public static final ConstTable FACCESSAT_FLAGS = ConstTable.flags("AT_???",
            "AT_SYMLINK_NOFOLLOW AT_EACCESS AT_EMPTY_PATH");

    /** renameat2 flags. */
    public static final ConstTable RENAME_FLAGS = ConstTable.flags("RENAME_???",
            "RENAME_NOREPLACE RENAME_EXCHANGE RENAME_WHITEOUT");

    /** socket shutdown how. */
    public static final ConstTable SHUT = ConstTable.enumHex("SHUT_???", "SHUT_RD SHUT_WR SHUT_RDWR");

    /** setsockopt levels. */
    public static final ConstTable SOL = ConstTable.enumHex("SOL_???",
            "SOL_IP SOL_SOCKET SOL_TCP SOL_UDP SOL_IPV6 SOL_ICMPV6 SOL_RAW SOL_NETLINK");


    /** strace 6.1's sock_options (xlat/sock_options.in), in its order: what getsockopt and setsockopt share. */
    private static final String SOCK_OPTIONS = """
            SO_DEBUG SO_REUSEADDR SO_TYPE SO_ERROR SO_DONTROUTE SO_BROADCAST SO_SNDBUF SO_RCVBUF SO_KEEPALIVE
            SO_OOBINLINE SO_NO_CHECK SO_PRIORITY SO_LINGER SO_BSDCOMPAT SO_REUSEPORT SO_PASSCRED SO_PEERCRED
            SO_RCVLOWAT SO_SNDLOWAT SO_RCVTIMEO_OLD SO_SNDTIMEO_OLD SO_SECURITY_AUTHENTICATION
            SO_SECURITY_ENCRYPTION_TRANSPORT SO_SECURITY_ENCRYPTION_NETWORK SO_BINDTODEVICE SO_DETACH_FILTER
            SO_PEERNAME SO_TIMESTAMP_OLD SO_ACCEPTCONN SO_PEERSEC SO_SNDBUFFORCE SO_RCVBUFFORCE SO_PASSSEC
            SO_TIMESTAMPNS_OLD SO_MARK SO_TIMESTAMPING_OLD SO_PROTOCOL SO_DOMAIN SO_RXQ_OVFL SO_WIFI_STATUS
            SO_PEEK_OFF SO_NOFCS SO_LOCK_FILTER SO_SELECT_ERR_QUEUE SO_BUSY_POLL SO_MAX_PACING_RATE
            SO_BPF_EXTENSIONS SO_INCOMING_CPU SO_ATTACH_BPF SO_ATTACH_REUSEPORT_CBPF SO_ATTACH_REUSEPORT_EBPF
            SO_CNX_ADVICE SO_MEMINFO SO_INCOMING_NAPI_ID SO_COOKIE SO_PEERGROUPS SO_ZEROCOPY SO_TXTIME
            SO_BINDTOIFINDEX SO_TIMESTAMP_NEW SO_TIMESTAMPNS_NEW SO_TIMESTAMPING_NEW SO_RCVTIMEO_NEW
            SO_SNDTIMEO_NEW SO_DETACH_REUSEPORT_BPF SO_PREFER_BUSY_POLL SO_BUSY_POLL_BUDGET SO_NETNS_COOKIE
            SO_BUF_LOCK SO_RESERVE_MEM SO_TXREHASH SO_RCVMARK
            """;

    /** SOL_SOCKET options (strace 6.1's sock_options). */
    public static final ConstTable SO = ConstTable.enumHex("SO_???", SOCK_OPTIONS);

    /** getsockopt's SOL_SOCKET names: strace 6.1's sock_options, then getsock_options (SO_GET_FILTER). */
    public static final ConstTable SO_GET = ConstTable.enumHex("SO_???", SOCK_OPTIONS
            + "SO_GET_FILTER=" + HeaderValues.common("SO_ATTACH_FILTER"));

    /** setsockopt's SOL_SOCKET names: strace 6.1's sock_options, then setsock_options (SO_ATTACH_FILTER). */
    public static final ConstTable SO_SET = ConstTable.enumHex("SO_???", SOCK_OPTIONS + "SO_ATTACH_FILTER");

    /** IPPROTO_TCP options. */
    public static final ConstTable TCP_OPT = ConstTable.enumHex("TCP_???", """
            TCP_NODELAY TCP_MAXSEG TCP_CORK TCP_KEEPIDLE TCP_KEEPINTVL TCP_KEEPCNT TCP_SYNCNT
            TCP_LINGER2 TCP_DEFER_ACCEPT TCP_WINDOW_CLAMP TCP_INFO TCP_QUICKACK
            TCP_CONGESTION TCP_USER_TIMEOUT TCP_FASTOPEN""");

    /** flock operations. */
    public static final ConstTable FLOCK = ConstTable.flags("LOCK_???",
            "LOCK_SH LOCK_EX LOCK_NB LOCK_UN LOCK_MAND LOCK_READ LOCK_WRITE");

    /** itimer/timerfd/sched etc. use plain numbers; membarrier commands. */
    public static final ConstTable MEMBARRIER = ConstTable.flags("MEMBARRIER_CMD_???", """
            MEMBARRIER_CMD_QUERY MEMBARRIER_CMD_GLOBAL MEMBARRIER_CMD_GLOBAL_EXPEDITED
            MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED MEMBARRIER_CMD_PRIVATE_EXPEDITED
            MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE
            MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE""");

    /** eventfd2 / signalfd4 / timerfd flags (O_CLOEXEC, O_NONBLOCK under their own names). */
    public static final ConstTable EFD_FLAGS = ConstTable.flags("EFD_???",
            "EFD_SEMAPHORE EFD_CLOEXEC EFD_NONBLOCK");

    /** splice/tee/vmsplice flags (linux/splice.h). */
    public static final ConstTable SPLICE_FLAGS = ConstTable.flags("SPLICE_F_???",
            "SPLICE_F_MOVE SPLICE_F_NONBLOCK SPLICE_F_MORE SPLICE_F_GIFT");

    /** pidfd_open flags (linux/pidfd.h: PIDFD_NONBLOCK is O_NONBLOCK). */
    public static final ConstTable PIDFD_FLAGS = ConstTable.flags("PIDFD_???", "PIDFD_NONBLOCK");

    /** signalfd4 flags (linux/signalfd.h): the O_ values, as strace names them. */
    public static final ConstTable SFD_FLAGS = ConstTable.flags("SFD_???", "SFD_CLOEXEC SFD_NONBLOCK");

    /** inotify_init1 flags, in strace 6.1's order (xlat/inotify_init_flags.in). */
    public static final ConstTable IN_INIT_FLAGS = ConstTable.flags("IN_???",
            "IN_NONBLOCK IN_CLOEXEC");

    /** timerfd_create flags. */
    public static final ConstTable TFD_FLAGS = ConstTable.flags("TFD_???",
            "TFD_CLOEXEC TFD_NONBLOCK");

    /** memfd_create flags. */
    public static final ConstTable MFD_FLAGS = ConstTable.flags("MFD_???",
            "MFD_CLOEXEC MFD_ALLOW_SEALING MFD_HUGETLB");

    /** close_range flags. */
    public static final ConstTable CLOSE_RANGE = ConstTable.flags("CLOSE_RANGE_???",
            "CLOSE_RANGE_UNSHARE CLOSE_RANGE_CLOEXEC");

    /** umount2 flags. */
    public static final ConstTable UMOUNT = ConstTable.flags("MNT_???",
            "MNT_FORCE MNT_DETACH MNT_EXPIRE UMOUNT_NOFOLLOW");

    /** rseq flags / sched policies and other small sets. */
    public static final ConstTable SCHED_POLICY = ConstTable.enumHex("SCHED_???",
            "SCHED_OTHER SCHED_FIFO SCHED_RR SCHED_BATCH SCHED_IDLE SCHED_DEADLINE");

    /** fadvise advice. */
    public static final ConstTable FADV = ConstTable.enumHex("POSIX_FADV_???", """
            POSIX_FADV_NORMAL POSIX_FADV_RANDOM POSIX_FADV_SEQUENTIAL POSIX_FADV_WILLNEED
            POSIX_FADV_DONTNEED POSIX_FADV_NOREUSE""");

    /** {@code which} for getpriority/setpriority. */
    public static final ConstTable PRIO_WHICH = ConstTable.enumHex("PRIO_???",
            "PRIO_PROCESS PRIO_PGRP PRIO_USER");

    /** getrusage who. */
    public static final ConstTable RUSAGE_WHO = ConstTable.enumHex("RUSAGE_???",
            "RUSAGE_SELF RUSAGE_CHILDREN RUSAGE_THREAD");

    /** itimer which. */
    public static final ConstTable ITIMER = ConstTable.enumHex("ITIMER_???",
            "ITIMER_REAL ITIMER_VIRTUAL ITIMER_PROF");

    /** waitid idtype. */
    public static final ConstTable IDTYPE = ConstTable.enumHex("P_???",
            "P_ALL P_PID P_PGID P_PIDFD");

    /** mlockall flags. */
    public static final ConstTable MCL = ConstTable.flags("MCL_???", "MCL_CURRENT MCL_FUTURE MCL_ONFAULT");

    /** msync flags. */
    public static final ConstTable MS_SYNC = ConstTable.flags("MS_???", "MS_ASYNC MS_INVALIDATE MS_SYNC");

    /** timer flags (clock_nanosleep, timerfd_settime). */
    public static final ConstTable TIMER_FLAGS = ConstTable.flags("TIMER_???", "TIMER_ABSTIME");

    /** File type bits of st_mode. */
    public static final ConstTable S_IFMT = ConstTable.enumDec("S_IF???", """
            S_IFSOCK S_IFLNK S_IFREG S_IFBLK S_IFDIR S_IFCHR
            S_IFIFO""");

    /** Directory entry types. */
    public static final ConstTable DT = ConstTable.enumHex("DT_???",
            "DT_UNKNOWN DT_FIFO DT_CHR DT_DIR DT_BLK DT_REG DT_LNK DT_SOCK DT_WHT");
}
