package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The System V IPC calls that take no control struct (src/ipc_msg.c, ipc_sem.c, ipc_shm.c):
 * msgget/semget/shmget (the key, {@code IPC_CREAT|IPC_EXCL|0600}), shmat/shmdt (SHM_* flags,
 * the mapped address in hex) and semop (the sembuf array).
 */
final class IpcFormats {
    /** IPC_PRIVATE is {@code ((__kernel_key_t) 0)}, which the generator does not evaluate. */
    static final ConstTable KEY = ConstTable.enumHex(null, "IPC_PRIVATE");
    static final ConstTable RESOURCE_FLAGS = ConstTable.flags(null, "IPC_CREAT IPC_EXCL IPC_NOWAIT");
    static final ConstTable SHM_RESOURCE_FLAGS = ConstTable.flags(null, "IPC_CREAT IPC_EXCL SHM_HUGETLB SHM_NORESERVE");
    static final ConstTable SHM_FLAGS = ConstTable.flags("SHM_???", "SHM_RDONLY SHM_RND SHM_REMAP SHM_EXEC");
    static final ConstTable SEMOP_FLAGS = ConstTable.flags("SEM_???", "SEM_UNDO IPC_NOWAIT");
    /** sizeof(struct sembuf) ({@link CallStructLayouts#SEMBUF}). */
    static final int SEMBUF_SIZE = StructLayouts.size(CallStructLayouts.SEMBUF);
    private static final int SHM_HUGE_SHIFT = 26, SHM_HUGE_MASK = 0x3f;

    private IpcFormats() {}

    /** {@code IPC_CREAT|IPC_EXCL|0600}: printflags with no default, then the permission bits. */
    static Value flagsAndMode(CallContext c, ConstTable t, long flags, long mode, long huge) {
        StringBuilder sb = new StringBuilder();
        boolean printed = printflags(c, sb, t, flags);
        if (huge != 0) {
            if (printed) sb.append('|');
            sb.append(huge >>> SHM_HUGE_SHIFT).append("<<").append(c.text(Value.Sym.of(SHM_HUGE_SHIFT, "SHM_HUGE_SHIFT")));
            printed = true;
        }
        if (printed) sb.append('|');
        sb.append(c.text(new Value.Num(mode, Value.Radix.OCT)));
        return new Value.Text(sb.toString());
    }

    /** strace's printflags_ex with a NULL default; true when it printed names (it returns their count). */
    private static boolean printflags(CallContext c, StringBuilder sb, ConstTable t, long flags) {
        if (flags == 0) return false;
        String hex = "0x" + Long.toHexString(flags);
        Value.Sym s = t.sym(flags);
        switch (c.opt.xlat()) {
            case RAW -> {
                sb.append(hex);
                return true;
            }
            case VERBOSE -> {
                sb.append(hex);
                if (s.names().isEmpty()) return false;
                sb.append(" /* ").append(names(s)).append(" */");
                return true;
            }
            case ABBREV -> {
                if (s.names().isEmpty()) {
                    sb.append(hex);
                    return false;
                }
                sb.append(names(s));
                return true;
            }
        }
        return false;
    }

    private static String names(Value.Sym s) {
        return String.join("|", s.names()) + (s.rest() != 0 ? "|0x" + Long.toHexString(s.rest()) : "");
    }

    private static Value key(CallContext c) {
        return KEY.sym(c.arg(0) & 0xffffffffL);
    }

    /** msgget(key, msgflg). */
    static final class Msgget implements CallFormat {
        @Override
        public Decoded decode(CallContext c) {
            long f = c.arg(1);
            return Decoded.atEntry(List.of(key(c), flagsAndMode(c, RESOURCE_FLAGS, f & ~0777L & 0xffffffffL, f & 0777, 0)));
        }
    }

    /** semget(key, nsems, semflg). */
    static final class Semget implements CallFormat {
        @Override
        public Decoded decode(CallContext c) {
            long f = c.arg(2);
            return Decoded.atEntry(List.of(key(c), new Value.Num((int) c.arg(1), Value.Radix.DEC),
                    flagsAndMode(c, RESOURCE_FLAGS, f & ~0777L & 0xffffffffL, f & 0777, 0)));
        }
    }

