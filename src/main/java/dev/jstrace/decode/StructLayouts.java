package dev.jstrace.decode;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.arch.Arch;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.UnionLayout;
import java.util.List;

/**
 * The tracee structs the decoders read, declared once as named layouts (LP64,
 * the same on x86-64 and aarch64): the tracer thread copies {@code byteSize()}
 * bytes of each, and the decoders read their fields at the offsets taken from
 * here. Each layout's name is the C type, and {@code StructLayoutsProbeTest}
 * checks the size and every member's offset against the headers with a C probe.
 * Offsets are looked up by walking the members, not through layout paths (a path
 * lookup spins method handles, which costs start-up).
 */
final class StructLayouts {
    private StructLayouts() {}

    /** {@code struct timespec} (linux/time_types.h {@code __kernel_timespec} on LP64). */
    static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec")).withName("struct timespec");
    /** {@code struct timeval}. */
    static final StructLayout TIMEVAL = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_usec")).withName("struct timeval");
    /** {@code struct rlimit} (the kernel's is two unsigned longs; rlimit64 is the same on LP64). */
    static final StructLayout RLIMIT = MemoryLayout.structLayout(
            JAVA_LONG.withName("rlim_cur"), JAVA_LONG.withName("rlim_max")).withName("struct rlimit");
    /** {@code struct itimerval}. */
    static final StructLayout ITIMERVAL = MemoryLayout.structLayout(
            TIMEVAL.withName("it_interval"), TIMEVAL.withName("it_value")).withName("struct itimerval");
    /** {@code struct itimerspec}. */
    static final StructLayout ITIMERSPEC = MemoryLayout.structLayout(
            TIMESPEC.withName("it_interval"), TIMESPEC.withName("it_value")).withName("struct itimerspec");
    /** {@code stack_t}. */
    static final StructLayout STACK = MemoryLayout.structLayout(
            JAVA_LONG.withName("ss_sp"), JAVA_INT.withName("ss_flags"), MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("ss_size")).withName("stack_t");
    /** {@code struct pollfd}. */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"))
            .withName("struct pollfd");
    /** {@code struct iovec}. */
    static final StructLayout IOVEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("iov_base"), JAVA_LONG.withName("iov_len")).withName("struct iovec");
    /** {@code struct msghdr} (glibc's; the kernel's user_msghdr has the same layout on LP64). */
    static final StructLayout MSGHDR = MemoryLayout.structLayout(
            JAVA_LONG.withName("msg_name"), JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("msg_iov"), JAVA_LONG.withName("msg_iovlen"), JAVA_LONG.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"), JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4))
            .withName("struct msghdr");
    /** {@code struct winsize} (asm-generic/termios.h). */
    static final StructLayout WINSIZE = MemoryLayout.structLayout(
            JAVA_SHORT.withName("ws_row"), JAVA_SHORT.withName("ws_col"), JAVA_SHORT.withName("ws_xpixel"),
            JAVA_SHORT.withName("ws_ypixel")).withName("struct winsize");

    // Field offsets the decoders read, taken once from the layouts above.
    static final int TS_SEC = offset(TIMESPEC, "tv_sec"), TS_NSEC = offset(TIMESPEC, "tv_nsec");
    static final int TV_SEC = offset(TIMEVAL, "tv_sec"), TV_USEC = offset(TIMEVAL, "tv_usec");
    static final int RLIM_CUR = offset(RLIMIT, "rlim_cur"), RLIM_MAX = offset(RLIMIT, "rlim_max");
    static final int IT_INTERVAL = offset(ITIMERVAL, "it_interval"), IT_VALUE = offset(ITIMERVAL, "it_value");
    static final int ITS_INTERVAL = offset(ITIMERSPEC, "it_interval"), ITS_VALUE = offset(ITIMERSPEC, "it_value");
    static final int SS_SP = offset(STACK, "ss_sp"), SS_FLAGS = offset(STACK, "ss_flags"),
            SS_SIZE = offset(STACK, "ss_size");
    static final int POLL_FD = offset(POLLFD, "fd"), POLL_EVENTS = offset(POLLFD, "events"),
            POLL_REVENTS = offset(POLLFD, "revents");
    static final int IOV_BASE = offset(IOVEC, "iov_base"), IOV_LEN = offset(IOVEC, "iov_len");
    static final int MSG_NAME = offset(MSGHDR, "msg_name"), MSG_NAMELEN = offset(MSGHDR, "msg_namelen"),
            MSG_IOV = offset(MSGHDR, "msg_iov"), MSG_IOVLEN = offset(MSGHDR, "msg_iovlen"),
            MSG_CONTROL = offset(MSGHDR, "msg_control"), MSG_CONTROLLEN = offset(MSGHDR, "msg_controllen"),
            MSG_FLAGS = offset(MSGHDR, "msg_flags");
    static final int WS_ROW = offset(WINSIZE, "ws_row"), WS_COL = offset(WINSIZE, "ws_col"),
            WS_XPIXEL = offset(WINSIZE, "ws_xpixel"), WS_YPIXEL = offset(WINSIZE, "ws_ypixel");

    /** {@code struct tms} (times(2); clock_t is a long). */
    static final StructLayout TMS = MemoryLayout.structLayout(JAVA_LONG.withName("tms_utime"),
            JAVA_LONG.withName("tms_stime"), JAVA_LONG.withName("tms_cutime"), JAVA_LONG.withName("tms_cstime"))
            .withName("struct tms");

    /** {@code struct dirent64} (glibc's, which getdents64's linux_dirent64 matches up to d_name). */
    static final StructLayout DIRENT64 = MemoryLayout.structLayout(JAVA_LONG.withName("d_ino"),
            JAVA_LONG.withName("d_off"), JAVA_SHORT.withName("d_reclen"), JAVA_BYTE.withName("d_type"),
            MemoryLayout.sequenceLayout(256, JAVA_BYTE).withName("d_name"), MemoryLayout.paddingLayout(5))
            .withName("struct dirent64");
    static final Member D_INO = Member.of(DIRENT64, "d_ino"), D_OFF = Member.of(DIRENT64, "d_off"),
            D_RECLEN = Member.of(DIRENT64, "d_reclen"), D_TYPE = Member.of(DIRENT64, "d_type"),
            D_NAME = Member.of(DIRENT64, "d_name");

    /** {@code struct epoll_event} where the kernel packs it (x86-64: EPOLL_PACKED, 12 bytes). */
    static final StructLayout EPOLL_EVENT_PACKED = MemoryLayout.structLayout(JAVA_INT.withName("events"),
            JAVA_LONG_UNALIGNED.withName("data")).withName("struct epoll_event");
    /** {@code struct epoll_event} naturally aligned (16 bytes: every other arch). */
    static final StructLayout EPOLL_EVENT_ALIGNED = MemoryLayout.structLayout(JAVA_INT.withName("events"),
            MemoryLayout.paddingLayout(4), JAVA_LONG.withName("data")).withName("struct epoll_event");

    /** {@return struct epoll_event on {@code arch}: the layout of the size {@link Arch#epollEventSize()} says} */
    static StructLayout epollEvent(Arch arch) {
        for (StructLayout l : List.of(EPOLL_EVENT_PACKED, EPOLL_EVENT_ALIGNED)) {
            if (l.byteSize() == arch.epollEventSize()) return l;
        }
        throw new IllegalStateException(arch + ": no struct epoll_event of " + arch.epollEventSize() + " bytes");
    }

    /** {@code struct sockaddr}: the family, then the family's bytes. */
    static final StructLayout SOCKADDR = MemoryLayout.structLayout(JAVA_SHORT.withName("sa_family"),
            MemoryLayout.sequenceLayout(14, JAVA_BYTE).withName("sa_data")).withName("struct sockaddr");
    /** {@code struct sockaddr_un}. */
    static final StructLayout SOCKADDR_UN = MemoryLayout.structLayout(JAVA_SHORT.withName("sun_family"),
            MemoryLayout.sequenceLayout(108, JAVA_BYTE).withName("sun_path")).withName("struct sockaddr_un");
    /** {@code struct sockaddr_in}: port and address in network byte order. */
    static final StructLayout SOCKADDR_IN = MemoryLayout.structLayout(JAVA_SHORT.withName("sin_family"),
            JAVA_SHORT.withName("sin_port"), JAVA_INT.withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sin_zero")).withName("struct sockaddr_in");
    /** {@code struct sockaddr_in6}. */
    static final StructLayout SOCKADDR_IN6 = MemoryLayout.structLayout(JAVA_SHORT.withName("sin6_family"),
            JAVA_SHORT.withName("sin6_port"), JAVA_INT.withName("sin6_flowinfo"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("sin6_addr"), JAVA_INT.withName("sin6_scope_id"))
            .withName("struct sockaddr_in6");
    /** {@code struct sockaddr_nl} (linux/netlink.h). */
    static final StructLayout SOCKADDR_NL = MemoryLayout.structLayout(JAVA_SHORT.withName("nl_family"),
            JAVA_SHORT.withName("nl_pad"), JAVA_INT.withName("nl_pid"), JAVA_INT.withName("nl_groups"))
            .withName("struct sockaddr_nl");

    /** {@code struct sockaddr_storage}: the family, then room for any address (the most strace copies). */
    static final StructLayout SOCKADDR_STORAGE = MemoryLayout.structLayout(JAVA_SHORT.withName("ss_family"),
            MemoryLayout.paddingLayout(126)).withName("struct sockaddr_storage");
    /** {@code struct linger} (sys/socket.h): SO_LINGER's value. */
    static final StructLayout LINGER = MemoryLayout.structLayout(JAVA_INT.withName("l_onoff"),
            JAVA_INT.withName("l_linger")).withName("struct linger");
    /** {@code struct ucred} (sys/socket.h, _GNU_SOURCE): SO_PEERCRED's value. */
    static final StructLayout UCRED = MemoryLayout.structLayout(JAVA_INT.withName("pid"), JAVA_INT.withName("uid"),
            JAVA_INT.withName("gid")).withName("struct ucred");

    /** Every arch-neutral layout declared here, for the probe test. */
    static final List<StructLayout> ALL = List.of(TIMESPEC, TIMEVAL, RLIMIT, ITIMERVAL, ITIMERSPEC, STACK, POLLFD,
            IOVEC, MSGHDR, WINSIZE, TMS, DIRENT64, SOCKADDR, SOCKADDR_UN, SOCKADDR_IN, SOCKADDR_IN6, SOCKADDR_NL,
            LINGER, UCRED, SOCKADDR_STORAGE);

    /**
     * One member of a declared layout, found once by name: where it is and how wide, so a
     * decoder reads it without a literal offset or width ({@code st_nlink} is 8 bytes on
     * x86-64, 4 on aarch64).
     *
     * @param offset the byte offset in the struct
     * @param size   the width in bytes (1, 2, 4 or 8 for the integer readers)
     */
    record Member(int offset, int size) {
        /**
         * The member at {@code path} of {@code layout}: a name, or names joined by dots into nested
         * structs and unions; a member of an unnamed (C anonymous) struct or union is found by its own name.
         */
        static Member of(GroupLayout layout, String path) {
            int at = 0;
            MemoryLayout m = layout;
            for (String name : path.split("\\.")) {
                if (!(m instanceof GroupLayout g)) throw new IllegalArgumentException(path + ": not a struct");
                at += StructLayouts.offset(g, name);
                m = member(g, name);
            }
            return new Member(at, (int) m.byteSize());
        }

        /** The element {@code index} of this member, an array of {@code element}s: where it is and how wide. */
        Member element(MemoryLayout element, int index) {
            return new Member(offset + index * (int) element.byteSize(), (int) element.byteSize());
        }

        /** {@return the offset just past this member} */
        int end() {
            return offset + size;
        }

        /** {@return the member, unsigned, in the struct copied at {@code b}} */
        long u(byte[] b) {
            return u(b, 0);
        }

        /** {@return the member, unsigned, in the struct at {@code base} of {@code b} (an array element)} */
        long u(byte[] b, int base) {
            int o = base + offset;
            return switch (size) {
                case 1 -> b[o] & 0xffL;
                case 2 -> MemoryView.u16(b, o);
                case 4 -> MemoryView.u32(b, o);
                default -> MemoryView.u64(b, o);
            };
        }

        /** {@return the member, sign-extended, in the struct copied at {@code b}} */
        long s(byte[] b) {
            return s(b, 0);
        }

        /** {@return the member, sign-extended, in the struct at {@code base} of {@code b}} */
        long s(byte[] b, int base) {
            int o = base + offset;
            return switch (size) {
                case 1 -> b[o];
                case 2 -> (short) MemoryView.u16(b, o);
                case 4 -> MemoryView.s32(b, o);
                default -> MemoryView.u64(b, o);
            };
        }
    }

    private static MemoryLayout member(GroupLayout layout, String name) {
        for (MemoryLayout m : layout.memberLayouts()) {
            if (m.name().filter(name::equals).isPresent()) return m;
        }
        for (MemoryLayout m : layout.memberLayouts()) {
            if (m.name().isEmpty() && m instanceof GroupLayout g && has(g, name)) return member(g, name);
        }
        throw new IllegalArgumentException(layout.name().orElse("struct") + " has no member " + name);
    }

    private static boolean has(GroupLayout g, String name) {
        for (MemoryLayout m : g.memberLayouts()) {
            if (m.name().filter(name::equals).isPresent()) return true;
            if (m.name().isEmpty() && m instanceof GroupLayout inner && has(inner, name)) return true;
        }
        return false;
    }

    /**
     * The byte offset of the member {@code name} of {@code layout} (0 in a union), looking into
     * unnamed (C anonymous) structs and unions for it.
     */
    static int offset(GroupLayout layout, String name) {
        boolean union = layout instanceof UnionLayout;
        long at = 0;
        for (MemoryLayout m : layout.memberLayouts()) {
            if (m.name().filter(name::equals).isPresent()) return (int) at;
            if (!union) at += m.byteSize();
        }
        at = 0;
        for (MemoryLayout m : layout.memberLayouts()) {
            if (m.name().isEmpty() && m instanceof GroupLayout g && has(g, name)) return (int) at + offset(g, name);
            if (!union) at += m.byteSize();
        }
        throw new IllegalArgumentException(layout.name().orElse("struct") + " has no member " + name);
    }

    /** {@code sizeof} as an int, for reads of captured bytes. */
    static int size(MemoryLayout layout) {
        return (int) layout.byteSize();
    }
}
