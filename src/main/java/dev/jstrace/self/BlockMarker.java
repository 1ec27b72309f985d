package dev.jstrace.self;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;

/**
 * The two calls that delimit a traced block: {@code lseek(fd, VALUE, SEEK_SET)}
 * on a descriptor of {@code /dev/null} this JVM keeps open, where VALUE carries
 * the session's nonce and whether the block starts or ends. Seeking
 * {@code /dev/null} does nothing, and it is made with {@link RandomAccessFile#seek},
 * plain JDK code: the JVM that traces itself needs no native downcall to mark
 * its blocks, so its first {@code start()} does not pay for linking one (tens
 * of milliseconds on a cold JVM, more than the rest of the JVM's share).
 *
 * <p>No JDK code seeks {@code /dev/null} to a 60-bit random offset, so the
 * helper recognises the calls by their value alone.
 */
public final class BlockMarker {
    private BlockMarker() {}

    /** {@code <unistd.h>} SEEK_SET. */
    static final int SEEK_SET = 0;
    private static final long START = 1L << 60;
    private static final long END = 2L << 60;
    private static final long NONCE_BITS = (1L << 60) - 1;

    private static final class DevNull {
        static final RandomAccessFile FILE = open();

        private static RandomAccessFile open() {
            try {
                return new RandomAccessFile("/dev/null", "r");
            } catch (IOException e) {
                throw new UncheckedIOException("the self-trace marker needs /dev/null", e);
            }
        }
    }

    /** Opens the marker's descriptor now, outside any block. */
    public static void prepare() {
        DevNull.FILE.getClass();
    }

    /** The start marker's offset for {@code nonce}. */
    static long startValue(long nonce) {
        return START | (nonce & NONCE_BITS);
    }

    /** The end marker's offset for {@code nonce}. */
    static long endValue(long nonce) {
        return END | (nonce & NONCE_BITS);
    }

    /** Makes the start marker call: the block begins at its return. */
    public static void start(long nonce) {
        seek(startValue(nonce));
    }

    /** Makes the end marker call: the block ends at its entry. */
    public static void end(long nonce) {
        seek(endValue(nonce));
    }

    private static void seek(long offset) {
        try {
            DevNull.FILE.seek(offset);
        } catch (IOException e) {
            throw new UncheckedIOException("the self-trace marker (lseek on /dev/null) failed", e);
        }
    }

    /**
     * The calling thread's OS thread id, from {@code /proc/thread-self}
     * (a link to {@code PID/task/TID}): no native call needed.
     *
     * @return the tid
     * @throws IllegalStateException when /proc is not mounted
     */
    public static int currentTid() {
        try {
            String path = new File("/proc/thread-self").getCanonicalPath();
            return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("self-tracing needs /proc (/proc/thread-self did not resolve)", e);
        }
    }
}
