package dev.jstrace.proc;

import dev.jstrace.arch.Arch;
import dev.jstrace.ffi.RawSyscall;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Finds the program of a command line as strace 6.1 does (its
 * {@code startup_child}), on bytes, so any file name works whatever the
 * locale: a name with a '/' is taken as it is; otherwise each entry of PATH
 * in turn (an empty entry is the working directory) until a regular file
 * with an execute bit. Then the result must exist ({@code stat}), or strace
 * stops with {@code Can't stat 'NAME'}. A directory given with a '/' passes:
 * its execve then fails with EACCES in the trace, as under strace.
 */
public final class ProgramSearch {
    private ProgramSearch() {}

    private static final int AT_FDCWD = -100;
    private static final int STATX_TYPE_MODE = 0x3;     // STATX_TYPE | STATX_MODE, <linux/stat.h>
    private static final int STATX_SIZE = 256;
    private static final long STX_MODE_OFFSET = 0x1c;   // struct statx: __u16 stx_mode
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int PATH_MAX = 4096;

    /**
     * The path to execve for {@code name}, or null when strace would say
     * {@code Can't stat}.
     *
     * @param path the PATH variable's value, or null when there is none
     */
    public static byte[] find(byte[] name, byte[] path) {
        byte[] found = null;
        if (indexOf(name, (byte) '/', 0) >= 0) {
            found = name;
        } else if (path != null) {
            int start = 0;
            while (start < path.length && found == null) {
                int colon = indexOf(path, (byte) ':', start);
                int end = colon < 0 ? path.length : colon;
                byte[] dir = end == start ? cwd() : Arrays.copyOfRange(path, start, end);
                start = colon < 0 ? path.length : colon + 1;
                if (dir == null) continue;
                ByteArrayOutputStream candidate = new ByteArrayOutputStream();
                candidate.writeBytes(dir);
                if (dir.length > 0 && dir[dir.length - 1] != '/') candidate.write('/');
                candidate.writeBytes(name);
                byte[] c = candidate.toByteArray();
                int mode = mode(c);
                if (mode >= 0 && (mode & S_IFMT) == S_IFREG && (mode & 0111) != 0) found = c;
            }
        }
        return found != null && mode(found) >= 0 ? found : null;
    }

    /** {@code stat(p).st_mode}, or -1 when stat fails. */
    private static int mode(byte[] p) {
        Arch arch = Arch.current();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(STATX_SIZE, 8);
            long r = RawSyscall.syscall6(SpawnSyscall.STATX.number(arch), AT_FDCWD, Spawner.cBytes(arena, p), 0,
                    STATX_TYPE_MODE, buf.address(), 0);
            return r < 0 ? -1 : Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, STX_MODE_OFFSET));
        }
    }

    private static byte[] cwd() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(PATH_MAX);
            long r = RawSyscall.syscall6(SpawnSyscall.GETCWD.number(Arch.current()), buf.address(), PATH_MAX,
                    0, 0, 0, 0);
            return r <= 0 ? null : buf.asSlice(0, r - 1).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) return i;
        }
        return -1;
    }
}
