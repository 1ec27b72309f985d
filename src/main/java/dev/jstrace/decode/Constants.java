package dev.jstrace.decode;

import dev.jstrace.arch.Arch;

/**
 * The flag and value tables the argument types render with, as data. Values are
 * those of the Linux 6.x UAPI headers (asm-generic unless an arch is named); the
 * order of a flag table is the order strace prints the names in.
 */
public final class Constants {
    private Constants() {}

    /** open(2) access modes (the low two bits of the flags, an enumeration). */
    public static final ConstTable OPEN_ACCMODE = ConstTable.enumDec("O_???",
            "O_RDONLY=0 O_WRONLY=1 O_RDWR=2 O_ACCMODE=3");

    /** open(2) flags above the access mode, x86-64 (include/uapi/asm-generic/fcntl.h). */
    public static final ConstTable OPEN_FLAGS_X86_64 = ConstTable.flags("O_???", """
            O_CREAT=0100 O_EXCL=0200 O_NOCTTY=0400 O_TRUNC=01000 O_APPEND=02000 O_NONBLOCK=04000
            O_SYNC=04010000 O_DSYNC=010000 O_DIRECT=040000 O_LARGEFILE=0100000 O_NOFOLLOW=0400000
            O_NOATIME=01000000 O_CLOEXEC=02000000 O_PATH=010000000 O_TMPFILE=020200000 O_DIRECTORY=0200000
            O_ASYNC=020000""");

    /** open(2) flags, aarch64 (arch/arm64/include/uapi/asm/fcntl.h moves four of them). */
    public static final ConstTable OPEN_FLAGS_AARCH64 = ConstTable.flags("O_???", """
            O_CREAT=0100 O_EXCL=0200 O_NOCTTY=0400 O_TRUNC=01000 O_APPEND=02000 O_NONBLOCK=04000
            O_SYNC=04010000 O_DSYNC=010000 O_DIRECT=0200000 O_LARGEFILE=0400000 O_NOFOLLOW=0100000
            O_NOATIME=01000000 O_CLOEXEC=02000000 O_PATH=010000000 O_TMPFILE=020040000 O_DIRECTORY=040000
            O_ASYNC=020000""");

    /** The open flag table of {@code arch}. */
    public static ConstTable openFlags(Arch arch) {
        return switch (arch.openFlagsLayout()) {
            case ASM_GENERIC -> OPEN_FLAGS_X86_64;
            case ARM64 -> OPEN_FLAGS_AARCH64;
        };
    }

    /** *at() flags (include/uapi/linux/fcntl.h). */
    public static final ConstTable AT_FLAGS = ConstTable.flags("AT_???", """
            AT_SYMLINK_NOFOLLOW=0x100 AT_REMOVEDIR=0x200 AT_SYMLINK_FOLLOW=0x400 AT_NO_AUTOMOUNT=0x800
            AT_EMPTY_PATH=0x1000 AT_STATX_FORCE_SYNC=0x2000 AT_STATX_DONT_SYNC=0x4000 AT_RECURSIVE=0x8000""");

    /** statx's sync-type part of the flags. */
    public static final ConstTable STATX_SYNC = ConstTable.enumHex("AT_STATX_???",
            "AT_STATX_SYNC_AS_STAT=0 AT_STATX_FORCE_SYNC=0x2000 AT_STATX_DONT_SYNC=0x4000");

    /** statx mask bits (include/uapi/linux/stat.h). */
    public static final ConstTable STATX_MASK = ConstTable.flags("STATX_???", """
            STATX_ALL=0xfff STATX_BASIC_STATS=0x7ff STATX_TYPE=0x1 STATX_MODE=0x2 STATX_NLINK=0x4
            STATX_UID=0x8 STATX_GID=0x10 STATX_ATIME=0x20 STATX_MTIME=0x40 STATX_CTIME=0x80 STATX_INO=0x100
            STATX_SIZE=0x200 STATX_BLOCKS=0x400 STATX_BTIME=0x800 STATX_MNT_ID=0x1000 STATX_DIOALIGN=0x2000
            STATX_MNT_ID_UNIQUE=0x4000 STATX_SUBVOL=0x8000 STATX_WRITE_ATOMIC=0x10000""");

    /** access(2) modes. */
    public static final ConstTable ACCESS_MODE = ConstTable.flags("?_OK",
            "F_OK=0 R_OK=4 W_OK=2 X_OK=1");

