package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.CapturePlanner;
import dev.jstrace.proc.TraceeMemory;
import java.util.List;

/**
 * The {@link CapturePlanner} derived from the signature catalog: at each stop it
 * looks the signature up by number (an array load) and requests exactly what the
 * argument types will print: strings up to {@code -s}+1, paths up to PATH_MAX,
 * buffers capped at {@code -s}, structs by size, output arguments only at exit
 * and only on success.
 */
final class CapturePlan implements CapturePlanner {
    static final int PATH_MAX = 4096;
    /** linux/memfd.h's name limit: NAME_MAX less the "memfd:" prefix. */
    static final int MFD_NAME_MAX_LEN = 255 - 6;
    /** getdents64 buffers are copied up to this much to count their entries. */
    static final int DIRENTS_MAX = 1 << 20;
    private final DecodeOptions opt;

    CapturePlan(DecodeOptions opt) {
        this.opt = opt;
    }

    @Override
    public void atEntry(Arch arch, int nr, long[] args, TraceeMemory mem) {
        if (opt.pidTranslation()) PidNamespaces.learn(mem.tid());
        Signature sig = SignatureCatalog.forNumber(arch, nr);
        if (sig == null || opt.rawSyscalls().contains(sig.name())) return;
        // -e write=SET: the whole data, copied first (a region found first is the one decoded).
        if (args.length > 2 && !IoDumps.isRead(sig.name())) dumpCapture(sig.name(), args, args[2], mem);
        if (sig.name().equals("rt_sigreturn") && mem.stackPointer() != 0) {
            // The mask to be restored sits in the signal frame just above the stack pointer.
            mem.bytes(mem.stackPointer() + SignalFrame.maskOffset(arch), 8);
            return;
        }
        CallFormat format = CallFormats.forName(sig.name());
        if (format != null) {
            format.captureEntry(arch, args, mem, opt);
            return;
        }
        List<ArgType> types = sig.args();
        int s = opt.captureLimit();
        for (int i = 0; i < types.size(); i++) {
            long a = i < args.length ? args[i] : 0;
            long next = i + 1 < args.length ? args[i + 1] : 0;
            switch (types.get(i)) {
                case STRUCT_IN -> sig.struct(i).capture(arch, args, i, 0, mem);
                case FD -> {
                    if (opt.capturesFdPaths()) mem.fdPath((int) a);
                }
                case DIRFD -> {
                    if (opt.capturesFdPaths()) mem.fdPath((int) a);
                }
                case PATH -> str(mem, a, PATH_MAX);
                case STR -> str(mem, a, s + 1);
                // strace's printstr_ex(name, MFD_NAME_MAX_LEN + 1): at most that many bytes are read.
                case MFD_NAME -> str(mem, a, Math.min(s + 1, MFD_NAME_MAX_LEN + 1));
                case BUF_IN -> bytes(mem, a, Math.min(Math.max(next, 0), opt.bufferCaptureLimit()));
                case SOCKBUF_IN -> NetlinkBuffers.captureSend(mem, (int) args[0], a, next, s);
                case SIGSET_IN -> SigsetDecoder.capture(mem, sig, args, i);
                case RLIMIT_IN -> bytes(mem, a, StructLayouts.RLIMIT.byteSize());
                case GROUPS_IN -> SmallArgs.captureGroups(opt, mem, a, args[0]);
                case INT64_IN -> bytes(mem, a, 8);
                case TIMEVAL2_IN -> bytes(mem, a, 2 * TimeArgs.TIMEVAL_SIZE);
                case UTIMBUF_IN -> bytes(mem, a, TimeArgs.UTIMBUF_SIZE);
                case SIGINFO_IN -> bytes(mem, a, ArgDecoder.SIGINFO_SIZE);
                case INT_IN -> {
                    if (next == 4) bytes(mem, a, 4);
                }
                case SOCKLEN_INOUT -> bytes(mem, a, 4);
                case ITIMERVAL_IN -> bytes(mem, a, StructLayouts.ITIMERVAL.byteSize());
                case ITIMERSPEC_IN -> bytes(mem, a, StructLayouts.ITIMERSPEC.byteSize());
                case STACK_IN -> bytes(mem, a, StructLayouts.STACK.byteSize());
                case FDSET -> SelectDecoder.captureEntry(mem, a, args[0], opt.capturesFdPaths());
                case TIMEVAL_IN -> bytes(mem, a, StructLayouts.TIMEVAL.byteSize());
                case PSELECT_SIGMASK -> SelectDecoder.captureSigmask(mem, a);
                case TIMESPEC_IN -> bytes(mem, a, StructLayouts.TIMESPEC.byteSize());
                case TIMESPEC2_IN -> bytes(mem, a, 2 * StructLayouts.TIMESPEC.byteSize());
                case SOCKADDR_IN -> {
                    var r = bytes(mem, a, (int) Math.min(Math.max(next, 0), SockaddrDecoder.STORAGE));
                    if (opt.capturesFdPaths() && r != null) SockaddrFamilies.captureFds(mem, r.data());
                }
                case IOVEC_IN -> iovecs(mem, a, next, -1L);
                // The array alone: after an error strace prints it with the bases as addresses.
                case IOVEC_OUT, IOVEC_ADDRS -> bytes(mem, a, StructLayouts.size(StructLayouts.IOVEC)
                        * ArrayDecoder.captureCount(opt, next));
                case MSGHDR_IN -> msghdr(mem, a, Long.MAX_VALUE);
                // recvmsg prints the name cut to the length given at entry (and that length after an error).
                case MSGHDR_OUT -> bytes(mem, a, StructLayouts.size(StructLayouts.MSGHDR));
                case POLLFD -> PollDecoder.captureEntry(opt, mem, a, next);
                case EPOLL_EVENT_IN -> bytes(mem, a, OtherStructs.epollEventSize(arch));
                case ARGV, ENVP -> ExecDecoder.capture(mem, a, s);
                case FUTEX_REST -> {
                    if (i == 3 && ControlCalls.futexHasTimeout((int) args[1])) {
                        bytes(mem, a, StructLayouts.TIMESPEC.byteSize());
                    }
                }
                case IOCTL_ARG -> {
                    int n = ControlCalls.ioctlCapture(args[1] & 0xffffffffL);
                    if (n > 0) bytes(mem, a, n);
                }
                case FCNTL_ARG -> {
                    int n = ControlCalls.flockCapture((int) args[1]);
                    if (n > 0) bytes(mem, a, n);
                }
                // Nothing to copy at entry for these. The list is exhaustive (CapturePlanCoverageTest: a new
                // ArgType without a capture rule fails it); no "case null", which would make this a pattern
                // switch that bootstraps through SwitchBootstraps on every start (~10 ms; no AOT cache keeps it).
                case INT, LONG, UINT, ULONG, HEX, PTR, MODE, BUF_OUT, BUF_OUT_HEX, XATTR_LIST, CWD_OUT, OPEN_FLAGS,
                     OPEN_MODE, MKNOD_MODE, MKNOD_DEV, UID, UID_OUT,
                     AT_FLAGS, UNLINKAT_FLAGS, FACCESSAT_FLAGS, ACCESS_MODE, PROT, MAP_FLAGS, MREMAP_FLAGS, MADV,
                     MSYNC_FLAGS, MCL_FLAGS, SEEK, RLIMIT_RESOURCE, SIGNAL, SIG_HOW, GRND_FLAGS, WAIT_OPTIONS,
                     ARCH_PRCTL_CODE, ARCH_PRCTL_ADDR, SOCK_FAMILY, SOCK_TYPE, SOCK_PROTO, MSG_FLAGS, SOCK_FLAGS,
                     SHUT_HOW, SOCKOPT_LEVEL, SOCKOPT_NAME, EPOLL_CTL_OP, EPOLL_CREATE_FLAGS, EFD_FLAGS,
                     IN_INIT_FLAGS, TFD_FLAGS, MFD_FLAGS, SFD_FLAGS, O_CLOEXEC_FLAGS, CLOCK_ID, TIMER_FLAGS, STATX_FLAGS,
                     STATX_MASK, CLOSE_RANGE_FLAGS, RENAME_FLAGS, FLOCK_OP, UMOUNT_FLAGS, MEMBARRIER_CMD, FADVICE,
                     PRIO_WHICH, RUSAGE_WHO, ITIMER_WHICH, IDTYPE, SCHED_POLICY, FCNTL_CMD, IOCTL_REQ, FUTEX_OP,
                     PRCTL_OPTION, SIGSET_OUT, TIMESPEC_OUT, TIMEVAL_OUT, RLIMIT_OUT, SOCKADDR_OUT,
                     EPOLL_EVENTS_OUT, TMS_OUT, WAIT_STATUS_OUT, DIRENTS_OUT, PIPEFDS_OUT, INT_OUT,
                     CPUSET_OUT, CLONE_FLAGS, ITIMERVAL_OUT, ITIMERSPEC_OUT, STACK_OUT, STRUCT_OUT, TIMESPEC_LEFT,
                     WAIT_RUSAGE_OUT, SIGINFO_OUT, TID, TGID, PGID, SID, TGID_PGID, PRIO_WHO, GROUPS_OUT, SPLICE_FLAGS,
                     HEX32, PIDFD_FLAGS, MREMAP_NEW_ADDR, RWF_FLAGS, OFFSET_HIGH, RAW -> { }
            }
        }
    }

