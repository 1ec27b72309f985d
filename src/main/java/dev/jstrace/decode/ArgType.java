package dev.jstrace.decode;

/**
 * The type of one syscall argument: how it is captured and how it prints.
 * {@link ArgDecoder} switches over this enum without a default, so a type
 * added here without a formatter does not compile.
 */
public enum ArgType {
    /** Signed int, decimal. */ INT,
    /** Signed long, decimal (offsets). */ LONG,
    /** Unsigned int, decimal. */ UINT,
    /** Unsigned long, decimal (sizes). */ ULONG,
    /** Unsigned long, hex ({@code 0} for zero). */ HEX,
    /** An address not followed: {@code NULL} or hex. */ PTR,
    /** File mode, octal ({@code 0644}): strace takes the low 16 bits (an unsigned short). */ MODE,
    /** mknod's mode, by type and bits ({@code S_IFCHR|0600}), 16 bits as strace takes it. */ MKNOD_MODE,
    /** mknod's device, {@code makedev(0x1, 0x3)}: printed only for a character or block device. */ MKNOD_DEV,
    /** A uid or gid: unsigned 32 bits, and {@code -1} for all ones (strace's printuid). */ UID,
    /** A uid or gid written by the kernel ({@code [1000]}). */ UID_OUT(true),
    /** A file descriptor ({@code -y} adds its path). */ FD,
    /** A directory fd of the *at calls ({@code AT_FDCWD}). */ DIRFD,
    /** A path, read up to PATH_MAX. */ PATH,
    /** A C string, read up to {@code -s}. */ STR,
    /** memfd_create's name: a C string read up to {@code -s} but never past MFD_NAME_MAX_LEN + 1 bytes. */ MFD_NAME,
    /** A buffer read at entry; its length is the next argument. */ BUF_IN,
    /** A socket's send buffer: netlink messages on a netlink socket (fd is argument 0), else as {@link #BUF_IN}. */
    SOCKBUF_IN,
    /** A buffer read at exit; its length is the return value. */ BUF_OUT(true),
    /** As {@link #BUF_OUT}, always in hex (getrandom). */ BUF_OUT_HEX(true),
    /** listxattr's list: as {@link #BUF_OUT}, but only the address when the size (next argument) is 0. */
    XATTR_LIST(true),
    /** getcwd's buffer: a path whose length (with the NUL) is the return value. */ CWD_OUT(true),
    /** open flags. */ OPEN_FLAGS,
    /** open's mode: printed only with O_CREAT or O_TMPFILE in the previous argument. */ OPEN_MODE,
    /** *at flags (AT_EMPTY_PATH...). */ AT_FLAGS,
    /** unlinkat flags. */ UNLINKAT_FLAGS,
    /** faccessat2 flags. */ FACCESSAT_FLAGS,
    /** access mode (F_OK, R_OK...). */ ACCESS_MODE,
    /** mmap/mprotect protection. */ PROT,
    /** mmap flags: the map type by value, the flag bits, the huge page size (MmapFlags). */ MAP_FLAGS,
    /** mremap flags. */ MREMAP_FLAGS,
    /** madvise advice. */ MADV,
    /** msync flags. */ MSYNC_FLAGS,
    /** mlockall flags. */ MCL_FLAGS,
    /** lseek whence. */ SEEK,
    /** rlimit resource. */ RLIMIT_RESOURCE,
    /** a signal number. */ SIGNAL,
    /** sigprocmask how. */ SIG_HOW,
    /** getrandom flags. */ GRND_FLAGS,
    /** wait options. */ WAIT_OPTIONS,
    /** arch_prctl code. */ ARCH_PRCTL_CODE,
    /** arch_prctl's address: a value at entry for SET, an out pointer for GET. */ ARCH_PRCTL_ADDR,
    /** address family. */ SOCK_FAMILY,
    /** socket type with SOCK_CLOEXEC/SOCK_NONBLOCK. */ SOCK_TYPE,
    /** protocol, named after the family two arguments back. */ SOCK_PROTO,
    /** send/recv flags. */ MSG_FLAGS,
    /** SOCK_CLOEXEC|SOCK_NONBLOCK only (accept4). */ SOCK_FLAGS,
    /** shutdown how. */ SHUT_HOW,
    /** setsockopt level. */ SOCKOPT_LEVEL,
    /** setsockopt option, named after the level. */ SOCKOPT_NAME,
    /** epoll_ctl op. */ EPOLL_CTL_OP,
    /** EPOLL_CLOEXEC. */ EPOLL_CREATE_FLAGS,
    /** eventfd2 flags. */ EFD_FLAGS,
    /** signalfd4 flags (SFD_CLOEXEC, SFD_NONBLOCK: EFD's values under their own names). */ SFD_FLAGS,
    /** inotify_init1 flags. */ IN_INIT_FLAGS,
    /** timerfd_create flags. */ TFD_FLAGS,
    /** memfd_create flags. */ MFD_FLAGS,
    /** pipe2/dup3 flags (O_CLOEXEC...). */ O_CLOEXEC_FLAGS,
    /** clock id. */ CLOCK_ID,
    /** TIMER_ABSTIME. */ TIMER_FLAGS,
    /** statx flags. */ STATX_FLAGS,
    /** statx mask. */ STATX_MASK,
    /** close_range flags. */ CLOSE_RANGE_FLAGS,
    /** renameat2 flags. */ RENAME_FLAGS,
    /** flock operation. */ FLOCK_OP,
    /** umount2 flags. */ UMOUNT_FLAGS,
    /** membarrier command. */ MEMBARRIER_CMD,
    /** fadvise advice. */ FADVICE,
    /** getpriority which. */ PRIO_WHICH,
    /** getrusage who. */ RUSAGE_WHO,
    /** itimer which. */ ITIMER_WHICH,
    /** waitid idtype. */ IDTYPE,
    /** sched policy. */ SCHED_POLICY,
    /** fcntl command. */ FCNTL_CMD,
    /** fcntl's third argument, shaped by the command (or absent). */ FCNTL_ARG,
    /** ioctl request. */ IOCTL_REQ,
    /** ioctl's third argument, shaped by the request (read at exit for the getters). */ IOCTL_ARG(true),
    /** prctl option. */ PRCTL_OPTION,
    /** futex operation; the remaining arguments print as the operation needs. */ FUTEX_OP,
    /** futex's arguments after the operation. */ FUTEX_REST,
    /** a signal set read at entry. */ SIGSET_IN,
    /** a signal set written by the kernel. */ SIGSET_OUT(true),
    /** struct timespec read at entry. */ TIMESPEC_IN,
    /** struct timespec written by the kernel. */ TIMESPEC_OUT(true),
    /** struct timeval written by the kernel. */ TIMEVAL_OUT(true),
    /** a sleep's remaining time: written only when a signal interrupted it ({@link Written}). */ TIMESPEC_LEFT(true),
    /** wait4's struct rusage: written only when a child was reported. */ WAIT_RUSAGE_OUT(true),
    /** a siginfo_t written by the kernel (waitid's; {@code {}} when no child was waiting). */ SIGINFO_OUT(true),
    /** two timespecs (utimensat). */ TIMESPEC2_IN,
    /** struct rlimit read at entry. */ RLIMIT_IN,
    /** struct rlimit written by the kernel. */ RLIMIT_OUT(true),
    /** a sockaddr read at entry; its length is the next argument. */ SOCKADDR_IN,
    /** a sockaddr written by the kernel; its length is behind the next argument. */ SOCKADDR_OUT(true),
    /** a socklen_t in/out pointer ({@code [16]}, {@code [128 => 16]}). */ SOCKLEN_INOUT(true),
    /** an iovec array read at entry; count is the next argument. */ IOVEC_IN,
    /** an iovec array filled by the kernel; count is the next argument, total is the return value. */ IOVEC_OUT(true),
    /** an iovec array of another process (process_vm_readv/writev's remote side): the bases as addresses. */ IOVEC_ADDRS,
    /** struct msghdr read at entry. */ MSGHDR_IN,
    /** struct msghdr filled by the kernel. */ MSGHDR_OUT(true),
    /** a pollfd array; count is the next argument. */ POLLFD,
    /** one epoll_event read at entry. */ EPOLL_EVENT_IN,
    /** epoll_event array filled by the kernel; count is the return value. */ EPOLL_EVENTS_OUT(true),
    /** struct tms (times). */ TMS_OUT(true),
    /** execve's argv. */ ARGV,
    /** execve's envp ({@code /* 23 vars * /} unless -v). */ ENVP,
    /** wait status written by the kernel. */ WAIT_STATUS_OUT(true),
    /** getdents64 buffer. */ DIRENTS_OUT(true),
    /** pipe's two fds. */ PIPEFDS_OUT(true),
    /** an int written by the kernel ({@code [3]}). */ INT_OUT(true),
    /** a CPU mask written by the kernel, its byte length the return value ({@code [0 1]}). */ CPUSET_OUT(true),
    /** setgroups' list, its count the first argument. */ GROUPS_IN,
    /** getgroups' list, its count the return value. */ GROUPS_OUT(true),
    /** a 64-bit signed number behind a pointer, read at entry ({@code [-1]}: splice's offsets). */ INT64_IN,
    /** splice/tee/vmsplice flags. */ SPLICE_FLAGS,
    /** an int read at entry through a pointer (setsockopt's value, {@code [1]}) when the next argument is 4. */
    INT_IN,
    /** clone's flags with the exit signal; the rest of clone prints by name (strace's style). */ CLONE_FLAGS,
    /** struct itimerval read at entry (setitimer's new value). */ ITIMERVAL_IN,
    /** struct itimerval filled by the kernel (getitimer, setitimer's old value). */ ITIMERVAL_OUT(true),
    /** struct itimerspec read at entry (timer_settime's new value). */ ITIMERSPEC_IN,
    /** struct itimerspec filled by the kernel. */ ITIMERSPEC_OUT(true),
    /** an fd_set read at entry, its size from the first argument (select, pselect6). */ FDSET,
    /** struct timeval read at entry (select's timeout; the time left is printed with the result). */ TIMEVAL_IN,
    /** pselect6's {sigmask pointer, size} pair. */ PSELECT_SIGMASK,
    /** stack_t read at entry (sigaltstack's new stack). */ STACK_IN,
    /** stack_t filled by the kernel (sigaltstack's old stack). */ STACK_OUT(true),
    /**
     * A struct the call reads, copied at entry and printed by the decoder its catalog token names
     * ({@code sigaction_in} is {@code SigactionDecoder}).
     */
    STRUCT_IN,
    /** A struct the kernel writes, copied at exit after success; the token is {@code <struct>_out}. */
    STRUCT_OUT(true),
    /** a thread id ({@code --decode-pids=pidns} translates it). */ TID,
    /** a process id. */ TGID,
    /** a process group id. */ PGID,
    /** a session id. */ SID,
    /** getpriority's who: a process id for PRIO_PROCESS, a group id for PRIO_PGRP, else a number. */ PRIO_WHO,
    /** kill's and wait4's pid: a process id when positive, a process group's when below -1. */ TGID_PGID,
    /** Unsigned int, hex: the low 32 bits (flags strace prints as a number, PRINT_VAL_X). */ HEX32,
    /** two timevals read at entry, each with its date (utimes, futimesat). */ TIMEVAL2_IN,
    /** struct utimbuf read at entry (utime). */ UTIMBUF_IN,
    /** a siginfo_t read at entry (rt_sigqueueinfo, pidfd_send_signal). */ SIGINFO_IN,
    /** pidfd_open flags. */ PIDFD_FLAGS,
    /** mremap's new address: printed only with MREMAP_MAYMOVE|MREMAP_FIXED in the previous argument. */
    MREMAP_NEW_ADDR,
    /** preadv2/pwritev2 flags (RWF_*). */ RWF_FLAGS,
    /** the high half of a 64-bit offset passed in two registers: a 64-bit arch uses only the low one, not printed. */
    OFFSET_HIGH,
    /** an argument printed in hex without decoding (rare calls, {@code -e raw=}). */ RAW;

    private final boolean atExit;

    ArgType() {
        this(false);
    }

    ArgType(boolean atExit) {
        this.atExit = atExit;
    }

    /** {@return whether the argument is read and printed at syscall exit (strace prints it after {@code resumed>})} */
    public boolean atExit() {
        return atExit;
    }
}