    /** mmap/mprotect protection. */
    public static final ConstTable PROT = ConstTable.flags("PROT_???", """
            PROT_NONE=0 PROT_READ=0x1 PROT_WRITE=0x2 PROT_EXEC=0x4 PROT_SEM=0x8 PROT_BTI=0x10
            PROT_MTE=0x20 PROT_GROWSDOWN=0x01000000 PROT_GROWSUP=0x02000000""");

    /** mmap flags (the map type is listed first so 3 reads MAP_SHARED_VALIDATE). */
    public static final ConstTable MAP_FLAGS = ConstTable.flags("MAP_???", """
            MAP_SHARED_VALIDATE=0x3 MAP_SHARED=0x1 MAP_PRIVATE=0x2 MAP_FIXED=0x10 MAP_ANONYMOUS=0x20
            MAP_32BIT=0x40 MAP_GROWSDOWN=0x100 MAP_DENYWRITE=0x800 MAP_EXECUTABLE=0x1000 MAP_LOCKED=0x2000
            MAP_NORESERVE=0x4000 MAP_POPULATE=0x8000 MAP_NONBLOCK=0x10000 MAP_STACK=0x20000
            MAP_HUGETLB=0x40000 MAP_SYNC=0x80000 MAP_FIXED_NOREPLACE=0x100000 MAP_UNINITIALIZED=0x4000000""");

    /** mremap flags. */
    public static final ConstTable MREMAP_FLAGS = ConstTable.flags("MREMAP_???",
            "MREMAP_MAYMOVE=1 MREMAP_FIXED=2 MREMAP_DONTUNMAP=4");

    /** madvise advice. */
    public static final ConstTable MADV = ConstTable.enumDec("MADV_???", """
            MADV_NORMAL=0 MADV_RANDOM=1 MADV_SEQUENTIAL=2 MADV_WILLNEED=3 MADV_DONTNEED=4 MADV_FREE=8
            MADV_REMOVE=9 MADV_DONTFORK=10 MADV_DOFORK=11 MADV_MERGEABLE=12 MADV_UNMERGEABLE=13
            MADV_HUGEPAGE=14 MADV_NOHUGEPAGE=15 MADV_DONTDUMP=16 MADV_DODUMP=17 MADV_WIPEONFORK=18
            MADV_KEEPONFORK=19 MADV_COLD=20 MADV_PAGEOUT=21 MADV_POPULATE_READ=22 MADV_POPULATE_WRITE=23
            MADV_DONTNEED_LOCKED=24 MADV_COLLAPSE=25 MADV_HWPOISON=100 MADV_SOFT_OFFLINE=101
            MADV_GUARD_INSTALL=102 MADV_GUARD_REMOVE=103""");

    /** clone flags above the exit-signal byte (include/uapi/linux/sched.h). */
    public static final ConstTable CLONE_FLAGS = ConstTable.flags("CLONE_???", """
            CLONE_VM=0x100 CLONE_FS=0x200 CLONE_FILES=0x400 CLONE_SIGHAND=0x800 CLONE_PIDFD=0x1000
            CLONE_PTRACE=0x2000 CLONE_VFORK=0x4000 CLONE_PARENT=0x8000 CLONE_THREAD=0x10000
            CLONE_NEWNS=0x20000 CLONE_SYSVSEM=0x40000 CLONE_SETTLS=0x80000 CLONE_PARENT_SETTID=0x100000
            CLONE_CHILD_CLEARTID=0x200000 CLONE_DETACHED=0x400000 CLONE_UNTRACED=0x800000
            CLONE_CHILD_SETTID=0x1000000 CLONE_NEWCGROUP=0x2000000 CLONE_NEWUTS=0x4000000
            CLONE_NEWIPC=0x8000000 CLONE_NEWUSER=0x10000000 CLONE_NEWPID=0x20000000 CLONE_NEWNET=0x40000000
            CLONE_IO=0x80000000 CLONE_CLEAR_SIGHAND=0x100000000 CLONE_INTO_CGROUP=0x200000000""");

    /** futex commands (the low bits; FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME are added by name). */
    public static final ConstTable FUTEX_CMD = ConstTable.enumDec("FUTEX_???", """
            FUTEX_WAIT=0 FUTEX_WAKE=1 FUTEX_FD=2 FUTEX_REQUEUE=3 FUTEX_CMP_REQUEUE=4 FUTEX_WAKE_OP=5
            FUTEX_LOCK_PI=6 FUTEX_UNLOCK_PI=7 FUTEX_TRYLOCK_PI=8 FUTEX_WAIT_BITSET=9 FUTEX_WAKE_BITSET=10
            FUTEX_WAIT_REQUEUE_PI=11 FUTEX_CMP_REQUEUE_PI=12 FUTEX_LOCK_PI2=13""");

