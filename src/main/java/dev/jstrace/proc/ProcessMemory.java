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
 * every read into the stop's {@link Snapshot.Builder}, or in ring mode into
 * the stop's {@link EventRing.Slot} (allocation-free in the steady state). Owned by the tracer
 * thread: its native buffers are allocated once and reused for every stop.
 *
 * <p>Reads go through {@code process_vm_readv} in page-bounded pieces (a
 * piece that crosses into an unmapped page would fail whole), and fall back
 * to {@code PTRACE_PEEKDATA} word by word only where process_vm_readv is
 * refused (EPERM under some LSMs, ENOSYS on old kernels).
 */
final class ProcessMemory implements TraceeMemory {
    private static final int PAGE = 4096;
    private static final int MAX_READ = dev.jstrace.decode.IoDumps.MAX_BYTES;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment localIov = arena.allocate(iovec.layout(), 1);
    private final MemorySegment remoteIov = arena.allocate(iovec.layout(), 1);
    private final MemorySegment word = arena.allocate(ValueLayout.JAVA_LONG);
    private MemorySegment buffer = arena.allocate(64 * 1024, 8);

    private int tid;
    private long stackPointer;
    private Snapshot.Builder out;
    /** Ring mode: reads are copied into this slot's arena instead of {@link #out}. */
    private EventRing.Slot slot;
    private boolean peekOnly;

    // Ring mode hands the planner regions that only live for the stop (the
    // slot keeps its own copy), so they are reused from stop to stop where the
    // same address is read again with the same outcome (a loop's buffer):
    // no allocation per stop. A region is never reused within the stop that
    // returned it.
    private static final int REUSE = 16;
    private final Snapshot.Region[] reusable = new Snapshot.Region[REUSE];
    private final long[] reusedAtStop = new long[REUSE];
    private long stop;
    /** The regions returned in this stop, for the planner's repeated reads. */
    private Snapshot.Region[] returned = new Snapshot.Region[8];
    private int returnedCount;

    /** Points this reader at the thread now stopped and the snapshot being built. */
    void bind(int tid, Snapshot.Builder out) {
        bind(tid, out, 0);
    }

    /** As {@link #bind(int, Snapshot.Builder)}, with the stack pointer the stop reported. */
    void bind(int tid, Snapshot.Builder out, long stackPointer) {
        this.tid = tid;
        this.out = out;
        this.slot = null;
        this.stackPointer = stackPointer;
    }

    /** Ring mode: reads of this stop go into {@code slot}. */
    void bind(int tid, EventRing.Slot slot, long stackPointer) {
        this.tid = tid;
        this.out = null;
        this.slot = slot;
        this.stackPointer = stackPointer;
        stop++;
        if (returnedCount > 0) java.util.Arrays.fill(returned, 0, returnedCount, null);
        returnedCount = 0;
    }

    private Snapshot.Region find(long address, Snapshot.Kind kind) {
        if (out != null) return out.find(address, kind);
        for (int i = 0; i < returnedCount; i++) {
            Snapshot.Region r = returned[i];
            if (r.address() == address && r.kind() == kind) return r;
        }
        return null;
    }

    /** Records what was read into {@code buffer[0, len)} and returns it as a region. */
    private Snapshot.Region record(long address, int len, boolean readable, boolean complete, Snapshot.Kind kind) {
        if (out != null) {
            byte[] data = new byte[len];
            MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, data, 0, len);
            Snapshot.Region r = new Snapshot.Region(address, data, readable, complete, kind);
            out.add(r);
            return r;
        }
        byte[] arena = slot.reserve(len);
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, arena, slot.used(), len);
        slot.addRegion(address, len, readable, complete, kind);
        int h = (int) ((address >>> 3) ^ (address >>> 12) ^ kind.ordinal()) & (REUSE - 1);
        Snapshot.Region r = reusable[h];
        if (r != null && reusedAtStop[h] != stop && r.address() == address && r.kind() == kind
                && r.data().length == len && r.readable() == readable && r.complete() == complete) {
            MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, r.data(), 0, len);
        } else {
            byte[] data = new byte[len];
            MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, data, 0, len);
            r = new Snapshot.Region(address, data, readable, complete, kind);
            reusable[h] = r;
        }
        reusedAtStop[h] = stop;
        if (returnedCount == returned.length) returned = java.util.Arrays.copyOf(returned, returnedCount * 2);
        returned[returnedCount++] = r;
        return r;
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
        Snapshot.Region seen = find(address, Snapshot.Kind.STRING);
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
        // strace's umovestr: a string whose NUL is not found before memory that cannot be read (within
        // the limit asked for) is unreadable as a whole, and strace prints its address, not its first
        // bytes. The byte past the limit only tells whether the string goes on; strace does not read it.
        boolean readable = complete || got >= limit;
        int len = readable ? Math.min(got, limit) : 0;
        return record(address, len, readable, complete, Snapshot.Kind.STRING);
    }

    @Override
    public Snapshot.Region bytes(long address, int length) {
        Snapshot.Region seen = find(address, Snapshot.Kind.BYTES);
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
        return record(address, got, got > 0 || length == 0, got == length, Snapshot.Kind.BYTES);
    }

    @Override
    public void fdPath(int fd) {
        if (out != null ? out.hasFd(fd) : slot.hasFd(fd)) return;
        String path;
        try {
            // AT_FDCWD (-100) stands for the working directory: -y prints AT_FDCWD</dir>.
            // Under unshare -Urpf the mounted /proc is an outer namespace's: the thread's directory there has
            // another number (strace's get_proc_pid), and this tid may name some other process.
            int dir = dev.jstrace.decode.PidNamespaces.procDir(tid);
            Path link = dir <= 0 ? null : fd == -100 ? Path.of("/proc/" + dir + "/cwd")
                    : Path.of("/proc/" + dir + "/fd/" + fd);
            path = link == null ? null : deletedMarked(link, Files.readSymbolicLink(link).toString());
        } catch (Exception e) {
            path = null;
        }
        if (out != null) {
            out.fdPath(fd, path);
        } else {
            slot.addFd(fd, path);
        }
    }

    /**
     * strace's get_proc_pid_fd_path: a link target ending in {@code " (deleted)"} that does not lead to
     * the inode behind the fd (lstat of it fails or finds another one) is the name before the suffix and
     * {@link Snapshot#DELETED_MARK}; any other target is returned as it is.
     */
    static String deletedMarked(Path link, String target) {
        String suffix = " (deleted)";
        if (target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= suffix.length() + 1
                || !target.endsWith(suffix)) {
            return target;
        }
        String name = target.substring(0, target.length() - suffix.length());
        Object[] behindFd;
        try {
            var a = Files.readAttributes(link, "unix:dev,ino");
            behindFd = new Object[] {a.get("dev"), a.get("ino")};
        } catch (Exception e) {
            return target;
        }
        try {
            // The whole target: a file really named "... (deleted)" is that file, not an unlinked one.
            var a = Files.readAttributes(Path.of(target), "unix:dev,ino", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (behindFd[0].equals(a.get("dev")) && behindFd[1].equals(a.get("ino"))) return target;
        } catch (Exception e) {
            // No such name any more: the file was unlinked.
        }
        return name + Snapshot.DELETED_MARK;
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
