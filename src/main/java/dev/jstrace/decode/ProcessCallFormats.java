package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls about other processes that strace decodes with types of their own: kcmp(2)
 * ({@code KCMP_FILE} and the fds it compares) and process_vm_readv/writev(2) (the
 * pids and counts as numbers, the local iovecs by the local rules).
 */
final class ProcessCallFormats {
    /** enum kcmp_type in linux/kcmp.h: enumerators without values, which the generator does not read. */
    static final ConstTable KCMP_TYPES = ConstTable.enumHex("KCMP_???",
            "KCMP_FILE KCMP_VM KCMP_FILES KCMP_FS KCMP_SIGHAND KCMP_IO KCMP_SYSVSEM KCMP_EPOLL_TFD");

    /** sizeof(struct kcmp_epoll_slot) ({@link CallStructLayouts#KCMP_EPOLL_SLOT}). */
    private static final int EPOLL_SLOT_SIZE = StructLayouts.size(CallStructLayouts.KCMP_EPOLL_SLOT);

    private ProcessCallFormats() {}

    /** get_robust_list(2) (src/get_robust_list.c): the thread at entry, the head and its size at exit. */
    static final class GetRobustList implements CallFormat {
        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (args[1] != 0) mem.bytes(args[1], Long.BYTES);
            if (args[2] != 0) mem.bytes(args[2], Long.BYTES);
        }

        @Override
        public Decoded decode(CallContext c) {
            // strace's printnum_ptr and printnum_ulong: [0x7f...], [24]; the address after an error.
            return new Decoded(List.of(c.pid((int) c.arg(0), PidNamespaces.Kind.TID),
                    wordAt(c, c.arg(1), true), wordAt(c, c.arg(2), false)), 1, null);
        }

        private static Value wordAt(CallContext c, long addr, boolean pointer) {
            if (addr == 0) return new Value.Ptr(0);
            byte[] b = c.succeeded() ? MemoryView.struct(c.out, addr, Long.BYTES) : null;
            if (b == null) return new Value.Ptr(addr);
            long v = MemoryView.u64(b, 0);
            return new Value.Array(List.of(pointer ? new Value.Ptr(v) : new Value.Num(v, Value.Radix.UDEC)), false);
        }
    }

    /** kcmp(2) (src/kcmp.c). */
    static final class Kcmp implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            int type = (int) args[2];
            byte[] slot = null;
            if (type == 7 && args[4] != 0) {
                var r = mem.bytes(args[4], EPOLL_SLOT_SIZE);
                if (r != null && r.data().length == EPOLL_SLOT_SIZE) slot = r.data();
            }
            if (!opt.capturesFdPaths() || (type != 0 && type != 7)) return;
            // strace's printfd_pid_tracee_ns: each fd is one of the compared process's own. The snapshot keeps
            // the tracee's fds, so a path is taken only when that process is the tracee itself.
            int tid = mem.tid();
            boolean first = PidNamespaces.sameProcess(tid, (int) args[0]);
            boolean second = PidNamespaces.sameProcess(tid, (int) args[1]);
            if (first) mem.fdPath((int) args[3]);
            if (type == 0 && second) mem.fdPath((int) args[4]);
            if (slot != null && second) {
                mem.fdPath((int) CallStructLayouts.KCMP_EFD.s(slot));
                mem.fdPath((int) CallStructLayouts.KCMP_TFD.s(slot));
            }
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(5);
            out.add(c.pid((int) c.arg(0), PidNamespaces.Kind.TGID));
            out.add(c.pid((int) c.arg(1), PidNamespaces.Kind.TGID));
            int type = (int) c.arg(2);
            out.add(KCMP_TYPES.sym(type & 0xffffffffL));
            // The fds belong to the two processes compared: with -y a path prints for the tracee's own (the
            // capture took them), decided again here as c.pid translates, through /proc.
            boolean first = c.opt.fdPaths() > 0 && PidNamespaces.sameProcess(c.tid, (int) c.arg(0));
            boolean second = c.opt.fdPaths() > 0 && PidNamespaces.sameProcess(c.tid, (int) c.arg(1));
            switch (type) {
                case 0 -> {
                    out.add(fd(c, (int) c.arg(3), first));
                    out.add(fd(c, (int) c.arg(4), second));
                }
                case 7 -> {
                    out.add(fd(c, (int) c.arg(3), first));
                    byte[] b = MemoryView.struct(c.in, c.arg(4), EPOLL_SLOT_SIZE);
                    if (c.arg(4) == 0) {
                        out.add(new Value.Ptr(0));
                    } else if (b == null) {
                        out.add(new Value.Unreadable(c.arg(4)));
                    } else {
                        out.add(new Value.Struct(List.of(
                                new Value.Field("efd", fd(c, (int) CallStructLayouts.KCMP_EFD.s(b), second)),
                                new Value.Field("tfd", fd(c, (int) CallStructLayouts.KCMP_TFD.s(b), second)),
                                new Value.Field("toff", new Value.Num(CallStructLayouts.KCMP_TOFF.u(b), Value.Radix.DEC))),
                                false));
                    }
                }
                case 1, 2, 3, 4, 5, 6 -> { }
                default -> {
                    out.add(new Value.Num(c.arg(3), Value.Radix.HEX));
                    out.add(new Value.Num(c.arg(4), Value.Radix.HEX));
                }
            }
            return Decoded.atEntry(out);
        }

        /** An fd of a compared process: with its path when that process is the tracee, else the number. */
        private static Value fd(CallContext c, int fd, boolean tracees) {
            String path = tracees ? c.in.fdPath(fd) : null;
            return path == null ? new Value.Num(fd, Value.Radix.DEC) : c.fd(fd);
        }
    }
}
