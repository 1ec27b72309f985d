package dev.jstrace.decode;

import static dev.jstrace.decode.SiginfoLayouts.ADDR;
import static dev.jstrace.decode.SiginfoLayouts.ARCH;
import static dev.jstrace.decode.SiginfoLayouts.BAND;
import static dev.jstrace.decode.SiginfoLayouts.CALL_ADDR;
import static dev.jstrace.decode.SiginfoLayouts.CODE;
import static dev.jstrace.decode.SiginfoLayouts.ERRNO;
import static dev.jstrace.decode.SiginfoLayouts.FD;
import static dev.jstrace.decode.SiginfoLayouts.OVERRUN;
import static dev.jstrace.decode.SiginfoLayouts.PID;
import static dev.jstrace.decode.SiginfoLayouts.SIGNO;
import static dev.jstrace.decode.SiginfoLayouts.STATUS;
import static dev.jstrace.decode.SiginfoLayouts.STIME;
import static dev.jstrace.decode.SiginfoLayouts.SYSCALL;
import static dev.jstrace.decode.SiginfoLayouts.TIMERID;
import static dev.jstrace.decode.SiginfoLayouts.UID;
import static dev.jstrace.decode.SiginfoLayouts.UTIME;
import static dev.jstrace.decode.SiginfoLayouts.VALUE;
import static dev.jstrace.decode.MemoryView.s32;

/** strace's rendering of a siginfo_t (LP64: the same on x86-64, aarch64 and riscv64), read at the offsets of
 * {@link SiginfoLayouts}. */
final class SiginfoText {
    private SiginfoText() {}

    static String render(int signo, byte[] b) {
        return render(signo, b, Integer::toString);
    }

    /**
     * The rendering with {@code pids} printing si_pid (strace's PRINT_FIELD_TGID: the number, and its
     * translation under {@code --decode-pids=pidns}).
     */
    static String render(int signo, byte[] b, java.util.function.IntFunction<String> pids) {
        if (b == null || b.length < MIN) return "{si_signo=" + SignalNames.name(signo) + "}";
        int sig = (int) SIGNO.s(b), errno = (int) ERRNO.s(b), code = (int) CODE.s(b);
        StringBuilder sb = new StringBuilder(96).append("{si_signo=").append(SignalNames.name(sig));
        sb.append(", si_code=").append(code(sig, code));
        // strace's PRINT_FIELD_ERR_U: after si_code, by name when it has one, else unsigned.
        if (errno != 0) {
            String name = dev.jstrace.arch.gen.Errnos.name(errno);
            sb.append(", si_errno=").append(name != null ? name : Integer.toUnsignedString(errno));
        }
        int pid = (int) PID.s(b), uid = (int) UID.s(b);
        if (code <= 0 || code == 0x80) {
            if (code == -2) {
                sb.append(", si_timerid=").append(Integer.toHexString((int) TIMERID.s(b))).append(", si_overrun=")
                        .append(OVERRUN.s(b)).append(", si_int=").append(s32(b, VALUE.offset())).append(", si_ptr=0x")
                        .append(Long.toHexString(VALUE.u(b)));
            } else if (code != 0x80 || pid != 0) {
                sb.append(", si_pid=").append(pids.apply(pid)).append(", si_uid=").append(uid);
                if (code == -1 || code == -3) {
                    sb.append(", si_int=").append(s32(b, VALUE.offset())).append(", si_ptr=0x")
                            .append(Long.toHexString(VALUE.u(b)));
                }
            }
        } else {
            switch (sig) {
                case 17 -> {
                    sb.append(", si_pid=").append(pids.apply(pid)).append(", si_uid=").append(uid).append(", si_status=");
                    int st = (int) STATUS.s(b);
                    if (code == 1) sb.append(st);
                    else sb.append(SignalNames.name(st));
                    sb.append(", si_utime=");
                    clock(sb, UTIME.u(b));
                    sb.append(", si_stime=");
                    clock(sb, STIME.u(b));
                }
                case 4, 8, 11, 7, 5 -> {
                    long addr = ADDR.u(b);
                    sb.append(", si_addr=").append(addr == 0 ? "NULL" : "0x" + Long.toHexString(addr));
                }
                case 29 -> sb.append(", si_band=").append(BAND.s(b)).append(", si_fd=").append(FD.s(b));
                case 31 -> sb.append(", si_call_addr=0x").append(Long.toHexString(CALL_ADDR.u(b)))
                        .append(", si_syscall=").append(SYSCALL.s(b)).append(", si_arch=")
                        .append(auditArch((int) ARCH.s(b)));
                default -> sb.append(", si_pid=").append(pids.apply(pid)).append(", si_uid=").append(uid);
            }
        }
        return sb.append('}').toString();
    }

    /** The least of a siginfo the rendering reads: up to si_stime. */
    private static final int MIN = STIME.offset() + STIME.size();

    /** USER_HZ: the unit of clock_t in siginfo, 100 on every Linux ABI (glibc's sysconf(_SC_CLK_TCK)). */
    private static final int CLK_TCK = 100;

    /**
     * strace's print_clock_t: the ticks, and for a nonzero value the seconds in a
     * comment with as many decimals as CLK_TCK has zeros: {@code 4 /* 0.04 s *}{@code /}.
     * A child that ran under a clock tick (every one on a fast x86-64 host) shows
     * none; on a slow machine they appear.
     */
    static void clock(StringBuilder sb, long ticks) {
        sb.append(Long.toUnsignedString(ticks));
        if (ticks > 0) {
            long frac = ticks % CLK_TCK;
            sb.append(" /* ").append(ticks / CLK_TCK).append('.').append(frac < 10 ? "0" : "").append(frac)
                    .append(" s */");
        }
    }

    private static String code(int sig, int code) {
        switch (code) {
            case 0: return "SI_USER";
            case 0x80: return "SI_KERNEL";
            case -1: return "SI_QUEUE";
            case -2: return "SI_TIMER";
            case -3: return "SI_MESGQ";
            case -4: return "SI_ASYNCIO";
            case -5: return "SI_SIGIO";
            case -6: return "SI_TKILL";
            case -7: return "SI_DETHREAD";
            case -60: return "SI_ASYNCNL";
            default: break;
        }
        String[] names = switch (sig) {
            case 17 -> new String[] {"CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"};
            case 11 -> new String[] {"SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "SEGV_ACCADI",
                "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR", "SEGV_CPERR"};
            case 7 -> new String[] {"BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO"};
            case 4 -> new String[] {"ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG",
                "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"};
            case 8 -> new String[] {"FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES",
                "FPE_FLTINV", "FPE_FLTSUB", "FPE_FLTUNK", "FPE_CONDTRAP"};
            case 5 -> new String[] {"TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT", "TRAP_UNK", "TRAP_PERF"};
            case 29 -> new String[] {"POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI", "POLL_HUP"};
            case 31 -> new String[] {"SYS_SECCOMP", "SYS_USER_DISPATCH"};
            default -> new String[0];
        };
        return code >= 1 && code <= names.length ? names[code - 1] : Integer.toString(code);
    }

    /** strace's name of an AUDIT_ARCH_* value, or its hex when jstrace has no such ABI. */
    private static String auditArch(int value) {
        dev.jstrace.arch.Arch a = dev.jstrace.arch.Arch.fromAudit(value);
        return a != null ? a.auditArchName() : "0x" + Integer.toHexString(value);
    }
}
