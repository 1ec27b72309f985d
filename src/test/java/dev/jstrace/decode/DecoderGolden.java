package dev.jstrace.decode;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.RawEvent;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The harness of a decoder's golden test: a tracee memory image, the real
 * {@link CapturePlan} run against it at entry and at exit (so a decoder whose
 * capture misses a byte it reads fails here, as it would on a real tracee),
 * then the {@link SyscallDecoder}'s strace line. Expected lines are copied
 * from what strace 6.1 printed for the same call.
 */
final class DecoderGolden {
    private final TreeMap<Long, byte[]> image = new TreeMap<>();

    /** {@return a little-endian buffer of {@code size} zero bytes to lay a struct out in} */
    static ByteBuffer struct(long size) {
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@return {@code b} with member {@code path} of {@code layout} set to {@code v}, at its declared offset and width} */
    static ByteBuffer set(ByteBuffer b, java.lang.foreign.StructLayout layout, String path, long v) {
        var m = StructLayouts.Member.of(layout, path);
        switch (m.size()) {
            case 1 -> b.put(m.offset(), (byte) v);
            case 2 -> b.putShort(m.offset(), (short) v);
            case 4 -> b.putInt(m.offset(), (int) v);
            case 8 -> b.putLong(m.offset(), v);
            default -> throw new IllegalArgumentException(path + " is " + m.size() + " bytes wide");
        }
        return b;
    }

    /** Puts {@code bytes} at {@code addr} in the tracee. */
    DecoderGolden put(long addr, byte[] bytes) {
        image.put(addr, bytes.clone());
        return this;
    }

    /** Puts a NUL-terminated string at {@code addr}. */
    DecoderGolden putString(long addr, String s) {
        return put(addr, (s + "\0").getBytes(StandardCharsets.UTF_8));
    }

    /** strace's line for the call under default options. */
    String line(Arch arch, String name, long[] args, long rval) {
        return line(DecodeOptions.defaults(), arch, name, args, rval);
    }

    /** strace's line for {@code name(args) = rval} on {@code arch}, captured from the image. */
    String line(DecodeOptions o, Arch arch, String name, long[] args, long rval) {
        DecodedCall call = call(o, arch, name, args, rval);
        return call.name() + "(" + String.join(", ", call.argTexts()) + ") = " + call.result();
    }

    /** The decoded call {@code name(args) = rval} on {@code arch} under {@code o}, captured from the image. */
    DecodedCall call(DecodeOptions o, Arch arch, String name, long[] args, long rval) {
        long[] regs = Arrays.copyOf(args, 6);
        int nr = arch.syscallNumber(name);
        SyscallDecoder d = new SyscallDecoder(o);
        boolean error = rval < 0 && rval > -4096;
        Image in = new Image();
        d.planner().atEntry(arch, nr, regs, in);
        Image out = new Image();
        d.planner().atExit(arch, nr, regs, rval, error, out);
        var e = new RawEvent.SyscallEntry(1, 1, 0, arch, nr, regs, in.snapshot.build());
        var x = new RawEvent.SyscallExit(1, 1, 0, rval, error, out.snapshot.build());
        return d.decode(e, x);
    }

    /** The tracee memory the planner reads: the image, recording every read as the tracer does. */
    private final class Image implements TraceeMemory {
        final Snapshot.Builder snapshot = Snapshot.builder();

        private byte[] from(long addr) {
            Map.Entry<Long, byte[]> e = image.floorEntry(addr);
            if (e == null || addr - e.getKey() >= e.getValue().length) return null;
            return Arrays.copyOfRange(e.getValue(), (int) (addr - e.getKey()), e.getValue().length);
        }

        @Override
        public Snapshot.Region string(long address, int limit) {
            byte[] b = from(address);
            if (b == null) return record(new Snapshot.Region(address, new byte[0], false, false, Snapshot.Kind.STRING));
            int n = 0;
            while (n < b.length && n < limit && b[n] != 0) n++;
            boolean nul = n < b.length && b[n] == 0;
            return record(new Snapshot.Region(address, Arrays.copyOf(b, n), true, nul, Snapshot.Kind.STRING));
        }

        @Override
        public Snapshot.Region bytes(long address, int length) {
            byte[] b = from(address);
            if (b == null) return record(new Snapshot.Region(address, new byte[0], false, false, Snapshot.Kind.BYTES));
            int n = Math.min(length, b.length);
            return record(new Snapshot.Region(address, Arrays.copyOf(b, n), true, n == length, Snapshot.Kind.BYTES));
        }

        private Snapshot.Region record(Snapshot.Region r) {
            if (snapshot.find(r.address(), r.kind()) == null) snapshot.add(r);
            return r;
        }

        @Override
        public void fdPath(int fd) {}

        @Override
        public int tid() {
            return 1;
        }
    }
}