    /** fcntl commands. */
    public static final ConstTable FCNTL_CMD = ConstTable.enumHex("F_???", """
            F_DUPFD=0 F_GETFD=1 F_SETFD=2 F_GETFL=3 F_SETFL=4 F_GETLK=5 F_SETLK=6 F_SETLKW=7 F_SETOWN=8
            F_GETOWN=9 F_SETSIG=10 F_GETSIG=11 F_SETOWN_EX=15 F_GETOWN_EX=16 F_GETOWNER_UIDS=17
            F_OFD_GETLK=36 F_OFD_SETLK=37 F_OFD_SETLKW=38 F_SETLEASE=1024 F_GETLEASE=1025 F_NOTIFY=1026
            F_DUPFD_QUERY=1027 F_CREATED_QUERY=1028 F_DUPFD_CLOEXEC=1030 F_SETPIPE_SZ=1031
            F_GETPIPE_SZ=1032 F_ADD_SEALS=1033 F_GET_SEALS=1034 F_GET_RW_HINT=1035 F_SET_RW_HINT=1036
            F_GET_FILE_RW_HINT=1037 F_SET_FILE_RW_HINT=1038""");

    /** fd flags (F_GETFD/F_SETFD). */
    public static final ConstTable FD_FLAGS = ConstTable.flags("FD_???", "FD_CLOEXEC=1");

    /** Address families. */
    public static final ConstTable AF = ConstTable.enumDec("AF_???", """
            AF_UNSPEC=0 AF_UNIX=1 AF_INET=2 AF_AX25=3 AF_IPX=4 AF_APPLETALK=5 AF_NETROM=6 AF_BRIDGE=7
            AF_ATMPVC=8 AF_X25=9 AF_INET6=10 AF_ROSE=11 AF_DECnet=12 AF_NETBEUI=13 AF_SECURITY=14 AF_KEY=15
            AF_NETLINK=16 AF_PACKET=17 AF_ASH=18 AF_ECONET=19 AF_ATMSVC=20 AF_RDS=21 AF_SNA=22 AF_IRDA=23
            AF_PPPOX=24 AF_WANPIPE=25 AF_LLC=26 AF_IB=27 AF_MPLS=28 AF_CAN=29 AF_TIPC=30 AF_BLUETOOTH=31
            AF_IUCV=32 AF_RXRPC=33 AF_ISDN=34 AF_PHONET=35 AF_IEEE802154=36 AF_CAIF=37 AF_ALG=38 AF_NFC=39
            AF_VSOCK=40 AF_KCM=41 AF_QIPCRTR=42 AF_SMC=43 AF_XDP=44 AF_MCTP=45""");

    /** Socket types (the low four bits). */
    public static final ConstTable SOCK_TYPE = ConstTable.enumDec("SOCK_???", """
            SOCK_STREAM=1 SOCK_DGRAM=2 SOCK_RAW=3 SOCK_RDM=4 SOCK_SEQPACKET=5 SOCK_DCCP=6 SOCK_PACKET=10""");

    /** Socket type flags. */
    public static final ConstTable SOCK_FLAGS = ConstTable.flags("SOCK_???",
            "SOCK_CLOEXEC=02000000 SOCK_NONBLOCK=04000");

    /** IP protocols (for AF_INET/AF_INET6 sockets). */
    public static final ConstTable IPPROTO = ConstTable.enumDec("IPPROTO_???", """
            IPPROTO_IP=0 IPPROTO_ICMP=1 IPPROTO_IGMP=2 IPPROTO_IPIP=4 IPPROTO_TCP=6 IPPROTO_EGP=8
            IPPROTO_PUP=12 IPPROTO_UDP=17 IPPROTO_IDP=22 IPPROTO_TP=29 IPPROTO_DCCP=33 IPPROTO_IPV6=41
            IPPROTO_RSVP=46 IPPROTO_GRE=47 IPPROTO_ESP=50 IPPROTO_AH=51 IPPROTO_ICMPV6=58 IPPROTO_MTP=92
            IPPROTO_BEETPH=94 IPPROTO_ENCAP=98 IPPROTO_PIM=103 IPPROTO_COMP=108 IPPROTO_L2TP=115
            IPPROTO_SCTP=132 IPPROTO_UDPLITE=136 IPPROTO_MPLS=137 IPPROTO_ETHERNET=143 IPPROTO_RAW=255
            IPPROTO_MPTCP=262""");

