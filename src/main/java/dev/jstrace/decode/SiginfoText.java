package dev.jstrace.decode;

import static dev.jstrace.decode.MemoryView.s32;
import static dev.jstrace.decode.MemoryView.u64;

/** strace's rendering of a 128-byte siginfo_t (LP64 layout, the same on x86-64, aarch64 and riscv64). */
final class SiginfoText {
    private SiginfoText() {}

    static String render(int signo, byte[] b) {
        if (b == null || b.length < 48) return "{si_signo=" + SignalNames.name(signo) + "}";
        int sig = s32(b, 0), errno = s32(b, 4), code = s32(b, 8);
        StringBuilder sb = new StringBuilder(96).append("{si_signo=").append(SignalNames.name(sig));
        if (errno != 0) sb.append(", si_errno=").append(errno);
        sb.append(", si_code=").append(code(sig, code));
        int pid = s32(b, 16), uid = s32(b, 20);
        if (code <= 0 || code == 0x80) {
            if (code == -2) {
                sb.append(", si_timerid=").append(Integer.toHexString(pid)).append(", si_overrun=").append(uid)
                        .append(", si_int=").append(s32(b, 24)).append(", si_ptr=0x").append(Long.toHexString(u64(b, 24)));
            } else if (code != 0x80 || pid != 0) {
                sb.append(", si_pid=").append(pid).append(", si_uid=").append(uid);
                if (code == -1 || code == -3) {
                    sb.append(", si_int=").append(s32(b, 24)).append(", si_ptr=0x").append(Long.toHexString(u64(b, 24)));
                }
            }
        } else {
            switch (sig) {
                case 17 -> {
                    sb.append(", si_pid=").append(pid).append(", si_uid=").append(uid).append(", si_status=");
                    int st = s32(b, 24);
                    if (code == 1) sb.append(st);
                    else sb.append(SignalNames.name(st));
                    sb.append(", si_utime=");
                    clock(sb, u64(b, 32));
                    sb.append(", si_stime=");
                    clock(sb, u64(b, 40));
                }
                case 4, 8, 11, 7, 5 -> {
                    long addr = u64(b, 16);
                    sb.append(", si_addr=").append(addr == 0 ? "NULL" : "0x" + Long.toHexString(addr));
                }
                case 29 -> sb.append(", si_band=").append(u64(b, 16)).append(", si_fd=").append(s32(b, 24));
                case 31 -> sb.append(", si_call_addr=0x").append(Long.toHexString(u64(b, 16)))
                        .append(", si_syscall=").append(s32(b, 24))
                        .append(", si_arch=").append(auditArch(s32(b, 28)));
                default -> sb.append(", si_pid=").append(pid).append(", si_uid=").append(uid);
            }
        }
        return sb.append('}').toString();
    }

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
