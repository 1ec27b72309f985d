package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The loop ('L') requests as strace 6.1's src/loop.c prints them: struct loop_info,
 * loop_info64 and loop_config (abbreviated without {@code -v}: the encryption fields only when
 * a cipher is set), the fds, the loop-control numbers. Offsets are LP64's; loop_info's
 * __kernel_old_dev_t is an unsigned long on x86-64 and an unsigned int elsewhere.
 */
final class LoopIoctls implements IoctlFamily {
    private static final long SET_STATUS = IoctlRequests.required("LOOP_SET_STATUS"), GET_STATUS = IoctlRequests.required("LOOP_GET_STATUS"),
            SET_STATUS64 = IoctlRequests.required("LOOP_SET_STATUS64"), GET_STATUS64 = IoctlRequests.required("LOOP_GET_STATUS64"),
            CONFIGURE = IoctlRequests.required("LOOP_CONFIGURE"), SET_FD = IoctlRequests.required("LOOP_SET_FD"), CHANGE_FD = IoctlRequests.required("LOOP_CHANGE_FD"),
            CTL_ADD = IoctlRequests.required("LOOP_CTL_ADD"), CTL_REMOVE = IoctlRequests.required("LOOP_CTL_REMOVE");
    private static final Set<Long> NO_ARG = Set.of(IoctlRequests.required("LOOP_CLR_FD"), IoctlRequests.required("LOOP_SET_CAPACITY"),
            IoctlRequests.required("LOOP_CTL_GET_FREE"));
    private static final Set<Long> UNSIGNED = Set.of(IoctlRequests.required("LOOP_SET_DIRECT_IO"), IoctlRequests.required("LOOP_SET_BLOCK_SIZE"));
    /** sizeof(struct loop_info) (x86-64, others), loop_info64, loop_config; LO_KEY_SIZE, LO_NAME_SIZE. */
    private static final int INFO_X86 = 168, INFO_GENERIC = 160, INFO64 = 232, CONFIG = 304, KEY = 32, NAME = 64;
    /** src/xlat/loop_flags_options.in (LO_FLAGS_USE_AOPS is gone from the headers: strace's value). */
    static final ConstTable FLAGS = ConstTable.flags("LO_FLAGS_???", "LO_FLAGS_READ_ONLY LO_FLAGS_USE_AOPS"
            + " LO_FLAGS_AUTOCLEAR LO_FLAGS_PARTSCAN LO_FLAGS_DIRECT_IO");
    /** src/xlat/loop_crypt_type_options.in. */
    static final ConstTable CRYPT_TYPES = ConstTable.enumHex("LO_CRYPT_???", "LO_CRYPT_NONE LO_CRYPT_XOR"
            + " LO_CRYPT_DES LO_CRYPT_FISH2 LO_CRYPT_BLOW LO_CRYPT_CAST128 LO_CRYPT_IDEA LO_CRYPT_DUMMY"
            + " LO_CRYPT_SKIPJACK LO_CRYPT_CRYPTOAPI");


    @Override
    public boolean decodes(long req) {
        return IoctlRequests.type(req) == 'L' && (req == SET_STATUS || req == GET_STATUS || req == SET_STATUS64
                || req == GET_STATUS64 || req == CONFIGURE || req == SET_FD || req == CHANGE_FD || req == CTL_ADD
                || req == CTL_REMOVE || NO_ARG.contains(req) || UNSIGNED.contains(req));
    }

    @Override
    public boolean printsAtExit(long req) {
        return req == GET_STATUS || req == GET_STATUS64;
    }

