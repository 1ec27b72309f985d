package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.arch.Arch;
import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * The System V IPC structs msgctl, semctl, shmctl, msgsnd and msgrcv read and write, as glibc's
 * sys/msg.h, sys/sem.h and sys/shm.h declare them (on 64-bit arches they are the kernel's
 * {@code *64_ds}, passed through unchanged). The {@code __glibc_reserved} and {@code *_high}
 * words strace never prints are unnamed padding here. struct semid_ds is the one that differs
 * per arch: x86-64's asm/sembuf.h keeps an unused word after each time, asm-generic's does not.
 */
final class IpcLayouts {
    private IpcLayouts() {}

    /** {@code struct ipc_perm}. */
    static final StructLayout IPC_PERM = structLayout(JAVA_INT.withName("__key"), JAVA_INT.withName("uid"),
            JAVA_INT.withName("gid"), JAVA_INT.withName("cuid"), JAVA_INT.withName("cgid"), JAVA_INT.withName("mode"),
            JAVA_SHORT.withName("__seq"), paddingLayout(6), paddingLayout(16)).withName("struct ipc_perm");
    /** {@code struct msqid_ds}. */
    static final StructLayout MSQID_DS = structLayout(IPC_PERM.withName("msg_perm"), JAVA_LONG.withName("msg_stime"),
            JAVA_LONG.withName("msg_rtime"), JAVA_LONG.withName("msg_ctime"), JAVA_LONG.withName("__msg_cbytes"),
            JAVA_LONG.withName("msg_qnum"), JAVA_LONG.withName("msg_qbytes"), JAVA_INT.withName("msg_lspid"),
            JAVA_INT.withName("msg_lrpid"), paddingLayout(16)).withName("struct msqid_ds");
    /** {@code struct semid_ds} on x86-64: an unused long after each time. */
    static final StructLayout SEMID_DS_X86_64 = structLayout(IPC_PERM.withName("sem_perm"),
            JAVA_LONG.withName("sem_otime"), paddingLayout(8), JAVA_LONG.withName("sem_ctime"), paddingLayout(8),
            JAVA_LONG.withName("sem_nsems"), paddingLayout(16)).withName("struct semid_ds");
    /** {@code struct semid_ds} on the asm-generic 64-bit arches. */
    static final StructLayout SEMID_DS_GENERIC = structLayout(IPC_PERM.withName("sem_perm"),
            JAVA_LONG.withName("sem_otime"), JAVA_LONG.withName("sem_ctime"), JAVA_LONG.withName("sem_nsems"),
            paddingLayout(16)).withName("struct semid_ds");
    /** {@code struct shmid_ds}. */
    static final StructLayout SHMID_DS = structLayout(IPC_PERM.withName("shm_perm"), JAVA_LONG.withName("shm_segsz"),
            JAVA_LONG.withName("shm_atime"), JAVA_LONG.withName("shm_dtime"), JAVA_LONG.withName("shm_ctime"),
            JAVA_INT.withName("shm_cpid"), JAVA_INT.withName("shm_lpid"), JAVA_LONG.withName("shm_nattch"),
            paddingLayout(16)).withName("struct shmid_ds");
    /** {@code struct msginfo} (MSG_INFO, IPC_INFO). */
    static final StructLayout MSGINFO = structLayout(JAVA_INT.withName("msgpool"), JAVA_INT.withName("msgmap"),
            JAVA_INT.withName("msgmax"), JAVA_INT.withName("msgmnb"), JAVA_INT.withName("msgmni"),
            JAVA_INT.withName("msgssz"), JAVA_INT.withName("msgtql"), JAVA_SHORT.withName("msgseg"), paddingLayout(2))
            .withName("struct msginfo");
    /** {@code struct seminfo}. */
    static final StructLayout SEMINFO = structLayout(JAVA_INT.withName("semmap"), JAVA_INT.withName("semmni"),
            JAVA_INT.withName("semmns"), JAVA_INT.withName("semmnu"), JAVA_INT.withName("semmsl"),
            JAVA_INT.withName("semopm"), JAVA_INT.withName("semume"), JAVA_INT.withName("semusz"),
            JAVA_INT.withName("semvmx"), JAVA_INT.withName("semaem")).withName("struct seminfo");
    /** {@code struct shminfo} (shmctl's IPC_INFO). */
    static final StructLayout SHMINFO = structLayout(JAVA_LONG.withName("shmmax"), JAVA_LONG.withName("shmmin"),
            JAVA_LONG.withName("shmmni"), JAVA_LONG.withName("shmseg"), JAVA_LONG.withName("shmall"),
            paddingLayout(32)).withName("struct shminfo");
    /** {@code struct shm_info} (SHM_INFO). */
    static final StructLayout SHM_INFO = structLayout(JAVA_INT.withName("used_ids"), paddingLayout(4),
            JAVA_LONG.withName("shm_tot"), JAVA_LONG.withName("shm_rss"), JAVA_LONG.withName("shm_swp"),
            JAVA_LONG.withName("swap_attempts"), JAVA_LONG.withName("swap_successes")).withName("struct shm_info");
    /** {@code struct msgbuf} (msgsnd, msgrcv): the type, then the text (mtext[1] in C, msgsz long in use). */
    static final StructLayout MSGBUF = structLayout(JAVA_LONG.withName("mtype"),
            sequenceLayout(1, JAVA_BYTE).withName("mtext"), paddingLayout(7)).withName("struct msgbuf");

    /** {@return struct semid_ds on {@code arch}: its asm/sembuf.h is the stat ABI's family's} */
    static StructLayout semidDs(Arch arch) {
        return switch (arch.statLayout()) {
            case X86_64 -> SEMID_DS_X86_64;
            case ASM_GENERIC -> SEMID_DS_GENERIC;
        };
    }

    /** The layouts above with their headers, for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(
            new CallStructLayouts.Declared(IPC_PERM, "#include <sys/ipc.h>\n"),
            new CallStructLayouts.Declared(MSQID_DS, "#include <sys/msg.h>\n"),
            new CallStructLayouts.Declared(IpcLayouts::semidDs, "#include <sys/sem.h>\n"),
            new CallStructLayouts.Declared(SHMID_DS, "#include <sys/shm.h>\n"),
            new CallStructLayouts.Declared(MSGINFO, "#include <sys/msg.h>\n"),
            new CallStructLayouts.Declared(SEMINFO, "#include <sys/sem.h>\n"),
            new CallStructLayouts.Declared(SHMINFO, "#include <sys/shm.h>\n"),
            new CallStructLayouts.Declared(SHM_INFO, "#include <sys/shm.h>\n"),
            new CallStructLayouts.Declared(MSGBUF, "#include <sys/msg.h>\n"));
}