    /** Netlink protocols. */
    public static final ConstTable NETLINK_PROTO = ConstTable.enumDec("NETLINK_???", """
            NETLINK_ROUTE=0 NETLINK_UNUSED=1 NETLINK_USERSOCK=2 NETLINK_FIREWALL=3 NETLINK_SOCK_DIAG=4
            NETLINK_NFLOG=5 NETLINK_XFRM=6 NETLINK_SELINUX=7 NETLINK_ISCSI=8 NETLINK_AUDIT=9
            NETLINK_FIB_LOOKUP=10 NETLINK_CONNECTOR=11 NETLINK_NETFILTER=12 NETLINK_IP6_FW=13
            NETLINK_DNRTMSG=14 NETLINK_KOBJECT_UEVENT=15 NETLINK_GENERIC=16 NETLINK_SCSITRANSPORT=18
            NETLINK_ECRYPTFS=19 NETLINK_RDMA=20 NETLINK_CRYPTO=21 NETLINK_SMC=22""");

    /** send/recv flags. */
    public static final ConstTable MSG_FLAGS = ConstTable.flags("MSG_???", """
            MSG_OOB=0x1 MSG_PEEK=0x2 MSG_DONTROUTE=0x4 MSG_CTRUNC=0x8 MSG_PROXY=0x10 MSG_TRUNC=0x20
            MSG_DONTWAIT=0x40 MSG_EOR=0x80 MSG_WAITALL=0x100 MSG_FIN=0x200 MSG_SYN=0x400 MSG_CONFIRM=0x800
            MSG_RST=0x1000 MSG_ERRQUEUE=0x2000 MSG_NOSIGNAL=0x4000 MSG_MORE=0x8000 MSG_WAITFORONE=0x10000
            MSG_BATCH=0x40000 MSG_ZEROCOPY=0x4000000 MSG_FASTOPEN=0x20000000 MSG_CMSG_CLOEXEC=0x40000000""");

    /** poll events. */
    public static final ConstTable POLL_EVENTS = ConstTable.flags("POLL???", """
            POLLIN=0x1 POLLPRI=0x2 POLLOUT=0x4 POLLERR=0x8 POLLHUP=0x10 POLLNVAL=0x20 POLLRDNORM=0x40
            POLLRDBAND=0x80 POLLWRNORM=0x100 POLLWRBAND=0x200 POLLMSG=0x400 POLLRDHUP=0x2000""");

    /** epoll events. */
    public static final ConstTable EPOLL_EVENTS = ConstTable.flags("EPOLL???", """
            EPOLLIN=0x1 EPOLLPRI=0x2 EPOLLOUT=0x4 EPOLLERR=0x8 EPOLLHUP=0x10 EPOLLNVAL=0x20
            EPOLLRDNORM=0x40 EPOLLRDBAND=0x80 EPOLLWRNORM=0x100 EPOLLWRBAND=0x200 EPOLLMSG=0x400
            EPOLLRDHUP=0x2000 EPOLLURING_WAKE=0x8000000 EPOLLEXCLUSIVE=0x10000000 EPOLLWAKEUP=0x20000000
            EPOLLONESHOT=0x40000000 EPOLLET=0x80000000""");

    /** epoll_ctl operations. */
    public static final ConstTable EPOLL_CTL = ConstTable.enumDec("EPOLL_CTL_???",
            "EPOLL_CTL_ADD=1 EPOLL_CTL_DEL=2 EPOLL_CTL_MOD=3");

    /** epoll_create1 / eventfd2 / inotify_init1 / pipe2 / dup3 style O_CLOEXEC-only flags. */
    public static final ConstTable EPOLL_CREATE_FLAGS = ConstTable.flags("EPOLL_???", "EPOLL_CLOEXEC=02000000");

    /** sigprocmask how. */
    public static final ConstTable SIG_HOW = ConstTable.enumDec("SIG_???",
            "SIG_BLOCK=0 SIG_UNBLOCK=1 SIG_SETMASK=2");

    /** sigaction flags. */
    public static final ConstTable SA_FLAGS = ConstTable.flags("SA_???", """
            SA_RESTORER=0x04000000 SA_ONSTACK=0x08000000 SA_RESTART=0x10000000 SA_NODEFER=0x40000000
            SA_RESETHAND=0x80000000 SA_SIGINFO=0x4 SA_NOCLDSTOP=0x1 SA_NOCLDWAIT=0x2 SA_UNSUPPORTED=0x400
            SA_EXPOSE_TAGBITS=0x800""");

