package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * add_key(2) and request_key(2) (src/keyctl.c: strings, the payload as a buffer, the
 * keyring by its KEY_SPEC_* name) and the POSIX message queue calls (src/mq.c,
 * src/print_mq_attr.c: mq_open's flags, mode and struct mq_attr, mq_timedsend's and
 * mq_timedreceive's message, mq_getsetattr's two attribute structs).
 */
final class KeyAndQueueFormats {
    /** printxval_d with no default: an unknown serial prints as the number alone. */
    static final ConstTable KEY_SPEC = ConstTable.enumDec(null, """
            KEY_SPEC_THREAD_KEYRING KEY_SPEC_PROCESS_KEYRING KEY_SPEC_SESSION_KEYRING KEY_SPEC_USER_KEYRING
            KEY_SPEC_USER_SESSION_KEYRING KEY_SPEC_GROUP_KEYRING KEY_SPEC_REQKEY_AUTH_KEY
            KEY_SPEC_REQUESTOR_KEYRING""");
    /** strace's mq_attr_flags: O_NONBLOCK only. */
    static final ConstTable MQ_FLAGS = ConstTable.flags("O_???", "O_NONBLOCK");
    /** sizeof(struct mq_attr) ({@link CallStructLayouts#MQ_ATTR}). */
    static final int MQ_ATTR_SIZE = StructLayouts.size(CallStructLayouts.MQ_ATTR);
    private static final long O_CREAT = HeaderValues.common("O_CREAT");

    private KeyAndQueueFormats() {}

    private static void str(TraceeMemory mem, long a, int limit) {
        if (a != 0) mem.string(a, limit);
    }

    private static void bytes(TraceeMemory mem, long a, long n) {
        if (a != 0 && n > 0) mem.bytes(a, (int) Math.min(n, Integer.MAX_VALUE));
    }

    /**
     * strace's printstr/printpath: a string whose read ran into unreadable memory before its NUL
     * (fewer bytes than asked for, no terminator) prints as its address.
     */
    static Value string(CallContext c, long addr, boolean path) {
        if (addr == 0) return new Value.Ptr(0);
        dev.jstrace.proc.Snapshot.Region r = c.in.find(addr, dev.jstrace.proc.Snapshot.Kind.STRING);
        int asked = path ? CapturePlan.PATH_MAX : c.opt.stringLimit() + 1;
        if (r != null && r.readable() && !r.complete() && r.data().length < asked) return new Value.Unreadable(addr);
        return c.string(c.in, addr, path);
    }

    static Value keyring(long id) {
        return KEY_SPEC.sym((int) id);
    }

