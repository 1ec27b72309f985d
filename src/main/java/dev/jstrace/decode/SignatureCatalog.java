package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arch-neutral signature catalog: one line per syscall, {@code name: types = result}
 * (gVisor's table-as-data shape), joined at class load to each arch's number table
 * into a {@code Signature[]} indexed by number, so a stop costs one array load.
 *
 * <p>Arch differences are explicit: legacy x86-64 calls (open, stat, fork...) are
 * simply absent from the aarch64 number table; clone's register order is in
 * {@link #cloneRegister}; struct stat's layout is chosen in {@link StructDecoders}.
 * Rare calls are declared as {@code raw} with their argument count: explicit,
 * never an implicit fallback ({@link #forNumber} returns null only for numbers
 * no table names).
 */
public final class SignatureCatalog {
    private static final String CATALOG = """
            read: fd, buf_out, ulong = int
            write: fd, buf_in, ulong = int
            open: path, open_flags, open_mode = fd
            openat: dirfd, path, open_flags, open_mode = fd
            openat2: dirfd, path, open_how_in, ulong = fd
            creat: path, mode = fd
            close: fd = int
            close_range: uint, uint, close_range_flags = int
            stat: path, stat_out = int
            lstat: path, stat_out = int
            fstat: fd, stat_out = int
            newfstatat: dirfd, path, stat_out, at_flags = int
            statx: dirfd, path, statx_flags, statx_mask, statx_out = int
            statfs: path, statfs_out = int
            fstatfs: fd, statfs_out = int
            poll: pollfd, uint, int = int
            ppoll: pollfd, uint, timespec_in, sigset_in, ulong = int
            lseek: fd, long, seek = int
            mmap: ptr, ulong, prot, map_flags, fd, hex = hex
            mprotect: ptr, ulong, prot = int
            pkey_mprotect: ptr, ulong, prot, int = int
            munmap: ptr, ulong = int
            mremap: ptr, ulong, ulong, mremap_flags, mremap_new_addr = hex
            madvise: ptr, ulong, madv = int
            msync: ptr, ulong, msync_flags = int
            mlock: ptr, ulong = int
            munlock: ptr, ulong = int
            mlockall: mcl_flags = int
            munlockall: = int
            brk: ptr = hex
            rt_sigaction: signal, sigaction_in, sigaction_out, ulong = int
            rt_sigprocmask: sig_how, sigset_in, sigset_out, ulong = int
            rt_sigreturn: = int
            rt_sigsuspend: sigset_in, ulong = int
            rt_sigpending: sigset_out, ulong = int
            sigaltstack: stack_in, stack_out = int
            ioctl: fd, ioctl_req, ioctl_arg = int
            pread64: fd, buf_out, ulong, long = int
            pwrite64: fd, buf_in, ulong, long = int
            readv: fd, iovec_out, ulong = int
            writev: fd, iovec_in, ulong = int
            preadv: fd, iovec_out, ulong, long = int
            pwritev: fd, iovec_in, ulong, long = int
            preadv2: fd, iovec_out, ulong, long, offset_high, rwf_flags = int
            pwritev2: fd, iovec_in, ulong, long, offset_high, rwf_flags = int
            access: path, access_mode = int
            faccessat: dirfd, path, access_mode = int
            faccessat2: dirfd, path, access_mode, faccessat_flags = int
            pipe: pipefds_out = int
            pipe2: pipefds_out, o_cloexec_flags = int
            select: int, fdset, fdset, fdset, timeval_in = int
            pselect6: int, fdset, fdset, fdset, timespec_in, pselect_sigmask = int
            sched_yield: = int
            dup: fd = fd
            dup2: fd, fd = fd
            dup3: fd, fd, o_cloexec_flags = fd
            pause: = int
            nanosleep: timespec_in, timespec_left = int
            clock_nanosleep: clock_id, timer_flags, timespec_in, timespec_left = int
            clock_gettime: clock_id, timespec_out = int
            clock_getres: clock_id, timespec_out = int
            gettimeofday: timeval_out, timezone_out = int
            settimeofday: timeval_in, timezone_in = int
            clock_settime: clock_id, timespec_in = int
            getitimer: itimer_which, itimerval_out = int
            setitimer: itimer_which, itimerval_in, itimerval_out = int
            timer_settime: int, timer_flags, itimerspec_in, itimerspec_out = int
            timer_create: clock_id, ptr, ptr = int
            migrate_pages: tgid, ulong, ptr, ptr = int
            mbind: ptr, ulong, hex, ptr, ulong, hex = int
            set_mempolicy: hex, ptr, ulong = int
            get_mempolicy: ptr, ptr, ulong, ptr, hex = int
            set_mempolicy_home_node: ptr, ulong, ulong, hex = int
            move_pages: tgid, ulong, ptr, ptr, ptr, hex = int
            pidfd_getfd: fd, int, hex32 = fd
            timer_gettime: int, itimerspec_out = int
            timer_delete: int = int
            timer_getoverrun: int = int
            alarm: uint = int
            getpid: = tgid
            getppid: = tgid
            gettid: = tid
            getuid: = int
            geteuid: = int
            getgid: = int
            getegid: = int
            getpgrp: = pgid
            getpgid: tgid = pgid
            setpgid: tgid, pgid = int
            getsid: tgid = sid
            setsid: = int
            setuid: uid = int
            setgid: uid = int
            setreuid: uid, uid = int
            setregid: uid, uid = int
            setresuid: uid, uid, uid = int
            setresgid: uid, uid, uid = int
            getresuid: uid_out, uid_out, uid_out = int
            getresgid: uid_out, uid_out, uid_out = int
            setfsuid: uid = int
            setfsgid: uid = int
            getgroups: int, groups_out = int
            setgroups: int, groups_in = int
            sendfile: fd, fd, ptr, ulong = int
            socket: sock_family, sock_type, sock_proto = fd
            socketpair: sock_family, sock_type, sock_proto, pipefds_out = int
            connect: fd, sockaddr_in, uint = int
            bind: fd, sockaddr_in, uint = int
            accept: fd, sockaddr_out, socklen_inout = fd
            accept4: fd, sockaddr_out, socklen_inout, sock_flags = fd
            getsockname: fd, sockaddr_out, socklen_inout = int
            getpeername: fd, sockaddr_out, socklen_inout = int
            listen: fd, int = int
            shutdown: fd, shut_how = int
            sendto: fd, sockbuf_in, ulong, msg_flags, sockaddr_in, uint = int
            recvfrom: fd, buf_out, ulong, msg_flags, sockaddr_out, socklen_inout = int
            sendmsg: fd, msghdr_in, msg_flags = int
            recvmsg: fd, msghdr_out, msg_flags = int
            sendmmsg: fd, raw, uint, msg_flags = int
            recvmmsg: fd, raw, uint, msg_flags, raw = int
            setsockopt: fd, sockopt_level, sockopt_name, int_in, uint = int
            getsockopt: fd, sockopt_level, sockopt_name, raw, raw = int
            clone: clone_flags, ptr, ptr, ptr, ptr = tid
            clone3: clone_args_in, ulong = tid
            fork: = tgid
            vfork: = tgid
            execve: path, argv, envp = int
            execveat: dirfd, path, argv, envp, at_flags = int
            exit: int = none
            exit_group: int = none
            wait4: tgid_pgid, wait_status_out, wait_options, wait_rusage_out = tgid
            waitid: idtype, int, siginfo_out, wait_options, rusage_out = int
            kill: tgid_pgid, signal = int
            tkill: tid, signal = int
            tgkill: tgid, tid, signal = int
            rt_sigqueueinfo: tgid, signal, siginfo_in = int
            rt_tgsigqueueinfo: tgid, tid, signal, siginfo_in = int
            rt_sigtimedwait: sigset_in, siginfo_out, timespec_in, ulong = int
            uname: utsname_out = int
            fcntl: fd, fcntl_cmd, fcntl_arg = int
            flock: fd, flock_op = int
            fsync: fd = int
            fdatasync: fd = int
            syncfs: fd = int
            sync: = int
            truncate: path, long = int
            ftruncate: fd, long = int
            fallocate: fd, int, long, long = int
            fadvise64: fd, long, ulong, fadvice = int
            readahead: fd, long, ulong = int
            getdents64: fd, dirents_out, uint = int
            getdents: fd, raw, uint = int
            getcwd: cwd_out, ulong = int
            chdir: path = int
            fchdir: fd = int
            chroot: path = int
            rename: path, path = int
            renameat: dirfd, path, dirfd, path = int
            renameat2: dirfd, path, dirfd, path, rename_flags = int
            mkdir: path, mode = int
            mkdirat: dirfd, path, mode = int
            rmdir: path = int
            link: path, path = int
            linkat: dirfd, path, dirfd, path, at_flags = int
            unlink: path = int
            unlinkat: dirfd, path, at_flags = int
            symlink: path, path = int
            symlinkat: path, dirfd, path = int
            readlink: path, buf_out, ulong = int
            readlinkat: dirfd, path, buf_out, ulong = int
            chmod: path, mode = int
            fchmod: fd, mode = int
            fchmodat: dirfd, path, mode = int
            fchmodat2: dirfd, path, mode, at_flags = int
            chown: path, uid, uid = int
            lchown: path, uid, uid = int
            fchown: fd, uid, uid = int
            fchownat: dirfd, path, uid, uid, at_flags = int
            umask: mode = oct
            mknod: path, mknod_mode, mknod_dev = int
            mknodat: dirfd, path, mknod_mode, mknod_dev = int
            utimensat: dirfd, path, timespec2_in, at_flags = int
            utimes: path, timeval2_in = int
            futimesat: dirfd, path, timeval2_in = int
            utime: path, utimbuf_in = int
            remap_file_pages: ptr, ulong, prot, ulong, map_flags = int
            getrlimit: rlimit_resource, rlimit_out = int
            setrlimit: rlimit_resource, rlimit_in = int
            prlimit64: tgid, rlimit_resource, rlimit_in, rlimit_out = int
            getrusage: rusage_who, rusage_out = int
            sysinfo: sysinfo_out = int
            times: tms_out = int
            getpriority: prio_which, prio_who = int
            setpriority: prio_which, prio_who, int = int
            prctl: prctl_option, hex, hex, hex, hex = int
            arch_prctl: arch_prctl_code, arch_prctl_addr = int
            set_tid_address: ptr = tid
            set_robust_list: ptr, ulong = int
            get_robust_list: tid, raw, raw = int
            rseq: ptr, hex, hex, hex = int
            futex: ptr, futex_op, futex_rest, futex_rest, futex_rest, futex_rest = int
            getrandom: buf_out_hex, ulong, grnd_flags = int
            epoll_create: int = fd
            epoll_create1: epoll_create_flags = fd
            epoll_ctl: fd, epoll_ctl_op, fd, epoll_event_in = int
            epoll_wait: fd, epoll_events_out, int, int = int
            epoll_pwait: fd, epoll_events_out, int, int, sigset_in, ulong = int
            epoll_pwait2: fd, epoll_events_out, int, timespec_in, sigset_in, ulong = int
            eventfd: uint = fd
            eventfd2: uint, efd_flags = fd
            inotify_init: = fd
            inotify_init1: in_init_flags = fd
            inotify_add_watch: fd, path, hex = int
            inotify_rm_watch: fd, int = int
            timerfd_create: clock_id, tfd_flags = fd
            timerfd_settime: fd, timer_flags, raw, raw = int
            timerfd_gettime: fd, raw = int
            signalfd: fd, sigset_in, ulong = fd
            signalfd4: fd, sigset_in, ulong, sfd_flags = fd
            memfd_create: mfd_name, mfd_flags = fd
            getxattr: path, str, buf_out, ulong = int
            lgetxattr: path, str, buf_out, ulong = int
            fgetxattr: fd, str, buf_out, ulong = int
            setxattr: path, str, buf_in, ulong, int = int
            lsetxattr: path, str, buf_in, ulong, int = int
            fsetxattr: fd, str, buf_in, ulong, int = int
            listxattr: path, xattr_list, ulong = int
            llistxattr: path, xattr_list, ulong = int
            flistxattr: fd, xattr_list, ulong = int
            removexattr: path, str = int
            lremovexattr: path, str = int
            fremovexattr: fd, str = int
            sched_getaffinity: tgid, uint, cpuset_out = int
            sched_setaffinity: tgid, uint, raw = int
            sched_getscheduler: tgid = int
            sched_setscheduler: tgid, sched_policy, raw = int
            sched_getparam: tgid, raw = int
            sched_setparam: tgid, raw = int
            sched_get_priority_max: sched_policy = int
            sched_get_priority_min: sched_policy = int
            membarrier: membarrier_cmd, uint, int = int
            mount: str, path, str, hex, ptr = int
            umount2: path, umount_flags = int
            pidfd_open: tgid, pidfd_flags = fd
            pidfd_send_signal: fd, signal, siginfo_in, hex32 = int
            process_vm_readv: tgid, iovec_out, ulong, iovec_addrs, ulong, ulong = int
            process_madvise: fd, iovec_addrs, ulong, madv, hex32 = int
            process_vm_writev: tgid, iovec_in, ulong, iovec_addrs, ulong, ulong = int
            copy_file_range: fd, int64_in, fd, int64_in, ulong, uint = int
            splice: fd, int64_in, fd, int64_in, ulong, splice_flags = int
            tee: fd, fd, ulong, splice_flags = int
            vmsplice: fd, iovec_in, ulong, splice_flags = int
            personality: hex = hex
            """;

    /**
     * Calls printed as raw hex arguments ({@code 0x...}), declared per name with
     * their argument counts: rare in the programs strace users trace.
     */
    private static final String RAW = """
            0: vhangup restart_syscall uretprobe uprobe
            1: time
            2: sched_rr_get_interval mq_notify
            1: uselib acct swapoff iopl _sysctl adjtimex get_kernel_syms set_thread_area get_thread_area
            1: io_destroy mq_unlink userfaultfd unshare pkey_free memfd_secret
            1: shmdt
            2: ustat sysfs pivot_root swapon sethostname setdomainname
            2: create_module delete_module capget capset io_setup clock_adjtime
            2: setns pkey_alloc fanotify_init msgget landlock_restrict_self process_mrelease
            2: io_uring_setup fsopen
            3: shmget shmat shmctl mincore semget semop msgctl modify_ldt ioperm init_module nfsservctl
            3: tuxcall security lookup_dcookie io_submit io_cancel
            3: mq_getsetattr getcpu finit_module sched_setattr seccomp bpf mlock2 open_tree
            3: fsmount fspick landlock_create_ruleset lsm_list_modules mseal
            3: map_shadow_stack syslog ioprio_set riscv_flush_icache
            5: riscv_hwprobe
            4: semctl msgsnd reboot quotactl epoll_ctl_old epoll_wait_old kexec_load request_key
            4: sync_file_range vmsplice sched_getattr ptrace
            4: io_uring_register quotactl_fd landlock_add_rule cachestat
            4: futex_wake futex_requeue statmount listmount lsm_get_self_attr lsm_set_self_attr
            4: mq_open semtimedop removexattrat
            5: msgrcv query_module getpmsg putpmsg afs_syscall vserver mq_timedsend
            5: mq_timedreceive add_key keyctl perf_event_open fanotify_mark name_to_handle_at kcmp
            5: kexec_file_load move_mount fsconfig mount_setattr
            5: futex_waitv listxattrat open_tree_attr file_getattr file_setattr
            6: io_getevents io_pgetevents
            6: preadv2 pwritev2 io_uring_enter futex_wait setxattrat getxattrat
            2: ioprio_get
            3: open_by_handle_at
            
            """;

    private static final Map<String, Signature> BY_NAME = parse();
    private static final Signature[][] BY_NUMBER = new Signature[Arch.values().length][];

    static {
        for (Arch a : Arch.values()) {
            Signature[] t = new Signature[a.tableSize()];
            for (int nr = 0; nr < t.length; nr++) {
                String n = a.syscallName(nr);
                if (n != null) t[nr] = BY_NAME.get(n);
            }
            BY_NUMBER[a.ordinal()] = t;
        }
    }

    private SignatureCatalog() {}

    /**
     * {@return the signature of {@code name}, or null when the catalog lacks it}
     *
     * @param name the name
     */
    public static Signature forName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * {@return the signature of syscall {@code nr} on {@code arch}, or null for a number no table names}
     *
     * @param arch the arch
     * @param nr the syscall number
     */
    public static Signature forNumber(Arch arch, int nr) {
        Signature[] t = BY_NUMBER[arch.ordinal()];
        return nr >= 0 && nr < t.length ? t[nr] : null;
    }

    /** {@return every name the catalog declares} */
    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * Which register holds clone's {@code logical} argument (0 flags, 1 stack,
     * 2 parent_tid, 3 child_tid, 4 tls): x86-64 passes child_tid before tls,
     * aarch64 (like most arches, CONFIG_CLONE_BACKWARDS) tls before child_tid.
     *
     * @param arch the arch
     * @param logical the logical
     * @return the argument register index
     */
    public static int cloneRegister(Arch arch, int logical) {
        return arch.cloneRegister(logical);
    }

    /**
     * One catalog token: an {@link ArgType} by its name, else {@code <struct>_in} or {@code <struct>_out},
     * a struct decoded by the {@link StructDecoder} of that name ({@code statfs_out}: {@code StatfsDecoder}).
     */
    private static void argument(String token, List<ArgType> args, List<StructDecoder> structs) {
        ArgType type = null;
        try {
            type = ArgType.valueOf(token.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAType) {
            // a struct token
        }
        if (type != null && type != ArgType.STRUCT_IN && type != ArgType.STRUCT_OUT) {
            args.add(type);
            structs.add(null);
            return;
        }
        boolean in = token.endsWith("_in");
        if (!in && !token.endsWith("_out")) {
            throw new IllegalStateException("catalog type " + token + ": neither an ArgType nor <struct>_in/_out");
        }
        args.add(in ? ArgType.STRUCT_IN : ArgType.STRUCT_OUT);
        structs.add(StructDecoder.named(token.substring(0, token.lastIndexOf('_'))));
    }

    /** {@return every struct decoder the catalog names, for the layout probe and the coverage test} */
    static java.util.Set<StructDecoder> structDecoders() {
        java.util.Set<StructDecoder> all = new java.util.LinkedHashSet<>();
        for (Signature s : BY_NAME.values()) {
            for (int i = 0; i < s.args().size(); i++) {
                if (s.struct(i) != null) all.add(s.struct(i));
            }
        }
        return all;
    }

    private static Map<String, Signature> parse() {
        Map<String, Signature> m = new HashMap<>();
        for (String line : CATALOG.split("\n")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            int eq = line.lastIndexOf('=');
            String name = line.substring(0, colon).trim();
            String argPart = line.substring(colon + 1, eq).trim();
            List<ArgType> args = new ArrayList<>();
            List<StructDecoder> structs = new ArrayList<>();
            if (!argPart.isEmpty()) {
                for (String t : argPart.split(",")) argument(t.trim(), args, structs);
            }
            Signature.Ret ret = Signature.Ret.valueOf(line.substring(eq + 1).trim().toUpperCase(Locale.ROOT));
            var sig = new Signature(name, args, ret, structs.toArray(new StructDecoder[0]));
            if (m.put(name, sig) != null) {
                throw new IllegalStateException("duplicate signature: " + name);
            }
        }
        for (String line : RAW.split("\n")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            int n = Integer.parseInt(line.substring(0, colon).trim());
            List<ArgType> args = new ArrayList<>(n);
            for (int i = 0; i < n; i++) args.add(ArgType.RAW);
            for (String name : line.substring(colon + 1).trim().split("\\s+")) {
                m.putIfAbsent(name, new Signature(name, args, Signature.Ret.INT, new StructDecoder[n]));
            }
        }
        return Map.copyOf(m);
    }
}
