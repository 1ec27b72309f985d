package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
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
    /** {@code struct loop_info} (linux/loop.h) where __kernel_old_dev_t is an unsigned long (x86-64). */
    static final StructLayout LOOP_INFO_X86_64 = loopInfo(JAVA_LONG);
    /** {@code struct loop_info} where __kernel_old_dev_t is an unsigned int (asm-generic/posix_types.h). */
    static final StructLayout LOOP_INFO_GENERIC = loopInfo(JAVA_INT);
    /** {@code struct loop_info64}. */
    static final StructLayout LOOP_INFO64 = structLayout(JAVA_LONG.withName("lo_device"), JAVA_LONG.withName("lo_inode"),
            JAVA_LONG.withName("lo_rdevice"), JAVA_LONG.withName("lo_offset"), JAVA_LONG.withName("lo_sizelimit"),
            JAVA_INT.withName("lo_number"), JAVA_INT.withName("lo_encrypt_type"),
            JAVA_INT.withName("lo_encrypt_key_size"), JAVA_INT.withName("lo_flags"),
            sequenceLayout(64, JAVA_BYTE).withName("lo_file_name"), sequenceLayout(64, JAVA_BYTE).withName("lo_crypt_name"),
            sequenceLayout(32, JAVA_BYTE).withName("lo_encrypt_key"), sequenceLayout(2, JAVA_LONG).withName("lo_init"))
            .withName("struct loop_info64");
    /** {@code struct loop_config}: LOOP_CONFIGURE's fd, block size and loop_info64. */
    static final StructLayout LOOP_CONFIG = structLayout(JAVA_INT.withName("fd"), JAVA_INT.withName("block_size"),
            LOOP_INFO64.withName("info"), sequenceLayout(8, JAVA_LONG).withName("__reserved"))
            .withName("struct loop_config");
    /** What is copied for loop_info (the capture does not know the arch): the larger of the two. */
    private static final int INFO_CAPTURE = (int) Math.max(LOOP_INFO_X86_64.byteSize(), LOOP_INFO_GENERIC.byteSize());
    private static final int INFO64 = StructLayouts.size(LOOP_INFO64),
            CONFIG = StructLayouts.size(LOOP_CONFIG);
    private static final Member CONFIG_FD = Member.of(LOOP_CONFIG, "fd"),
            CONFIG_BLOCK_SIZE = Member.of(LOOP_CONFIG, "block_size"), CONFIG_INFO = Member.of(LOOP_CONFIG, "info"),
            CONFIG_RESERVED = Member.of(LOOP_CONFIG, "__reserved");
    /** src/xlat/loop_flags_options.in (LO_FLAGS_USE_AOPS is gone from the headers: strace's value). */
    static final ConstTable FLAGS = ConstTable.flags("LO_FLAGS_???", "LO_FLAGS_READ_ONLY LO_FLAGS_USE_AOPS"
            + " LO_FLAGS_AUTOCLEAR LO_FLAGS_PARTSCAN LO_FLAGS_DIRECT_IO");
    /** src/xlat/loop_crypt_type_options.in. */
    static final ConstTable CRYPT_TYPES = ConstTable.enumHex("LO_CRYPT_???", "LO_CRYPT_NONE LO_CRYPT_XOR"
            + " LO_CRYPT_DES LO_CRYPT_FISH2 LO_CRYPT_BLOW LO_CRYPT_CAST128 LO_CRYPT_IDEA LO_CRYPT_DUMMY"
            + " LO_CRYPT_SKIPJACK LO_CRYPT_CRYPTOAPI");


    /** struct loop_info with {@code dev} as __kernel_old_dev_t, padded where C aligns the longs after it. */
    private static StructLayout loopInfo(ValueLayout dev) {
        List<MemoryLayout> m = new ArrayList<>();
        m.add(JAVA_INT.withName("lo_number"));
        if (dev.byteSize() > JAVA_INT.byteSize()) m.add(paddingLayout(dev.byteSize() - JAVA_INT.byteSize()));
        m.addAll(List.of(dev.withName("lo_device"), JAVA_LONG.withName("lo_inode"), dev.withName("lo_rdevice"),
                JAVA_INT.withName("lo_offset"), JAVA_INT.withName("lo_encrypt_type"),
                JAVA_INT.withName("lo_encrypt_key_size"), JAVA_INT.withName("lo_flags"),
                sequenceLayout(64, JAVA_BYTE).withName("lo_name"), sequenceLayout(32, JAVA_BYTE).withName("lo_encrypt_key")));
        long at = m.stream().mapToLong(MemoryLayout::byteSize).sum();
        if (at % Long.BYTES != 0) m.add(paddingLayout(Long.BYTES - at % Long.BYTES));
        m.addAll(List.of(sequenceLayout(2, JAVA_LONG).withName("lo_init"),
                sequenceLayout(4, JAVA_BYTE).withName("reserved"), paddingLayout(4)));
        return structLayout(m.toArray(MemoryLayout[]::new)).withName("struct loop_info");
    }

    /** {@return struct loop_info on {@code arch}: its __kernel_old_dev_t is the stat ABI's} */
    static StructLayout loopInfo(Arch arch) {
        return switch (arch.statLayout()) {
            case X86_64 -> LOOP_INFO_X86_64;
            case ASM_GENERIC -> LOOP_INFO_GENERIC;
        };
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        String h = "#include <linux/loop.h>\n";
        return List.of(new CallStructLayouts.Declared(LoopIoctls::loopInfo, h),
                new CallStructLayouts.Declared(LOOP_INFO64, h), new CallStructLayouts.Declared(LOOP_CONFIG, h));
    }

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
        if (req == SET_STATUS || req == GET_STATUS) return INFO_CAPTURE;
        if (req == SET_STATUS64 || req == GET_STATUS64) return INFO64;
        return req == CONFIGURE ? CONFIG : 0;
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if ((req == SET_FD || req == CHANGE_FD) && opt.capturesFdPaths()) mem.fdPath((int) arg);
        if (arg == 0 || printsAtExit(req) || size(req) == 0) return;
        mem.bytes(arg, size(req));
        if (req == CONFIGURE && opt.capturesFdPaths()) {
            Snapshot.Region r = mem.bytes(arg, CONFIG_FD.end());
            if (r.readable() && r.data().length >= CONFIG_FD.end()) mem.fdPath((int) CONFIG_FD.s(r.data()));
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
            StructLayout l = loopInfo(c.arch);
            byte[] b = MemoryView.struct(mem, a, StructLayouts.size(l));
            return b == null ? new Value.Ptr(a) : info(c, b, l);
        }
        if (req == SET_STATUS64 || req == GET_STATUS64) {
            byte[] b = MemoryView.struct(mem, a, INFO64);
            return b == null ? new Value.Ptr(a) : info64(c, b, 0);
        }
        byte[] b = MemoryView.struct(mem, a, CONFIG);
        if (b == null) return new Value.Ptr(a);
        List<Value.Field> fs = new ArrayList<>(4);
        fs.add(f("fd", c.fd((int) CONFIG_FD.s(b))));
        fs.add(IoctlFields.u("block_size", b, CONFIG_BLOCK_SIZE));
        fs.add(f("info", info64(c, b, CONFIG_INFO.offset())));
        if (!IoctlFields.zero(b, CONFIG_RESERVED.offset(), CONFIG_RESERVED.size())) {
            fs.add(f("__reserved", hexArray(b, CONFIG_RESERVED.offset(), CONFIG_RESERVED.size() / Long.BYTES,
                    Long.BYTES)));
        }
        return new Value.Struct(fs, false);
    }

    /** struct loop_info as {@code l} (the arch's) lays it out. */
    private static Value info(CallContext c, byte[] b, StructLayout l) {
        boolean full = c.opt.verbose();
        Member keySizeAt = Member.of(l, "lo_encrypt_key_size"), key = Member.of(l, "lo_encrypt_key"),
                init = Member.of(l, "lo_init"), reserved = Member.of(l, "reserved");
        long encType = Member.of(l, "lo_encrypt_type").u(b);
        List<Value.Field> fs = new ArrayList<>(12);
        fs.add(IoctlFields.d("lo_number", b, Member.of(l, "lo_number")));
        if (full) {
            fs.add(f("lo_device", StructDecoders.devValue(Member.of(l, "lo_device").u(b))));
            fs.add(IoctlFields.u("lo_inode", b, Member.of(l, "lo_inode")));
            fs.add(f("lo_rdevice", StructDecoders.devValue(Member.of(l, "lo_rdevice").u(b))));
        }
        fs.add(IoctlFields.x("lo_offset", b, Member.of(l, "lo_offset")));
        boolean crypt = full || encType != 0;
        if (crypt) {
            fs.add(f("lo_encrypt_type", CRYPT_TYPES.sym(encType)));
            fs.add(IoctlFields.u("lo_encrypt_key_size", b, keySizeAt));
        }
        fs.add(IoctlFields.flags("lo_flags", FLAGS, b, Member.of(l, "lo_flags")));
        fs.add(f("lo_name", cstring(b, Member.of(l, "lo_name"))));
        if (crypt) {
            int keySize = (int) Math.min(keySizeAt.u(b), key.size());
            fs.add(f("lo_encrypt_key", Value.Str.whole(Arrays.copyOfRange(b, key.offset(), key.offset() + keySize),
                    false)));
        }
        if (!full) return new Value.Struct(fs, true);
        fs.add(f("lo_init", hexArray(b, init.offset(), init.size() / Long.BYTES, Long.BYTES)));
        fs.add(f("reserved", hexArray(b, reserved.offset(), reserved.size(), 1)));
        return new Value.Struct(fs, false);
    }

    private static Member info64(String name) {
        return Member.of(LOOP_INFO64, name);
    }

    /** struct loop_info64 at {@code off}. */
    private static Value info64(CallContext c, byte[] b, int off) {
        boolean full = c.opt.verbose();
        long encType = info64("lo_encrypt_type").u(b, off), keySizeField = info64("lo_encrypt_key_size").u(b, off);
        List<Value.Field> fs = new ArrayList<>(13);
        Value offset = new Value.Num(info64("lo_offset").u(b, off), Value.Radix.HEX);
        if (full) {
            fs.add(f("lo_device", StructDecoders.devValue(info64("lo_device").u(b, off))));
            fs.add(f("lo_inode", new Value.Num(info64("lo_inode").u(b, off), Value.Radix.UDEC)));
            fs.add(f("lo_rdevice", StructDecoders.devValue(info64("lo_rdevice").u(b, off))));
            fs.add(f("lo_offset", offset));
            fs.add(f("lo_sizelimit", new Value.Num(info64("lo_sizelimit").u(b, off), Value.Radix.UDEC)));
        } else {
            fs.add(f("lo_offset", offset));
        }
        fs.add(f("lo_number", new Value.Num(info64("lo_number").u(b, off), Value.Radix.UDEC)));
        boolean crypt = full || encType != 0;
        if (crypt) {
            fs.add(f("lo_encrypt_type", CRYPT_TYPES.sym(encType)));
            fs.add(f("lo_encrypt_key_size", new Value.Num(keySizeField, Value.Radix.UDEC)));
        }
        fs.add(f("lo_flags", FLAGS.sym(info64("lo_flags").u(b, off))));
        Member name = info64("lo_file_name"), crypt64 = info64("lo_crypt_name"), key = info64("lo_encrypt_key");
        fs.add(f("lo_file_name", cstring(b, off + name.offset(), name.size())));
        if (crypt) {
            fs.add(f("lo_crypt_name", cstring(b, off + crypt64.offset(), crypt64.size())));
            int keySize = (int) Math.min(keySizeField, key.size()), k = off + key.offset();
            fs.add(f("lo_encrypt_key", Value.Str.whole(Arrays.copyOfRange(b, k, k + keySize), false)));
        }
        if (!full) return new Value.Struct(fs, true);
        Member init = info64("lo_init");
        fs.add(f("lo_init", hexArray(b, off + init.offset(), init.size() / Long.BYTES, Long.BYTES)));
        return new Value.Struct(fs, false);
    }

    /** PRINT_FIELD_CSTRING of the char array member {@code m}. */
    static Value cstring(byte[] b, Member m) {
        return cstring(b, m.offset(), m.size());
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