    /** add_key(type, description, payload, plen, keyring). */
    static final class AddKey implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            str(mem, args[0], opt.stringLimit() + 1);
            str(mem, args[1], opt.stringLimit() + 1);
            bytes(mem, args[2], Math.min(args[3], opt.bufferCaptureLimit()));
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(string(c, c.arg(0), false), string(c, c.arg(1), false),
                    c.buffer(c.in, c.arg(2), c.arg(3), false), new Value.Num(c.arg(3), Value.Radix.UDEC),
                    keyring(c.arg(4))));
        }
    }

    /** request_key(type, description, callout_info, keyring). */
    static final class RequestKey implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            for (int i = 0; i < 3; i++) str(mem, args[i], opt.stringLimit() + 1);
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(string(c, c.arg(0), false), string(c, c.arg(1), false),
                    string(c, c.arg(2), false), keyring(c.arg(3))));
        }
    }

    /** struct mq_attr: {@code {mq_flags=O_NONBLOCK, mq_maxmsg=10, mq_msgsize=8192, mq_curmsgs=0}}. */
    static Value mqAttr(dev.jstrace.proc.Snapshot mem, long a, boolean flagNames) {
        if (a == 0) return new Value.Ptr(0);
        byte[] b = MemoryView.struct(mem, a, MQ_ATTR_SIZE);
        if (b == null) return new Value.Unreadable(a);
        long flags = CallStructLayouts.MQ_FLAGS.u(b);
        return new Value.Struct(List.of(
                new Value.Field("mq_flags", flagNames ? MQ_FLAGS.sym(flags) : new Value.Num(flags, Value.Radix.HEX)),
                new Value.Field("mq_maxmsg", new Value.Num(CallStructLayouts.MQ_MAXMSG.s(b), Value.Radix.DEC)),
                new Value.Field("mq_msgsize", new Value.Num(CallStructLayouts.MQ_MSGSIZE.s(b), Value.Radix.DEC)),
                new Value.Field("mq_curmsgs", new Value.Num(CallStructLayouts.MQ_CURMSGS.s(b), Value.Radix.DEC))),
                false);
    }

    /** mq_open(name, oflag, mode, attr): mode and attr only with O_CREAT. */
    static final class MqOpen implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            str(mem, args[0], CapturePlan.PATH_MAX);
            if ((args[1] & O_CREAT) != 0) bytes(mem, args[3], MQ_ATTR_SIZE);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            if (opt.capturesFdPaths()) mem.fdPath((int) rval);
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(4);
            out.add(string(c, c.arg(0), true));
            out.add(ArgDecoder.openFlags(c, c.arg(1)));
            if ((c.arg(1) & O_CREAT) != 0) {
                // print_numeric_umode_t: the mode is a umode_t (unsigned short).
                out.add(new Value.Num(c.arg(2) & 0xffff, Value.Radix.OCT));
                out.add(mqAttr(c.in, c.arg(3), false));
            }
            String result = c.succeeded() ? c.text(c.fdAtExit((int) c.rval)) : null;
            return new Decoded(out, out.size(), result);
        }
    }

    /** mq_unlink(name). */
    static final class MqUnlink implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            str(mem, args[0], CapturePlan.PATH_MAX);
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(string(c, c.arg(0), true)));
        }
    }

    /** mq_getsetattr(mqdes, newattr, oldattr). */
    static final class MqGetSetAttr implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (opt.capturesFdPaths()) mem.fdPath((int) args[0]);
            bytes(mem, args[1], MQ_ATTR_SIZE);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            bytes(mem, args[2], MQ_ATTR_SIZE);
        }

        @Override
        public Decoded decode(CallContext c) {
            Value old = c.succeeded() ? mqAttr(c.out, c.arg(2), true) : new Value.Ptr(c.arg(2));
            return new Decoded(List.of(c.fd((int) c.arg(0)), mqAttr(c.in, c.arg(1), true), old), 2, null);
        }
    }

    /** mq_timedsend(mqdes, msg, len, prio, abs_timeout). */
    static final class MqTimedSend implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (opt.capturesFdPaths()) mem.fdPath((int) args[0]);
            bytes(mem, args[1], Math.min(args[2], opt.bufferCaptureLimit()));
            bytes(mem, args[4], StructLayouts.TIMESPEC.byteSize());
        }

        @Override
        public Decoded decode(CallContext c) {
            return Decoded.atEntry(List.of(c.fd((int) c.arg(0)), c.buffer(c.in, c.arg(1), c.arg(2), false),
                    new Value.Num(c.arg(2), Value.Radix.UDEC), new Value.Num(c.arg(3) & 0xffffffffL, Value.Radix.DEC),
                    StructDecoders.timespec(c.in, c.arg(4))));
        }
    }

    /** mq_timedreceive(mqdes, msg, len, prio, abs_timeout): all but the descriptor at exit. */
    static final class MqTimedReceive implements CallFormat {
        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (opt.capturesFdPaths()) mem.fdPath((int) args[0]);
            bytes(mem, args[4], StructLayouts.TIMESPEC.byteSize());
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            bytes(mem, args[1], Math.min(rval, opt.bufferCaptureLimit()));
            bytes(mem, args[3], 4);
        }

        @Override
        public Decoded decode(CallContext c) {
            List<Value> out = new ArrayList<>(5);
            out.add(c.fd((int) c.arg(0)));
            boolean ok = c.succeeded();
            out.add(ok ? c.buffer(c.out, c.arg(1), c.rval, false) : new Value.Ptr(c.arg(1)));
            out.add(new Value.Num(c.arg(2), Value.Radix.UDEC));
            out.add(ok ? PointerOutFormats.uintAt(c, c.arg(3)) : new Value.Ptr(c.arg(3)));
            // The kernel reads the timeout at entry: it prints the same whether the call failed or not.
            out.add(StructDecoders.timespec(c.in, c.arg(4)));
            return new Decoded(out, 1, null);
        }
    }
}
