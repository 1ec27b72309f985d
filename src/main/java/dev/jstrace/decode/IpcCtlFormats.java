package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
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

    private static final Member PERM_KEY = Member.of(IpcLayouts.IPC_PERM, "__key"),
            PERM_UID = Member.of(IpcLayouts.IPC_PERM, "uid"), PERM_GID = Member.of(IpcLayouts.IPC_PERM, "gid"),
            PERM_CUID = Member.of(IpcLayouts.IPC_PERM, "cuid"), PERM_CGID = Member.of(IpcLayouts.IPC_PERM, "cgid"),
            PERM_MODE = Member.of(IpcLayouts.IPC_PERM, "mode");
    private static final Member MTYPE = Member.of(IpcLayouts.MSGBUF, "mtype"),
            MTEXT = Member.of(IpcLayouts.MSGBUF, "mtext");
    private static final int MSGBUF_SIZE = StructLayouts.size(IpcLayouts.MSGBUF);

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

        private StructLayout ds(Arch arch) {
            return switch (family) {
                case "MSG" -> IpcLayouts.MSQID_DS;
                case "SEM" -> IpcLayouts.semidDs(arch);
                default -> IpcLayouts.SHMID_DS;
            };
        }

        private StructLayout info(long cmd) {
            return switch (family) {
                case "MSG" -> IpcLayouts.MSGINFO;
                case "SEM" -> IpcLayouts.SEMINFO;
                default -> cmd == IPC_INFO ? IpcLayouts.SHMINFO : IpcLayouts.SHM_INFO;
            };
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (cmd(args) == IPC_SET && args[bufArg] != 0) mem.bytes(args[bufArg], StructLayouts.size(ds(arch)));
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            long cmd = cmd(args);
            long a = args[bufArg];
            if (a == 0) return;
            if (writesDs(cmd)) mem.bytes(a, StructLayouts.size(ds(arch)));
            else if (writesInfo(cmd)) mem.bytes(a, StructLayouts.size(info(cmd)));
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
            StructLayout l = ds(c.arch);
            byte[] b = MemoryView.struct(mem, a, StructLayouts.size(l));
            if (b == null) return new Value.Ptr(a);
            boolean set = cmd == IPC_SET;
            List<Value.Field> fs = new ArrayList<>(10);
            String p = family.toLowerCase(java.util.Locale.ROOT);
            fs.add(f(p + "_perm", perm(b, Member.of(l, p + "_perm").offset(), set)));
            switch (family) {
                case "MSG" -> {
                    if (!set) udec(fs, b, l, "msg_stime", "msg_rtime", "msg_ctime", "msg_qnum");
                    udec(fs, b, l, "msg_qbytes");
                    if (!set) pids(c, fs, b, l, "msg_lspid", "msg_lrpid");
                }
                case "SEM" -> {
                    if (!set) udec(fs, b, l, "sem_otime", "sem_ctime", "sem_nsems");
                }
                default -> {
                    if (!set) {
                        udec(fs, b, l, "shm_segsz");
                        pids(c, fs, b, l, "shm_cpid", "shm_lpid");
                        udec(fs, b, l, "shm_nattch", "shm_atime", "shm_dtime", "shm_ctime");
                    }
                }
            }
            return new Value.Struct(fs, false);
        }

        private Value info(CallContext c, long a, long cmd) {
            StructLayout l = info(cmd);
            byte[] b = MemoryView.struct(c.out, a, StructLayouts.size(l));
            if (b == null) return new Value.Ptr(a);
            List<Value.Field> fs = new ArrayList<>(10);
            switch (family) {
                case "MSG" -> dec(fs, b, l, "msgpool", "msgmap", "msgmax", "msgmnb", "msgmni", "msgssz", "msgtql",
                        "msgseg");
                case "SEM" -> dec(fs, b, l, "semmap", "semmni", "semmns", "semmnu", "semmsl", "semopm", "semume",
                        "semusz", "semvmx", "semaem");
                default -> {
                    if (cmd == IPC_INFO) {
                        udec(fs, b, l, "shmmax", "shmmin", "shmmni", "shmseg", "shmall");
                    } else {
                        dec(fs, b, l, "used_ids");
                        udec(fs, b, l, "shm_tot", "shm_rss", "shm_swp", "swap_attempts", "swap_successes");
                    }
                }
            }
            return new Value.Struct(fs, false);
        }
    }

    /** Adds each named member of {@code l} unsigned. */
    private static void udec(List<Value.Field> fs, byte[] b, StructLayout l, String... names) {
        for (String n : names) fs.add(f(n, new Value.Num(Member.of(l, n).u(b), Value.Radix.UDEC)));
    }

    /** Adds each named member of {@code l} signed (msginfo's unsigned short msgseg is zero-extended). */
    private static void dec(List<Value.Field> fs, byte[] b, StructLayout l, String... names) {
        for (String n : names) {
            Member m = Member.of(l, n);
            fs.add(f(n, new Value.Num(m.size() == Short.BYTES ? m.u(b) : m.s(b), Value.Radix.DEC)));
        }
    }

    /** Adds each named pid member of {@code l} as a process id. */
    private static void pids(CallContext c, List<Value.Field> fs, byte[] b, StructLayout l, String... names) {
        for (String n : names) fs.add(f(n, c.pid((int) Member.of(l, n).s(b), PidNamespaces.Kind.TGID)));
    }

    static final ConstTable MSG_FLAGS = ConstTable.flags("MSG_???", "MSG_NOERROR MSG_EXCEPT MSG_COPY IPC_NOWAIT");

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
            if (n > 0) mem.bytes(a + MTEXT.offset(), (int) n);
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
            return new Value.Struct(List.of(f("mtype", new Value.Num(MTYPE.s(b), Value.Radix.DEC)),
                    f("mtext", c.buffer(mem, a + MTEXT.offset(), count, false))), false);
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

    /** strace's print_ipc_perm of the ipc_perm at {@code off}: IPC_SET prints only what it sets (uid, gid, mode). */
    private static Value perm(byte[] b, int off, boolean set) {
        List<Value.Field> fs = new ArrayList<>(6);
        fs.add(f("uid", ArgDecoder.uid(PERM_UID.u(b, off))));
        fs.add(f("gid", ArgDecoder.uid(PERM_GID.u(b, off))));
        fs.add(f("mode", new Value.Num(PERM_MODE.u(b, off), Value.Radix.OCT)));
        if (!set) {
            fs.add(f("key", new Value.Num(PERM_KEY.u(b, off), Value.Radix.DEC)));
            fs.add(f("cuid", ArgDecoder.uid(PERM_CUID.u(b, off))));
            fs.add(f("cgid", ArgDecoder.uid(PERM_CGID.u(b, off))));
        }
        return new Value.Struct(fs, false);
    }
}