    @Override
    public void atExit(Arch arch, int nr, long[] args, long rval, boolean isError, TraceeMemory mem) {
        Signature sig = SignatureCatalog.forNumber(arch, nr);
        if (sig == null || opt.rawSyscalls().contains(sig.name())) return;
        if (!isError && args.length > 2 && IoDumps.isRead(sig.name())) dumpCapture(sig.name(), args, rval, mem);
        // A new process's number (fork, clone): translated now, while the child still exists (it may be
        // reaped before the call is decoded); PidNamespaces keeps the pair.
        if (opt.pidTranslation() && !isError && rval > 0
                && (sig.ret() == Signature.Ret.TID || sig.ret() == Signature.Ret.TGID)) {
            PidNamespaces.translate(mem.tid(), (int) rval, PidNamespaces.Kind.TID);
        }
        CallFormat format = CallFormats.forName(sig.name());
        if (format != null && isError) {
            if (format.capturesAtFailedExit()) format.captureExit(arch, args, rval, mem, opt);
            return;
        }
        // Only what the kernel wrote is copied (Written): after most errors, nothing.
        if (isError && !Written.anyOnError(sig)) return;
        if (opt.capturesFdPaths() && sig.ret() == Signature.Ret.FD) mem.fdPath((int) rval);
        // fcntl's return is an fd only for F_DUPFD/F_DUPFD_CLOEXEC: -y decorates it (= 10<pipe:[N]>).
        if (opt.capturesFdPaths() && sig.name().equals("fcntl") && ControlCalls.fcntlReturnsFd((int) args[1])) {
            mem.fdPath((int) rval);
        }
        if (format != null) {
            format.captureExit(arch, args, rval, mem, opt);
            return;
        }
        List<ArgType> types = sig.args();
        int s = opt.captureLimit();
        if (rval > 0 && (sig.name().equals("select") || sig.name().equals("pselect6"))) {
            // The ready sets and the time left print with the result.
            for (int i = 1; i <= 3; i++) bytes(mem, args[i], SelectDecoder.setBytes(args[0]));
            var timeout = sig.name().equals("select") ? StructLayouts.TIMEVAL : StructLayouts.TIMESPEC;
            bytes(mem, args[4], timeout.byteSize());
        }
        for (int i = 0; i < types.size(); i++) {
            long a = i < args.length ? args[i] : 0;
            long next = i + 1 < args.length ? args[i + 1] : 0;
            if (types.get(i).atExit() && !Written.byKernel(types.get(i), i, args, rval, isError)) continue;
            if (isError && !types.get(i).atExit()) continue;
            switch (types.get(i)) {
                case STRUCT_OUT -> sig.struct(i).capture(arch, args, i, rval, mem);
                case STRUCT_IN -> sig.struct(i).captureAfter(arch, args, i, rval, mem);
                case BUF_OUT -> bytes(mem, a, Math.min(ArgDecoder.bufOutLength(sig.name(), rval, next),
                        opt.bufferCaptureLimit()));
                case BUF_OUT_HEX, XATTR_LIST -> bytes(mem, a, Math.min(rval, opt.bufferCaptureLimit()));
                case CWD_OUT -> str(mem, a, PATH_MAX);
                case SIGSET_OUT -> SigsetDecoder.capture(mem, sig, args, i);
                case INT_OUT, UID_OUT, SOCKLEN_INOUT, WAIT_STATUS_OUT -> bytes(mem, a, 4);
                case PIPEFDS_OUT -> {
                    var r = bytes(mem, a, 2 * Integer.BYTES);
                    if (opt.capturesFdPaths() && r != null && r.data().length == 2 * Integer.BYTES) {
                        mem.fdPath(MemoryView.s32(r.data(), 0));
                        mem.fdPath(MemoryView.s32(r.data(), Integer.BYTES));
                    }
                }
                case ITIMERVAL_OUT -> bytes(mem, a, StructLayouts.ITIMERVAL.byteSize());
                case ITIMERSPEC_OUT -> bytes(mem, a, StructLayouts.ITIMERSPEC.byteSize());
                case STACK_OUT -> bytes(mem, a, StructLayouts.STACK.byteSize());
                case TIMESPEC_OUT -> bytes(mem, a, StructLayouts.TIMESPEC.byteSize());
                case TIMEVAL_OUT -> bytes(mem, a, StructLayouts.TIMEVAL.byteSize());
                case TIMESPEC_LEFT -> bytes(mem, a, StructLayouts.TIMESPEC.byteSize());
                case WAIT_RUSAGE_OUT -> bytes(mem, a, RusageDecoder.LAYOUT.byteSize());
                case SIGINFO_OUT -> bytes(mem, a, ArgDecoder.SIGINFO_SIZE);
                case RLIMIT_OUT -> bytes(mem, a, StructLayouts.RLIMIT.byteSize());
                case SOCKADDR_OUT -> {
                    var len = bytes(mem, next, 4);
                    if (len != null && len.data().length == 4) {
                        bytes(mem, a, Math.min(Math.max(MemoryView.s32(len.data(), 0), 0), SockaddrDecoder.STORAGE));
                    }
                }
                case IOVEC_OUT -> iovecs(mem, a, next, rval);
                case MSGHDR_OUT -> msghdr(mem, a, rval);
                case EPOLL_EVENTS_OUT -> bytes(mem, a, (long) OtherStructs.epollEventSize(arch) * Math.min(rval, s));
                case TMS_OUT -> bytes(mem, a, StructLayouts.TMS.byteSize());
                case DIRENTS_OUT -> bytes(mem, a, Math.min(rval, DIRENTS_MAX));
                case ARCH_PRCTL_ADDR -> bytes(mem, a, 8);
                case CPUSET_OUT -> SmallArgs.captureCpuSet(mem, a, rval);
                case GROUPS_OUT -> SmallArgs.captureGroups(opt, mem, a, rval);
                case POLLFD -> PollDecoder.captureExit(mem, args, rval, sig.name().equals("ppoll"));
                case IOCTL_ARG -> {
                    int n = ControlCalls.ioctlCapture(args[1] & 0xffffffffL);
                    if (n < 0) bytes(mem, a, -n);
                }
                case FCNTL_ARG -> {
                    int n = ControlCalls.flockCapture((int) args[1]);
                    if (n < 0) bytes(mem, a, -n);
                }
                // Nothing to copy at exit for these (exhaustive, as at entry: CapturePlanCoverageTest).
                case INT, LONG, UINT, ULONG, HEX, PTR, MODE, FD, DIRFD, PATH, STR, BUF_IN, SOCKBUF_IN, OPEN_FLAGS,
                     OPEN_MODE, MKNOD_MODE, MKNOD_DEV, UID, MFD_NAME,
                     AT_FLAGS, UNLINKAT_FLAGS, FACCESSAT_FLAGS, ACCESS_MODE, PROT, MAP_FLAGS, MREMAP_FLAGS, MADV,
                     MSYNC_FLAGS, MCL_FLAGS, SEEK, RLIMIT_RESOURCE, SIGNAL, SIG_HOW, GRND_FLAGS, WAIT_OPTIONS,
                     ARCH_PRCTL_CODE, SOCK_FAMILY, SOCK_TYPE, SOCK_PROTO, MSG_FLAGS, SOCK_FLAGS, SHUT_HOW,
                     SOCKOPT_LEVEL, SOCKOPT_NAME, EPOLL_CTL_OP, EPOLL_CREATE_FLAGS, EFD_FLAGS, IN_INIT_FLAGS,
                     TFD_FLAGS, MFD_FLAGS, SFD_FLAGS, O_CLOEXEC_FLAGS, CLOCK_ID, TIMER_FLAGS, STATX_FLAGS, STATX_MASK,
                     CLOSE_RANGE_FLAGS, RENAME_FLAGS, FLOCK_OP, UMOUNT_FLAGS, MEMBARRIER_CMD, FADVICE, PRIO_WHICH,
                     RUSAGE_WHO, ITIMER_WHICH, IDTYPE, SCHED_POLICY, FCNTL_CMD, IOCTL_REQ, PRCTL_OPTION, FUTEX_OP,
                     FUTEX_REST, SIGSET_IN, TIMESPEC_IN, TIMESPEC2_IN, RLIMIT_IN, SOCKADDR_IN,
                     IOVEC_IN, IOVEC_ADDRS, MSGHDR_IN, EPOLL_EVENT_IN, ARGV, ENVP, INT_IN, CLONE_FLAGS, ITIMERVAL_IN,
                     ITIMERSPEC_IN, FDSET, TIMEVAL_IN, PSELECT_SIGMASK, STACK_IN, TID, TGID, PGID, SID, TGID_PGID,
                     PRIO_WHO, GROUPS_IN, INT64_IN, SPLICE_FLAGS, HEX32, TIMEVAL2_IN, UTIMBUF_IN, SIGINFO_IN,
                     PIDFD_FLAGS, MREMAP_NEW_ADDR, RWF_FLAGS, OFFSET_HIGH, RAW -> { }
            }
        }
    }

