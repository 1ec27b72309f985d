package dev.jstrace.proc;

import dev.jstrace.ffi.Libc;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A child started by {@link Spawner#spawn}: its pid, the parent's ends of the
 * pipes for the streams redirected to {@code PIPE}, and the read end of the
 * close-on-exec error pipe. The fds belong to this object until taken or
 * closed.
 *
 * <p>A raw fd becomes a Java stream by opening {@code /proc/self/fd/N}
 * ({@link java.io.FileDescriptor} has no public int constructor). For an
 * anonymous pipe that open never blocks, even when the other end is gone,
 * because Linux skips the FIFO rendezvous for pipefs inodes.
 */
public final class Spawned implements AutoCloseable {
    private final int pid;
    private int stdinFd;
    private int stdoutFd;
    private int stderrFd;
    private int errorPipeFd;

    Spawned(int pid, int stdinFd, int stdoutFd, int stderrFd, int errorPipeFd) {
        this.pid = pid;
        this.stdinFd = stdinFd;
        this.stdoutFd = stdoutFd;
        this.stderrFd = stderrFd;
        this.errorPipeFd = errorPipeFd;
    }

    /** The child's pid. */
    public int pid() {
        return pid;
    }

    /** The write end of the child's stdin pipe, or -1 (not {@code PIPE}, or already taken). */
    public int stdinFd() {
        return stdinFd;
    }

    /** The read end of the child's stdout pipe, or -1. */
    public int stdoutFd() {
        return stdoutFd;
    }

    /** The read end of the child's stderr pipe, or -1 (also when merged into stdout). */
    public int stderrFd() {
        return stderrFd;
    }

    /** The read end of the error pipe (see {@link Spawner#readSpawnError}), or -1 once closed. */
    public int errorPipeFd() {
        return errorPipeFd;
    }

    /**
     * The child's stdin as a stream, taking over the raw fd (which is closed
     * and reads as -1 afterwards). Like {@link Process#getOutputStream()}, a
     * stream that was not piped gives an empty sink.
     */
    public synchronized OutputStream takeStdin() throws IOException {
        if (stdinFd < 0) return OutputStream.nullOutputStream();
        OutputStream out = new FileOutputStream("/proc/self/fd/" + stdinFd);
        Libc.close(stdinFd);
        stdinFd = -1;
        return out;
    }

    /** The child's stdout as a stream, taking over the raw fd; empty when not piped. */
    public synchronized InputStream takeStdout() throws IOException {
        int fd = stdoutFd;
        stdoutFd = -1;
        return input(fd);
    }

    /** The child's stderr as a stream, taking over the raw fd; empty when not piped. */
    public synchronized InputStream takeStderr() throws IOException {
        int fd = stderrFd;
        stderrFd = -1;
        return input(fd);
    }

    private static InputStream input(int fd) throws IOException {
        if (fd < 0) return InputStream.nullInputStream();
        try {
            return new FileInputStream("/proc/self/fd/" + fd);
        } finally {
            Libc.close(fd);
        }
    }

    /** Closes the error pipe's read end (idempotent). */
    public synchronized void closeErrorPipe() {
        if (errorPipeFd >= 0) Libc.close(errorPipeFd);
        errorPipeFd = -1;
    }

    /** Closes every fd still held: pipes not taken as streams and the error pipe. Does not touch the child. */
    @Override
    public synchronized void close() {
        closeErrorPipe();
        if (stdinFd >= 0) Libc.close(stdinFd);
        if (stdoutFd >= 0) Libc.close(stdoutFd);
        if (stderrFd >= 0) Libc.close(stderrFd);
        stdinFd = stdoutFd = stderrFd = -1;
    }

    /** Reads the error pipe: see {@link Spawner#readSpawnError}. */
    synchronized int readErrno() {
        if (errorPipeFd < 0) return 0;
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment buf = arena.allocate(4);
            long got = 0;
            while (got < 4) {
                long r = Libc.read(errorPipeFd, buf.asSlice(got), 4 - got);
                if (r == -4) continue; // EINTR
                if (r <= 0) break;
                got += r;
            }
            return got == 4 ? buf.get(java.lang.foreign.ValueLayout.JAVA_INT, 0) : 0;
        }
    }

    @Override
    public String toString() {
        return "Spawned[pid=" + pid + ", stdin=" + stdinFd + ", stdout=" + stdoutFd + ", stderr=" + stderrFd
                + ", errorPipe=" + errorPipeFd + "]";
    }
}