    /** rlimit resources. */
    public static final ConstTable RLIMIT = ConstTable.enumHex("RLIMIT_???", """
            RLIMIT_CPU=0 RLIMIT_FSIZE=1 RLIMIT_DATA=2 RLIMIT_STACK=3 RLIMIT_CORE=4 RLIMIT_RSS=5
            RLIMIT_NPROC=6 RLIMIT_NOFILE=7 RLIMIT_MEMLOCK=8 RLIMIT_AS=9 RLIMIT_LOCKS=10 RLIMIT_SIGPENDING=11
            RLIMIT_MSGQUEUE=12 RLIMIT_NICE=13 RLIMIT_RTPRIO=14 RLIMIT_RTTIME=15""");

    /** lseek whence. */
    public static final ConstTable SEEK = ConstTable.enumDec("SEEK_???",
            "SEEK_SET=0 SEEK_CUR=1 SEEK_END=2 SEEK_DATA=3 SEEK_HOLE=4");

    /** getrandom flags. */
    public static final ConstTable GRND = ConstTable.flags("GRND_???",
            "GRND_NONBLOCK=0x1 GRND_RANDOM=0x2 GRND_INSECURE=0x4");

    /** wait4/waitid options. */
    public static final ConstTable WAIT_OPTIONS = ConstTable.flags("W???", """
            WNOHANG=0x1 WUNTRACED=0x2 WEXITED=0x4 WCONTINUED=0x8 WNOWAIT=0x1000000 __WNOTHREAD=0x20000000
            __WALL=0x40000000 __WCLONE=0x80000000""");

    /** arch_prctl codes (x86-64 only). */
    public static final ConstTable ARCH_PRCTL = ConstTable.enumHex("ARCH_???", """
            ARCH_SET_GS=0x1001 ARCH_SET_FS=0x1002 ARCH_GET_FS=0x1003 ARCH_GET_GS=0x1004
            ARCH_GET_CPUID=0x1011 ARCH_SET_CPUID=0x1012 ARCH_GET_XCOMP_SUPP=0x1021 ARCH_GET_XCOMP_PERM=0x1022
            ARCH_REQ_XCOMP_PERM=0x1023 ARCH_GET_XCOMP_GUEST_PERM=0x1024 ARCH_REQ_XCOMP_GUEST_PERM=0x1025
            ARCH_MAP_VDSO_X32=0x2001 ARCH_MAP_VDSO_32=0x2002 ARCH_MAP_VDSO_64=0x2003
            ARCH_GET_UNTAG_MASK=0x4001 ARCH_ENABLE_TAGGED_ADDR=0x4002 ARCH_GET_MAX_TAG_BITS=0x4003
            ARCH_FORCE_TAGGED_SVA=0x4004 ARCH_SHSTK_ENABLE=0x5001 ARCH_SHSTK_DISABLE=0x5002
            ARCH_SHSTK_LOCK=0x5003 ARCH_SHSTK_UNLOCK=0x5004 ARCH_SHSTK_STATUS=0x5005""");

    /** prctl options (include/uapi/linux/prctl.h). */
    public static final ConstTable PRCTL = ConstTable.enumDec("PR_???", """
            PR_SET_PDEATHSIG=1 PR_GET_PDEATHSIG=2 PR_GET_DUMPABLE=3 PR_SET_DUMPABLE=4 PR_GET_UNALIGN=5
            PR_SET_UNALIGN=6 PR_GET_KEEPCAPS=7 PR_SET_KEEPCAPS=8 PR_GET_FPEMU=9 PR_SET_FPEMU=10
            PR_GET_FPEXC=11 PR_SET_FPEXC=12 PR_GET_TIMING=13 PR_SET_TIMING=14 PR_SET_NAME=15 PR_GET_NAME=16
            PR_GET_ENDIAN=19 PR_SET_ENDIAN=20 PR_GET_SECCOMP=21 PR_SET_SECCOMP=22 PR_CAPBSET_READ=23
            PR_CAPBSET_DROP=24 PR_GET_TSC=25 PR_SET_TSC=26 PR_GET_SECUREBITS=27 PR_SET_SECUREBITS=28
            PR_SET_TIMERSLACK=29 PR_GET_TIMERSLACK=30 PR_TASK_PERF_EVENTS_DISABLE=31
            PR_TASK_PERF_EVENTS_ENABLE=32 PR_MCE_KILL=33 PR_MCE_KILL_GET=34 PR_SET_MM=35
            PR_SET_CHILD_SUBREAPER=36 PR_GET_CHILD_SUBREAPER=37 PR_SET_NO_NEW_PRIVS=38
            PR_GET_NO_NEW_PRIVS=39 PR_GET_TID_ADDRESS=40 PR_SET_THP_DISABLE=41 PR_GET_THP_DISABLE=42
            PR_MPX_ENABLE_MANAGEMENT=43 PR_MPX_DISABLE_MANAGEMENT=44 PR_SET_FP_MODE=45 PR_GET_FP_MODE=46
            PR_CAP_AMBIENT=47 PR_SVE_SET_VL=50 PR_SVE_GET_VL=51 PR_GET_SPECULATION_CTRL=52
            PR_SET_SPECULATION_CTRL=53 PR_PAC_RESET_KEYS=54 PR_SET_TAGGED_ADDR_CTRL=55
            PR_GET_TAGGED_ADDR_CTRL=56 PR_SET_IO_FLUSHER=57 PR_GET_IO_FLUSHER=58 PR_SET_SYSCALL_USER_DISPATCH=59
            PR_PAC_SET_ENABLED_KEYS=60 PR_PAC_GET_ENABLED_KEYS=61 PR_SCHED_CORE=62 PR_SME_SET_VL=63
            PR_SME_GET_VL=64 PR_SET_MDWE=65 PR_GET_MDWE=66 PR_SET_MEMORY_MERGE=67 PR_GET_MEMORY_MERGE=68
            PR_RISCV_V_SET_CONTROL=69 PR_RISCV_V_GET_CONTROL=70 PR_GET_AUXV=0x41555856
            PR_SET_VMA=0x53564d41 PR_SET_PTRACER=0x59616d61""");