    /** shmget(key, size, shmflg): the huge page size as {@code 21<<SHM_HUGE_SHIFT}. */
    static final class Shmget implements CallFormat {
        @Override
        public Decoded decode(CallContext c) {
            long f = c.arg(2) & 0xffffffffL;
            long flags = f & ~0777L;
            long mask = (long) SHM_HUGE_MASK << SHM_HUGE_SHIFT;
            long huge = flags & mask;
            flags &= ~mask;
            // strace's shmget, unlike msgget/semget, joins the parts by whether they are non-zero, not by
            // whether printflags named anything: 0x2ce0000|0125.
            StringBuilder sb = new StringBuilder();
            if (flags != 0 || huge == 0) printflags(c, sb, SHM_RESOURCE_FLAGS, flags);
            if (huge != 0) {
                if (flags != 0) sb.append('|');
                sb.append(huge >>> SHM_HUGE_SHIFT).append("<<")
                        .append(c.text(Value.Sym.of(SHM_HUGE_SHIFT, "SHM_HUGE_SHIFT")));
            }
            if (flags != 0 || huge != 0) sb.append('|');
            sb.append(c.text(new Value.Num(f & 0777, Value.Radix.OCT)));
            return Decoded.atEntry(List.of(key(c), new Value.Num(c.arg(1), Value.Radix.UDEC),
                    new Value.Text(sb.toString())));
        }
    }

    /** shmat(shmid, shmaddr, shmflg): the result is an address. */
    static final class Shmat implements CallFormat {
        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = List.of(new Value.Num((int) c.arg(0), Value.Radix.DEC), new Value.Ptr(c.arg(1)),
                    SHM_FLAGS.sym(c.arg(2) & 0xffffffffL));
            return new Decoded(out, out.size(), c.succeeded() ? "0x" + Long.toHexString(c.rval) : null);
        }
    }

    /** shmdt(shmaddr). */
    static final class Shmdt implements CallFormat {
        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(new Value.Ptr(c.arg(0))));
        }
    }

    /** semop(semid, sops, nsops). */
    static final class Semop implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            long n = Math.min(args[2] & 0xffffffffL, opt.verbose() ? 1024 : opt.stringLimit() + 1L);
            if (args[1] != 0 && n > 0) mem.bytes(args[1], (int) (n * SEMBUF_SIZE));
        }

        @Override
        public Decoded decode(CallContext c) {
            long count = c.arg(2) & 0xffffffffL;
            return Decoded.atEntry(List.of(new Value.Num((int) c.arg(0), Value.Radix.DEC), sembufs(c, c.arg(1), count),
                    new Value.Num(count, Value.Radix.DEC)));
        }

        /** strace's print_array: elements up to {@code -s}, {@code ... /* addr * /} where reading stopped. */
        private static Value sembufs(CallContext c, long addr, long count) {
            if (addr == 0) return new Value.Ptr(0);
            if (count == 0) return new Value.Text("[]");
            dev.jstrace.proc.Snapshot.Region r = c.in.find(addr, dev.jstrace.proc.Snapshot.Kind.BYTES);
            byte[] b = r == null || !r.readable() ? new byte[0] : r.data();
            int max = c.opt.verbose() ? 1024 : c.opt.stringLimit();
            List<String> items = new ArrayList<>();
            long i = 0;
            for (; i < count && i < max; i++) {
                int off = (int) (i * SEMBUF_SIZE);
                if (off + SEMBUF_SIZE > b.length) break;
                Value.Struct s = new Value.Struct(List.of(
                        new Value.Field("sem_num", new Value.Num(CallStructLayouts.SEM_NUM.u(b, off), Value.Radix.DEC)),
                        new Value.Field("sem_op", new Value.Num(CallStructLayouts.SEM_OP.s(b, off), Value.Radix.DEC)),
                        new Value.Field("sem_flg", SEMOP_FLAGS.sym(CallStructLayouts.SEM_FLG.u(b, off)))), false);
                items.add(c.text(s));
            }
            if (i == 0 && i < count) return new Value.Unreadable(addr);
            String tail = "";
            if (i < count) {
                tail = i < max ? ", ... /* 0x" + Long.toHexString(addr + i * SEMBUF_SIZE) + " */" : ", ...";
            }
            return new Value.Text("[" + String.join(", ", items) + tail + "]");
        }
    }
}
