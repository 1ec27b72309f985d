package dev.jstrace.proc;

import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.Ptrace;
import dev.jstrace.ffi.iovec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a stopped tracee's memory for a {@link CapturePlanner}, recording
 * every read into the stop's {@link Snapshot.Builder}. Owned by the tracer
 * thread: its native buffers are allocated once and reused for every stop.
 *
 * <p>Reads go through {@code process_vm_readv} in page-bounded pieces (a
 * piece that crosses into an unmapped page would fail whole), and fall back
 * to {@code PTRACE_PEEKDATA} word by word only where process_vm_readv is
 * refused (EPERM under some LSMs, ENOSYS on old kernels).
 */
final class ProcessMemory implements TraceeMemory {
    private static final int PAGE = 4096;
    private static final int MAX_READ = 1 << 20;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment localIov = arena.allocate(iovec.layout(), 1);
    private final MemorySegment remoteIov = arena.allocate(iovec.layout(), 1);
    private final MemorySegment word = arena.allocate(ValueLayout.JAVA_LONG);
    private MemorySegment buffer = arena.allocate(64 * 1024, 8);

    private int tid;
    private long stackPointer;
    private Snapshot.Builder out;
    private boolean peekOnly;

    /** Points this reader at the thread now stopped and the snapshot being built. */
    void bind(int tid, Snapshot.Builder out) {
        bind(tid, out, 0);
    }

    /** As {@link #bind(int, Snapshot.Builder)}, with the stack pointer the stop reported. */
    void bind(int tid, Snapshot.Builder out, long stackPointer) {
        this.tid = tid;
        this.out = out;
        this.stackPointer = stackPointer;
    }

    @Override
    public long stackPointer() {
        return stackPointer;
    }

    @Override
    public int tid() {
        return tid;
    }

    @Override
    public Snapshot.Region string(long address, int limit) {
        Snapshot.Region seen = out.find(address, Snapshot.Kind.STRING);
        if (seen != null) return seen;
        limit = Math.max(0, Math.min(limit, MAX_READ));
        ensure(limit + 1);
        long pos = address;
        int got = 0;
        boolean complete = false;
        while (got < limit + 1) {
            int chunk = (int) Math.min(PAGE - (pos & (PAGE - 1)), limit + 1 - got);
            long n = readInto(pos, got, chunk);
            if (n <= 0) break;
            int nul = indexOfNul(got, (int) n);
            if (nul >= 0) {
                got = nul;
                complete = true;
                break;
            }
            got += (int) n;
            pos += n;
            if (n < chunk) break;
        }
        boolean readable = got > 0 || complete;
        int len = Math.min(got, limit);
        if (!complete && got > limit) len = limit;
        byte[] data = buffer.asSlice(0, len).toArray(ValueLayout.JAVA_BYTE);
        Snapshot.Region r = new Snapshot.Region(address, data, readable, complete, Snapshot.Kind.STRING);
        out.add(r);
        return r;
    }

    @Override
    public Snapshot.Region bytes(long address, int length) {
        Snapshot.Region seen = out.find(address, Snapshot.Kind.BYTES);
        if (seen != null && seen.data().length >= length) return seen;
        length = Math.max(0, Math.min(length, MAX_READ));
        ensure(length);
        long pos = address;
        int got = 0;
        while (got < length) {
            int chunk = (int) Math.min(PAGE - (pos & (PAGE - 1)), length - got);
            long n = readInto(pos, got, chunk);
            if (n <= 0) break;
            got += (int) n;
            pos += n;
            if (n < chunk) break;
        }
        byte[] data = buffer.asSlice(0, got).toArray(ValueLayout.JAVA_BYTE);
        Snapshot.Region r = new Snapshot.Region(address, data, got > 0 || length == 0, got == length,
                Snapshot.Kind.BYTES);
        out.add(r);
        return r;
    }

    @Override
    public void fdPath(int fd) {
        if (out.hasFd(fd)) return;
        String path;
        try {
            // AT_FDCWD (-100) stands for the working directory: -y prints AT_FDCWD</dir>.
            Path link = fd == -100 ? Path.of("/proc/" + tid + "/cwd") : Path.of("/proc/" + tid + "/fd/" + fd);
            path = Files.readSymbolicLink(link).toString();
        } catch (Exception e) {
            path = null;
        }
        out.fdPath(fd, path);
    }

    /** Reads up to {@code len} bytes (never crossing a page) at {@code buffer[offset]}; returns bytes read or ≤0. */
    private long readInto(long remote, int offset, int len) {
        if (!peekOnly) {
            iovec.set(localIov, 0, buffer.address() + offset, len);
            iovec.set(remoteIov, 0, remote, len);
            long n = Libc.process_vm_readv(tid, localIov, 1, remoteIov, 1);
            if (n >= 0) return n;
            // EPERM/ENOSYS: process_vm_readv is refused for this tracee; ptrace still works.
            if (n != -1 && n != -38) return n;
            peekOnly = true;
        }
        return peek(remote, offset, len);
    }

    private long peek(long remote, int offset, int len) {
        int done = 0;
        while (done < len) {
            long aligned = (remote + done) & ~7L;
            int skip = (int) ((remote + done) - aligned);
            if (Ptrace.peekData(tid, aligned, word) < 0) break;
            for (int i = skip; i < 8 && done < len; i++) {
                buffer.set(ValueLayout.JAVA_BYTE, offset + done, word.get(ValueLayout.JAVA_BYTE, i));
                done++;
            }
        }
        return done == 0 ? -14 : done;
    }

    private int indexOfNul(int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (buffer.get(ValueLayout.JAVA_BYTE, i) == 0) return i;
        }
        return -1;
    }

    private void ensure(long size) {
        if (buffer.byteSize() < size + 8) {
            buffer = arena.allocate(Math.max(size + 8, buffer.byteSize() * 2), 8);
        }
    }

    /** Frees the native buffers; called when the loop ends. */
    void close() {
        arena.close();
    }
}