    /** ioctl requests strace names for the common tty, file and socket cases (asm-generic/ioctls.h). */
    public static final ConstTable IOCTL = ConstTable.enumHex("???", """
            TCGETS=0x5401 TCSETS=0x5402 TCSETSW=0x5403 TCSETSF=0x5404 TCGETA=0x5405 TCSETA=0x5406
            TCSETAW=0x5407 TCSETAF=0x5408 TCSBRK=0x5409 TCXONC=0x540a TCFLSH=0x540b TIOCEXCL=0x540c
            TIOCNXCL=0x540d TIOCSCTTY=0x540e TIOCGPGRP=0x540f TIOCSPGRP=0x5410 TIOCOUTQ=0x5411
            TIOCSTI=0x5412 TIOCGWINSZ=0x5413 TIOCSWINSZ=0x5414 TIOCMGET=0x5415 TIOCMBIS=0x5416
            TIOCMBIC=0x5417 TIOCMSET=0x5418 TIOCGSOFTCAR=0x5419 TIOCSSOFTCAR=0x541a FIONREAD=0x541b
            TIOCLINUX=0x541c TIOCCONS=0x541d TIOCGSERIAL=0x541e TIOCSSERIAL=0x541f TIOCPKT=0x5420
            FIONBIO=0x5421 TIOCNOTTY=0x5422 TIOCSETD=0x5423 TIOCGETD=0x5424 TCSBRKP=0x5425
            TIOCSBRK=0x5427 TIOCCBRK=0x5428 TIOCGSID=0x5429 TCGETS2=0x802c542a TCSETS2=0x402c542b
            TIOCGPTN=0x80045430 TIOCSPTLCK=0x40045431 TIOCGDEV=0x80045432 TIOCGPTPEER=0x5441
            FIONCLEX=0x5450 FIOCLEX=0x5451 FIOASYNC=0x5452 TIOCSERCONFIG=0x5453 TIOCGLCKTRMIOS=0x5456
            TIOCSLCKTRMIOS=0x5457 TIOCSERGETLSR=0x5459 TIOCGICOUNT=0x545d FIOQSIZE=0x5460
            SIOCGIFNAME=0x8910 SIOCGIFCONF=0x8912 SIOCGIFFLAGS=0x8913 SIOCGIFINDEX=0x8933
            FS_IOC_GETFLAGS=0x80086601 FS_IOC_SETFLAGS=0x40086602 FICLONE=0x40049409
            BLKGETSIZE64=0x80081272 BLKSSZGET=0x1268 RNDGETENTCNT=0x80045200""");

    /** Signal-handler special values. */
    public static final ConstTable SIG_HANDLER = ConstTable.enumHex("SIG_???",
            "SIG_DFL=0 SIG_IGN=1 SIG_ERR=-1");

