package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * msgctl, semctl and shmctl as strace 6.1 prints them (src/ipc_msgctl.c, ipc_semctl.c,
 * ipc_shmctl.c): the command ({@code IPC_64|IPC_STAT}: PRINTCTL), the struct the call reads
 * (IPC_SET) at entry, the struct it writes (the STAT and INFO commands) after a successful call,
 * else the address. The structs are glibc's (sys/msg.h, sys/sem.h, sys/shm.h), the same on the
 * three LP64 arches jstrace decodes; their offsets are listed once below.
 */
final class IpcCtlFormats {
    static final ConstTable IPC_64 = ConstTable.enumHex(null, "IPC_64");
    static final ConstTable MSGCTL_CMDS = ConstTable.enumHex("MSG_???",
            "IPC_RMID IPC_SET IPC_STAT IPC_INFO MSG_STAT MSG_INFO MSG_STAT_ANY");
    static final ConstTable SEMCTL_CMDS = ConstTable.enumHex("SEM_???", """
            IPC_RMID IPC_SET IPC_STAT IPC_INFO GETPID GETVAL GETALL GETNCNT GETZCNT SETVAL SETALL
            SEM_STAT SEM_INFO SEM_STAT_ANY""");
    static final ConstTable SHMCTL_CMDS = ConstTable.enumHex("SHM_???",
            "IPC_RMID IPC_SET IPC_STAT IPC_INFO SHM_LOCK SHM_UNLOCK SHM_STAT SHM_INFO SHM_STAT_ANY");
    private static final long IPC_64_BIT = IPC_64.values()[0];
    private static final long IPC_SET = MSGCTL_CMDS.parse("IPC_SET"), IPC_STAT = MSGCTL_CMDS.parse("IPC_STAT"),
            IPC_INFO = MSGCTL_CMDS.parse("IPC_INFO");

    /** struct ipc_perm: __key, uid, gid, cuid, cgid (4 bytes each), mode (mode_t) at 20. */
    private static final int PERM_KEY = 0, PERM_UID = 4, PERM_GID = 8, PERM_CUID = 12, PERM_CGID = 16,
            PERM_MODE = 20;
    /** struct msqid_ds (120 bytes): the times from 48, msg_qnum 80, msg_qbytes 88, the pids 96 and 100. */
    private static final int MSQID_SIZE = 120;
    /** struct msginfo (32 bytes): seven ints, then unsigned short msgseg at 28. */
    private static final int MSGINFO_SIZE = 32;
    /** struct semid_ds (104 bytes): sem_otime 48, sem_ctime 64, sem_nsems 80. */
    private static final int SEMID_SIZE = 104;
    /** struct seminfo: ten ints. */
    private static final int SEMINFO_SIZE = 40;
    /** struct shmid_ds (112 bytes): shm_segsz 48, the times 56..72, the pids 80 and 84, shm_nattch 88. */
    private static final int SHMID_SIZE = 112;
    /** struct shminfo (72 bytes): five unsigned longs first. */
    private static final int SHMINFO_SIZE = 72;
    /** struct shm_info (48 bytes): int used_ids, then five unsigned longs from 8. */
    private static final int SHM_INFO_SIZE = 48;

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS = Map.of(
            "msgctl", new Ctl(MSGCTL_CMDS, 1, 2, "MSG"),
            "semctl", new Ctl(SEMCTL_CMDS, 2, 3, "SEM"),
            "shmctl", new Ctl(SHMCTL_CMDS, 1, 2, "SHM"),
            "semtimedop", new Semtimedop(),
            "msgsnd", new MsgBuffer(false),
            "msgrcv", new MsgBuffer(true));

    private IpcCtlFormats() {}

    /** One of the three: where its command and buffer are, and which structs its commands use. */
    static final class Ctl implements CallFormat {
        private final ConstTable cmds;
        private final int cmdArg;
        private final int bufArg;
        private final String family;
        private final long stat, statAny, info;

        Ctl(ConstTable cmds, int cmdArg, int bufArg, String family) {
            this.cmds = cmds;
            this.cmdArg = cmdArg;
            this.bufArg = bufArg;
            this.family = family;
            this.stat = cmds.parse(family + "_STAT");
            this.statAny = cmds.parse(family + "_STAT_ANY");
            this.info = cmds.parse(family + "_INFO");
        }

        private long cmd(long[] args) {
            return args[cmdArg] & 0xffffffffL & ~IPC_64_BIT;
        }

        private boolean writesDs(long cmd) {
            return cmd == IPC_STAT || cmd == stat || cmd == statAny;
        }

        private boolean writesInfo(long cmd) {
            return cmd == IPC_INFO || cmd == info;
        }

        private int dsSize() {
            return switch (family) {
                case "MSG" -> MSQID_SIZE;
                case "SEM" -> SEMID_SIZE;
                default -> SHMID_SIZE;
            };
        }

