package dev.jstrace.sink;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where strace-style lines go: standard error, one {@code -o FILE}, a
 * {@code -o |command} pipe, or with {@code -ff -o FILE} one {@code FILE.TID}
 * per traced thread (strace names the files by thread id).
 *
 * <p>Files and pipes are written through 64 KB buffers (the dd benchmark's
 * throughput needs them), pushed out every {@link #FLUSH_MILLIS} by a flusher
 * thread: {@code tail -f} sees a line within that time of its call, and a
 * {@code kill -9} loses at most that much. Standard error is flushed per line.
 */
public final class StraceOutput implements Closeable {
    private volatile PrintStream single;
    private final Path perThreadBase;
    private final boolean append;
    private final boolean named;
    private final boolean interactive;
    private final Process pipeProcess;
    /** Guarded by itself: the flusher thread walks it while the decoder thread adds to it. */
    private final Map<Integer, PrintStream> perThread = new LinkedHashMap<>();
    /** How long a written line may wait in a buffer. */
    static final long FLUSH_MILLIS = 100;
    private final Thread flusher;

    private StraceOutput(PrintStream single, Path perThreadBase, boolean append, boolean named,
                         boolean interactive, Process pipeProcess) {
        this.single = single;
        this.perThreadBase = perThreadBase;
        this.append = append;
        this.named = named;
        this.interactive = interactive;
        this.pipeProcess = pipeProcess;
        // PrintStream locks itself for each write and flush, so flushing from another thread is safe.
        this.flusher = interactive ? null : Thread.ofPlatform().name("jstrace-flush").daemon(true).start(() -> {
            try {
                while (true) {
                    Thread.sleep(FLUSH_MILLIS);
                    flush();
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    /**
     * Lines to standard error (or any stream standing in for it), flushed as they are written.
     *
     * @param err standard error, or the stream standing in for it
     * @return the output
     */
    public static StraceOutput stderr(PrintStream err) {
        return new StraceOutput(err, null, false, false, true, null);
    }

    /**
     * Lines to an open stream laid out as for {@code -o FILE} (the {@code 1234  } prefix); closing closes it.
     *
     * @param out where to write
     * @return the output
     */
    public static StraceOutput stream(PrintStream out) {
        return new StraceOutput(out, null, false, true, false, null);
    }

    /**
     * Lines to {@code -o FILE}; {@code append} is {@code -A}.
     *
     * @param file the file
     * @param append the append
     * @return the output
     * @throws IOException when the file cannot be opened
     */
    public static StraceOutput file(Path file, boolean append) throws IOException {
        StraceOutput o = new StraceOutput(null, null, append, true, false, null);
        o.single = o.open(file, append);
        return o;
    }

    /**
     * Lines to {@code -o |command}: piped into {@code sh -c command}, as strace does.
     *
     * @param command the command
     * @return the output
     * @throws IOException when the command cannot be started
     */
    public static StraceOutput pipe(String command) throws IOException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        PrintStream ps = new PrintStream(new BufferedOutputStream(p.getOutputStream(), 1 << 16), false,
                StandardCharsets.UTF_8);
        return new StraceOutput(ps, null, false, true, false, p);
    }

    /**
     * {@return {@code -ff -o BASE}: each thread's lines in {@code BASE.TID}, opened on its first line}
     *
     * @param base the base
     * @param append the append
     */
    public static StraceOutput perThread(Path base, boolean append) {
        return new StraceOutput(null, base, append, true, false, null);
    }

    /**
     * {@return whether {@code -o} was given: strace then writes the {@code 1234  } prefix instead of {@code [pid  1234] }}
     */
    public boolean named() {
        return named;
    }

    /** {@return whether every thread has a file of its own (no pid prefixes at all)} */
    public boolean perThread() {
        return perThreadBase != null;
    }

    /** {@return whether lines should be flushed as soon as they are written (a terminal or standard error)} */
    public boolean interactive() {
        return interactive;
    }

    /**
     * {@return the stream for thread {@code tid}'s lines}
     *
     * @param tid the thread id
     */
    public PrintStream streamFor(int tid) {
        if (perThreadBase == null) return single;
        synchronized (perThread) {
            return perThread.computeIfAbsent(tid, t -> {
                try {
                    return open(perThreadBase.resolveSibling(perThreadBase.getFileName() + "." + t), append);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * With {@code -ff}: closes the file of a thread that has ended, as strace closes it with the
     * thread's tcb, so a long run holds a descriptor and a 64 KiB buffer per live thread, not per
     * thread ever traced (a build of a few thousand processes ran out of descriptors at the
     * caller's RLIMIT_NOFILE). A thread id used again starts its file anew, as strace's {@code "w"}
     * does (appended to under {@code -A}).
     *
     * @param tid the thread that ended
     * @return the stream closed, or {@code null} (one file for all, or no file for {@code tid})
     */
    public PrintStream release(int tid) {
        if (perThreadBase == null) return null;
        PrintStream ps;
        synchronized (perThread) {
            ps = perThread.remove(tid);
        }
        if (ps != null) ps.close();
        return ps;
    }

    /**
     * {@return the stream the {@code -c} table goes to: the single output, or standard error with {@code -ff}}
     *
     * @param stderr the stderr
     */
    public PrintStream summaryStream(PrintStream stderr) {
        return single != null ? single : stderr;
    }

    /** Pushes buffered lines out. */
    public void flush() {
        if (single != null) single.flush();
        synchronized (perThread) {
            perThread.values().forEach(PrintStream::flush);
        }
    }

    /** Flushes and closes every file (never standard error); waits for a {@code -o |command} to finish. */
    @Override
    public void close() {
        if (flusher != null) flusher.interrupt();
        if (single != null) {
            if (named) single.close(); else single.flush();
        }
        synchronized (perThread) {
            perThread.values().forEach(PrintStream::close);
        }
        if (pipeProcess != null) {
            try {
                pipeProcess.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private PrintStream open(Path file, boolean append) throws IOException {
        return new PrintStream(new BufferedOutputStream(new WriteErrors(opened(file, append), file), 1 << 16),
                false, StandardCharsets.UTF_8);
    }

    private static OutputStream opened(Path file, boolean append) throws IOException {
        return append
                ? Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE)
                : Files.newOutputStream(file);
    }

    /**
     * {@return strace's message for the first write to a file that failed ({@code /dev/full: No space left
     * on device}, as its outf_perror says it after a failed fflush), or null when every write went through}
     * PrintStream keeps only that an error happened; the file's own stream records what it was.
     */
    public String writeError() {
        return writeError;
    }

    /** The first failed write's message, or null. */
    private volatile String writeError;

    /** Records the first write or flush that failed, and fails it on. */
    private final class WriteErrors extends java.io.FilterOutputStream {
        private final Path file;

        WriteErrors(OutputStream out, Path file) {
            super(out);
            this.file = file;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private IOException failed(IOException e) {
            if (writeError == null) writeError = file + ": " + e.getMessage();
            return e;
        }
    }
}