    /** clock ids. */
    public static final ConstTable CLOCK = ConstTable.enumHex("CLOCK_???", """
            CLOCK_REALTIME=0 CLOCK_MONOTONIC=1 CLOCK_PROCESS_CPUTIME_ID=2 CLOCK_THREAD_CPUTIME_ID=3
            CLOCK_MONOTONIC_RAW=4 CLOCK_REALTIME_COARSE=5 CLOCK_MONOTONIC_COARSE=6 CLOCK_BOOTTIME=7
            CLOCK_REALTIME_ALARM=8 CLOCK_BOOTTIME_ALARM=9 CLOCK_TAI=11""");

    /** Flags for *at calls that take only AT_REMOVEDIR (unlinkat). */
    public static final ConstTable UNLINKAT_FLAGS = ConstTable.flags("AT_???", "AT_REMOVEDIR=0x200");

    /** faccessat2 flags. */
    public static final ConstTable FACCESSAT_FLAGS = ConstTable.flags("AT_???",
            "AT_SYMLINK_NOFOLLOW=0x100 AT_EACCESS=0x200 AT_EMPTY_PATH=0x1000");

    /** renameat2 flags. */
    public static final ConstTable RENAME_FLAGS = ConstTable.flags("RENAME_???",
            "RENAME_NOREPLACE=1 RENAME_EXCHANGE=2 RENAME_WHITEOUT=4");

    /** socket shutdown how. */
    public static final ConstTable SHUT = ConstTable.enumDec("SHUT_???", "SHUT_RD=0 SHUT_WR=1 SHUT_RDWR=2");

    /** setsockopt levels. */
    public static final ConstTable SOL = ConstTable.enumDec("SOL_???",
            "SOL_IP=0 SOL_SOCKET=1 SOL_TCP=6 SOL_UDP=17 SOL_IPV6=41 SOL_ICMPV6=58 SOL_RAW=255 SOL_NETLINK=270");

    /** SOL_SOCKET options. */
    public static final ConstTable SO = ConstTable.enumDec("SO_???", """
            SO_DEBUG=1 SO_REUSEADDR=2 SO_TYPE=3 SO_ERROR=4 SO_DONTROUTE=5 SO_BROADCAST=6 SO_SNDBUF=7
            SO_RCVBUF=8 SO_KEEPALIVE=9 SO_OOBINLINE=10 SO_NO_CHECK=11 SO_PRIORITY=12 SO_LINGER=13
            SO_BSDCOMPAT=14 SO_REUSEPORT=15 SO_PASSCRED=16 SO_PEERCRED=17 SO_RCVLOWAT=18 SO_SNDLOWAT=19
            SO_RCVTIMEO_OLD=20 SO_SNDTIMEO_OLD=21 SO_BINDTODEVICE=25 SO_TIMESTAMP_OLD=29 SO_ACCEPTCONN=30
            SO_PEERSEC=31 SO_SNDBUFFORCE=32 SO_RCVBUFFORCE=33 SO_PASSSEC=34 SO_MARK=36 SO_PROTOCOL=38
            SO_DOMAIN=39 SO_RXQ_OVFL=40 SO_PEEK_OFF=42 SO_BUSY_POLL=46 SO_INCOMING_CPU=49
            SO_ZEROCOPY=60 SO_PEERGROUPS=59""");

    /** IPPROTO_TCP options. */
    public static final ConstTable TCP_OPT = ConstTable.enumDec("TCP_???", """
            TCP_NODELAY=1 TCP_MAXSEG=2 TCP_CORK=3 TCP_KEEPIDLE=4 TCP_KEEPINTVL=5 TCP_KEEPCNT=6 TCP_SYNCNT=7
            TCP_LINGER2=8 TCP_DEFER_ACCEPT=9 TCP_WINDOW_CLAMP=10 TCP_INFO=11 TCP_QUICKACK=12
            TCP_CONGESTION=13 TCP_USER_TIMEOUT=18 TCP_FASTOPEN=23""");

    /** flock operations. */
    public static final ConstTable FLOCK = ConstTable.flags("LOCK_???",
            "LOCK_SH=1 LOCK_EX=2 LOCK_NB=4 LOCK_UN=8 LOCK_MAND=32 LOCK_READ=64 LOCK_WRITE=128");

    /** itimer/timerfd/sched etc. use plain numbers; membarrier commands. */
    public static final ConstTable MEMBARRIER = ConstTable.flags("MEMBARRIER_CMD_???", """
            MEMBARRIER_CMD_QUERY=0 MEMBARRIER_CMD_GLOBAL=1 MEMBARRIER_CMD_GLOBAL_EXPEDITED=2
            MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED=4 MEMBARRIER_CMD_PRIVATE_EXPEDITED=8
            MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED=16 MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE=32
            MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE=64""");

