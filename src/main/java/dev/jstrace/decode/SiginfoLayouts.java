package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code siginfo_t} (asm-generic/siginfo.h, LP64: the same on x86-64 and aarch64) as one
 * 128-byte layout per union arm strace prints, each named {@code siginfo_t} with glibc's
 * member macros as names ({@code si_pid} is {@code _sifields._kill.si_pid}), so the layout
 * probe checks each arm's offsets with {@code offsetof(siginfo_t, si_pid)}.
 */
final class SiginfoLayouts {
    private SiginfoLayouts() {}

    /** sizeof(siginfo_t): SI_MAX_SIZE. */
    static final long SIZE = 128;

    /** An arm: the three ints every siginfo starts with, the union's alignment padding, then {@code arm}. */
    private static StructLayout arm(MemoryLayout... arm) {
        List<MemoryLayout> ms = new ArrayList<>(List.of(JAVA_INT.withName("si_signo"), JAVA_INT.withName("si_errno"),
                JAVA_INT.withName("si_code"), paddingLayout(4)));
        long used = 16;
        for (MemoryLayout m : arm) {
            ms.add(m);
            used += m.byteSize();
        }
        ms.add(paddingLayout(SIZE - used));
        return structLayout(ms.toArray(new MemoryLayout[0])).withName("siginfo_t");
    }

    /** kill(2), tkill, and the rt signals' sender: {@code si_pid}, {@code si_uid}, {@code si_value}. */
    static final StructLayout RT = arm(JAVA_INT.withName("si_pid"), JAVA_INT.withName("si_uid"),
            JAVA_LONG.withName("si_value"));
    /** SIGCHLD: the child, its status and its times in clock ticks. */
    static final StructLayout CHLD = arm(JAVA_INT.withName("si_pid"), JAVA_INT.withName("si_uid"),
            JAVA_INT.withName("si_status"), paddingLayout(4), JAVA_LONG.withName("si_utime"),
            JAVA_LONG.withName("si_stime"));
    /** POSIX timers: the timer, its overrun count and the value. */
    static final StructLayout TIMER = arm(JAVA_INT.withName("si_timerid"), JAVA_INT.withName("si_overrun"),
            JAVA_LONG.withName("si_value"));
    /** SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP: the faulting address. */
    static final StructLayout FAULT = arm(JAVA_LONG.withName("si_addr"));
    /** SIGPOLL: the band event and the fd. */
    static final StructLayout POLL = arm(JAVA_LONG.withName("si_band"), JAVA_INT.withName("si_fd"));
    /** SIGSYS (seccomp): the call's address, number and AUDIT_ARCH_*. */
    static final StructLayout SYS = arm(JAVA_LONG.withName("si_call_addr"), JAVA_INT.withName("si_syscall"),
            JAVA_INT.withName("si_arch"));

    /** Every arm, for the layout probe. */
    static final List<StructLayout> ALL = List.of(RT, CHLD, TIMER, FAULT, POLL, SYS);

    static final Member SIGNO = Member.of(RT, "si_signo"), ERRNO = Member.of(RT, "si_errno"),
            CODE = Member.of(RT, "si_code"), PID = Member.of(RT, "si_pid"), UID = Member.of(RT, "si_uid"),
            VALUE = Member.of(RT, "si_value"), STATUS = Member.of(CHLD, "si_status"),
            UTIME = Member.of(CHLD, "si_utime"), STIME = Member.of(CHLD, "si_stime"),
            TIMERID = Member.of(TIMER, "si_timerid"), OVERRUN = Member.of(TIMER, "si_overrun"),
            ADDR = Member.of(FAULT, "si_addr"), BAND = Member.of(POLL, "si_band"), FD = Member.of(POLL, "si_fd"),
            CALL_ADDR = Member.of(SYS, "si_call_addr"), SYSCALL = Member.of(SYS, "si_syscall"),
            ARCH = Member.of(SYS, "si_arch");
}