    private static int size(long req) {
        if (req == SET_STATUS || req == GET_STATUS) return INFO_X86;
        if (req == SET_STATUS64 || req == GET_STATUS64) return INFO64;
        return req == CONFIGURE ? CONFIG : 0;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if ((req == SET_FD || req == CHANGE_FD) && opt.capturesFdPaths()) mem.fdPath((int) arg);
        if (arg == 0 || printsAtExit(req) || size(req) == 0) return;
        mem.bytes(arg, size(req));
        if (req == CONFIGURE && opt.capturesFdPaths()) {
            Snapshot.Region r = mem.bytes(arg, 4);
            if (r.readable() && r.data().length >= 4) mem.fdPath(MemoryView.s32(r.data(), 0));
        }
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && printsAtExit(req)) mem.bytes(arg, size(req));
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (NO_ARG.contains(req)) return null;
        if (req == SET_FD || req == CHANGE_FD) return c.fd((int) a);
        if (req == CTL_ADD || req == CTL_REMOVE) return new Value.Num((int) a, Value.Radix.DEC);
        if (UNSIGNED.contains(req)) return new Value.Num(a, Value.Radix.UDEC);
        boolean exit = printsAtExit(req);
        if (exit && !c.succeeded()) return new Value.Ptr(a);
        Snapshot mem = exit ? c.out : c.in;
        if (req == SET_STATUS || req == GET_STATUS) {
            boolean x86 = c.arch.statLayout() == Arch.StatLayout.X86_64;
            byte[] b = MemoryView.struct(mem, a, x86 ? INFO_X86 : INFO_GENERIC);
            return b == null ? new Value.Ptr(a) : info(c, b, x86);
        }
        if (req == SET_STATUS64 || req == GET_STATUS64) {
            byte[] b = MemoryView.struct(mem, a, INFO64);
            return b == null ? new Value.Ptr(a) : info64(c, b, 0);
        }
        byte[] b = MemoryView.struct(mem, a, CONFIG);
        if (b == null) return new Value.Ptr(a);
        List<Value.Field> fs = new ArrayList<>(4);
        int fd = MemoryView.s32(b, 0);
        fs.add(f("fd", c.fd(fd)));
        fs.add(f("block_size", new Value.Num(MemoryView.u32(b, 4), Value.Radix.UDEC)));
        fs.add(f("info", info64(c, b, 8)));
        boolean zero = true;
        for (int i = 240; i < CONFIG; i++) zero &= b[i] == 0;
        if (!zero) fs.add(f("__reserved", hexArray(b, 240, 8, 8)));
        return new Value.Struct(fs, false);
    }

    /** struct loop_info; x86-64's device numbers are 8 bytes, shifting every later field. */
    private static Value info(CallContext c, byte[] b, boolean x86) {
        int dev = x86 ? 8 : 4, o = x86 ? 0 : -12;
        boolean full = c.opt.verbose();
        int encType = MemoryView.s32(b, 36 + o);
        List<Value.Field> fs = new ArrayList<>(12);
        fs.add(f("lo_number", new Value.Num(MemoryView.s32(b, 0), Value.Radix.DEC)));
        if (full) {
            fs.add(f("lo_device", StructDecoders.devValue(word(b, dev, dev))));
            fs.add(f("lo_inode", new Value.Num(MemoryView.u64(b, x86 ? 16 : 8), Value.Radix.UDEC)));
            fs.add(f("lo_rdevice", StructDecoders.devValue(word(b, x86 ? 24 : 16, dev))));
        }
        fs.add(f("lo_offset", new Value.Num(MemoryView.u32(b, 32 + o), Value.Radix.HEX)));
        boolean crypt = full || encType != 0;
        if (crypt) {
            fs.add(f("lo_encrypt_type", CRYPT_TYPES.sym(encType & 0xffffffffL)));
            fs.add(f("lo_encrypt_key_size", new Value.Num(MemoryView.u32(b, 40 + o), Value.Radix.UDEC)));
        }
        fs.add(f("lo_flags", FLAGS.sym(MemoryView.u32(b, 44 + o))));
        fs.add(f("lo_name", cstring(b, 48 + o, NAME)));
        if (crypt) {
            int keySize = (int) Math.min(MemoryView.u32(b, 40 + o), KEY);
            fs.add(f("lo_encrypt_key", Value.Str.whole(Arrays.copyOfRange(b, 112 + o, 112 + o + keySize), false)));
        }
        if (!full) return new Value.Struct(fs, true);
        int init = x86 ? 144 : 136;
        fs.add(f("lo_init", hexArray(b, init, 2, 8)));
        fs.add(f("reserved", hexArray(b, init + 16, 4, 1)));
        return new Value.Struct(fs, false);
    }

    /** struct loop_info64 at {@code off}. */
    private static Value info64(CallContext c, byte[] b, int off) {
        boolean full = c.opt.verbose();
        int encType = MemoryView.s32(b, off + 44);
        List<Value.Field> fs = new ArrayList<>(13);
        if (full) {
            fs.add(f("lo_device", StructDecoders.devValue(MemoryView.u64(b, off))));
            fs.add(f("lo_inode", new Value.Num(MemoryView.u64(b, off + 8), Value.Radix.UDEC)));
            fs.add(f("lo_rdevice", StructDecoders.devValue(MemoryView.u64(b, off + 16))));
            fs.add(f("lo_offset", new Value.Num(MemoryView.u64(b, off + 24), Value.Radix.HEX)));
            fs.add(f("lo_sizelimit", new Value.Num(MemoryView.u64(b, off + 32), Value.Radix.UDEC)));
        } else {
            fs.add(f("lo_offset", new Value.Num(MemoryView.u64(b, off + 24), Value.Radix.HEX)));
        }
        fs.add(f("lo_number", new Value.Num(MemoryView.u32(b, off + 40), Value.Radix.UDEC)));
        boolean crypt = full || encType != 0;
        if (crypt) {
            fs.add(f("lo_encrypt_type", CRYPT_TYPES.sym(encType & 0xffffffffL)));
            fs.add(f("lo_encrypt_key_size", new Value.Num(MemoryView.u32(b, off + 48), Value.Radix.UDEC)));
        }
        fs.add(f("lo_flags", FLAGS.sym(MemoryView.u32(b, off + 52))));
        fs.add(f("lo_file_name", cstring(b, off + 56, NAME)));
        if (crypt) {
            fs.add(f("lo_crypt_name", cstring(b, off + 120, NAME)));
            int keySize = (int) Math.min(MemoryView.u32(b, off + 48), KEY);
            fs.add(f("lo_encrypt_key", Value.Str.whole(Arrays.copyOfRange(b, off + 184, off + 184 + keySize), false)));
        }
        if (!full) return new Value.Struct(fs, true);
        fs.add(f("lo_init", hexArray(b, off + 216, 2, 8)));
        return new Value.Struct(fs, false);
    }

    private static long word(byte[] b, int off, int size) {
        return size == 8 ? MemoryView.u64(b, off) : MemoryView.u32(b, off);
    }

    /** PRINT_FIELD_CSTRING: up to the NUL, at most size - 1 bytes; {@code "..."...} when none is there. */
    static Value cstring(byte[] b, int off, int size) {
        for (int i = off; i < off + size; i++) {
            if (b[i] == 0) return Value.Str.whole(Arrays.copyOfRange(b, off, i), false);
        }
        return Value.Str.whole(Arrays.copyOfRange(b, off, off + size - 1), true);
    }

    /** PRINT_FIELD_X_ARRAY: {@code [0x1, 0]}. */
    static Value hexArray(byte[] b, int off, int n, int size) {
        List<Value> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int o = off + i * size;
            long v = size == 8 ? MemoryView.u64(b, o) : size == 4 ? MemoryView.u32(b, o)
                    : size == 2 ? MemoryView.u16(b, o) : b[o] & 0xff;
            items.add(new Value.Num(v, Value.Radix.HEX));
        }
        return new Value.Array(items, false);
    }

    private static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }
}