    /** eventfd2 / signalfd4 / timerfd flags (O_CLOEXEC, O_NONBLOCK under their own names). */
    public static final ConstTable EFD_FLAGS = ConstTable.flags("EFD_???",
            "EFD_SEMAPHORE=1 EFD_CLOEXEC=02000000 EFD_NONBLOCK=04000");

    /** inotify_init1 flags. */
    public static final ConstTable IN_INIT_FLAGS = ConstTable.flags("IN_???",
            "IN_CLOEXEC=02000000 IN_NONBLOCK=04000");

    /** timerfd_create flags. */
    public static final ConstTable TFD_FLAGS = ConstTable.flags("TFD_???",
            "TFD_CLOEXEC=02000000 TFD_NONBLOCK=04000");

    /** memfd_create flags. */
    public static final ConstTable MFD_FLAGS = ConstTable.flags("MFD_???",
            "MFD_CLOEXEC=1 MFD_ALLOW_SEALING=2 MFD_HUGETLB=4 MFD_NOEXEC_SEAL=8 MFD_EXEC=0x10");

    /** close_range flags. */
    public static final ConstTable CLOSE_RANGE = ConstTable.flags("CLOSE_RANGE_???",
            "CLOSE_RANGE_UNSHARE=0x2 CLOSE_RANGE_CLOEXEC=0x4");

    /** umount2 flags. */
    public static final ConstTable UMOUNT = ConstTable.flags("MNT_???",
            "MNT_FORCE=1 MNT_DETACH=2 MNT_EXPIRE=4 UMOUNT_NOFOLLOW=8");

    /** rseq flags / sched policies and other small sets. */
    public static final ConstTable SCHED_POLICY = ConstTable.enumDec("SCHED_???",
            "SCHED_OTHER=0 SCHED_FIFO=1 SCHED_RR=2 SCHED_BATCH=3 SCHED_IDLE=5 SCHED_DEADLINE=6");

    /** fadvise advice. */
    public static final ConstTable FADV = ConstTable.enumHex("POSIX_FADV_???", """
            POSIX_FADV_NORMAL=0 POSIX_FADV_RANDOM=1 POSIX_FADV_SEQUENTIAL=2 POSIX_FADV_WILLNEED=3
            POSIX_FADV_DONTNEED=4 POSIX_FADV_NOREUSE=5""");

    /** {@code which} for getpriority/setpriority. */
    public static final ConstTable PRIO_WHICH = ConstTable.enumDec("PRIO_???",
            "PRIO_PROCESS=0 PRIO_PGRP=1 PRIO_USER=2");

    /** getrusage who. */
    public static final ConstTable RUSAGE_WHO = ConstTable.enumDec("RUSAGE_???",
            "RUSAGE_SELF=0 RUSAGE_CHILDREN=-1 RUSAGE_THREAD=1");

    /** itimer which. */
    public static final ConstTable ITIMER = ConstTable.enumDec("ITIMER_???",
            "ITIMER_REAL=0 ITIMER_VIRTUAL=1 ITIMER_PROF=2");

    /** waitid idtype. */
    public static final ConstTable IDTYPE = ConstTable.enumDec("P_???",
            "P_ALL=0 P_PID=1 P_PGID=2 P_PIDFD=3");

    /** mlockall flags. */
    public static final ConstTable MCL = ConstTable.flags("MCL_???", "MCL_CURRENT=1 MCL_FUTURE=2 MCL_ONFAULT=4");

    /** msync flags. */
    public static final ConstTable MS_SYNC = ConstTable.flags("MS_???", "MS_ASYNC=1 MS_INVALIDATE=2 MS_SYNC=4");

    /** timer flags (clock_nanosleep, timerfd_settime). */
    public static final ConstTable TIMER_FLAGS = ConstTable.flags("TIMER_???", "TIMER_ABSTIME=1");

    /** File type bits of st_mode. */
    public static final ConstTable S_IFMT = ConstTable.enumDec("S_IF???", """
            S_IFSOCK=0140000 S_IFLNK=0120000 S_IFREG=0100000 S_IFBLK=060000 S_IFDIR=040000 S_IFCHR=020000
            S_IFIFO=010000""");

    /** Directory entry types. */
    public static final ConstTable DT = ConstTable.enumDec("DT_???",
            "DT_UNKNOWN=0 DT_FIFO=1 DT_CHR=2 DT_DIR=4 DT_BLK=6 DT_REG=8 DT_LNK=10 DT_SOCK=12 DT_WHT=14");
}
