package dev.jstrace.decode;

/**
 * The constant sets prctl's options print their arguments with, in strace's print
 * order (its {@code src/xlat/pr_*.in}); the values come from linux/prctl.h,
 * linux/seccomp.h, linux/securebits.h and linux/capability.h through the generated
 * tables. {@code SUID_DUMP_*} is kernel-internal (include/linux/sched/coredump.h),
 * so its values are written here.
 */
final class PrctlTables {
    private PrctlTables() {}

    /** prctl options, printed in hex when raw ({@code 0xf /* PR_SET_NAME * /}). */
    static final ConstTable OPTIONS = ConstTable.enumHex("PR_???", """
            PR_SET_PDEATHSIG PR_GET_PDEATHSIG PR_GET_DUMPABLE PR_SET_DUMPABLE PR_GET_UNALIGN
            PR_SET_UNALIGN PR_GET_KEEPCAPS PR_SET_KEEPCAPS PR_GET_FPEMU PR_SET_FPEMU
            PR_GET_FPEXC PR_SET_FPEXC PR_GET_TIMING PR_SET_TIMING PR_SET_NAME PR_GET_NAME
            PR_GET_ENDIAN PR_SET_ENDIAN PR_GET_SECCOMP PR_SET_SECCOMP PR_CAPBSET_READ
            PR_CAPBSET_DROP PR_GET_TSC PR_SET_TSC PR_GET_SECUREBITS PR_SET_SECUREBITS
            PR_SET_TIMERSLACK PR_GET_TIMERSLACK PR_TASK_PERF_EVENTS_DISABLE
            PR_TASK_PERF_EVENTS_ENABLE PR_MCE_KILL PR_MCE_KILL_GET PR_SET_MM
            PR_SET_CHILD_SUBREAPER PR_GET_CHILD_SUBREAPER PR_SET_NO_NEW_PRIVS
            PR_GET_NO_NEW_PRIVS PR_GET_TID_ADDRESS PR_SET_THP_DISABLE PR_GET_THP_DISABLE
            PR_MPX_ENABLE_MANAGEMENT PR_MPX_DISABLE_MANAGEMENT PR_SET_FP_MODE PR_GET_FP_MODE
            PR_CAP_AMBIENT PR_SVE_SET_VL PR_SVE_GET_VL PR_GET_SPECULATION_CTRL
            PR_SET_SPECULATION_CTRL PR_PAC_RESET_KEYS PR_SET_TAGGED_ADDR_CTRL
            PR_GET_TAGGED_ADDR_CTRL PR_SET_IO_FLUSHER PR_GET_IO_FLUSHER PR_SET_SYSCALL_USER_DISPATCH
            PR_PAC_SET_ENABLED_KEYS PR_PAC_GET_ENABLED_KEYS PR_SCHED_CORE PR_SME_SET_VL
            PR_SME_GET_VL PR_SET_VMA PR_SET_PTRACER""");

