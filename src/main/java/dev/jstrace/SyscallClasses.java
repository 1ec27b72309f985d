package dev.jstrace;

import dev.jstrace.arch.Arch;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * strace's syscall classes for {@code -e trace=%file} and friends: which
 * syscall names each class holds.
 *
 * <p>The lists are strace 6.1's own classification, measured rather than
 * remembered: a C program called every x86-64 syscall number with invalid
 * arguments under {@code strace -qq -e trace=%CLASS}, and each list is the set
 * of names strace printed. Calls that program could not make safely (exit,
 * fork/clone, kill and friends, rt_sigreturn, pause, rt_sigsuspend) carry the
 * flags of strace 6.1's syscallent table; calls newer than strace 6.1 carry
 * the classes later strace releases give them. The classes are keyed by
 * name, so they serve aarch64 too (its names are a subset of x86-64's).
 *
 * <p>{@link TraceOptions#withSyscalls} accepts class names beside syscall
 * names: {@code withSyscalls(Set.of("%network"))} reports every network call.
 * The command line's {@code -e trace=%file} reads the same table.
 */
public final class SyscallClasses {
    private SyscallClasses() {}

    private static final Set<String> LEGACY = Set.of("file", "process", "network", "signal", "ipc", "desc", "memory");
    private static final Map<String, Set<String>> CLASSES = build();
    private static volatile Set<String> known;

    /**
     * The names in a class, or {@code null} when {@code name} is no class.
     * Accepts {@code %file}, {@code %net} (= {@code %network}) and the legacy
     * spellings without {@code %} ({@code file process network signal ipc desc memory}).
     *
     * @param name a class name such as {@code %network}
     * @return the syscall names of the class, or {@code null}
     */
    public static Set<String> members(String name) {
        String key = name.startsWith("%") ? name : LEGACY.contains(name) ? "%" + name : null;
        if (key == null) return null;
        if (key.equals("%net")) key = "%network";
        return CLASSES.get(key);
    }

    /**
     * Every class name with its {@code %}, in strace's documentation order.
     *
     * @return the class names
     */
    public static Set<String> classNames() {
        return CLASSES.keySet();
    }

    /**
     * Every syscall name jstrace knows, on any architecture it decodes
     * (as strace checks a name against every personality).
     *
     * @return the names, sorted
     */
    public static Set<String> allNames() {
        Set<String> all = known;
        if (all == null) {
            Set<String> names = new TreeSet<>();
            for (Arch a : Arch.values()) {
                for (int nr = 0; nr < a.tableSize(); nr++) {
                    String n = a.syscallName(nr);
                    if (n != null) names.add(n);
                }
            }
            known = all = Collections.unmodifiableSet(names);
        }
        return all;
    }

    /**
     * A filter's names with every class replaced by its members; a name no
     * architecture knows is refused, with the nearest known name when one is close.
     */
    static Set<String> resolve(Set<String> items) {
        Set<String> out = new TreeSet<>();
        for (String item : items) {
            if (item == null) throw new IllegalArgumentException("syscalls: the set holds null");
            Set<String> members = item.equals("%all") ? null : members(item);
            if (members != null) {
                out.addAll(members);
            } else if (allNames().contains(item)) {
                out.add(item);
            } else {
                throw new IllegalArgumentException("syscalls: unknown system call '" + item + "'" + nearest(item)
                        + "; names are as strace prints them (openat, connect), classes start with %: "
                        + String.join(" ", classNames()));
            }
        }
        return out;
    }

    private static String nearest(String wrong) {
        String best = null;
        int bestDistance = 3;
        for (String n : allNames()) {
            int d = editDistance(wrong, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) row[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    private static Set<String> words(String s) {
        return Set.of(s.trim().split(" +"));
    }

    private static Map<String, Set<String>> build() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        table.put("%file", words(
                "access acct chdir chmod chown chroot creat execve execveat faccessat faccessat2 " +
                "fanotify_mark fchmodat fchmodat2 fchownat fsconfig fspick futimesat getcwd getxattr " +
                "getxattrat inotify_add_watch lchown lgetxattr link linkat listxattr listxattrat " +
                "llistxattr lremovexattr lsetxattr lstat mkdir mkdirat mknod mknodat mount mount_setattr " +
                "move_mount name_to_handle_at newfstatat open open_tree open_tree_attr openat openat2 " +
                "pivot_root quotactl readlink readlinkat removexattr removexattrat rename renameat " +
                "renameat2 rmdir setxattr setxattrat stat statfs statx swapoff swapon symlink symlinkat " +
                "truncate umount2 unlink unlinkat uselib utime utimensat utimes "));
        table.put("%desc", words(
                "bpf cachestat close copy_file_range creat dup dup2 dup3 epoll_create epoll_create1 " +
                "epoll_ctl epoll_pwait epoll_pwait2 epoll_wait eventfd eventfd2 execveat faccessat " +
                "faccessat2 fadvise64 fallocate fanotify_init fanotify_mark fchdir fchmod fchmodat " +
                "fchmodat2 fchown fchownat fcntl fdatasync fgetxattr finit_module flistxattr flock " +
                "fremovexattr fsconfig fsetxattr fsmount fsopen fspick fstat fstatfs fsync ftruncate " +
                "futimesat getdents getdents64 getxattrat inotify_add_watch inotify_init inotify_init1 " +
                "inotify_rm_watch io_uring_enter io_uring_register io_uring_setup ioctl kexec_file_load " +
                "landlock_add_rule landlock_create_ruleset landlock_restrict_self linkat listxattrat " +
                "lseek memfd_create memfd_secret mkdirat mknodat mmap mount_setattr move_mount " +
                "mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedsend name_to_handle_at " +
                "newfstatat open open_by_handle_at open_tree open_tree_attr openat openat2 " +
                "perf_event_open pidfd_getfd pidfd_open pidfd_send_signal pipe pipe2 poll ppoll pread64 " +
                "preadv preadv2 process_madvise process_mrelease pselect6 pwrite64 pwritev pwritev2 " +
                "quotactl_fd read readahead readlinkat readv removexattrat renameat renameat2 select " +
                "sendfile setns setxattrat signalfd signalfd4 splice statx symlinkat sync_file_range " +
                "syncfs tee timerfd_create timerfd_gettime timerfd_settime unlinkat userfaultfd utimensat " +
                "vmsplice write writev "));
        table.put("%process", words(
                "clone clone3 execve execveat exit exit_group fork kill pidfd_send_signal rt_sigqueueinfo " +
                "rt_tgsigqueueinfo tgkill tkill vfork wait4 waitid "));
        table.put("%network", words(
                "accept accept4 bind connect getpeername getpmsg getsockname getsockopt listen putpmsg " +
                "recvfrom recvmmsg recvmsg sendfile sendmmsg sendmsg sendto setsockopt shutdown socket " +
                "socketpair "));
        table.put("%signal", words(
                "io_uring_enter kill pause pidfd_send_signal rt_sigaction rt_sigpending rt_sigprocmask " +
                "rt_sigqueueinfo rt_sigreturn rt_sigsuspend rt_sigtimedwait rt_tgsigqueueinfo sigaltstack " +
                "signalfd signalfd4 tgkill tkill "));
        table.put("%ipc", words(
                "msgctl msgget msgrcv msgsnd semctl semget semop semtimedop shmat shmctl shmdt shmget "));
        table.put("%memory", words(
                "brk get_mempolicy io_destroy io_setup io_uring_register madvise map_shadow_stack mbind " +
                "migrate_pages mincore mlock mlock2 mlockall mmap move_pages mprotect mremap mseal msync " +
                "munlock munlockall munmap pkey_mprotect remap_file_pages set_mempolicy " +
                "set_mempolicy_home_node shmat shmdt "));
        table.put("%creds", words(
                "capget capset getegid geteuid getgid getgroups getresgid getresuid getuid prctl setfsgid " +
                "setfsuid setgid setgroups setregid setresgid setresuid setreuid setuid "));
        table.put("%clock", words(
                "adjtimex clock_adjtime clock_getres clock_gettime clock_settime gettimeofday " +
                "settimeofday time "));
        table.put("%pure", words(
                "getegid geteuid getgid getpgrp getpid getppid gettid getuid "));
        table.put("%stat", words(
                "stat "));
        table.put("%lstat", words(
                "lstat "));
        table.put("%fstat", words(
                "fstat newfstatat statx "));
        table.put("%%stat", words(
                "fstat lstat newfstatat stat statx "));
        table.put("%statfs", words(
                "statfs "));
        table.put("%fstatfs", words(
                "fstatfs "));
        table.put("%%statfs", words(
                "fstatfs statfs ustat "));
        return Collections.unmodifiableMap(table);
    }
}