        private int infoSize(long cmd) {
            return switch (family) {
                case "MSG" -> MSGINFO_SIZE;
                case "SEM" -> SEMINFO_SIZE;
                default -> cmd == IPC_INFO ? SHMINFO_SIZE : SHM_INFO_SIZE;
            };
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (cmd(args) == IPC_SET && args[bufArg] != 0) mem.bytes(args[bufArg], dsSize());
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            long cmd = cmd(args);
            long a = args[bufArg];
            if (a == 0) return;
            if (writesDs(cmd)) mem.bytes(a, dsSize());
            else if (writesInfo(cmd)) mem.bytes(a, infoSize(cmd));
        }

        @Override
        public Decoded decode(CallContext c) {
            long raw = c.arg(cmdArg) & 0xffffffffL;
            long cmd = raw & ~IPC_64_BIT;
            List<Value> out = new ArrayList<>(4);
            out.add(new Value.Num((int) c.arg(0), Value.Radix.DEC));
            if (family.equals("SEM")) out.add(new Value.Num((int) c.arg(1), Value.Radix.DEC));
            String ctl = c.text(cmds.sym(cmd));
            if ((raw & IPC_64_BIT) != 0) ctl = c.text(IPC_64.sym(IPC_64_BIT)) + "|" + ctl;
            out.add(new Value.Text(ctl));
            long a = c.arg(bufArg);
            if (cmd == IPC_SET) {
                out.add(ds(c, a, cmd, c.in));
                return Decoded.atEntry(out);
            }
            if (!writesDs(cmd) && !writesInfo(cmd)) {
                out.add(new Value.Ptr(a));
                return Decoded.atEntry(out);
            }
            int entry = out.size();
            if (!c.succeeded()) out.add(new Value.Ptr(a));
            else out.add(writesDs(cmd) ? ds(c, a, cmd, c.out) : info(c, a, cmd));
            return new Decoded(out, entry, null);
        }

        private Value ds(CallContext c, long a, long cmd, dev.jstrace.proc.Snapshot mem) {
            byte[] b = MemoryView.struct(mem, a, dsSize());
            if (b == null) return new Value.Ptr(a);
            boolean set = cmd == IPC_SET;
            List<Value.Field> fs = new ArrayList<>(10);
            String p = family.toLowerCase(java.util.Locale.ROOT);
            fs.add(f(p + "_perm", perm(b, set)));
            switch (family) {
                case "MSG" -> {
                    if (!set) {
                        fs.add(f("msg_stime", u64(b, 48)));
                        fs.add(f("msg_rtime", u64(b, 56)));
                        fs.add(f("msg_ctime", u64(b, 64)));
                        fs.add(f("msg_qnum", u64(b, 80)));
                    }
                    fs.add(f("msg_qbytes", u64(b, 88)));
                    if (!set) {
                        fs.add(f("msg_lspid", c.pid(MemoryView.s32(b, 96), PidNamespaces.Kind.TGID)));
                        fs.add(f("msg_lrpid", c.pid(MemoryView.s32(b, 100), PidNamespaces.Kind.TGID)));
                    }
                }
                case "SEM" -> {
                    if (!set) {
                        fs.add(f("sem_otime", u64(b, 48)));
                        fs.add(f("sem_ctime", u64(b, 64)));
                        fs.add(f("sem_nsems", u64(b, 80)));
                    }
                }
                default -> {
                    if (!set) {
                        fs.add(f("shm_segsz", u64(b, 48)));
                        fs.add(f("shm_cpid", c.pid(MemoryView.s32(b, 80), PidNamespaces.Kind.TGID)));
                        fs.add(f("shm_lpid", c.pid(MemoryView.s32(b, 84), PidNamespaces.Kind.TGID)));
                        fs.add(f("shm_nattch", u64(b, 88)));
                        fs.add(f("shm_atime", u64(b, 56)));
                        fs.add(f("shm_dtime", u64(b, 64)));
                        fs.add(f("shm_ctime", u64(b, 72)));
                    }
                }
            }
            return new Value.Struct(fs, false);
        }

        private Value info(CallContext c, long a, long cmd) {
            byte[] b = MemoryView.struct(c.out, a, infoSize(cmd));
            if (b == null) return new Value.Ptr(a);
            List<Value.Field> fs = new ArrayList<>(10);
            switch (family) {
                case "MSG" -> {
                    String[] n = {"msgpool", "msgmap", "msgmax", "msgmnb", "msgmni", "msgssz", "msgtql"};
                    for (int i = 0; i < n.length; i++) fs.add(f(n[i], s32(b, 4 * i)));
                    fs.add(f("msgseg", new Value.Num(MemoryView.u16(b, 28), Value.Radix.DEC)));
                }
                case "SEM" -> {
                    String[] n = {"semmap", "semmni", "semmns", "semmnu", "semmsl", "semopm", "semume", "semusz",
                        "semvmx", "semaem"};
                    for (int i = 0; i < n.length; i++) fs.add(f(n[i], s32(b, 4 * i)));
                }
                default -> {
                    if (cmd == IPC_INFO) {
                        String[] n = {"shmmax", "shmmin", "shmmni", "shmseg", "shmall"};
                        for (int i = 0; i < n.length; i++) fs.add(f(n[i], u64(b, 8 * i)));
                    } else {
                        fs.add(f("used_ids", s32(b, 0)));
                        String[] n = {"shm_tot", "shm_rss", "shm_swp", "swap_attempts", "swap_successes"};
                        for (int i = 0; i < n.length; i++) fs.add(f(n[i], u64(b, 8 + 8 * i)));
                    }
                }
            }
            return new Value.Struct(fs, false);
        }
    }