    static final ConstTable DUMPABLE = ConstTable.enumHex("SUID_DUMP_???",
            "SUID_DUMP_DISABLE SUID_DUMP_USER SUID_DUMP_ROOT");
    static final ConstTable CAP_AMBIENT = ConstTable.enumHex("PR_CAP_AMBIENT_???",
            "PR_CAP_AMBIENT_IS_SET PR_CAP_AMBIENT_RAISE PR_CAP_AMBIENT_LOWER PR_CAP_AMBIENT_CLEAR_ALL");
    static final ConstTable FP_MODE = ConstTable.flags("PR_FP_MODE_???", "PR_FP_MODE_FR PR_FP_MODE_FRE");
    static final ConstTable MCE_KILL = ConstTable.enumHex("PR_MCE_KILL_???", "PR_MCE_KILL_CLEAR PR_MCE_KILL_SET");
    static final ConstTable MCE_KILL_POLICY = ConstTable.enumHex("PR_MCE_KILL_???",
            "PR_MCE_KILL_LATE PR_MCE_KILL_EARLY PR_MCE_KILL_DEFAULT");
    static final ConstTable PAC_ENABLED_KEYS = ConstTable.flags("PR_PAC_???",
            "PR_PAC_APIAKEY PR_PAC_APIBKEY PR_PAC_APDAKEY PR_PAC_APDBKEY");
    /** PR_PAC_RESET_KEYS prints with both of strace's key lists, the enabled keys then the generic key. */
    static final ConstTable PAC_ALL_KEYS = ConstTable.flags("PR_PAC_???",
            "PR_PAC_APIAKEY PR_PAC_APIBKEY PR_PAC_APDAKEY PR_PAC_APDBKEY PR_PAC_APGAKEY");
    static final ConstTable SCHED_CORE_CMDS = ConstTable.enumHex("PR_SCHED_CORE_???",
            "PR_SCHED_CORE_GET PR_SCHED_CORE_CREATE PR_SCHED_CORE_SHARE_TO PR_SCHED_CORE_SHARE_FROM");
    /** enum pid_type is kernel-internal (include/linux/pid.h). */
    static final ConstTable SCHED_CORE_PIDTYPES = ConstTable.enumHex("PIDTYPE_???",
            "PIDTYPE_PID PIDTYPE_TGID PIDTYPE_PGID PIDTYPE_SID");
    static final ConstTable SET_MM = ConstTable.enumHex("PR_SET_MM_???", """
            PR_SET_MM_START_CODE PR_SET_MM_END_CODE PR_SET_MM_START_DATA PR_SET_MM_END_DATA
            PR_SET_MM_START_STACK PR_SET_MM_START_BRK PR_SET_MM_BRK PR_SET_MM_ARG_START PR_SET_MM_ARG_END
            PR_SET_MM_ENV_START PR_SET_MM_ENV_END PR_SET_MM_AUXV PR_SET_MM_EXE_FILE PR_SET_MM_MAP
            PR_SET_MM_MAP_SIZE""");
    static final ConstTable SET_VMA = ConstTable.enumHex("PR_SET_VMA_???", "PR_SET_VMA_ANON_NAME");
    static final ConstTable SME_VL_FLAGS = ConstTable.flags("PR_SME_???", "PR_SME_SET_VL_ONEXEC PR_SME_VL_INHERIT");
    static final ConstTable SVE_VL_FLAGS = ConstTable.flags("PR_SVE_???", "PR_SVE_SET_VL_ONEXEC PR_SVE_VL_INHERIT");
    static final ConstTable SPEC_CMDS = ConstTable.enumHex("PR_SPEC_???",
            "PR_SPEC_STORE_BYPASS PR_SPEC_INDIRECT_BRANCH PR_SPEC_L1D_FLUSH");
    static final ConstTable SPEC_GET_FLAGS = ConstTable.flags("PR_SPEC_???", """
            PR_SPEC_NOT_AFFECTED PR_SPEC_PRCTL PR_SPEC_ENABLE PR_SPEC_DISABLE PR_SPEC_FORCE_DISABLE
            PR_SPEC_DISABLE_NOEXEC""");
    static final ConstTable SPEC_SET_FLAGS = ConstTable.enumHex("PR_SPEC_???",
            "PR_SPEC_ENABLE PR_SPEC_DISABLE PR_SPEC_FORCE_DISABLE PR_SPEC_DISABLE_NOEXEC");
    static final ConstTable SUD_CMDS = ConstTable.enumHex("PR_SYS_DISPATCH_???",
            "PR_SYS_DISPATCH_OFF PR_SYS_DISPATCH_ON");
    static final ConstTable TAGGED_ADDR_ENABLE = ConstTable.flags("PR_TAGGED_ADDR_???",
            "!PR_TAGGED_ADDR_ENABLE PR_TAGGED_ADDR_ENABLE");
    static final ConstTable MTE_TCF = ConstTable.enumHex("PR_MTE_TCF_???",
            "PR_MTE_TCF_NONE PR_MTE_TCF_SYNC PR_MTE_TCF_ASYNC PR_MTE_TCF_MASK");
    static final ConstTable TSC = ConstTable.enumHex("PR_TSC_???", "PR_TSC_ENABLE PR_TSC_SIGSEGV");
    static final ConstTable UNALIGN = ConstTable.flags("PR_UNALIGN_???", "PR_UNALIGN_NOPRINT PR_UNALIGN_SIGBUS");
    static final ConstTable SECCOMP_MODE = ConstTable.enumHex("SECCOMP_MODE_???",
            "SECCOMP_MODE_DISABLED SECCOMP_MODE_STRICT SECCOMP_MODE_FILTER");
    static final ConstTable SECBITS = ConstTable.flags("SECBIT_???", """
            SECBIT_NOROOT SECBIT_NOROOT_LOCKED SECBIT_NO_SETUID_FIXUP SECBIT_NO_SETUID_FIXUP_LOCKED
            SECBIT_KEEP_CAPS SECBIT_KEEP_CAPS_LOCKED SECBIT_NO_CAP_AMBIENT_RAISE
            SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED""");
    static final ConstTable CAP = ConstTable.enumHex("CAP_???", """
            CAP_CHOWN CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH CAP_FOWNER CAP_FSETID CAP_KILL CAP_SETGID
            CAP_SETUID CAP_SETPCAP CAP_LINUX_IMMUTABLE CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_ADMIN
            CAP_NET_RAW CAP_IPC_LOCK CAP_IPC_OWNER CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_CHROOT CAP_SYS_PTRACE
            CAP_SYS_PACCT CAP_SYS_ADMIN CAP_SYS_BOOT CAP_SYS_NICE CAP_SYS_RESOURCE CAP_SYS_TIME
            CAP_SYS_TTY_CONFIG CAP_MKNOD CAP_LEASE CAP_AUDIT_WRITE CAP_AUDIT_CONTROL CAP_SETFCAP
            CAP_MAC_OVERRIDE CAP_MAC_ADMIN CAP_SYSLOG CAP_WAKE_ALARM CAP_BLOCK_SUSPEND CAP_AUDIT_READ
            CAP_PERFMON CAP_BPF CAP_CHECKPOINT_RESTORE""");
}
