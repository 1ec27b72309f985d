package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The structs of the call formats that are not {@link StructDecoder}s (fcntl's
 * locks and owners, sched_attr, mq_attr, sembuf, getdents' linux_dirent,
 * seccomp's sock_fprog, sock_filter and notif sizes, sigevent, kcmp_epoll_slot, pselect6's sigmask
 * pair), declared
 * once as named layouts (LP64: the same on every supported arch): what the
 * capture copies is their {@code byteSize()} and the decoders read the
 * {@link Member}s below, never a typed offset. {@code StructLayoutsProbeTest}
 * checks each against the C headers of every arch through {@link #ALL}, with
 * the includes it needs; the two kernel-internal ones (linux_dirent, the
 * sigmask pair) have no header, so the probe compiles the kernel's definition
 * (fs/readdir.c, fs/select.c) and checks the C ABI lays them out as declared.
 */
final class CallStructLayouts {
    private CallStructLayouts() {}

    /**
     * A layout (on each arch) and the C text (includes or a definition) that declares its type.
     *
     * @param layoutOn  the layout on an arch (most are the same on all)
     * @param cIncludes the {@code #include} lines (or definition) the C probe compiles it with
     */
    record Declared(Function<Arch, StructLayout> layoutOn, String cIncludes) {
        /** A layout that is the same on every arch. */
        Declared(StructLayout layout, String cIncludes) {
            this(arch -> layout, cIncludes);
        }
    }

    /**
     * Every declared layout outside the catalog's struct decoders, for the probe: the call formats'
     * below, and each ioctl family's and call format's own ({@link IoctlFamily#layouts()}).
     */
    static List<Declared> everywhere() {
        List<Declared> all = new ArrayList<>(ALL);
        for (IoctlFamily f : IoctlFamily.ALL) all.addAll(f.layouts());
        for (List<Declared> l : List.of(IoctlStructs.LAYOUTS, QuotaFormats.LAYOUTS, IpcLayouts.LAYOUTS,
                TermiosDecoder.LAYOUTS, MountFormats.LAYOUTS, MsghdrLayouts.LAYOUTS, SockaddrLayouts.LAYOUTS,
                PtraceFormat.LAYOUTS, BpfFormat.LAYOUTS)) all.addAll(l);
        return all;
    }

    /** {@code struct flock} (fcntl's F_GETLK/F_SETLK/F_OFD_*). */
    static final StructLayout FLOCK = structLayout(JAVA_SHORT.withName("l_type"), JAVA_SHORT.withName("l_whence"),
            paddingLayout(4), JAVA_LONG.withName("l_start"), JAVA_LONG.withName("l_len"), JAVA_INT.withName("l_pid"),
            paddingLayout(4)).withName("struct flock");
    static final Member L_TYPE = Member.of(FLOCK, "l_type"), L_WHENCE = Member.of(FLOCK, "l_whence"),
            L_START = Member.of(FLOCK, "l_start"), L_LEN = Member.of(FLOCK, "l_len"),
            L_PID = Member.of(FLOCK, "l_pid");

    /** {@code struct f_owner_ex} (F_SETOWN_EX/F_GETOWN_EX). */
    static final StructLayout F_OWNER_EX = structLayout(JAVA_INT.withName("type"), JAVA_INT.withName("pid"))
            .withName("struct f_owner_ex");
    static final Member OWNER_TYPE = Member.of(F_OWNER_EX, "type"), OWNER_PID = Member.of(F_OWNER_EX, "pid");

    /** {@code struct sched_attr} (linux/sched/types.h), SCHED_ATTR_SIZE_VER1: with the utilization clamps. */
    static final StructLayout SCHED_ATTR = structLayout(JAVA_INT.withName("size"), JAVA_INT.withName("sched_policy"),
            JAVA_LONG.withName("sched_flags"), JAVA_INT.withName("sched_nice"), JAVA_INT.withName("sched_priority"),
            JAVA_LONG.withName("sched_runtime"), JAVA_LONG.withName("sched_deadline"),
            JAVA_LONG.withName("sched_period"), JAVA_INT.withName("sched_util_min"),
            JAVA_INT.withName("sched_util_max")).withName("struct sched_attr");
    static final Member SA_SIZE = Member.of(SCHED_ATTR, "size"), SA_POLICY = Member.of(SCHED_ATTR, "sched_policy"),
            SA_FLAGS = Member.of(SCHED_ATTR, "sched_flags"), SA_NICE = Member.of(SCHED_ATTR, "sched_nice"),
            SA_PRIORITY = Member.of(SCHED_ATTR, "sched_priority"),
            SA_RUNTIME = Member.of(SCHED_ATTR, "sched_runtime"),
            SA_DEADLINE = Member.of(SCHED_ATTR, "sched_deadline"), SA_PERIOD = Member.of(SCHED_ATTR, "sched_period"),
            SA_UTIL_MIN = Member.of(SCHED_ATTR, "sched_util_min"),
            SA_UTIL_MAX = Member.of(SCHED_ATTR, "sched_util_max");
    /** SCHED_ATTR_SIZE_VER0: the struct before the clamps (where sched_util_min begins). */
    static final int SCHED_ATTR_VER0 = SA_UTIL_MIN.offset();
    /** SCHED_ATTR_SIZE_VER1: the whole struct above. */
    static final int SCHED_ATTR_VER1 = StructLayouts.size(SCHED_ATTR);

    /** {@code struct mq_attr} (glibc's mqueue.h; the kernel's has the same longs). */
    static final StructLayout MQ_ATTR = structLayout(JAVA_LONG.withName("mq_flags"), JAVA_LONG.withName("mq_maxmsg"),
            JAVA_LONG.withName("mq_msgsize"), JAVA_LONG.withName("mq_curmsgs"),
            sequenceLayout(4, JAVA_LONG).withName("__pad")).withName("struct mq_attr");
    static final Member MQ_FLAGS = Member.of(MQ_ATTR, "mq_flags"), MQ_MAXMSG = Member.of(MQ_ATTR, "mq_maxmsg"),
            MQ_MSGSIZE = Member.of(MQ_ATTR, "mq_msgsize"), MQ_CURMSGS = Member.of(MQ_ATTR, "mq_curmsgs");

    /** {@code struct sembuf} (sys/sem.h). */
    static final StructLayout SEMBUF = structLayout(JAVA_SHORT.withName("sem_num"), JAVA_SHORT.withName("sem_op"),
            JAVA_SHORT.withName("sem_flg")).withName("struct sembuf");
    static final Member SEM_NUM = Member.of(SEMBUF, "sem_num"), SEM_OP = Member.of(SEMBUF, "sem_op"),
            SEM_FLG = Member.of(SEMBUF, "sem_flg");

    /** The kernel's {@code struct linux_dirent} (getdents(2); fs/readdir.c, no UAPI header). */
    static final StructLayout LINUX_DIRENT = structLayout(JAVA_LONG.withName("d_ino"), JAVA_LONG.withName("d_off"),
            JAVA_SHORT.withName("d_reclen"), sequenceLayout(0, JAVA_BYTE).withName("d_name"), paddingLayout(6))
            .withName("struct linux_dirent");
    static final Member LD_INO = Member.of(LINUX_DIRENT, "d_ino"), LD_OFF = Member.of(LINUX_DIRENT, "d_off"),
            LD_RECLEN = Member.of(LINUX_DIRENT, "d_reclen");
    /** Where d_name begins (the d_type byte is the record's last). */
    static final int LD_NAME = StructLayouts.offset(LINUX_DIRENT, "d_name");

    /** {@code struct sock_fprog} (linux/filter.h): a classic BPF program. */
    static final StructLayout SOCK_FPROG = structLayout(JAVA_SHORT.withName("len"), paddingLayout(6),
            JAVA_LONG.withName("filter")).withName("struct sock_fprog");
    static final Member FPROG_LEN = Member.of(SOCK_FPROG, "len"), FPROG_FILTER = Member.of(SOCK_FPROG, "filter");

    /** {@code struct sock_filter} (linux/filter.h): one classic BPF instruction. */
    static final StructLayout SOCK_FILTER = structLayout(JAVA_SHORT.withName("code"), JAVA_BYTE.withName("jt"),
            JAVA_BYTE.withName("jf"), JAVA_INT.withName("k")).withName("struct sock_filter");
    static final Member BPF_CODE = Member.of(SOCK_FILTER, "code"), BPF_JT = Member.of(SOCK_FILTER, "jt"),
            BPF_JF = Member.of(SOCK_FILTER, "jf"), BPF_K = Member.of(SOCK_FILTER, "k");

    /** pselect6's sixth argument: the kernel's unnamed {@code {const sigset_t *ss; size_t ss_len;}} (fs/select.c). */
    static final StructLayout PSELECT6_SIGMASK = structLayout(JAVA_LONG.withName("ss"), JAVA_LONG.withName("ss_len"))
            .withName("struct pselect6_sigmask");
    static final Member PS_SS = Member.of(PSELECT6_SIGMASK, "ss"), PS_SS_LEN = Member.of(PSELECT6_SIGMASK, "ss_len");

    /**
     * {@code struct sigevent} (timer_create, mq_notify) as glibc's signal.h lays it out, the union
     * after sigev_notify seen as SIGEV_THREAD's function and attributes; {@link #SIGEVENT_THREAD_ID}
     * is the same struct seen as SIGEV_THREAD_ID's thread id (one layout cannot overlap members).
     * The member names are glibc's (its macros, or the union member's path), which the probe's
     * {@code offsetof} takes as they are.
     */
    static final StructLayout SIGEVENT = structLayout(JAVA_LONG.withName("sigev_value"),
            JAVA_INT.withName("sigev_signo"), JAVA_INT.withName("sigev_notify"),
            JAVA_LONG.withName("sigev_notify_function"), JAVA_LONG.withName("sigev_notify_attributes"),
            paddingLayout(32)).withName("struct sigevent");
    /** {@code struct sigevent} seen as SIGEV_THREAD_ID's: the thread id where the union begins. */
    static final StructLayout SIGEVENT_THREAD_ID = structLayout(JAVA_LONG.withName("sigev_value"),
            JAVA_INT.withName("sigev_signo"), JAVA_INT.withName("sigev_notify"),
            JAVA_INT.withName("_sigev_un._tid"), paddingLayout(44)).withName("struct sigevent");
    static final Member SIGEV_VALUE = Member.of(SIGEVENT, "sigev_value"),
            SIGEV_SIGNO = Member.of(SIGEVENT, "sigev_signo"), SIGEV_NOTIFY = Member.of(SIGEVENT, "sigev_notify"),
            SIGEV_FUNCTION = Member.of(SIGEVENT, "sigev_notify_function"),
            SIGEV_ATTRIBUTES = Member.of(SIGEVENT, "sigev_notify_attributes"),
            // glibc 2.36 has no sigev_notify_thread_id macro: the member is _sigev_un._tid (one name here).
            SIGEV_THREAD_ID = new Member(StructLayouts.offset(SIGEVENT_THREAD_ID, "_sigev_un._tid"), 4);

    /** {@code struct kcmp_epoll_slot} (linux/kcmp.h): kcmp's KCMP_EPOLL_TFD target. */
    static final StructLayout KCMP_EPOLL_SLOT = structLayout(JAVA_INT.withName("efd"), JAVA_INT.withName("tfd"),
            JAVA_INT.withName("toff")).withName("struct kcmp_epoll_slot");
    static final Member KCMP_EFD = Member.of(KCMP_EPOLL_SLOT, "efd"), KCMP_TFD = Member.of(KCMP_EPOLL_SLOT, "tfd"),
            KCMP_TOFF = Member.of(KCMP_EPOLL_SLOT, "toff");

    /** {@code struct seccomp_notif_sizes} (linux/seccomp.h): SECCOMP_GET_NOTIF_SIZES' answer. */
    static final StructLayout SECCOMP_NOTIF_SIZES = structLayout(JAVA_SHORT.withName("seccomp_notif"),
            JAVA_SHORT.withName("seccomp_notif_resp"), JAVA_SHORT.withName("seccomp_data"))
            .withName("struct seccomp_notif_sizes");
    static final Member NOTIF_SIZE = Member.of(SECCOMP_NOTIF_SIZES, "seccomp_notif"),
            NOTIF_RESP_SIZE = Member.of(SECCOMP_NOTIF_SIZES, "seccomp_notif_resp"),
            NOTIF_DATA_SIZE = Member.of(SECCOMP_NOTIF_SIZES, "seccomp_data");

    /** {@code struct io_event} (linux/aio_abi.h): what io_getevents and io_pgetevents return. */
    static final StructLayout IO_EVENT = structLayout(JAVA_LONG.withName("data"), JAVA_LONG.withName("obj"),
            JAVA_LONG.withName("res"), JAVA_LONG.withName("res2")).withName("struct io_event");
    static final Member IOEV_DATA = Member.of(IO_EVENT, "data"), IOEV_OBJ = Member.of(IO_EVENT, "obj"),
            IOEV_RES = Member.of(IO_EVENT, "res"), IOEV_RES2 = Member.of(IO_EVENT, "res2");

    /** {@code struct utimbuf} (utime.h): utime(2)'s times. */
    static final StructLayout UTIMBUF = structLayout(JAVA_LONG.withName("actime"), JAVA_LONG.withName("modtime"))
            .withName("struct utimbuf");
    static final Member UT_ACTIME = Member.of(UTIMBUF, "actime"), UT_MODTIME = Member.of(UTIMBUF, "modtime");

    /** Every layout here with what declares its C type, for the probe test. */
    static final List<Declared> ALL = List.of(
            new Declared(FLOCK, "#include <fcntl.h>\n"),
            new Declared(F_OWNER_EX, "#include <fcntl.h>\n"),
            new Declared(SCHED_ATTR, "#include <linux/sched/types.h>\n"),
            new Declared(MQ_ATTR, "#include <mqueue.h>\n"),
            new Declared(SEMBUF, "#include <sys/sem.h>\n"),
            new Declared(LINUX_DIRENT, "struct linux_dirent { unsigned long d_ino; unsigned long d_off;"
                    + " unsigned short d_reclen; char d_name[]; };\n"),
            new Declared(SOCK_FPROG, "#include <linux/filter.h>\n"),
            new Declared(SOCK_FILTER, "#include <linux/filter.h>\n"),
            new Declared(SIGEVENT, "#include <signal.h>\n"),
            new Declared(SIGEVENT_THREAD_ID, "#include <signal.h>\n"),
            new Declared(KCMP_EPOLL_SLOT, "#include <linux/kcmp.h>\n"),
            new Declared(FutexWaitvFormat.FUTEX_WAITV, "#include <linux/futex.h>\n"),
            new Declared(KexecFormats.KEXEC_SEGMENT, "#include <linux/kexec.h>\n"),
            new Declared(TimexFormats.TIMEX, "#include <sys/timex.h>\n"),
            // x86's asm/ldt.h only: the probe compiles its definition on every arch.
            new Declared(LdtFormats.USER_DESC, "struct user_desc { unsigned int entry_number; unsigned int base_addr;"
                    + " unsigned int limit; unsigned int seg_32bit:1; unsigned int contents:2;"
                    + " unsigned int read_exec_only:1; unsigned int limit_in_pages:1;"
                    + " unsigned int seg_not_present:1; unsigned int useable:1; unsigned int lm:1; };\n"),
            new Declared(AdminCallFormats.Sysctl.SYSCTL_ARGS, "#include <linux/sysctl.h>\n"),
            new Declared(SECCOMP_NOTIF_SIZES, "#include <linux/seccomp.h>\n"),
            new Declared(UTIMBUF, "#include <utime.h>\n"),
            new Declared(IO_EVENT, "#include <linux/aio_abi.h>\n"),
            new Declared(CapsFormats.HEADER, "#include <linux/capability.h>\n"),
            new Declared(CapsFormats.DATA, "#include <linux/capability.h>\n"),
            new Declared(PSELECT6_SIGMASK, "#include <signal.h>\n"
                    + "struct pselect6_sigmask { const sigset_t *ss; size_t ss_len; };\n"));
}
