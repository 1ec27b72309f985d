package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.util.List;

/**
 * Turns one argument into a {@link Value} by its {@link ArgType}. The switch has
 * no default: a new type without a formatter does not compile. Returns null for
 * an argument strace leaves out (open's mode without O_CREAT, fcntl F_GETFD's
 * third argument).
 */
final class ArgDecoder {
    static final int AT_FDCWD = -100;
    /** sizeof(siginfo_t). */
    static final int SIGINFO_SIZE = (int) SiginfoLayouts.SIZE;
    /** The header values the argument rules compare with (mknod's file type, setpriority's which, socket families). */
    private static final long PRIO_PROCESS = HeaderValues.common("PRIO_PROCESS"),
            PRIO_PGRP = HeaderValues.common("PRIO_PGRP"), AF_INET = HeaderValues.common("AF_INET"),
            AF_INET6 = HeaderValues.common("AF_INET6"), AF_NETLINK = HeaderValues.common("AF_NETLINK");
    /** mremap's flags with which strace prints the new address. */
    private static final long MREMAP_MOVED_TO = Constants.MREMAP_FLAGS.parse("MREMAP_MAYMOVE|MREMAP_FIXED");

    private ArgDecoder() {}

    /** Argument {@code i} of a call with signature {@code sig}: a struct by its decoder, else by its type. */
    static Value decode(Signature sig, int i, CallContext c) {
        StructDecoder s = sig.struct(i);
        return s != null ? s.decodeArg(c, i, sig.args().get(i).atExit()) : decode(sig.args().get(i), i, c);
    }

    /**
     * The calls whose input structs strace prints at exit, after the output they follow (epoll_pwait's
     * sigmask, epoll_pwait2's timeout and sigmask): umoven_or_printaddr prints those as their address
     * when the call failed.
     */
    private static final java.util.Set<String> INPUTS_PRINTED_AT_EXIT = java.util.Set.of("epoll_pwait", "epoll_pwait2");

    private static boolean readAtExit(CallContext c) {
        return c.sig != null && INPUTS_PRINTED_AT_EXIT.contains(c.sig.name());
    }