    static final ConstTable MSG_FLAGS = ConstTable.flags("MSG_???", "MSG_NOERROR MSG_EXCEPT MSG_COPY IPC_NOWAIT");
    /** sizeof(struct msgbuf) of sys/msg.h: long mtype, char mtext[1], padded. */
    private static final int MSGBUF_SIZE = 2 * Long.BYTES;

    /**
     * msgsnd(msqid, msgp, msgsz, msgflg) and msgrcv(msqid, msgp, msgsz, msgtyp, msgflg): the message as
     * {@code {mtype=1, mtext="..."}} (strace's tprint_msgbuf: msgsz bytes of text), msgrcv's after the call.
     */
    static final class MsgBuffer implements CallFormat {
        private final boolean receive;

        MsgBuffer(boolean receive) {
            this.receive = receive;
        }

        private static void capture(long[] args, TraceeMemory mem, DecodeOptions opt) {
            long a = args[1];
            if (a == 0) return;
            mem.bytes(a, MSGBUF_SIZE);
            long n = Math.min(Math.max(args[2], 0), opt.bufferCaptureLimit());
            if (n > 0) mem.bytes(a + Long.BYTES, (int) n);
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (!receive) capture(args, mem, opt);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (receive) capture(args, mem, opt);
        }

        private static Value msg(CallContext c, dev.jstrace.proc.Snapshot mem, long a, long count) {
            byte[] b = MemoryView.struct(mem, a, MSGBUF_SIZE);
            if (b == null) return new Value.Ptr(a);
            return new Value.Struct(List.of(f("mtype", new Value.Num(MemoryView.u64(b, 0), Value.Radix.DEC)),
                    f("mtext", c.buffer(mem, a + Long.BYTES, count, false))), false);
        }

        @Override
        public Decoded decode(CallContext c) {
            long a = c.arg(1), count = c.arg(2);
            List<Value> out = new ArrayList<>(5);
            out.add(new Value.Num((int) c.arg(0), Value.Radix.DEC));
            if (!receive) {
                out.add(msg(c, c.in, a, count));
                out.add(new Value.Num(count, Value.Radix.UDEC));
                out.add(MSG_FLAGS.sym(c.arg(3) & 0xffffffffL));
                return Decoded.atEntry(out);
            }
            out.add(c.succeeded() ? msg(c, c.out, a, count) : new Value.Ptr(a));
            out.add(new Value.Num(count, Value.Radix.UDEC));
            out.add(new Value.Num(c.arg(3), Value.Radix.DEC));
            out.add(MSG_FLAGS.sym(c.arg(4)));
            return new Decoded(out, 1, null);
        }
    }

    /** semtimedop(semid, sops, nsops, timeout): semop's arguments, then the timespec. */
    static final class Semtimedop implements CallFormat {
        private static final CallFormat SEMOP = new IpcFormats.Semop();

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            SEMOP.captureEntry(arch, args, mem, opt);
            if (args[3] != 0) mem.bytes(args[3], (int) StructLayouts.TIMESPEC.byteSize());
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(SEMOP.decode(c).args());
            out.add(ArgDecoder.decode(ArgType.TIMESPEC_IN, 3, c));
            return Decoded.atEntry(out);
        }
    }

    /** strace's print_ipc_perm: IPC_SET prints only what it sets (uid, gid, mode). */
    private static Value perm(byte[] b, boolean set) {
        List<Value.Field> fs = new ArrayList<>(6);
        fs.add(f("uid", ArgDecoder.uid(MemoryView.u32(b, PERM_UID))));
        fs.add(f("gid", ArgDecoder.uid(MemoryView.u32(b, PERM_GID))));
        fs.add(f("mode", new Value.Num(MemoryView.u32(b, PERM_MODE), Value.Radix.OCT)));
        if (!set) {
            fs.add(f("key", new Value.Num(MemoryView.u32(b, PERM_KEY), Value.Radix.DEC)));
            fs.add(f("cuid", ArgDecoder.uid(MemoryView.u32(b, PERM_CUID))));
            fs.add(f("cgid", ArgDecoder.uid(MemoryView.u32(b, PERM_CGID))));
        }
        return new Value.Struct(fs, false);
    }

    private static Value u64(byte[] b, int off) {
        return new Value.Num(MemoryView.u64(b, off), Value.Radix.UDEC);
    }

    private static Value s32(byte[] b, int off) {
        return new Value.Num(MemoryView.s32(b, off), Value.Radix.DEC);
    }
}