    private static void str(TraceeMemory mem, long a, int limit) {
        if (a != 0) mem.string(a, limit);
    }

    private static dev.jstrace.proc.Snapshot.Region bytes(TraceeMemory mem, long a, long len) {
        if (a == 0 || len <= 0) return null;
        return mem.bytes(a, (int) Math.min(len, Integer.MAX_VALUE));
    }

    /**
     * {@code -e read=}/{@code -e write=}: the buffer ({@code size} bytes: the count written, the count read)
     * or the iovecs' buffers (a read's up to {@code size} bytes in all) in full.
     */
    private void dumpCapture(String name, long[] args, long size, TraceeMemory mem) {
        switch (opt.ioDumps().kind(name, (int) args[0])) {
            case 1 -> bytes(mem, args[1], Math.min(Math.max(size, 0), IoDumps.MAX_BYTES));
            case 2 -> iovecs(mem, args[1], args[2], IoDumps.isRead(name) ? size : -1L, IoDumps.MAX_BYTES);
            case 3 -> {
                // sendmsg, recvmsg: the iovecs the msghdr points to (strace's dumpiov_in_msghdr).
                int hdr = StructLayouts.size(StructLayouts.MSGHDR);
                var r = bytes(mem, args[1], hdr);
                if (r != null && r.data().length == hdr) {
                    iovecs(mem, MemoryView.u64(r.data(), StructLayouts.MSG_IOV),
                            MemoryView.u64(r.data(), StructLayouts.MSG_IOVLEN), IoDumps.isRead(name) ? size : -1L,
                            IoDumps.MAX_BYTES);
                }
            }
            default -> { }
        }
    }