    static Value decode(ArgType t, int i, CallContext c) {
        long a = c.arg(i);
        DecodeOptions.Xlat x = c.opt.xlat();
        // Whether the kernel wrote this argument (for those read at exit): the one rule, in Written.
        boolean exitReady = c.returned && Written.byKernel(t, i, c.args, c.rval, c.error);
        return switch (t) {
            case INT -> new Value.Num((int) a, Value.Radix.DEC);
            case LONG -> new Value.Num(a, Value.Radix.DEC);
            case UINT -> new Value.Num(a & 0xffffffffL, Value.Radix.DEC);
            case ULONG -> new Value.Num(a, Value.Radix.UDEC);
            case HEX, RAW -> new Value.Num(a, Value.Radix.HEX);
            case PTR -> new Value.Ptr(a);
            case MODE -> new Value.Num(a & 0xffff, Value.Radix.OCT);
            case MKNOD_MODE -> StructDecoders.symbolicMode(a & 0xffff);
            case MKNOD_DEV -> {
                // mknod's dev is printed for a character or block device only.
                long type = c.arg(i - 1) & StructDecoders.S_IFMT;
                yield type == StructDecoders.S_IFCHR || type == StructDecoders.S_IFBLK ? StructDecoders.devValue(a & 0xffffffffL) : null;
            }
            case UID -> uid(a);
            case UID_OUT -> {
                byte[] b = exitReady ? MemoryView.struct(c.out, a, 4) : null;
                yield b == null ? new Value.Ptr(a) : new Value.Array(List.of(uid(MemoryView.u32(b, 0))), false);
            }
            case FD -> c.fd((int) a);
            case DIRFD -> (int) a == AT_FDCWD ? dirfdCwd(c) : c.fd((int) a);
            case PATH -> c.string(c.in, a, true);
            case STR, MFD_NAME -> c.string(c.in, a, false);
            case BUF_IN -> c.buffer(c.in, a, c.arg(i + 1), false);
            case SOCKBUF_IN -> NetlinkBuffers.sendBuffer(c, (int) c.arg(0), a, c.arg(i + 1));
            case BUF_OUT -> exitReady ? c.buffer(c.out, a, bufOutLength(c.sig.name(), c.rval, c.arg(i + 1)), false)
                    : new Value.Ptr(a);
            case BUF_OUT_HEX -> exitReady ? c.buffer(c.out, a, c.rval, true) : new Value.Ptr(a);
            // strace's print_xattr_list: a size-0 call (asking for the length) prints the address.
            case XATTR_LIST -> exitReady && c.arg(i + 1) != 0 ? c.buffer(c.out, a, c.rval, false) : new Value.Ptr(a);
            case CWD_OUT -> exitReady ? c.string(c.out, a, true) : new Value.Ptr(a);
            case OPEN_FLAGS -> openFlags(c, a);
            case OPEN_MODE -> (c.arg(i - 1) & (0100 | 020000000)) != 0
                    ? new Value.Num(a & 0xffff, Value.Radix.OCT) : null;
            case AT_FLAGS -> c.sym(Constants.AT_FLAGS, a & 0xffffffffL);
            case UNLINKAT_FLAGS -> c.sym(Constants.UNLINKAT_FLAGS, a & 0xffffffffL);
            case FACCESSAT_FLAGS -> c.sym(Constants.FACCESSAT_FLAGS, a & 0xffffffffL);
            case ACCESS_MODE -> c.sym(Constants.ACCESS_MODE, a & 0xffffffffL);
            case PROT -> c.sym(Constants.PROT, a);
            case MAP_FLAGS -> MmapFlags.sym(a);
            case MREMAP_FLAGS -> c.sym(Constants.MREMAP_FLAGS, a);
            case MADV -> c.sym(Constants.MADV, a & 0xffffffffL);
            case MSYNC_FLAGS -> c.sym(Constants.MS_SYNC, a & 0xffffffffL);
            case MCL_FLAGS -> c.sym(Constants.MCL, a & 0xffffffffL);
            case SEEK -> c.sym(Constants.SEEK, a & 0xffffffffL);
            case RLIMIT_RESOURCE -> c.sym(Constants.RLIMIT, a & 0xffffffffL);
            case SIGNAL -> signal(c, (int) a);
            case SIG_HOW -> c.sym(Constants.SIG_HOW, a & 0xffffffffL);
            case GRND_FLAGS -> c.sym(Constants.GRND, a & 0xffffffffL);
            case WAIT_OPTIONS -> c.sym(Constants.WAIT_OPTIONS, a & 0xffffffffL);
            case ARCH_PRCTL_CODE -> c.sym(Constants.ARCH_PRCTL, a & 0xffffffffL);
            case ARCH_PRCTL_ADDR -> archPrctlAddr(c, a);
            case SOCK_FAMILY -> c.sym(Constants.AF, a & 0xffffffffL);
            case SOCK_TYPE -> sockType(c, a);
            case SOCK_PROTO -> sockProto(c, (int) c.arg(i - 2), (int) a);
            case MSG_FLAGS -> c.sym(Constants.MSG_FLAGS, a & 0xffffffffL);
            case SOCK_FLAGS -> c.sym(Constants.SOCK_FLAGS, a & 0xffffffffL);
            case SHUT_HOW -> c.sym(Constants.SHUT, a & 0xffffffffL);
            case SOCKOPT_LEVEL -> c.sym(SockoptValues.LEVELS, a & 0xffffffffL);
            case SOCKOPT_NAME -> sockoptName(c, (int) c.arg(i - 1), (int) a);
            case EPOLL_CTL_OP -> c.sym(Constants.EPOLL_CTL, a & 0xffffffffL);
            case EPOLL_CREATE_FLAGS -> c.sym(Constants.EPOLL_CREATE_FLAGS, a & 0xffffffffL);
            case EFD_FLAGS -> c.sym(Constants.EFD_FLAGS, a & 0xffffffffL);
            case SFD_FLAGS -> c.sym(Constants.SFD_FLAGS, a & 0xffffffffL);
            case IN_INIT_FLAGS -> c.sym(Constants.IN_INIT_FLAGS, a & 0xffffffffL);
            case TFD_FLAGS -> c.sym(Constants.TFD_FLAGS, a & 0xffffffffL);
            case MFD_FLAGS -> mfdFlags(a & 0xffffffffL);
            case O_CLOEXEC_FLAGS -> openFlagsOnly(c, a);
            case CLOCK_ID -> c.sym(Constants.CLOCK, a & 0xffffffffL);
            case TIMER_FLAGS -> c.sym(Constants.TIMER_FLAGS, a & 0xffffffffL);
            case STATX_FLAGS -> statxFlags(c, (int) a);
            case STATX_MASK -> c.sym(Constants.STATX_MASK, a & 0xffffffffL);
            case CLOSE_RANGE_FLAGS -> c.sym(Constants.CLOSE_RANGE, a & 0xffffffffL);
            case RENAME_FLAGS -> c.sym(Constants.RENAME_FLAGS, a & 0xffffffffL);
            case FLOCK_OP -> c.sym(Constants.FLOCK, a & 0xffffffffL);
            case UMOUNT_FLAGS -> c.sym(Constants.UMOUNT, a & 0xffffffffL);
            case MEMBARRIER_CMD -> c.sym(Constants.MEMBARRIER, a & 0xffffffffL);
            case FADVICE -> c.sym(Constants.FADV, a & 0xffffffffL);
            case PRIO_WHICH -> c.sym(Constants.PRIO_WHICH, a & 0xffffffffL);
            case RUSAGE_WHO -> c.sym(Constants.RUSAGE_WHO, a & 0xffffffffL);
            case ITIMER_WHICH -> c.sym(Constants.ITIMER, a & 0xffffffffL);
            case IDTYPE -> c.sym(Constants.IDTYPE, a & 0xffffffffL);
            case SCHED_POLICY -> c.sym(Constants.SCHED_POLICY, a & 0xffffffffL);
            case FCNTL_CMD -> c.sym(Constants.FCNTL_CMD, a & 0xffffffffL);
            case FCNTL_ARG -> ControlCalls.fcntlArg(c, (int) c.arg(i - 1), a);
            case IOCTL_REQ -> ControlCalls.ioctlRequest(c, a & 0xffffffffL);
            case IOCTL_ARG -> ControlCalls.ioctlArg(c, c.arg(i - 1) & 0xffffffffL, a);
            case PRCTL_OPTION -> c.sym(PrctlTables.OPTIONS, a & 0xffffffffL);
            case FUTEX_OP -> ControlCalls.futexOp(c, (int) a);
            case FUTEX_REST -> ControlCalls.futexArg(c, i, a);
            case SIGSET_IN -> readAtExit(c) && c.error && a != 0 ? new Value.Ptr(a) : SigsetDecoder.decode(c, c.in, i);
            case SIGSET_OUT -> exitReady ? SigsetDecoder.decode(c, c.out, i) : new Value.Ptr(a);
            case ITIMERVAL_IN -> OtherStructs.itimer(c.in, a, "tv_usec");
            case ITIMERVAL_OUT -> exitReady ? OtherStructs.itimer(c.out, a, "tv_usec") : new Value.Ptr(a);
            case ITIMERSPEC_IN -> OtherStructs.itimer(c.in, a, "tv_nsec");
            case ITIMERSPEC_OUT -> exitReady ? OtherStructs.itimer(c.out, a, "tv_nsec") : new Value.Ptr(a);
            case FDSET -> SelectDecoder.fdset(c, a, c.arg(0));
            case TIMEVAL_IN -> StructDecoders.timeval(c.in, a);
            case PSELECT_SIGMASK -> SelectDecoder.sigmask(c, a);
            case STACK_IN -> OtherStructs.stack(c, c.in, a);
            case STACK_OUT -> exitReady ? OtherStructs.stack(c, c.out, a) : new Value.Ptr(a);
            case TIMESPEC_IN -> readAtExit(c) && c.error ? new Value.Ptr(a) : StructDecoders.timespec(c.in, a);
            case TIMESPEC_OUT -> exitReady ? StructDecoders.timespec(c.out, a) : new Value.Ptr(a);
            case TIMEVAL_OUT -> exitReady ? StructDecoders.timeval(c.out, a) : new Value.Ptr(a);
            case TIMESPEC_LEFT -> exitReady ? StructDecoders.timespec(c.out, a) : new Value.Ptr(a);
            // wait4's rusage is RusageDecoder's struct under Written's rule (only when a child was reported).
            case WAIT_RUSAGE_OUT -> exitReady ? StructDecoder.named("rusage").decodeArg(c, i, true) : new Value.Ptr(a);
            case SIGINFO_OUT -> {
                byte[] b = exitReady && a != 0 ? MemoryView.struct(c.out, a, SIGINFO_SIZE) : null;
                // strace's printsiginfo: a siginfo the kernel left zeroed (WNOHANG, no child) is {}.
                yield b == null ? new Value.Ptr(a) : new Value.Text(MemoryView.s32(b, 0) == 0 ? "{}"
                        : SiginfoText.render(MemoryView.s32(b, 0), b, siginfoPids(c)));
            }
            case TIMESPEC2_IN -> StructDecoders.timespec2(c.in, a, x);
            case RLIMIT_IN -> StructDecoders.rlimit(c.in, a, x);
            case RLIMIT_OUT -> exitReady ? StructDecoders.rlimit(c.out, a, x) : new Value.Ptr(a);
            case SOCKADDR_IN -> SockaddrDecoder.decode(c, c.in, a, (int) c.arg(i + 1));
            case SOCKADDR_OUT -> exitReady ? sockaddrOut(c, i, a) : new Value.Ptr(a);
            case SOCKLEN_INOUT -> socklen(c, a);
            case IOVEC_IN -> StructDecoders.iovec(c, c.in, a, c.arg(i + 1), -1L, false);
            case IOVEC_ADDRS -> StructDecoders.iovec(c, c.in, a, c.arg(i + 1), -1L, true);
            // After an error the array still prints, read at entry, with each base as its address.
            case IOVEC_OUT -> exitReady ? StructDecoders.iovec(c, c.out, a, c.arg(i + 1), c.rval, false)
                    : c.returned ? StructDecoders.iovec(c, c.in, a, c.arg(i + 1), -1L, true)
                    : new Value.Ptr(a);
            case MSGHDR_IN -> OtherStructs.msghdrIn(c, a);
            case MSGHDR_OUT -> OtherStructs.msghdrOut(c, a);
            case POLLFD -> OtherStructs.pollfd(c, i, a);
            case EPOLL_EVENT_IN -> OtherStructs.epollEventIn(c, a);
            case EPOLL_EVENTS_OUT -> OtherStructs.epollEventsOut(c, a);
            case TMS_OUT -> exitReady ? OtherStructs.tms(c, a) : new Value.Ptr(a);
            case ARGV -> ExecDecoder.argv(c, a);
            case ENVP -> ExecDecoder.envp(c, a);
            case WAIT_STATUS_OUT -> {
                byte[] b = exitReady ? MemoryView.struct(c.out, a, 4) : null;
                yield b == null ? new Value.Ptr(a) : new Value.Text(new WaitStatus(MemoryView.s32(b, 0)).straceText());
            }
            case DIRENTS_OUT -> exitReady ? StructDecoders.dirents(c, a) : new Value.Ptr(a);
            case PIPEFDS_OUT -> {
                // int[2]: the read end, then the write end.
                byte[] b = exitReady ? MemoryView.struct(c.out, a, 2 * Integer.BYTES) : null;
                yield b == null ? new Value.Ptr(a)
                        : new Value.Array(List.of(c.fdAtExit(MemoryView.s32(b, 0)),
                        c.fdAtExit(MemoryView.s32(b, Integer.BYTES))),
                        false);
            }
            case INT_OUT -> {
                byte[] b = exitReady ? MemoryView.struct(c.out, a, 4) : null;
                yield b == null ? new Value.Ptr(a)
                        : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
            }
            case STRUCT_IN, STRUCT_OUT -> throw new IllegalArgumentException(
                    "a struct argument decodes through its signature's StructDecoder");
            case TID -> c.pid((int) a, PidNamespaces.Kind.TID);
            case TGID -> c.pid((int) a, PidNamespaces.Kind.TGID);
            case PGID -> c.pid((int) a, PidNamespaces.Kind.PGID);
            case SID -> c.pid((int) a, PidNamespaces.Kind.SID);
            case PRIO_WHO -> {
                long which = (int) c.arg(i - 1);
                yield which == PRIO_PROCESS ? c.pid((int) a, PidNamespaces.Kind.TGID)
                        : which == PRIO_PGRP ? c.pid((int) a, PidNamespaces.Kind.PGID)
                        : new Value.Num((int) a, Value.Radix.DEC);
            }
            case TGID_PGID -> c.tgidPgid((int) a);
            case CLONE_FLAGS -> cloneFlags(c, a);
            case CPUSET_OUT -> exitReady ? SmallArgs.cpuSet(c.out, a, c.rval) : new Value.Ptr(a);
            case GROUPS_IN -> SmallArgs.groups(c, c.in, a, c.arg(0));
            case GROUPS_OUT -> exitReady ? SmallArgs.groups(c, c.out, a, c.rval) : new Value.Ptr(a);
            case INT64_IN -> SmallArgs.int64(c.in, a);
            case SPLICE_FLAGS -> c.sym(Constants.SPLICE_FLAGS, a & 0xffffffffL);
            case HEX32 -> new Value.Num(a & 0xffffffffL, Value.Radix.HEX);
            case TIMEVAL2_IN -> TimeArgs.timevalPair(c.in, a);
            case UTIMBUF_IN -> TimeArgs.utimbuf(c.in, a);
            case SIGINFO_IN -> {
                byte[] b = a == 0 ? null : MemoryView.struct(c.in, a, SIGINFO_SIZE);
                yield a == 0 ? new Value.Ptr(0) : b == null ? new Value.Unreadable(a)
                        : new Value.Text(SiginfoText.render(MemoryView.s32(b, 0), b, siginfoPids(c)));
            }
            case PIDFD_FLAGS -> c.sym(Constants.PIDFD_FLAGS, a & 0xffffffffL);
            case RWF_FLAGS -> c.sym(SmallFileCallFormats.RWF_FLAGS, a & 0xffffffffL);
            case OFFSET_HIGH -> null;
            case MREMAP_NEW_ADDR -> (c.arg(i - 1) & MREMAP_MOVED_TO) == MREMAP_MOVED_TO ? new Value.Ptr(a) : null;
            case INT_IN -> {
                byte[] b = c.arg(i + 1) == 4 ? MemoryView.struct(c.in, a, 4) : null;
                yield b == null ? new Value.Ptr(a)
                        : new Value.Array(List.of(new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)), false);
            }
        };
    }

    /** strace's printuid: a uid_t is unsigned, but all ones prints as {@code -1}. */
    static Value uid(long a) {
        long v = a & 0xffffffffL;
        return new Value.Num(v == 0xffffffffL ? -1 : v, Value.Radix.DEC);
    }

    private static Value dirfdCwd(CallContext c) {
        String p = c.opt.capturesFdPaths() ? c.in.fdPath(AT_FDCWD) : null;
        return new Value.Fd(AT_FDCWD, "AT_FDCWD", p, null);
    }

    static Value openFlags(CallContext c, long a) {
        return openFlags(c.arch, a & 0xffffffffL);
    }

    /** open flags: the access mode by name, then the flag bits ({@code O_RDONLY|O_CLOEXEC}). */
    static Value.Sym openFlags(Arch arch, long v) {
        List<String> names = new java.util.ArrayList<>(4);
        names.add(Constants.OPEN_ACCMODE.name(v & 3));
        long rest = 0;
        if ((v & ~3L) != 0) {
            Value.Sym flags = Constants.openFlags(arch).sym(v & ~3L);
            names.addAll(flags.names());
            rest = flags.rest();
        }
        return new Value.Sym(v, Value.Radix.HEX, names, rest, null);
    }

    /** The abbreviated rendering of open flags, for results strace decorates ({@code (flags O_RDWR)}). */
    static String renderOpenFlags(Arch arch, long v) {
        return StraceRenderer.DEFAULT.render(openFlags(arch, v));
    }

    private static Value openFlagsOnly(CallContext c, long a) {
        long v = a & 0xffffffffL;
        return c.sym(Constants.openFlags(c.arch), v);
    }

    /** A siginfo's si_pid as this call prints it (a process id, translated under --decode-pids=pidns). */
    static java.util.function.IntFunction<String> siginfoPids(CallContext c) {
        return p -> c.text(c.pid(p, PidNamespaces.Kind.TGID));
    }

    static Value signal(CallContext c, int s) {
        String n = SignalNames.known(s) ? SignalNames.name(s) : null;
        return new Value.Sym(s, Value.Radix.DEC, n != null ? List.of(n) : List.of(), 0, null);
    }

    private static Value sockType(CallContext c, long a) {
        int v = (int) a;
        int type = v & 0xf;
        int flags = v & ~0xf;
        Value.Sym t = Constants.SOCK_TYPE.sym(type);
        if (t.names().isEmpty()) return Constants.SOCK_TYPE.sym(v);
        if (flags == 0) return t;
        Value.Sym f = Constants.SOCK_FLAGS.sym(flags & 0xffffffffL);
        List<String> names = new java.util.ArrayList<>(t.names());
        names.addAll(f.names().isEmpty() ? List.of("0x" + Integer.toHexString(flags)) : f.names());
        return new Value.Sym(v, t.radix(), names, f.names().isEmpty() ? 0 : f.rest(), null);
    }

    private static Value sockProto(CallContext c, int family, int proto) {
        if (family == AF_INET || family == AF_INET6) return c.sym(Constants.IPPROTO, proto & 0xffffffffL);
        if (family == AF_NETLINK) return c.sym(Constants.NETLINK_PROTO, proto & 0xffffffffL);
        return new Value.Num(proto, Value.Radix.DEC);
    }

    private static Value sockoptName(CallContext c, int level, int name) {
        if (level == GetsockoptFormat.SOL_SOCKET) return c.sym(Constants.SO, name & 0xffffffffL);
        Value v = SockoptValues.name(c, level, name);
        // print_sockopt_fd_level_name: a level without a table prints the option as an unsigned number.
        return v != null ? v : new Value.Num(name & 0xffffffffL, Value.Radix.UDEC);
    }

    /** memfd_create's flags as strace prints them: the flags, then the huge page size {@code 30<<MFD_HUGE_SHIFT}. */
    private static Value mfdFlags(long v) {
        if (v == 0) return new Value.Sym(0, Value.Radix.HEX, List.of(), 0, null);
        long huge = v & (0x3fL << 26), flags = v & ~(0x3fL << 26);
        List<String> names = new java.util.ArrayList<>(4);
        if (flags != 0 || huge == 0) {
            Value.Sym f = Constants.MFD_FLAGS.sym(flags);
            names.addAll(f.names());
            if (f.names().isEmpty()) names.add("0x" + Long.toHexString(flags) + " /* MFD_??? */");
            else if (f.rest() != 0) names.add("0x" + Long.toHexString(f.rest()));
        }
        if (huge != 0) names.add((huge >>> 26) + "<<MFD_HUGE_SHIFT");
        return new Value.Sym(v, Value.Radix.HEX, names, 0, null);
    }

    /** statx's flags as strace prints them: the sync type (named even when 0), then the other AT_ flags. */
    private static Value statxFlags(CallContext c, int v) {
        Value.Sym sync = Constants.STATX_SYNC_TYPES.sym(v & 0x6000);
        long other = v & ~0x6000 & 0xffffffffL;
        if (other == 0) return sync;
        Value.Sym rest = Constants.AT_FLAGS.sym(other);
        List<String> names = new java.util.ArrayList<>(sync.names());
        names.addAll(rest.names().isEmpty() ? List.of("0x" + Long.toHexString(other)) : rest.names());
        return new Value.Sym(v & 0xffffffffL, Value.Radix.HEX, names, rest.names().isEmpty() ? 0 : rest.rest(), null);
    }

    private static Value archPrctlAddr(CallContext c, long a) {
        int code = (int) c.arg(0);
        if ((code & 0xf) >= 3 && code <= 0x1004) {
            byte[] b = c.succeeded() ? MemoryView.struct(c.out, a, 8) : null;
            return b == null ? new Value.Ptr(a)
                    : new Value.Array(List.of(new Value.Num(MemoryView.u64(b, 0), Value.Radix.HEX)), false);
        }
        return new Value.Num(a, Value.Radix.HEX);
    }

    private static Value sockaddrOut(CallContext c, int i, long a) {
        // decode_sockname: the address cut to the shorter of the length given and the length returned.
        byte[] ulen = MemoryView.struct(c.in, c.arg(i + 1), 4), rlen = MemoryView.struct(c.out, c.arg(i + 1), 4);
        if (ulen == null || rlen == null) return new Value.Ptr(a);
        return SockaddrDecoder.decode(c, c.out, a, Math.min(MemoryView.s32(ulen, 0), MemoryView.s32(rlen, 0)));
    }

    /**
     * How much of an output buffer prints: what the call returned, except recvfrom's, which with MSG_TRUNC
     * returns the datagram's length and prints no more than the buffer's (strace's MIN(u_rval, len)).
     */
    static long bufOutLength(String call, long rval, long len) {
        return call.equals("recvfrom") && Long.compareUnsigned(len, rval) < 0 ? len : rval;
    }

    private static Value socklen(CallContext c, long a) {
        if (a == 0) return new Value.Ptr(0);
        byte[] before = MemoryView.struct(c.in, a, 4);
        byte[] after = c.succeeded() ? MemoryView.struct(c.out, a, 4) : null;
        if (before == null && after == null) return new Value.Unreadable(a);
        if (before == null) return new Value.Text("[" + MemoryView.s32(after, 0) + "]");
        int b = MemoryView.s32(before, 0);
        if (after == null || MemoryView.s32(after, 0) == b) return new Value.Text("[" + b + "]");
        return new Value.Text("[" + b + " => " + MemoryView.s32(after, 0) + "]");
    }

    private static Value cloneFlags(CallContext c, long flags) {
        long sig = flags & 0xff;
        long bits = flags & ~0xffL;
        List<String> names = new java.util.ArrayList<>(8);
        long rest = 0;
        if (bits != 0) {
            Value.Sym f = Constants.CLONE_FLAGS.sym(bits);
            if (f.names().isEmpty()) {
                names.add("0x" + Long.toHexString(bits) + " /* CLONE_??? */");
            } else {
                names.addAll(f.names());
                rest = f.rest();
            }
        }
        if (sig != 0) names.add(SignalNames.name((int) sig));
        if (names.isEmpty()) names.add("0");
        return new Value.Sym(flags, Value.Radix.HEX, names, rest, null);
    }
}