    /** An iovec array and the data it shows: {@code budget} bytes in all (-1: no limit), each buffer up to -s. */
    private void iovecs(TraceeMemory mem, long a, long count, long budget) {
        iovecs(mem, a, count, budget, opt.bufferCaptureLimit());
    }

    /** As {@link #iovecs(TraceeMemory, long, long, long)}, each buffer up to {@code limit} bytes. */
    private void iovecs(TraceeMemory mem, long a, long count, long budget, int limit) {
        long shown = ArrayDecoder.captureCount(opt, count);
        int size = StructLayouts.size(StructLayouts.IOVEC);
        var r = bytes(mem, a, (long) size * shown);
        if (r == null) return;
        byte[] d = r.data();
        long left = budget;
        for (int k = 0; k < shown && size * k + size <= d.length; k++) {
            long len = MemoryView.u64(d, size * k + StructLayouts.IOV_LEN);
            long data = Long.compareUnsigned(len, left) > 0 ? left : len;
            if (left != -1L) left -= data; // -1: no limit (strace's print_iovec_klong)
            bytes(mem, MemoryView.u64(d, size * k + StructLayouts.IOV_BASE),
                    Long.compareUnsigned(data, limit) > 0 ? limit : data);
        }
    }

    private void msghdr(TraceeMemory mem, long a, long budget) {
        int size = StructLayouts.size(StructLayouts.MSGHDR);
        var r = bytes(mem, a, size);
        if (r == null || r.data().length < size) return;
        MsghdrDecoder.capture(mem, r.data(), opt.capturesFdPaths(), (iov, n) -> iovecs(mem, iov, n, budget));
    }
}
